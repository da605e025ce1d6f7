"""The snapshot loader's PostgreSQL reader (raw SQL, the nightly's hot path) returns exactly
what the portable ORM reader returns, for every kind of data."""

import datetime as dt

import pytest

from assessments import selectors
from coaching.models import Exercise
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

AS_OF = f.TODAY


def rich_athlete(organization, own_exercise, offset: int):
    athlete = f.AthleteFactory(organization=organization)
    for days_ago in range(offset, 40, 3):
        day = AS_OF - dt.timedelta(days=days_ago)
        f.SleepCheckInFactory(athlete=athlete, date=day, hours=6 + days_ago % 3)
        f.NutritionCheckInFactory(
            athlete=athlete, date=day, carbohydrate_g=None if days_ago % 2 else 300.0,
            micronutrient_concerns=["iron", "magnesium"] if days_ago % 4 else [],
        )  # fmt: skip
        f.StressCheckInFactory(athlete=athlete, date=day, mood=None)
        f.WellnessCheckInFactory(athlete=athlete, date=day, urine_colour=None)
        session = f.TrainingSessionFactory(athlete=athlete, date=day)
        for position, exercise in ((2, own_exercise), (1, f.catalogue("back-squat"))):
            f.TrainingSetFactory(session=session, position=position, exercise=exercise)
    day = AS_OF - dt.timedelta(days=offset)
    f.StrengthTestFactory(athlete=athlete, date=day, exercise=own_exercise)
    f.MovementScreenFactory(
        athlete=athlete, date=day, flaws=["knee_valgus"], compensations=["hip_hike"],
        stability_issues=["hip", "ankle"],
    )  # fmt: skip
    f.MobilityScreenFactory(athlete=athlete, date=day, y_balance_left_pct=None)
    f.JumpTestFactory(athlete=athlete, date=day)
    f.ActivationRatingFactory(athlete=athlete, date=day, exercise=None)
    f.ActivationRatingFactory(athlete=athlete, date=day - dt.timedelta(days=1))
    f.SymptomReportFactory(
        athlete=athlete, date=day, numbness=True, pain_days=None, explained_by="a fall",
        side="left", swelling=True, progression="worsening", context="after a long drive",
    )  # fmt: skip
    f.SymptomReportFactory(athlete=athlete, date=day - dt.timedelta(days=2), side=None)
    f.SleepCheckInFactory(athlete=athlete, date=AS_OF - dt.timedelta(days=400))  # too old
    return athlete


def normalised(series: dict[str, dict]) -> dict:
    """Entries per series and athlete, in a fixed order (neither reader sorts by date)."""
    return {
        name: {athlete: sorted(map(repr, entries)) for athlete, entries in grouped.items()}
        for name, grouped in series.items()
    }


def test_the_postgresql_reader_matches_the_orm_reader():
    organization = f.OrganizationFactory()
    own = f.ExerciseFactory(organization=organization, slug="tempo-squat")
    athletes = [rich_athlete(organization, own, offset) for offset in range(3)]
    ids = [athlete.pk for athlete in athletes] + [10**9]  # and one that does not exist
    slugs = dict(Exercise.objects.values_list("pk", "slug"))
    specs = selectors._series_specs(slugs)
    since = AS_OF - dt.timedelta(days=90)

    fast = selectors._series_postgresql(ids, since, specs)
    portable = selectors._series_orm(ids, since, specs)

    assert normalised(fast) == normalised(portable)
    sessions = fast["sessions"][athletes[0].pk]
    assert [s.exercise for s in sessions[0].sets] == ["back-squat", "tempo-squat"]
    assert fast["nutrition"][athletes[0].pk]  # the data really was read
    concerns = {e.micronutrient_concerns for e in fast["nutrition"][athletes[0].pk]}
    assert concerns == {(), ("iron", "magnesium")}
    assert len(fast["sleep"][athletes[0].pk]) == len(range(0, 40, 3))  # not the old one
