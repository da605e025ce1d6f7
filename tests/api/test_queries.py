"""Every list runs the same number of queries for 1 row as for 50 (no N+1 anywhere)."""

import datetime as dt

import pytest

from tests import factories as f
from tests.query_helpers import count_queries

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 1, 1)


def _dated(factory, **extra):
    def grow(world, n):
        start = factory._meta.model.objects.count()
        for i in range(start, start + n):
            factory(athlete=world.athlete, date=DAY - dt.timedelta(days=i), **extra)

    return grow


def _sessions(world, n):
    for i in range(n):
        session = f.TrainingSessionFactory(athlete=world.athlete, date=DAY - dt.timedelta(days=i))
        f.TrainingSetFactory(session=session, position=1)
        f.TrainingSetFactory(session=session, position=2, exercise=f.catalogue("deadlift"))


def _runs(world, n):
    for _ in range(n):
        run = f.AnalysisRunFactory(athlete=world.athlete)
        f.FindingFactory(run=run, rank=1)
        f.FindingFactory(run=run, rank=2, cause="dehydration")


def _athletes(world, n):
    lift = f.catalogue("deadlift")
    for _ in range(n):
        athlete = f.AthleteFactory(organization=world.org, coaches=[world.coach, world.colleague])
        athlete.goal_lifts.set([lift])
        f.FlagFactory(athlete=athlete)


def _flags(world, n):
    start = world.other_athlete.flags.count()
    for i in range(start, start + n):
        f.FlagFactory(athlete=world.other_athlete, code=f"code-{i}")


def _exercises(world, n):
    for _ in range(n):
        f.ExerciseFactory(organization=world.org)


def _organizations(world, n):
    for _ in range(n):
        f.OrganizationFactory()


def _phases(world, n):
    start = world.athlete.phases.count()
    for i in range(start, start + n):
        day = DAY + dt.timedelta(days=30 + i)  # one-day phases, clear of the world's phase
        f.TrainingPhaseFactory(athlete=world.athlete, start=day, end=day)


def _coaches(world, n):
    for _ in range(n):
        f.CoachFactory(organization=world.org)


A = "/api/v1/athletes/{athlete}"
LISTS = {
    "athletes": ("head", "/api/v1/athletes/", _athletes),
    "exercises": ("coach", "/api/v1/exercises/", _exercises),
    "organizations": ("staff", "/api/v1/organizations/", _organizations),
    "coaches": ("head", "/api/v1/organizations/{org}/coaches/", _coaches),
    "flags": ("head", "/api/v1/flags/", _flags),
    "sessions": ("coach", f"{A}/sessions/", _sessions),
    "phases": ("athlete", f"{A}/phases/", _phases),
    "analyses": ("coach", f"{A}/analyses/", _runs),
    "symptoms": ("athlete", f"{A}/symptoms/", _dated(f.SymptomReportFactory)),
    "sleep": ("athlete", f"{A}/check-ins/sleep/", _dated(f.SleepCheckInFactory)),
    "nutrition": ("athlete", f"{A}/check-ins/nutrition/", _dated(f.NutritionCheckInFactory)),
    "stress": ("athlete", f"{A}/check-ins/stress/", _dated(f.StressCheckInFactory)),
    "wellness": ("athlete", f"{A}/check-ins/wellness/", _dated(f.WellnessCheckInFactory)),
    "strength": ("coach", f"{A}/assessments/strength/", _dated(f.StrengthTestFactory)),
    "movement": ("coach", f"{A}/assessments/movement/", _dated(f.MovementScreenFactory)),
    "mobility": ("coach", f"{A}/assessments/mobility/", _dated(f.MobilityScreenFactory)),
    "jump": ("coach", f"{A}/assessments/jump/", _dated(f.JumpTestFactory)),
    "activation": (
        "coach",
        f"{A}/assessments/activation/",
        _dated(f.ActivationRatingFactory),
    ),
}


@pytest.mark.parametrize("name", list(LISTS))
def test_list_query_count_does_not_grow_with_rows(world, name):
    role, template, grow = LISTS[name]
    url = template.format(athlete=world.athlete.pk, org=world.org.pk)
    client = world.client(role)

    def fetch():
        response = client.get(url, {"page_size": 200})
        assert response.status_code == 200
        return response.json()

    grow(world, 1)
    fetch()  # warm-up
    small = count_queries(fetch)
    grow(world, 49)
    assert fetch()["count"] >= 50
    large = count_queries(fetch)
    assert large == small, f"{name}: {small} queries for few rows, {large} for 50"
