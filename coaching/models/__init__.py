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
from .organizations import Coach, Organization
from .training import Side, TrainingSession, TrainingSet

__all__ = [
    "MICRONUTRIENTS",
    "MUSCLES",
    "Athlete",
    "AthleteDatedModel",
    "Coach",
    "Exercise",
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
