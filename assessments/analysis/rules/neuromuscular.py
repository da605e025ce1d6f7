"""Neuromuscular causes (article: 'Neuromuscular Control and Mind-Muscle Connection')."""

from __future__ import annotations

from .. import facts
from ..metrics import as_reported
from ..snapshot import Snapshot
from ..thresholds import Thresholds
from .common import average, no_data, too_few
from .registry import Found, Gap, beyond, rule, score, short_of

RATING_SCALE_MIN = 1  # the mind-muscle rating scale runs 1-5


@rule(
    "poor_motor_unit_recruitment",
    category="neuromuscular",
    needs=("jump_tests",),
    metric="latest countermovement jump vs the mean of the athlete's earlier tests, % drop",
    thresholds=(
        "jump_recent_window_days",
        "jump_baseline_min_tests",
        "jump_drop_min_pct",
        "jump_full_score_excess_pct",
        "e1rm_trend_window_weeks",
        "assessment_full_support",
    ),
    article="Poor Motor Unit Recruitment",
    recommends=("plyometrics", "mind_muscle_focus", "coach_guidance"),
)
def poor_motor_unit_recruitment(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: strength needs the nervous system to recruit many motor units; jump height
    tracks that output (Claudino et al. 2017; Gathercole et al. 2015)."""
    days = t.jump_recent_window_days
    if not s.jump_tests.last(days):
        return no_data("countermovement jump test", days)
    change = facts.jump_drop(s)
    if change is None:
        return Gap(f"fewer than {t.jump_baseline_min_tests} earlier jump tests for a baseline")
    if change.drop_pct <= t.jump_drop_min_pct:
        return None
    return Found(
        score=score(
            beyond(change.drop_pct, t.jump_drop_min_pct, t.jump_full_score_excess_pct),
            (change.baseline_tests + 1) / t.assessment_full_support,
        ),
        evidence={
            "latest_jump_cm": change.latest_cm,
            "baseline_jump_cm": change.baseline_cm,
            "jump_drop_pct": change.drop_pct,
            "threshold_drop_pct": t.jump_drop_min_pct,
            "baseline_tests": change.baseline_tests,
            "days": t.e1rm_trend_window_weeks * 7,
        },
    )


@rule(
    "weak_mind_muscle_connection",
    category="neuromuscular",
    needs=("activation_ratings",),
    metric="mean mind-muscle rating (1-5: how well the athlete feels the target muscle work)",
    thresholds=(
        "activation_window_days",
        "activation_min_ratings",
        "mind_muscle_max",
        "assessment_full_support",
    ),
    article="Lack of Mind-Muscle Connection",
    recommends=("mind_muscle_focus", "verbal_cues"),
)
def weak_mind_muscle_connection(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: focusing on the working muscle improves its activation (Schoenfeld &
    Contreras 2016)."""
    days = t.activation_window_days
    ratings = s.activation_ratings.last(days)
    if len(ratings) < t.activation_min_ratings:
        return too_few("mind-muscle ratings", len(ratings), t.activation_min_ratings, days)
    mean_rating = as_reported(average(r.mind_muscle_rating for r in ratings))
    if mean_rating > t.mind_muscle_max:
        return None
    return Found(
        score=score(
            short_of(mean_rating, t.mind_muscle_max, t.mind_muscle_max - RATING_SCALE_MIN)
            if t.mind_muscle_max > RATING_SCALE_MIN
            else 1.0,
            len(ratings) / t.assessment_full_support,
        ),
        evidence={
            "mean_mind_muscle_rating": mean_rating,
            "threshold_rating": t.mind_muscle_max,
            "ratings": len(ratings),
            "days": days,
        },
    )
