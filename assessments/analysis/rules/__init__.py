"""The rules, one module per category; importing this package fills the registry."""

from . import lifestyle, medical, neuromuscular, red_flags, technique, training
from .registry import CAUSES, RED_FLAGS, Found, Gap, Raised, Rule

__all__ = [
    "CAUSES",
    "RED_FLAGS",
    "Found",
    "Gap",
    "Raised",
    "Rule",
    "lifestyle",
    "medical",
    "neuromuscular",
    "red_flags",
    "technique",
    "training",
]
