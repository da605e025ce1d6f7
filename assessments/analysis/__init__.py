"""Legstrong's cause-analysis engine: pure Python, no Django.

``run(Snapshot(...)) -> Result``; see ``engine.py`` for the flow, ``rules/`` for the causes and
red flags, ``thresholds.py`` for every number and its source.
"""

from .engine import Finding, RedFlag, Result, run
from .recommendations import CATALOGUE, Recommendation
from .snapshot import (
    ActivationRating,
    ExerciseInfo,
    JumpTest,
    MobilityScreen,
    MovementScreen,
    NutritionEntry,
    Profile,
    Series,
    Session,
    SleepEntry,
    Snapshot,
    StrengthTest,
    StressEntry,
    SymptomReport,
    TrainingSet,
    WellnessEntry,
)
from .thresholds import DEFAULTS, RULESET_VERSION, ThresholdDefault, Thresholds

__all__ = [
    "CATALOGUE",
    "DEFAULTS",
    "RULESET_VERSION",
    "ActivationRating",
    "ExerciseInfo",
    "Finding",
    "JumpTest",
    "MobilityScreen",
    "MovementScreen",
    "NutritionEntry",
    "Profile",
    "Recommendation",
    "RedFlag",
    "Result",
    "Series",
    "Session",
    "SleepEntry",
    "Snapshot",
    "StrengthTest",
    "StressEntry",
    "SymptomReport",
    "ThresholdDefault",
    "Thresholds",
    "TrainingSet",
    "WellnessEntry",
    "run",
]
