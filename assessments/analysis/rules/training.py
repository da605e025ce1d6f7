"""Training causes (article: 'Common Training-Related Factors')."""

from __future__ import annotations

import math

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
    "training sets and strength tests; one slope over rep ranges, each range at its own "
    "level; planned light weeks left out), % per week, averaged over the goal lifts, with "
    "its 95 % upper confidence limit; load, reps and sets of the goal lift",
    thresholds=(
        *facts.LOG_THRESHOLDS,
        *facts.LOAD_THRESHOLDS,
        "e1rm_trend_window_weeks",
        "e1rm_trend_min_weeks",
        "e1rm_max_reps",
        "overload_min_gain_pct_per_week",
        "overload_swc_pct_per_week",
        "overload_full_score_loss_pct_per_week",
        "phase_low_volume_max_pct",
        "phase_break_min_days",
    ),
    article="Insufficient Progressive Overload",
    recommends=("progressive_overload", "coach_guidance"),
)
def insufficient_progressive_overload(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: stagnation is felt as weakness; no e1RM gain over 6-8 weeks of training, and
    no increase in load, reps or sets either (science.md). A cause only when the slope's upper
    confidence limit stays below the smallest worthwhile gain (Hopkins 2004); a flat slope
    inside the noise is a watch item."""
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
    progress = facts.lift_progress(s)
    rose = sorted({what for lift in trends for what in progress.get(lift, ())})
    if rose:
        return None  # more load, reps or sets is progress even while the e1RM holds
    uppers = [trend.upper_pct_per_week() for trend in trends.values()]
    upper = as_reported(average(uppers)) if None not in uppers else None
    beyond_noise = upper is not None and upper < t.overload_swc_pct_per_week
    weeks_with_data = average(trend.weeks for trend in trends.values())
    severity = short_of(
        slope_pct, t.overload_min_gain_pct_per_week, t.overload_full_score_loss_pct_per_week
    )
    lift = sorted(trends)[0]
    working = facts.working_load_kg(s, lift)
    return Found(
        score=score(severity, weeks_with_data / weeks),
        evidence={
            "e1rm_slope_pct_per_week": slope_pct,
            "e1rm_slope_upper_pct_per_week": upper,
            "e1rm_slope_kg_per_week": average(trend.per_week for trend in trends.values()),
            "threshold_pct_per_week": t.overload_min_gain_pct_per_week,
            "smallest_worthwhile_pct_per_week": t.overload_swc_pct_per_week,
            "load_reps_or_sets_rose": rose,
            "lifts": sorted(trends),
            "weeks_with_data": round(weeks_with_data, 1),
            "window_weeks": weeks,
        },
        level="cause" if beyond_noise else "watch",
        advice={"lift": _name(s, lift), "working_load_kg": working, "step_kg": 2.5},
    )


def _name(s: Snapshot, slug: str) -> str:
    info = s.exercises.get(slug)
    return info.name if info else slug


@rule(
    "overtraining",
    category="training",
    needs=("sessions",),
    metric="session-RPE load (min x RPE): uncoupled EWMA acute:chronic ratio, and weekly "
    "monotony above the load floor; confirmed by fatigue or soreness >= 1 point over the "
    "athlete's baseline for a week, an e1RM drop or a countermovement-jump drop",
    thresholds=(
        *facts.LOG_THRESHOLDS,
        *facts.LOAD_THRESHOLDS,
        "acute_window_days",
        "chronic_window_days",
        "acwr_danger",
        "acwr_sweet_spot_low",
        "acwr_sweet_spot_high",
        "acwr_full_score_excess",
        "chronic_usual_min_pct",
        "monotony_max",
        "monotony_min_sd_pct",
        "load_floor_pct_of_usual",
        "monotony_full_score_excess",
        "overtraining_unconfirmed_factor",
        "wellness_rise_min_points",
        "recent_window_days",
        "baseline_window_days",
        "baseline_min_days",
        "min_checkin_days",
        "baseline_sd_floor",
        "true_weakness_min_drop_pct",
        "jump_drop_min_pct",
        "jump_recent_window_days",
        "jump_baseline_min_tests",
        "deload_cut_sets_pct",
        "deload_cut_load_pct",
    ),
    article="Overtraining and Under-Recovery",
    recommends=("deload_recovery", "watch_load", "sleep_7_9_hours"),
)
def overtraining(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: too hard, too often, without rest. Foster's load; the uncoupled EWMA ratio
    (Williams 2017; Lolli 2019) is a load signal, a watch item on its own (Impellizzeri
    2020); a cause needs a confirming sign. After a break the ratio is not interpretable:
    ``return_ramp_up`` speaks instead. A jump drop alone means neuromuscular fatigue (watch,
    rest/deload)."""
    acute, chronic = t.acute_window_days, t.chronic_window_days
    first = s.sessions.first_date()
    if first is None or not s.sessions.last(chronic):
        return no_data(SESSIONS, chronic)
    if (s.as_of - first).days + 1 < chronic:
        return Gap(f"fewer than {chronic} days of training history for the workload ratio")
    loads = facts.daily_loads(s)
    ratio = as_reported(facts.load_ratio(s)[0])
    if ratio is None:
        return Gap(f"no session load (duration x session RPE) in the last {chronic} days")
    if facts.ramp_up(s) is not None:
        return None  # chronic load far below usual, or a return: a ramp-up, not a spike
    week = loads[-acute:]
    usual = facts.usual_load(s)
    monotony = metrics.monotony(week, min_sd_pct=t.monotony_min_sd_pct)
    strain = usual_strain = None
    above_floor = False
    if monotony is not None and monotony > t.monotony_max and usual is not None:
        floor = t.load_floor_pct_of_usual / 100.0
        strain = sum(week) * monotony
        usual_strain = facts.usual_strain(s)
        above_floor = (
            usual_strain is not None
            and sum(week) > usual.weekly_au * floor
            and strain > usual_strain * floor
        )
    severities = []
    if ratio > t.acwr_danger:
        severities.append(beyond(ratio, t.acwr_danger, t.acwr_full_score_excess))
    if above_floor:
        severities.append(beyond(monotony, t.monotony_max, t.monotony_full_score_excess))
    if not severities and not facts.jump_dropped(facts.jump_drop(s), t):
        return None
    confirmed_by, evidence = _overtraining_signs(s, t)
    level = "cause" if severities and confirmed_by else "watch"
    factor = 1.0 if level == "cause" else t.overtraining_unconfirmed_factor
    load_signal = max(severities) if severities else 0.0
    if level == "cause" or not severities:
        codes = ("deload_recovery", "sleep_7_9_hours")
    else:
        codes = ("watch_load",)
    return Found(
        score=round(score(load_signal, 1.0) * factor, 3),
        evidence={
            "acwr_ewma": ratio,
            "acwr_rolling": as_reported(metrics.acwr_rolling(loads, acute, chronic)),
            "acwr_band": _band(ratio, t),
            "threshold_acwr": t.acwr_danger,
            "monotony": as_reported(monotony),
            "threshold_monotony": t.monotony_max,
            "weekly_load_au": sum(week),
            "strain_au": as_reported(strain),
            "usual_weekly_load_au": usual.weekly_au if usual else None,
            "usual_weekly_strain_au": usual_strain,
            "monotony_counted": int(above_floor),
            **evidence,
            "confirmed_by": confirmed_by,
            "days": chronic,
        },
        recommendations=codes,
        level=level,
        advice=_deload_numbers(s, t),
    )


def _deload_numbers(s: Snapshot, t: Thresholds) -> dict:
    """The deload in the athlete's sets and kilograms: recent weekly leg sets cut by
    ``deload_cut_sets_pct``, the goal lift's working load by ``deload_cut_load_pct``."""
    recent = facts.weekly_log(s)[-2:]
    sets = round(sum(w.leg_sets for w in recent) / len(recent)) if recent else None
    lifts = facts.trend_lifts(s)
    lift = lifts[0] if lifts else None
    working = facts.working_load_kg(s, lift) if lift else None
    return {
        "recent_sets_per_week": sets,
        "deload_sets_per_week": round(sets * (1 - t.deload_cut_sets_pct / 100)) if sets else None,
        "lift": _name(s, lift) if lift else None,
        "working_load_kg": working,
        "deload_load_kg": _plates(working * (1 - t.deload_cut_load_pct / 100)) if working else None,
    }


def _plates(kg: float) -> float:
    """A load rounded to the nearest 2.5 kg (the smallest common plate pair)."""
    return round(kg / 2.5) * 2.5


def _overtraining_signs(s: Snapshot, t: Thresholds) -> tuple[list, dict]:
    signs, evidence = [], {"threshold_rise_points": t.wellness_rise_min_points}
    for item in ("fatigue", "soreness"):
        shift = facts.baseline_shift(s, "wellness", item)
        rise = as_reported(shift.recent_mean - shift.baseline_mean) if shift else None
        evidence[f"{item}_rise_points"] = rise
        if rise is not None and rise >= t.wellness_rise_min_points:
            signs.append(f"{item}_above_baseline")
    drop = facts.e1rm_drop(s)
    evidence["e1rm_drop_pct"] = drop.drop_pct if drop else None
    if facts.strength_dropped(drop, t):
        signs.append("e1rm_drop")
    jump = facts.jump_drop(s)
    evidence["jump_drop_pct"] = jump.drop_pct if jump else None
    if facts.jump_dropped(jump, t):
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
    "return_ramp_up",
    category="training",
    needs=("sessions",),
    metric="a return phase (coach-set, or detected after 7+ days without leg training), or a "
    "chronic load far below the athlete's usual: always a watch item with ramp-up advice",
    thresholds=(
        *facts.LOG_THRESHOLDS,
        *facts.LOAD_THRESHOLDS,
        "phase_break_min_days",
        "phase_return_days",
        "chronic_usual_min_pct",
        "acute_window_days",
        "chronic_window_days",
    ),
    article="Overtraining and Under-Recovery (a return is not overtraining: science.md)",
    recommends=("return_ramp_up",),
)
def return_ramp_up(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """science.md revisions: the weeks after a break are planned, not problems; judge a
    return as a ramp-up, never as a spike (the acute:chronic ratio on a small chronic base
    says little: Impellizzeri et al. 2020)."""
    if not s.sessions.last(t.chronic_window_days):
        return None
    ramp = facts.ramp_up(s)
    if ramp is None:
        return None
    usual_sets = facts.usual_leg_sets(s)
    lifts = facts.trend_lifts(s)
    lift = lifts[0] if lifts else None
    working = facts.working_load_kg(s, lift, usual=True) if lift else None
    return Found(
        score=0.3,
        evidence={
            "reason": ramp.reason,
            "since": ramp.start,
            "break_days": ramp.break_days,
            "chronic_pct_of_usual": ramp.chronic_pct_of_usual,
            "threshold_chronic_pct_of_usual": t.chronic_usual_min_pct,
        },
        level="watch",
        advice={
            "break_days": ramp.break_days,
            "usual_sets_per_week": usual_sets,
            "start_sets_per_week": round(usual_sets / 2) if usual_sets else None,
            "lift": _name(s, lift) if lift else None,
            "working_load_kg": working,
            "start_load_kg": _plates(working * 0.85) if working else None,
        },
    )


@rule(
    "inadequate_volume_frequency",
    category="training",
    needs=("sessions",),
    metric="leg sessions per week; hard sets (RPE >= 7 or RIR <= 3, unrated sets count; 1 for "
    "the prime mover, synergist_set_weight for other muscles; a left/right pair once) per week "
    "for each major leg muscle, over normal weeks only, against the dose for the athlete's "
    "goal, phase and age",
    thresholds=(
        *facts.LOG_THRESHOLDS,
        *facts.LOAD_THRESHOLDS,
        "volume_window_days",
        "volume_min_history_days",
        "leg_sessions_min_per_week",
        "hard_sets_min_per_muscle_week",
        "hard_sets_min_strength_week",
        "hard_sets_min_maintenance_week",
        "maintenance_sessions_min_per_week",
        "masters_age_min",
        "masters_maintenance_factor",
        "synergist_set_weight",
        "volume_tolerance_pct",
        "hard_set_min_rpe",
        "hard_set_max_rir",
    ),
    article="Inadequate Training Volume or Frequency",
    recommends=("optimise_volume_frequency", "exercise_variety", "coach_guidance"),
    defers_to=("poor_exercise_selection",),
)
def inadequate_volume_frequency(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: not enough stimulus. The dose depends on the goal: >= 10 hard sets per muscle
    a week builds muscle (Schoenfeld et al. 2017), 5-9 already build strength (Ralston et al.
    2017), far less maintains it (Spiering et al. 2021; older lifters more: Bickel et al.
    2011); 2+ leg sessions a week (Schoenfeld et al. 2016). Deload, taper, peaking, break and
    return weeks are left out of the average."""
    days = t.volume_window_days
    if not s.sessions.last(days):
        return no_data(SESSIONS, days)
    covered = min(days, (s.as_of - s.sessions.first_date()).days + 1)
    if covered < t.volume_min_history_days:
        return Gap(f"fewer than {t.volume_min_history_days} days of training history")
    training, weeks = facts.normal_week_training(s)
    if not weeks:
        return None  # every recent week was planned light: nothing to judge
    dose = facts.weekly_dose(s)
    sessions_per_week = as_reported(training.leg_sessions / weeks)
    sets = {
        m: as_reported(training.hard_sets_by_muscle.get(m, 0.0) / weeks) for m in MAJOR_LEG_MUSCLES
    }
    low = [m for m in MAJOR_LEG_MUSCLES if sets[m] < dose.sets_per_muscle]
    too_rare = sessions_per_week < dose.sessions
    if not too_rare and not low:
        return None
    need_sets = dose.sets_per_muscle
    shortfalls = [short_of(sets[m], need_sets, need_sets) for m in low]
    if too_rare:
        shortfalls.append(short_of(sessions_per_week, dose.sessions, dose.sessions))
    severity = max(shortfalls)
    persisting = weeks >= 2 and severity * 100.0 > t.volume_tolerance_pct
    lowest = min(low, key=lambda m: sets[m]) if low else None
    return Found(
        score=score(severity, weeks * 7 / days),
        evidence={
            "leg_sessions_per_week": sessions_per_week,
            "threshold_sessions_per_week": dose.sessions,
            **{f"hard_sets_per_week_{m}": sets[m] for m in MAJOR_LEG_MUSCLES},
            "threshold_hard_sets_per_week": need_sets,
            "dose_basis": dose.basis,
            "muscles_below": low,
            "normal_weeks": weeks,
            "days": covered,
        },
        level="cause" if persisting else "watch",
        advice={
            "sessions_target": _times(dose.sessions),
            "sets_target": _count(need_sets),
            "sets_now": _count(sets[lowest]) if lowest else _count(min(sets.values())),
            "muscles": " and ".join(low) if low else "each major leg muscle",
            "goal": dose.goal_words,
            "step_sets": max(1, math.ceil((need_sets - sets[lowest]) / 4)) if lowest else 1,
        },
    )


def _times(sessions: float) -> str:
    """'once', 'twice', 'three times' (a week)."""
    n = math.ceil(sessions)
    return {1: "once", 2: "twice", 3: "three times"}.get(n, f"{n} times")


def _count(value: float) -> str:
    """A dose for text: '10', '2.5'."""
    return f"{value:g}" if value != int(value) else str(int(value))


@rule(
    "poor_exercise_selection",
    category="training",
    needs=("sessions",),
    metric="share of leg strength sets (plyometrics aside) done in compound lifts",
    thresholds=(
        *facts.LOG_THRESHOLDS,
        *facts.LOAD_THRESHOLDS,
        "volume_window_days",
        "compound_share_min_pct",
        "leg_sessions_min_per_week",
        "volume_tolerance_pct",
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
    shortfall = short_of(share, t.compound_share_min_pct, t.compound_share_min_pct)
    return Found(
        level="cause" if shortfall * 100.0 > t.volume_tolerance_pct else "watch",
        score=score(
            shortfall,
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
        *facts.LOG_THRESHOLDS,
        *facts.LOAD_THRESHOLDS,
        "volume_window_days",
        "specificity_window_days",
        "goal_lift_share_min_pct",
        "leg_sessions_min_per_week",
        "volume_tolerance_pct",
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
    paused = facts.current_phase(s)
    planned = paused is not None and paused.kind in ("return", "break", "off_season")
    clear = severity * 100.0 > t.volume_tolerance_pct and not planned
    return Found(
        level="cause" if clear else "watch",
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
        "e1rm_typical_error_pct",
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
    noise = t.e1rm_typical_error_pct  # each e1RM carries a typical error of a few %
    clear = False
    if hq is not None and hq < t.hq_ratio_min:
        severities.append(short_of(hq, t.hq_ratio_min, t.hq_ratio_full_score_gap))
        clear = clear or hq < t.hq_ratio_min * (1 - noise / 100.0)
    if asymmetry is not None and asymmetry[0] > t.asymmetry_max_pct:
        severities.append(
            beyond(asymmetry[0], t.asymmetry_max_pct, t.asymmetry_full_score_excess_pct)
        )
        clear = clear or asymmetry[0] > t.asymmetry_max_pct + noise
    if not severities:
        return None
    return Found(
        level="cause" if clear else "watch",
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
