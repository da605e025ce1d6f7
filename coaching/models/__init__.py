from .athletes import Athlete, AthleteDatedModel
from .base import TimeStampedModel
from .checkins import (
    MICRONUTRIENTS,
    NutritionCheckIn,
    SleepCheckIn,
    StressCheckIn,
    WellnessCheckIn,
)
from .exercises import MUSCLES, Exercise
from .idempotency import IdempotencyKey
from .notifications import AlertEmail, DeliveryStatus, DigestEmail
from .organizations import Coach, Organization
from .training import Side, TrainingSession, TrainingSet

__all__ = [
    "MICRONUTRIENTS",
    "MUSCLES",
    "AlertEmail",
    "Athlete",
    "AthleteDatedModel",
    "Coach",
    "DeliveryStatus",
    "DigestEmail",
    "Exercise",
    "IdempotencyKey",
    "NutritionCheckIn",
    "Organization",
    "Side",
    "SleepCheckIn",
    "StressCheckIn",
    "TimeStampedModel",
    "TrainingSession",
    "TrainingSet",
    "WellnessCheckIn",
]
