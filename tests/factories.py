"""factory_boy factories for every model; defaults describe a healthy, well-trained athlete."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from assessments import models as am
from coaching import models as cm

TODAY = dt.date(2026, 11, 24)
PASSWORD = "correct-horse-battery-staple"


def catalogue(slug: str) -> cm.Exercise:
    """A shared catalogue exercise, seeded by migration."""
    return cm.Exercise.objects.get(organization=None, slug=slug)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = cm.Organization

    name = factory.Sequence(lambda n: f"Team {n}")
    timezone = "Europe/London"


class CoachFactory(DjangoModelFactory):
    class Meta:
        model = cm.Coach

    user = factory.SubFactory(UserFactory, username=factory.Sequence(lambda n: f"coach{n}"))
    organization = factory.SubFactory(OrganizationFactory)
    role = cm.Coach.Role.COACH


class HeadCoachFactory(CoachFactory):
    user = factory.SubFactory(UserFactory, username=factory.Sequence(lambda n: f"head{n}"))
    role = cm.Coach.Role.HEAD_COACH


class ExerciseFactory(DjangoModelFactory):
    class Meta:
        model = cm.Exercise

    organization = factory.SubFactory(OrganizationFactory)
    slug = factory.Sequence(lambda n: f"custom-lift-{n}")
    name = factory.Sequence(lambda n: f"Custom lift {n}")
    pattern = cm.Exercise.Pattern.SQUAT
    kind = cm.Exercise.Kind.COMPOUND
    muscles = factory.LazyFunction(lambda: ["quadriceps", "glutes"])


class AthleteFactory(DjangoModelFactory):
    class Meta:
        model = cm.Athlete
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Athlete {n}")
    sex = cm.Athlete.Sex.FEMALE
    date_of_birth = dt.date(1998, 5, 17)
    height_cm = 170.0
    body_mass_kg = 70.0
    training_age_years = 4.0
    goal = cm.Athlete.Goal.STRENGTH

    @factory.post_generation
    def coaches(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.coaches.set(extracted)

    @factory.post_generation
    def goal_lifts(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.goal_lifts.set(extracted)


class AthleteDatedFactory(DjangoModelFactory):
    athlete = factory.SubFactory(AthleteFactory)
    date = factory.Sequence(lambda n: TODAY - dt.timedelta(days=n))


class SleepCheckInFactory(AthleteDatedFactory):
    class Meta:
        model = cm.SleepCheckIn

    hours = 7.5
    quality = 4


class NutritionCheckInFactory(AthleteDatedFactory):
    class Meta:
        model = cm.NutritionCheckIn

    calories_kcal = 2600
    protein_g = 130.0
    carbohydrate_g = 320.0
    fat_g = 85.0
    water_l = 2.8


class StressCheckInFactory(AthleteDatedFactory):
    class Meta:
        model = cm.StressCheckIn

    stress = 4
    mood = 4


class WellnessCheckInFactory(AthleteDatedFactory):
    class Meta:
        model = cm.WellnessCheckIn

    fatigue = 3
    soreness = 3
    perceived_leg_weakness = 2
    motivation = 4
    urine_colour = 2


class TrainingSessionFactory(AthleteDatedFactory):
    class Meta:
        model = cm.TrainingSession

    duration_min = 60
    session_rpe = 7


class TrainingSetFactory(DjangoModelFactory):
    class Meta:
        model = cm.TrainingSet

    session = factory.SubFactory(TrainingSessionFactory)
    position = factory.Sequence(int)
    exercise = factory.LazyFunction(lambda: catalogue("back-squat"))
    reps = 5
    load_kg = 100.0
    rpe = 8.0
    side = "both"


class StrengthTestFactory(AthleteDatedFactory):
    class Meta:
        model = am.StrengthTest

    exercise = factory.LazyFunction(lambda: catalogue("back-squat"))
    load_kg = 120.0
    reps = 3
    side = "both"


class MovementScreenFactory(AthleteDatedFactory):
    class Meta:
        model = am.MovementScreen

    exercise = factory.LazyFunction(lambda: catalogue("back-squat"))
    flaws = factory.LazyFunction(list)
    compensations = factory.LazyFunction(list)
    stability_issues = factory.LazyFunction(list)


class MobilityScreenFactory(AthleteDatedFactory):
    class Meta:
        model = am.MobilityScreen

    ankle_dorsiflexion_left_cm = 12.0
    ankle_dorsiflexion_right_cm = 12.5
    single_leg_balance_left_s = 30.0
    single_leg_balance_right_s = 30.0


class JumpTestFactory(AthleteDatedFactory):
    class Meta:
        model = am.JumpTest

    countermovement_jump_cm = 40.0


class ActivationRatingFactory(AthleteDatedFactory):
    class Meta:
        model = am.ActivationRating

    mind_muscle_rating = 4


class SymptomReportFactory(AthleteDatedFactory):
    class Meta:
        model = am.SymptomReport

    onset = "gradual"
    severity = 3


class TrainingPhaseFactory(DjangoModelFactory):
    class Meta:
        model = cm.TrainingPhase

    athlete = factory.SubFactory(AthleteFactory)
    start = TODAY - dt.timedelta(days=6)
    end = TODAY
    kind = "deload"


class AnalysisRunFactory(DjangoModelFactory):
    class Meta:
        model = am.AnalysisRun

    athlete = factory.SubFactory(AthleteFactory)
    as_of = TODAY
    ruleset_version = "1.0.0"
    window_start = TODAY - dt.timedelta(days=56)
    window_end = TODAY
    weakness_type = "undetermined"


class FindingFactory(DjangoModelFactory):
    class Meta:
        model = am.Finding

    run = factory.SubFactory(AnalysisRunFactory)
    rank = factory.Sequence(lambda n: n + 1)
    cause = "inadequate_sleep"
    category = "lifestyle"
    score = 0.5


class FlagFactory(DjangoModelFactory):
    class Meta:
        model = am.Flag

    athlete = factory.SubFactory(AthleteFactory)
    kind = "red_flag"
    code = "sensory_symptoms"
    severity = "urgent"
    last_seen_at = factory.LazyFunction(lambda: dt.datetime(2026, 11, 24, 6, tzinfo=dt.UTC))


class ThresholdOverrideFactory(DjangoModelFactory):
    class Meta:
        model = am.ThresholdOverride

    organization = factory.SubFactory(OrganizationFactory)
    key = "sleep_min_hours"
    value = 7.5
