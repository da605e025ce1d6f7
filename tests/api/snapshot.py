"""A cheap fingerprint of everything the API can write, to prove a request changed nothing."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Max

from assessments import models as am
from coaching import models as cm

MODELS = [
    get_user_model(),
    cm.Organization,
    cm.Coach,
    cm.Athlete,
    cm.Exercise,
    cm.SleepCheckIn,
    cm.NutritionCheckIn,
    cm.StressCheckIn,
    cm.WellnessCheckIn,
    cm.TrainingSession,
    cm.TrainingSet,
    cm.IdempotencyKey,
    am.StrengthTest,
    am.MovementScreen,
    am.MobilityScreen,
    am.JumpTest,
    am.ActivationRating,
    am.SymptomReport,
    am.AnalysisRun,
    am.Finding,
    am.Flag,
    am.ThresholdOverride,
]


def db_state() -> dict:
    state = {}
    for model in MODELS:
        names = {f.name for f in model._meta.fields}
        aggregates = {"n": Count("pk")}
        for name in ("updated_at", "data_changed_at", "last_login"):
            if name in names:
                aggregates[name] = Max(name)
        state[model.__name__] = model.objects.aggregate(**aggregates)
    return state
