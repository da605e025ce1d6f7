"""Neuromuscular causes (article: 'Neuromuscular Control and Mind-Muscle Connection')."""

from __future__ import annotations

from .. import facts, metrics
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
    metric="countermovement-jump trend against the goal lifts' e1RM trend over the trend "
    "window: strength rising while the jump stays flat or falls (not a sudden drop, which is "
    "fatigue), as the % gap accumulated over the span; a cause only with two more tests than "
    "the minimum over 5+ weeks and the jump slope's 95 % upper limit at or below zero",
    thresholds=(
        *facts.LOG_THRESHOLDS,
        *facts.LOAD_THRESHOLDS,
        "e1rm_trend_window_weeks",
        "jump_recruitment_min_tests",
        "jump_strength_gap_pct",
        "overload_swc_pct_per_week",
        "jump_drop_min_pct",
        "jump_recent_window_days",
        "jump_baseline_min_tests",
        "assessment_full_support",
    ),
    article="Poor Motor Unit Recruitment",
    recommends=("plyometrics", "mind_muscle_focus", "coach_guidance"),
)
def poor_motor_unit_recruitment(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: strength needs the nervous system to recruit many motor units. A jump that
    stays low relative to strength over weeks (science.md revisions); a jump *drop* signals
    neuromuscular fatigue instead (Claudino et al. 2017; Gathercole et al. 2015) and is read
    by ``overtraining``, never answered with plyometrics."""
    days = t.e1rm_trend_window_weeks * 7
    tests = s.jump_tests.last(days)
    if not tests:
        return no_data("countermovement jump test", days)
    span_days = (tests[-1].date - tests[0].date).days
    if len(tests) < t.jump_recruitment_min_tests or span_days < 21:
        return Gap(
            f"fewer than {t.jump_recruitment_min_tests} jump tests over at least three weeks "
            f"in the last {days} days"
        )
    if facts.jump_dropped(facts.jump_drop(s), t):
        return None  # a drop is fatigue (overtraining), not poor recruitment
    trends = facts.e1rm_trends(s)
    if not trends:
        return None  # nothing to compare the jump with
    strength_pct = average(trend.pct_per_week for trend in trends.values())
    if strength_pct <= t.overload_swc_pct_per_week:
        return None  # strength is not rising: nothing for the jump to lag behind
    xs = [(x.date - tests[0].date).days / 7.0 for x in tests]
    ys = [x.countermovement_jump_cm for x in tests]
    slope = metrics.least_squares_slope(xs, ys)
    mean_cm = sum(ys) / len(ys)
    if slope is None or mean_cm <= 0:
        return None
    jump_pct = slope * 100.0 / mean_cm
    weeks = span_days / 7.0
    gap_pct = as_reported((strength_pct - jump_pct) * weeks)
    if (
        strength_pct <= t.overload_swc_pct_per_week
        or jump_pct > 0
        or gap_pct < (t.jump_strength_gap_pct)
    ):
        return None
    upper = metrics.slope_upper_95(xs, ys)
    flat_beyond_noise = upper is not None and upper <= 0.0  # confidently not rising
    persisting = len(tests) >= t.jump_recruitment_min_tests + 2 and span_days >= 35
    return Found(
        score=score(
            beyond(gap_pct, t.jump_strength_gap_pct, t.jump_strength_gap_pct),
            len(tests) / t.assessment_full_support,
        ),
        evidence={
            "jump_trend_pct_per_week": as_reported(jump_pct),
            "e1rm_trend_pct_per_week": as_reported(strength_pct),
            "jump_strength_gap_pct": gap_pct,
            "threshold_gap_pct": t.jump_strength_gap_pct,
            "jump_tests": len(tests),
            "days": days,
        },
        level="cause" if persisting and flat_beyond_noise else "watch",
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
        level="cause" if len(ratings) > t.activation_min_ratings else "watch",  # persisting
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
