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
from .phases import PhaseKind, TrainingPhase
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
    "PhaseKind",
    "Side",
    "SleepCheckIn",
    "StressCheckIn",
    "TimeStampedModel",
    "TrainingPhase",
    "TrainingSession",
    "TrainingSet",
    "WellnessCheckIn",
]
