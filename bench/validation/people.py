"""Starting points for the athletes of the histories: a few kinds, changed per history.

Each maker returns a healthy :class:`~bench.validation.spec.Athlete` of its kind with normal
everyday levels (sleep 7.2-8.2 h, protein 1.6-2.2 g/kg, stress 3-5/10, ...); a history changes
only what its story says.
"""

from __future__ import annotations

from dataclasses import replace

from .spec import Athlete, Block, weeks


def lifter(**changes: object) -> Athlete:
    """A recreational male strength athlete, 3 years of training, 28 years old."""
    base = Athlete(
        sex="male",
        age_years=28,
        body_mass_kg=84.0,
        height_cm=180.0,
        training_age_years=3.0,
        goal="strength",
        goal_lifts=("back-squat",),
        sport="recreational lifting",
        squat_1rm_kg=150.0,
        weekly_gain_pct=0.5,
    )
    return replace(base, **changes)


def woman(**changes: object) -> Athlete:
    """A recreational female lifter, 2 years of training, 30 years old."""
    base = lifter(
        sex="female",
        age_years=30,
        body_mass_kg=64.0,
        height_cm=167.0,
        training_age_years=2.0,
        goal="hypertrophy",
        squat_1rm_kg=85.0,
        weekly_gain_pct=0.6,
        jump_cm=28.0,
    )
    return replace(base, **changes)


def usual_plan() -> tuple[Block, ...]:
    """Thirteen weeks of ordinary training with a deload every fifth week."""
    return (
        weeks("accumulation", 4),
        weeks("deload", 1),
        weeks("intensification", 3),
        weeks("deload", 1),
        weeks("accumulation", 4),
    )


def steady_plan(total_weeks: int = 13) -> tuple[Block, ...]:
    """The same block all along (no planned deload)."""
    return (weeks("accumulation", total_weeks),)
