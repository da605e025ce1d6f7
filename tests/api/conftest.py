"""The people of two organizations, API clients for each, and quiet throttles.

`world` is the cast of the access matrix: an athlete with a login and their assigned coach,
another athlete of the same organization, an unassigned colleague, the head coach, a coach of
another organization and a staff operator; plus one record of every kind for the athlete.
"""

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from rest_framework.test import APIClient

from tests import factories as f

ROLES = ("anon", "athlete", "other_athlete", "coach", "colleague", "head", "stranger", "staff")


@pytest.fixture(scope="session", autouse=True)
def _catalogue_survives_transactional_tests(django_db_setup, django_db_blocker):
    """Transactional tests (live server, concurrency) end with a flush that empties the
    seeded exercise catalogue; put it back so a reused test database stays complete."""
    yield
    with django_db_blocker.unblock():
        migration = importlib.import_module("coaching.migrations.0002_seed_exercise_catalogue")
        migration.seed(django_apps, None)


@pytest.fixture(autouse=True)
def _fast_and_unthrottled(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"auth": None, "write": None},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    today = dt.date.today()
    org, other_org = f.OrganizationFactory(), f.OrganizationFactory()
    head = f.HeadCoachFactory(organization=org)
    coach = f.CoachFactory(organization=org)
    colleague = f.CoachFactory(organization=org)
    stranger = f.CoachFactory(organization=other_org)
    athlete = f.AthleteFactory(
        organization=org,
        coaches=[coach],
        user=f.UserFactory(username="athlete-login"),
        goal_lifts=[f.catalogue("back-squat")],
    )
    other_athlete = f.AthleteFactory(
        organization=org, coaches=[colleague], user=f.UserFactory(username="other-login")
    )
    foreign = f.AthleteFactory(organization=other_org, coaches=[stranger])
    staff = f.UserFactory(username="operator", is_staff=True)
    session = f.TrainingSessionFactory(athlete=athlete, date=today)
    f.TrainingSetFactory(session=session, position=1)
    run = f.AnalysisRunFactory(athlete=athlete)
    f.FindingFactory(run=run, rank=1)
    records = {
        "sleep": f.SleepCheckInFactory(athlete=athlete, date=today),
        "nutrition": f.NutritionCheckInFactory(athlete=athlete, date=today),
        "stress": f.StressCheckInFactory(athlete=athlete, date=today),
        "wellness": f.WellnessCheckInFactory(athlete=athlete, date=today),
        "session": session,
        "strength": f.StrengthTestFactory(athlete=athlete, date=today),
        "movement": f.MovementScreenFactory(athlete=athlete, date=today),
        "mobility": f.MobilityScreenFactory(athlete=athlete, date=today),
        "jump": f.JumpTestFactory(athlete=athlete, date=today),
        "activation": f.ActivationRatingFactory(athlete=athlete, date=today),
        "symptom": f.SymptomReportFactory(athlete=athlete, date=today),
        "phase": f.TrainingPhaseFactory(athlete=athlete),
        "run": run,
        "flag": f.FlagFactory(athlete=athlete),
    }
    users = {
        "anon": None,
        "athlete": athlete.user,
        "other_athlete": other_athlete.user,
        "coach": coach.user,
        "colleague": colleague.user,
        "head": head.user,
        "stranger": stranger.user,
        "staff": staff,
    }
    return World(locals())


class World(dict):
    """Attribute access to the cast (`world.athlete`, `world.records["sleep"]`)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def client(self, role: str) -> APIClient:
        return client_for(self.users[role])


def client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


@pytest.fixture
def api():
    return APIClient()
