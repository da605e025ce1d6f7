"""Training causes (article: 'Common Training-Related Factors')."""

from __future__ import annotations

from .. import facts, metrics
from ..metrics import as_reported
from ..snapshot import MAJOR_LEG_MUSCLES, Snapshot, StrengthTest
from ..thresholds import Thresholds
from .common import average, no_data
from .registry import Found, Gap, beyond, rule, score, short_of

SESSIONS = "training sessions logged"


@rule(
    "insufficient_progressive_overload",
    category="training",
    needs=("sessions",),
    metric="least-squares slope of each goal lift's best weekly e1RM (Epley on reps + RIR, "
    "training sets and strength tests), % per week, averaged over the goal lifts",
    thresholds=(
        "e1rm_trend_window_weeks",
        "e1rm_trend_min_weeks",
        "e1rm_max_reps",
        "overload_min_gain_pct_per_week",
        "overload_full_score_loss_pct_per_week",
        "weakness_recent_window_days",
        "weakness_reference_window_days",
    ),
    article="Insufficient Progressive Overload",
    recommends=("progressive_overload", "coach_guidance"),
)
def insufficient_progressive_overload(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: stagnation is felt as weakness; no e1RM gain over 6-8 weeks of training."""
    weeks = t.e1rm_trend_window_weeks
    if not s.sessions.last(weeks * 7):
        return no_data(SESSIONS, weeks * 7)
    trends = facts.e1rm_trends(s)
    if not trends:
        return Gap(
            f"fewer than {t.e1rm_trend_min_weeks} weeks of goal-lift e1RM data "
            f"in the last {weeks} weeks"
        )
    slope_pct = as_reported(average(trend.pct_per_week for trend in trends.values()))
    if slope_pct > t.overload_min_gain_pct_per_week:
        return None
    weeks_with_data = average(trend.weeks for trend in trends.values())
    severity = short_of(
        slope_pct, t.overload_min_gain_pct_per_week, t.overload_full_score_loss_pct_per_week
    )
    return Found(
        score=score(severity, weeks_with_data / weeks),
        evidence={
            "e1rm_slope_pct_per_week": slope_pct,
            "e1rm_slope_kg_per_week": average(trend.per_week for trend in trends.values()),
            "threshold_pct_per_week": t.overload_min_gain_pct_per_week,
            "lifts": sorted(trends),
            "weeks_with_data": round(weeks_with_data, 1),
            "window_weeks": weeks,
        },
    )


@rule(
    "overtraining",
    category="training",
    needs=("sessions",),
    metric="session-RPE load (min x RPE): rolling acute:chronic ratio and weekly monotony; "
    "confirmed by fatigue/soreness z-score vs baseline, an e1RM drop or a jump drop",
    thresholds=(
        "acute_window_days",
        "chronic_window_days",
        "acwr_danger",
        "acwr_sweet_spot_low",
        "acwr_sweet_spot_high",
        "acwr_full_score_excess",
        "monotony_max",
        "monotony_full_score_excess",
        "overtraining_unconfirmed_factor",
        "baseline_z_max",
        "recent_window_days",
        "baseline_window_days",
        "baseline_min_days",
        "baseline_sd_floor",
        "min_checkin_days",
        "true_weakness_min_drop_pct",
        "jump_drop_min_pct",
        "e1rm_trend_window_weeks",
        "e1rm_max_reps",
        "weakness_recent_window_days",
        "weakness_reference_window_days",
        "jump_recent_window_days",
        "jump_baseline_min_tests",
    ),
    article="Overtraining and Under-Recovery",
    recommends=("deload_recovery", "watch_load", "sleep_7_9_hours"),
)
def overtraining(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: too hard, too often, without rest; Foster's load, Gabbett's ratio (a flag to
    look at, Impellizzeri 2020), stronger when the athlete's own wellness or output drops."""
    acute, chronic = t.acute_window_days, t.chronic_window_days
    first = s.sessions.first_date()
    if first is None or not s.sessions.last(chronic):
        return no_data(SESSIONS, chronic)
    if (s.as_of - first).days + 1 < chronic:
        return Gap(f"fewer than {chronic} days of training history for the workload ratio")
    loads = facts.daily_loads(s)
    ratio = as_reported(metrics.acwr_rolling(loads, acute, chronic))
    if ratio is None:
        return Gap(f"no session load (duration x session RPE) in the last {chronic} days")
    week = loads[-acute:]
    monotony = as_reported(metrics.monotony(week))
    severities = []
    if ratio > t.acwr_danger:
        severities.append(beyond(ratio, t.acwr_danger, t.acwr_full_score_excess))
    if monotony is not None and monotony > t.monotony_max:
        severities.append(beyond(monotony, t.monotony_max, t.monotony_full_score_excess))
    if not severities:
        return None
    confirmed_by, evidence = _overtraining_signs(s, t)
    factor = 1.0 if confirmed_by else t.overtraining_unconfirmed_factor
    return Found(
        score=round(score(max(severities), 1.0) * factor, 3),
        evidence={
            "acwr": ratio,
            "acwr_ewma": metrics.acwr_ewma(loads, acute, chronic),
            "acwr_band": _band(ratio, t),
            "threshold_acwr": t.acwr_danger,
            "monotony": monotony,
            "threshold_monotony": t.monotony_max,
            "weekly_load_au": sum(week),
            "strain_au": metrics.strain(week),
            **evidence,
            "confirmed_by": confirmed_by,
            "days": chronic,
        },
    )


def _overtraining_signs(s: Snapshot, t: Thresholds) -> tuple[list, dict]:
    signs, evidence = [], {"threshold_z": t.baseline_z_max}
    for item in ("fatigue", "soreness"):
        shift = facts.baseline_shift(s, "wellness", item)
        evidence[f"{item}_z"] = shift.z if shift else None
        if shift and shift.z > t.baseline_z_max:
            signs.append(f"{item}_above_baseline")
    drop = facts.e1rm_drop(s)
    evidence["e1rm_drop_pct"] = drop.drop_pct if drop else None
    if drop and drop.drop_pct >= t.true_weakness_min_drop_pct:
        signs.append("e1rm_drop")
    jump = facts.jump_drop(s)
    evidence["jump_drop_pct"] = jump.drop_pct if jump else None
    if jump and jump.drop_pct > t.jump_drop_min_pct:
        signs.append("jump_drop")
    return signs, evidence


def _band(ratio: float, t: Thresholds) -> str:
    if ratio > t.acwr_danger:
        return "danger"
    if ratio > t.acwr_sweet_spot_high:
        return "elevated"
    if ratio >= t.acwr_sweet_spot_low:
        return "sweet_spot"
    return "low"


@rule(
    "inadequate_volume_frequency",
    category="training",
    needs=("sessions",),
    metric="leg sessions per week; hard sets (RPE >= 7 or RIR <= 3, unrated sets count) per "
    "week for each major leg muscle",
    thresholds=(
        "volume_window_days",
        "volume_min_history_days",
        "leg_sessions_min_per_week",
        "hard_sets_min_per_muscle_week",
        "hard_set_min_rpe",
        "hard_set_max_rir",
    ),
    article="Inadequate Training Volume or Frequency",
    recommends=("optimise_volume_frequency", "exercise_variety", "coach_guidance"),
    defers_to=("poor_exercise_selection",),
)
def inadequate_volume_frequency(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: not enough stimulus; 2-3 leg sessions and >= 10 hard sets per muscle a week
    (Schoenfeld et al. 2016, 2017)."""
    days = t.volume_window_days
    if not s.sessions.last(days):
        return no_data(SESSIONS, days)
    covered = min(days, (s.as_of - s.sessions.first_date()).days + 1)
    if covered < t.volume_min_history_days:
        return Gap(f"fewer than {t.volume_min_history_days} days of training history")
    training = facts.leg_training(s, days)
    sessions_per_week = as_reported(training.leg_sessions_per_week(covered))
    sets = {m: as_reported(training.hard_sets_per_week(m, covered)) for m in MAJOR_LEG_MUSCLES}
    low = [m for m in MAJOR_LEG_MUSCLES if sets[m] < t.hard_sets_min_per_muscle_week]
    too_rare = sessions_per_week < t.leg_sessions_min_per_week
    if not too_rare and not low:
        return None
    need_sets = t.hard_sets_min_per_muscle_week
    severities = [short_of(sets[m], need_sets, need_sets) for m in low]
    if too_rare:
        need = t.leg_sessions_min_per_week
        severities.append(short_of(sessions_per_week, need, need))
    severity = max(severities)
    return Found(
        score=score(severity, covered / days),
        evidence={
            "leg_sessions_per_week": sessions_per_week,
            "threshold_sessions_per_week": t.leg_sessions_min_per_week,
            **{f"hard_sets_per_week_{m}": sets[m] for m in MAJOR_LEG_MUSCLES},
            "threshold_hard_sets_per_week": t.hard_sets_min_per_muscle_week,
            "muscles_below": low,
            "days": covered,
        },
    )


@rule(
    "poor_exercise_selection",
    category="training",
    needs=("sessions",),
    metric="share of leg strength sets (plyometrics aside) done in compound lifts",
    thresholds=(
        "volume_window_days",
        "compound_share_min_pct",
        "leg_sessions_min_per_week",
        "hard_set_min_rpe",
        "hard_set_max_rir",
    ),
    article="Poor Exercise Selection",
    recommends=("exercise_variety", "coach_guidance"),
)
def poor_exercise_selection(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: relying solely on isolation movements leaves strength gaps."""
    days = t.volume_window_days
    if not s.sessions.last(days):
        return no_data(SESSIONS, days)
    training = facts.leg_training(s, days)
    if training.strength_sets == 0:
        return no_data("leg strength sets logged", days)
    share = as_reported(training.compound_share_pct())
    if share >= t.compound_share_min_pct:
        return None
    expected_sessions = t.leg_sessions_min_per_week * days / 7
    return Found(
        score=score(
            short_of(share, t.compound_share_min_pct, t.compound_share_min_pct),
            training.leg_sessions / expected_sessions if expected_sessions else 1.0,
        ),
        evidence={
            "compound_share_pct": share,
            "threshold_pct": t.compound_share_min_pct,
            "leg_sets": training.strength_sets,
            "compound_leg_sets": training.compound_leg_sets,
            "major_muscles_without_hard_sets": [
                m for m in MAJOR_LEG_MUSCLES if not training.hard_sets_by_muscle.get(m)
            ],
            "days": days,
        },
    )


@rule(
    "lack_of_specificity",
    category="training",
    needs=("sessions",),
    metric="share of leg strength sets in a goal lift or a close variant (compound, same "
    "pattern); whether any recent session included one",
    thresholds=(
        "volume_window_days",
        "specificity_window_days",
        "goal_lift_share_min_pct",
        "leg_sessions_min_per_week",
        "hard_set_min_rpe",
        "hard_set_max_rir",
    ),
    article="Lack of Specificity",
    recommends=("train_goal_lift", "coach_guidance"),
    defers_to=("poor_exercise_selection",),
)
def lack_of_specificity(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: to squat heavy, train the squat; specificity (SAID) principle. Absent from the
    last two weeks, or too small a share of the leg work."""
    if not s.profile.goal_lifts:
        return Gap("no goal lifts set on the athlete profile")
    days = t.volume_window_days
    if not s.sessions.last(days):
        return no_data(SESSIONS, days)
    training = facts.leg_training(s, days)
    if training.strength_sets == 0:
        return no_data("leg strength sets logged", days)
    family = facts.goal_family(s)
    recent = s.sessions.last(t.specificity_window_days)
    recent_with_goal = sum(1 for x in recent if any(st.exercise in family for st in x.sets))
    share = as_reported(training.goal_lift_share_pct())
    if share >= t.goal_lift_share_min_pct and recent_with_goal:
        return None
    severity = 1.0 if not recent_with_goal else 0.0
    severity = max(severity, short_of(share, t.goal_lift_share_min_pct, t.goal_lift_share_min_pct))
    expected_sessions = t.leg_sessions_min_per_week * days / 7
    return Found(
        score=score(
            severity,
            training.leg_sessions / expected_sessions if expected_sessions else 1.0,
        ),
        evidence={
            "goal_lift_share_pct": share,
            "threshold_pct": t.goal_lift_share_min_pct,
            "goal_lifts": list(s.profile.goal_lifts),
            "recent_sessions_with_goal_lift": recent_with_goal,
            "recent_days": t.specificity_window_days,
            "leg_sessions": training.leg_sessions,
            "days": days,
        },
    )


@rule(
    "muscle_imbalance",
    category="training",
    needs=("strength_tests",),
    metric="H:Q = knee-flexion e1RM / knee-extension e1RM (bilateral, else the weaker leg's); "
    "left/right asymmetry % = (strong - weak) / strong",
    thresholds=(
        "strength_test_window_days",
        "e1rm_max_reps",
        "hq_ratio_min",
        "hq_ratio_full_score_gap",
        "asymmetry_max_pct",
        "asymmetry_full_score_excess_pct",
        "assessment_full_support",
    ),
    article="Muscle Imbalances",
    recommends=("targeted_strengthening", "flexibility_mobility", "physical_therapist"),
)
def muscle_imbalance(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: the weaker link (e.g. hamstrings vs quadriceps) dictates the force produced."""
    days = t.strength_test_window_days
    tests = s.strength_tests.last(days)
    if not tests:
        return no_data("strength assessment", days)
    latest = _latest_e1rm_by_exercise_side(tests, t.e1rm_max_reps)
    hq = as_reported(_hq_ratio(latest, s))
    asymmetry = _worst_asymmetry(latest)
    if hq is None and asymmetry is None:
        return Gap(
            f"no knee flexion/extension pair or left/right strength tests in the last {days} days"
        )
    severities = []
    if hq is not None and hq < t.hq_ratio_min:
        severities.append(short_of(hq, t.hq_ratio_min, t.hq_ratio_full_score_gap))
    if asymmetry is not None and asymmetry[0] > t.asymmetry_max_pct:
        severities.append(
            beyond(asymmetry[0], t.asymmetry_max_pct, t.asymmetry_full_score_excess_pct)
        )
    if not severities:
        return None
    return Found(
        score=score(max(severities), len(tests) / t.assessment_full_support),
        evidence={
            "hq_ratio": hq,
            "threshold_hq_ratio": t.hq_ratio_min,
            "asymmetry_pct": asymmetry[0] if asymmetry else None,
            "asymmetry_exercise": asymmetry[1] if asymmetry else None,
            "threshold_asymmetry_pct": t.asymmetry_max_pct,
            "tests": len(tests),
            "days": days,
        },
    )


def _latest_e1rm_by_exercise_side(tests: tuple[StrengthTest, ...], max_reps: float) -> dict:
    latest = {}
    for test in tests:  # oldest first, so later tests overwrite earlier ones
        value = metrics.e1rm_kg(test.load_kg, test.reps, max_reps=max_reps)
        if value is not None:
            latest[(test.exercise, test.side)] = value
    return latest


def _knee_role(s: Snapshot, slug: str) -> str | None:
    info = s.exercises.get(slug)
    if info is None:
        return None
    primary = info.muscles[0] if info.muscles else None
    if info.pattern == "knee_flexion" or (info.kind == "isolation" and primary == "hamstrings"):
        return "flexion"
    if info.pattern == "knee_extension" or (info.kind == "isolation" and primary == "quadriceps"):
        return "extension"
    return None


def _hq_ratio(latest: dict, s: Snapshot) -> float | None:
    by_side: dict[str, dict[str, float]] = {}
    for (slug, side), value in latest.items():
        role = _knee_role(s, slug)
        if role:
            by_side.setdefault(side, {})[role] = value
    ratios = {
        side: metrics.hamstring_quadriceps_ratio(roles["flexion"], roles["extension"])
        for side, roles in by_side.items()
        if len(roles) == 2
    }
    if "both" in ratios:
        return ratios["both"]
    per_leg = [r for r in ratios.values() if r is not None]
    return min(per_leg) if per_leg else None


def _worst_asymmetry(latest: dict) -> tuple[float, str] | None:
    worst = None
    for (slug, side), left in latest.items():
        if side != "left" or (slug, "right") not in latest:
            continue
        value = as_reported(metrics.asymmetry_pct(left, latest[(slug, "right")]))
        if value is not None and (worst is None or value > worst[0]):
            worst = (value, slug)
    return worst
