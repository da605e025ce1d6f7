"""Technique causes (article: 'Biomechanical and Technique Considerations').

Movement screens are coach-rated; ankle mobility (knee-to-wall) does not make a finding on its
own but supports form and stability findings (science.md: 'mobility supports ...').
"""

from __future__ import annotations

from .. import facts
from ..metrics import as_reported
from ..snapshot import MovementScreen, Snapshot
from ..thresholds import Thresholds
from .common import no_data
from .registry import Found, Gap, beyond, rule, score, short_of

SCREENS = "movement screen"
STABILITY_AREAS = ("core", "hip", "knee", "ankle")


@rule(
    "suboptimal_form",
    category="technique",
    needs=("movement_screens",),
    metric="form flaws on the latest screen of a goal lift (or variant); the same flaw on "
    "consecutive screens of a lift; ankle dorsiflexion as support",
    thresholds=(
        "screen_window_days",
        "form_flaws_min",
        "form_flaws_full_score_excess",
        "form_repeat_screens",
        "assessment_full_support",
        "ankle_dorsiflexion_min_cm",
        "ankle_dorsiflexion_max_diff_cm",
    ),
    article="Suboptimal Lifting Form",
    recommends=(
        "video_analysis",
        "start_lighter",
        "verbal_cues",
        "coach_guidance",
        "flexibility_mobility",
    ),
)
def suboptimal_form(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: poor technique shifts load off the leg muscles (onto the lower back)."""
    days = t.screen_window_days
    screens = s.movement_screens.last(days)
    if not screens:
        return no_data(SCREENS, days)
    family = facts.goal_family(s)
    relevant = [x for x in screens if x.exercise in family] if family else list(screens)
    if not relevant:
        return no_data("movement screen of a goal lift", days)
    latest = relevant[-1]
    flaw_count = len(set(latest.flaws))
    repeated = _repeated_flaws(relevant, t.form_repeat_screens)
    if flaw_count < t.form_flaws_min and not repeated:
        return None
    severity = max(0.0, beyond(flaw_count, t.form_flaws_min, t.form_flaws_full_score_excess))
    ankle = ankle_restriction(s, t)
    support = (len(relevant) + (1 if ankle else 0)) / t.assessment_full_support
    codes = ("video_analysis", "start_lighter", "verbal_cues", "coach_guidance")
    return Found(
        level="cause" if repeated else "watch",  # persisting: the same flaw screen after screen
        score=score(severity, support),
        evidence={
            "exercise": latest.exercise,
            "flaws": sorted(set(latest.flaws)),
            "flaw_count": flaw_count,
            "threshold_flaws": t.form_flaws_min,
            "repeated_flaws": repeated,
            "threshold_repeat_screens": t.form_repeat_screens,
            **(ankle or {}),
            "screens": len(relevant),
            "days": days,
        },
        recommendations=(*codes, "flexibility_mobility") if ankle else codes,
    )


def _repeated_flaws(screens: list[MovementScreen], in_a_row: int) -> list[str]:
    """Flaws present on each of the last ``in_a_row`` screens of the same exercise."""
    by_exercise: dict[str, list[MovementScreen]] = {}
    for screen in screens:
        by_exercise.setdefault(screen.exercise, []).append(screen)
    repeated: set[str] = set()
    for history in by_exercise.values():
        if len(history) >= in_a_row:
            repeated |= set.intersection(*(set(x.flaws) for x in history[-in_a_row:]))
    return sorted(repeated)


@rule(
    "compensation_pattern",
    category="technique",
    needs=("movement_screens",),
    metric="screens with a compensation recorded under load",
    thresholds=(
        "screen_window_days",
        "compensation_min_screens",
        "compensation_full_score_excess",
        "assessment_full_support",
    ),
    article="Compensation Patterns",
    recommends=(
        "targeted_strengthening",
        "start_lighter",
        "video_analysis",
        "verbal_cues",
        "physical_therapist",
    ),
)
def compensation_pattern(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: a weak or tired prime mover is covered by other muscles, off the legs."""
    days = t.screen_window_days
    screens = s.movement_screens.last(days)
    if not screens:
        return no_data(SCREENS, days)
    flagged = [x for x in screens if x.compensations]
    if len(flagged) < t.compensation_min_screens:
        return None
    return Found(
        score=score(
            beyond(len(flagged), t.compensation_min_screens, t.compensation_full_score_excess),
            len(screens) / t.assessment_full_support,
        ),
        evidence={
            "screens_with_compensation": len(flagged),
            "threshold_screens": t.compensation_min_screens,
            "compensations": sorted({c for x in flagged for c in x.compensations}),
            "screens": len(screens),
            "days": days,
        },
    )


@rule(
    "poor_stability",
    category="technique",
    needs=("movement_screens", "mobility_screens"),
    metric="stability issues on the latest movement screen; single-leg balance time and "
    "Y-balance composite of the weaker leg; ankle dorsiflexion as support",
    thresholds=(
        "screen_window_days",
        "balance_min_s",
        "y_balance_min_pct",
        "y_balance_full_score_gap_pct",
        "y_balance_typical_error_pct",
        "assessment_full_support",
        "ankle_dorsiflexion_min_cm",
        "ankle_dorsiflexion_max_diff_cm",
    ),
    article="Poor Stability",
    recommends=(
        "targeted_strengthening",
        "flexibility_mobility",
        "start_lighter",
        "physical_therapist",
    ),
)
def poor_stability(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: a weak core or unstable hips, knees or ankles leak force (Plisky 2006;
    Springer 2007)."""
    days = t.screen_window_days
    screens = s.movement_screens.last(days)
    mobility = s.mobility_screens.latest() if s.mobility_screens.last(days) else None
    issues = sorted(set(screens[-1].stability_issues)) if screens else []
    balance_s = y_balance_pct = None
    if mobility:
        balance_s = _weaker_leg(
            mobility.single_leg_balance_left_s, mobility.single_leg_balance_right_s
        )
        y_balance_pct = _weaker_leg(mobility.y_balance_left_pct, mobility.y_balance_right_pct)
    if not screens and balance_s is None and y_balance_pct is None:
        return no_data("movement screen or balance test", days)
    severities = []
    if issues:
        severities.append((len(issues) - 1) / (len(STABILITY_AREAS) - 1))
    if balance_s is not None and balance_s < t.balance_min_s:
        severities.append(short_of(balance_s, t.balance_min_s, t.balance_min_s))
    if y_balance_pct is not None and y_balance_pct < t.y_balance_min_pct:
        severities.append(
            short_of(y_balance_pct, t.y_balance_min_pct, t.y_balance_full_score_gap_pct)
        )
    if not severities:
        return None
    # a cause when an objective test is clearly short, or the same issue recurs on screens
    recurring = len(screens) >= 2 and bool(
        set(screens[-1].stability_issues) & set(screens[-2].stability_issues)
    )
    measured = (balance_s is not None and balance_s < t.balance_min_s) or (
        y_balance_pct is not None
        and y_balance_pct < t.y_balance_min_pct - t.y_balance_typical_error_pct
    )
    ankle = ankle_restriction(s, t)
    measures = len(screens) + (1 if mobility else 0) + (1 if ankle else 0)
    return Found(
        level="cause" if recurring or measured else "watch",
        score=score(max(severities), measures / t.assessment_full_support),
        evidence={
            "stability_issues": issues,
            "balance_s": balance_s,
            "threshold_balance_s": t.balance_min_s,
            "y_balance_pct": y_balance_pct,
            "threshold_y_balance_pct": t.y_balance_min_pct,
            **(ankle or {}),
            "screens": len(screens) + (1 if mobility else 0),
            "days": days,
        },
    )


def _weaker_leg(left: float | None, right: float | None) -> float | None:
    values = [v for v in (left, right) if v is not None]
    return min(values) if values else None


def ankle_restriction(s: Snapshot, t: Thresholds) -> dict | None:
    """Knee-to-wall evidence when an ankle is restricted (Bennell 1998; Hoch & McKeon 2011)."""
    if not s.mobility_screens.last(t.screen_window_days):
        return None
    latest = s.mobility_screens.latest()
    sides = [
        v
        for v in (latest.ankle_dorsiflexion_left_cm, latest.ankle_dorsiflexion_right_cm)
        if v is not None
    ]
    if not sides:
        return None
    difference = as_reported(max(sides) - min(sides)) if len(sides) == 2 else 0.0
    if min(sides) >= t.ankle_dorsiflexion_min_cm and difference <= t.ankle_dorsiflexion_max_diff_cm:
        return None
    return {
        "ankle_dorsiflexion_min_cm": min(sides),
        "ankle_dorsiflexion_diff_cm": difference,
        "threshold_ankle_dorsiflexion_cm": t.ankle_dorsiflexion_min_cm,
    }
