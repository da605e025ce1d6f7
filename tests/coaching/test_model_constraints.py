"""The database enforces every bound and uniqueness rule of the coaching models."""

import datetime as dt

import pytest

from tests import factories as f
from tests.constraint_helpers import assert_rejected, bound_cases, check_bound

pytestmark = pytest.mark.django_db

BOUNDS = [
    (f.CoachFactory, "digest_hour", 0, 23, 1),
    (f.AthleteFactory, "height_cm", 100, 250, 0.5),
    (f.AthleteFactory, "body_mass_kg", 30, 300, 0.5),
    (f.AthleteFactory, "training_age_years", 0, 60, 0.5),
    (f.AthleteFactory, "fat_free_mass_kg", 20, 200, 0.5),
    (f.SleepCheckInFactory, "hours", 0, 24, 0.1),
    (f.SleepCheckInFactory, "quality", 1, 5, 1),
    (f.NutritionCheckInFactory, "calories_kcal", 0, 15000, 1),
    (f.NutritionCheckInFactory, "protein_g", 0, 1000, 0.1),
    (f.NutritionCheckInFactory, "carbohydrate_g", 0, 2000, 0.1),
    (f.NutritionCheckInFactory, "fat_g", 0, 1000, 0.1),
    (f.NutritionCheckInFactory, "water_l", 0, 20, 0.1),
    (f.StressCheckInFactory, "stress", 1, 10, 1),
    (f.StressCheckInFactory, "mood", 1, 5, 1),
    (f.WellnessCheckInFactory, "fatigue", 1, 10, 1),
    (f.WellnessCheckInFactory, "soreness", 1, 10, 1),
    (f.WellnessCheckInFactory, "perceived_leg_weakness", 0, 10, 1),
    (f.WellnessCheckInFactory, "motivation", 1, 5, 1),
    (f.WellnessCheckInFactory, "urine_colour", 1, 8, 1),
    (f.WellnessCheckInFactory, "body_mass_kg", 30, 300, 0.1),
    (f.TrainingSessionFactory, "duration_min", 1, 600, 1),
    (f.TrainingSessionFactory, "session_rpe", 1, 10, 1),
    (f.TrainingSetFactory, "reps", 1, 100, 1),
    (f.TrainingSetFactory, "load_kg", 0, 1000, 0.5),
    (f.TrainingSetFactory, "rpe", 1, 10, 0.5),
    (f.TrainingSetFactory, "rir", 0, 10, 1),
]


@pytest.mark.parametrize(("factory", "field", "value", "accepted"), bound_cases(BOUNDS))
def test_bounds_are_enforced_by_the_database(factory, field, value, accepted):
    check_bound(factory, field, value, accepted)


@pytest.mark.parametrize(
    ("factory", "field", "value"),
    [
        (f.CoachFactory, "role", "assistant"),
        (f.AthleteFactory, "sex", "unknown"),
        (f.AthleteFactory, "goal", "bodybuilding"),
        (f.ExerciseFactory, "kind", "cardio"),
        (f.ExerciseFactory, "pattern", "rowing"),
        (f.TrainingSetFactory, "side", "mid"),
        (f.TrainingPhaseFactory, "kind", "holiday"),
    ],
)
def test_enumerations_are_enforced_by_the_database(factory, field, value):
    assert_rejected(factory, **{field: value})


@pytest.mark.parametrize(
    "factory",
    [
        f.SleepCheckInFactory,
        f.NutritionCheckInFactory,
        f.StressCheckInFactory,
        f.WellnessCheckInFactory,
    ],
)
def test_second_check_in_for_the_same_date_is_rejected(factory):
    first = factory()
    assert_rejected(factory, athlete=first.athlete, date=first.date)


def test_same_date_check_in_is_allowed_for_another_athlete():
    first = f.SleepCheckInFactory()
    assert f.SleepCheckInFactory(date=first.date).pk


def test_set_positions_are_unique_within_a_session():
    first = f.TrainingSetFactory(position=1)
    assert_rejected(f.TrainingSetFactory, session=first.session, position=1)


def test_exercise_slug_is_unique_within_an_organization():
    first = f.ExerciseFactory(slug="tempo-squat")
    assert_rejected(f.ExerciseFactory, organization=first.organization, slug="tempo-squat")
    assert f.ExerciseFactory(slug="tempo-squat").pk  # another organization may reuse it


def test_shared_catalogue_slug_is_unique():
    assert_rejected(f.ExerciseFactory, organization=None, slug="back-squat")


def test_session_load_is_duration_times_session_rpe():
    session = f.TrainingSessionFactory(duration_min=75, session_rpe=8)
    session.refresh_from_db()
    assert session.load_au == 600


def test_catalogue_holds_every_exercise_the_source_names():
    from coaching.models import Exercise

    named = {
        "back-squat", "deadlift", "lunge", "leg-press", "hamstring-curl", "leg-extension",
        "glute-bridge", "calf-raise", "hip-thrust", "glute-ham-raise", "box-jump", "broad-jump",
    }  # fmt: skip
    variants = {"front-squat", "romanian-deadlift", "bulgarian-split-squat", "step-up",
                "nordic-curl", "single-leg-press"}  # fmt: skip
    slugs = set(Exercise.objects.filter(organization=None).values_list("slug", flat=True))
    assert named | variants <= slugs


@pytest.mark.postgres
def test_suite_runs_on_postgresql_in_ci():
    from django.db import connection

    assert connection.vendor == "postgresql"


def test_a_phase_may_not_end_before_it_starts():
    assert_rejected(f.TrainingPhaseFactory, start=f.TODAY, end=f.TODAY - dt.timedelta(days=1))


def test_a_one_day_phase_is_accepted():
    assert f.TrainingPhaseFactory(start=f.TODAY, end=f.TODAY).days == 1


def test_phase_kinds_are_the_engines():
    from assessments.analysis.snapshot import PHASE_KINDS
    from coaching.models import PhaseKind

    assert tuple(PhaseKind.values) == PHASE_KINDS
