"""Advice that must never appear together in one run: the contradictory pairs, in one place.

Each pair names two strategy codes of ``assessments/analysis/recommendations.py`` that tell the
athlete to move in opposite directions at once. A run 'contradicts itself' when any of its
findings (cause or watch: the athlete sees both) recommends one code of a pair and any finding
recommends the other.
"""

from __future__ import annotations

from collections.abc import Iterable

CONTRADICTORY_ADVICE: tuple[tuple[str, str, str], ...] = (
    ("deload_recovery", "optimise_volume_frequency", "cut volume and add volume"),
    ("deload_recovery", "progressive_overload", "cut load and add load"),
    ("deload_recovery", "plyometrics", "rest from fatigue and add explosive work"),
    ("start_lighter", "progressive_overload", "drop the weight and add weight"),
)


def contradictions(codes: Iterable[str]) -> list[tuple[str, str]]:
    """The contradictory pairs among ``codes`` (recommendation codes of one run)."""
    present = set(codes)
    return [(a, b) for a, b, _why in CONTRADICTORY_ADVICE if a in present and b in present]
