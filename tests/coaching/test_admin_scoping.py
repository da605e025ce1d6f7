"""The admin is the coach dashboard: each coach sees their athletes only, staff see all."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.models import Athlete
from tests import factories as f
from tests.query_helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    org, other_org = f.OrganizationFactory(), f.OrganizationFactory()
    head = f.HeadCoachFactory(organization=org)
    coach = f.CoachFactory(organization=org)
    colleague = f.CoachFactory(organization=org)
    outsider = f.CoachFactory(organization=other_org)
    mine = f.AthleteFactory(organization=org, coaches=[coach], name="Mine Athlete")
    theirs = f.AthleteFactory(organization=org, coaches=[colleague], name="Theirs Athlete")
    foreign = f.AthleteFactory(organization=other_org, coaches=[outsider], name="Foreign Athlete")
    return locals()


def login(client, coach):
    client.force_login(coach.user)
    return client


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def test_coach_can_open_the_dashboard(client, team):
    response = login(client, team["coach"]).get(reverse("admin:index"))
    assert response.status_code == 200


def test_user_without_membership_cannot_open_the_dashboard(client):
    client.force_login(f.UserFactory())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_coach_lists_only_assigned_athletes(client, team):
    response = login(client, team["coach"]).get(reverse("admin:coaching_athlete_changelist"))
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [team["mine"]]


def test_coach_cannot_open_another_coaches_athlete(client, team):
    login(client, team["coach"])
    assert client.get(change_url(team["theirs"])).status_code == 404
    assert client.get(change_url(team["foreign"])).status_code == 404


def test_coach_cannot_change_another_coaches_athlete(client, team):
    login(client, team["coach"])
    response = client.post(change_url(team["theirs"]), {"name": "Renamed", "sex": "male"})
    assert response.status_code == 404
    assert Athlete.objects.get(pk=team["theirs"].pk).name == "Theirs Athlete"


def test_coach_cannot_see_another_coaches_check_ins(client, team):
    hidden = f.SleepCheckInFactory(athlete=team["theirs"])
    visible = f.SleepCheckInFactory(athlete=team["mine"])
    response = login(client, team["coach"]).get(reverse("admin:coaching_sleepcheckin_changelist"))
    assert list(response.context["cl"].result_list) == [visible]
    assert client.get(change_url(hidden)).status_code == 404


def test_head_coach_sees_the_whole_organization(client, team):
    response = login(client, team["head"]).get(reverse("admin:coaching_athlete_changelist"))
    assert set(response.context["cl"].result_list) == {team["mine"], team["theirs"]}
    assert client.get(change_url(team["theirs"])).status_code == 200
    assert client.get(change_url(team["foreign"])).status_code == 404


def test_staff_see_every_organization(client, team):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:coaching_athlete_changelist"))
    assert set(response.context["cl"].result_list) == {
        team["mine"], team["theirs"], team["foreign"],
    }  # fmt: skip


def test_athlete_page_shows_recent_check_ins_inline(client, team):
    f.SleepCheckInFactory(athlete=team["mine"], date=timezone.localdate(), hours=6.25)
    response = login(client, team["coach"]).get(change_url(team["mine"]))
    assert response.status_code == 200
    assert "6.25" in response.content.decode()


def test_coach_creating_an_athlete_owns_it(client, team):
    login(client, team["coach"])
    response = client.post(
        reverse("admin:coaching_athlete_add"),
        {
            "name": "New Athlete", "sex": "male", "goal": "strength",
            **{f"{p}-TOTAL_FORMS": "0" for p in _inline_prefixes()},
            **{f"{p}-INITIAL_FORMS": "0" for p in _inline_prefixes()},
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    athlete = Athlete.objects.get(name="New Athlete")
    assert athlete.organization == team["coach"].organization
    assert list(athlete.coaches.all()) == [team["coach"]]


def test_athlete_choices_in_forms_are_scoped(client, team):
    response = login(client, team["coach"]).get(reverse("admin:coaching_sleepcheckin_add"))
    choices = {str(c) for c in response.context["adminform"].form.fields["athlete"].queryset}
    assert choices == {"Mine Athlete"}


def test_changelist_queries_do_not_grow_with_rows(client, team):
    login(client, team["head"])
    url = reverse("admin:coaching_athlete_changelist")

    def grow():
        for _ in range(30):
            athlete = f.AthleteFactory(
                organization=team["head"].organization, coaches=[team["coach"]]
            )
            f.FlagFactory(athlete=athlete)

    assert_queries_constant(lambda: client.get(url), grow)


def _inline_prefixes():
    return ("phases", "sleepcheckins", "nutritioncheckins", "stresscheckins", "wellnesscheckins")
