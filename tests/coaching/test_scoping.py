"""Scoping selectors: each role sees exactly its own slice of the data."""

import pytest

from coaching.scoping import Role, athletes_for, coaches_for, exercises_for, role_of
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    org, other_org = f.OrganizationFactory(), f.OrganizationFactory()
    head = f.HeadCoachFactory(organization=org)
    coach = f.CoachFactory(organization=org)
    colleague = f.CoachFactory(organization=org)
    stranger = f.CoachFactory(organization=other_org)
    mine = f.AthleteFactory(organization=org, coaches=[coach])
    theirs = f.AthleteFactory(organization=org, coaches=[colleague])
    foreign = f.AthleteFactory(organization=other_org, coaches=[stranger])
    login = f.UserFactory(username="athlete-login")
    mine.user = login
    mine.save()
    return locals()


def test_roles_are_derived_from_memberships(world):
    assert role_of(world["head"].user) is Role.HEAD_COACH
    assert role_of(world["coach"].user) is Role.COACH
    assert role_of(world["login"]) is Role.ATHLETE
    assert role_of(f.UserFactory(is_staff=True)) is Role.STAFF
    assert role_of(f.UserFactory()) is Role.NONE


def test_coach_sees_only_assigned_athletes(world):
    assert list(athletes_for(world["coach"].user)) == [world["mine"]]


def test_head_coach_sees_whole_organization_only(world):
    assert set(athletes_for(world["head"].user)) == {world["mine"], world["theirs"]}


def test_athlete_sees_only_themselves(world):
    assert list(athletes_for(world["login"])) == [world["mine"]]


def test_inactive_user_sees_nothing(world):
    user = world["head"].user
    user.is_active = False
    assert not athletes_for(user).exists()


def test_coaches_are_scoped_to_the_organization(world):
    visible = set(coaches_for(world["coach"].user))
    assert world["stranger"] not in visible
    assert {world["head"], world["coach"], world["colleague"]} <= visible


def test_exercises_are_catalogue_plus_own_organization(world):
    own = f.ExerciseFactory(organization=world["coach"].organization)
    foreign = f.ExerciseFactory(organization=world["stranger"].organization)
    visible = set(exercises_for(world["coach"].user))
    assert own in visible and foreign not in visible
    assert any(e.slug == "back-squat" for e in visible)
