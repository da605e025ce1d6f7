from .analysis import AnalysisRun, Finding, ThresholdOverride
from .assessments import (
    COMPENSATIONS,
    FORM_FLAWS,
    STABILITY_AREAS,
    ActivationRating,
    JumpTest,
    MobilityScreen,
    MovementScreen,
    StrengthTest,
)
from .flags import Flag
from .symptoms import SymptomReport

__all__ = [
    "COMPENSATIONS",
    "FORM_FLAWS",
    "STABILITY_AREAS",
    "ActivationRating",
    "AnalysisRun",
    "Finding",
    "Flag",
    "JumpTest",
    "MobilityScreen",
    "MovementScreen",
    "StrengthTest",
    "SymptomReport",
    "ThresholdOverride",
]
