"""Lifestyle causes (article: 'Physiological and Lifestyle Contributors').

Each rule reads two weeks of check-ins and separates two tiers (science.md revisions): a
*cause* is a shortfall clearly past its line (beyond a tolerance band) on most days of the two
weeks; a *watch* item is a signal inside the band or not persisting yet. Evidence carries the
athlete's own numbers for the advice: minutes of sleep to add, grams of protein a day, litres
of water.
"""

from __future__ import annotations

from .. import facts
from ..metrics import as_reported
from ..snapshot import Snapshot
from ..thresholds import Thresholds
from .common import (
    average,
    every_week_below,
    no_data,
    not_a_number,
    persistence,
    round_up,
    too_few,
)
from .lifestyle_signs import (
    CAUSE,
    WATCH,
    advice_numbers,
    dry_mornings,
    energy_need_kcal,
    sleep_range_h,
    tiered,
    weekly_stress_means,
)
from .registry import Found, Gap, beyond, rule, score, short_of

SLEEP_ADVICE_STEP_MIN = 15  # minutes of sleep to add are advised in quarter hours
PROTEIN_ADVICE_STEP_G = 5  # grams of protein a day are advised in steps of 5 g
WATER_ADVICE_STEP_L = 0.25  # litres of water a day are advised in quarter litres
ENERGY_ADVICE_STEP_KCAL = 50  # energy a day is advised in steps of 50 kcal


# --- sleep ------------------------------------------------------------------------------------


@rule(
    "inadequate_sleep",
    category="lifestyle",
    needs=("sleep",),
    metric="mean nightly sleep hours vs the minimum for the athlete's age, and the share of "
    "short nights; share of nights rated poor quality. Cause: mean below the minimum by more "
    "than the tolerance, each week's mean below the minimum and short nights on most days "
    "(or poor quality on most nights of both weeks); watch: a shortfall inside the band or "
    "not persisting",
    thresholds=(
        "sleep_window_days",
        "min_checkin_days",
        "sleep_min_hours",
        "sleep_min_hours_under_18",
        "sleep_max_hours_under_18",
        "adult_min_age",
        "sleep_max_hours",
        "sleep_max_hours_65_plus",
        "older_adult_min_age",
        "sleep_tolerance_h",
        "sleep_full_score_shortfall_h",
        "sleep_quality_poor_max",
        "poor_quality_nights_min_pct",
        "persist_days_min_pct",
        "persist_min_span_days",
        "recent_window_days",
    ),
    article="Inadequate Recovery and Sleep",
    recommends=("sleep_7_9_hours", "stress_management"),
)
def inadequate_sleep(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: sleep repairs muscle and the nervous system; aim for 7-9 h a night
    (Hirshkowitz et al. 2015; Watson et al. 2015; Fullagar et al. 2015)."""
    days = t.sleep_window_days
    nights = s.sleep.last(days)
    if len(nights) < t.min_checkin_days:
        return too_few("sleep check-ins", len(nights), t.min_checkin_days, days)
    minimum_h, top_h = sleep_range_h(s, t)
    mean_h = as_reported(average(n.hours for n in nights))
    if mean_h is None:
        return not_a_number("sleep hours", days)
    shortfall = short_of(mean_h, minimum_h, t.sleep_full_score_shortfall_h)
    poor_max = t.sleep_quality_poor_max
    signals = []
    short = None
    if mean_h < minimum_h:  # the persistence checks run only when they can matter
        short = persistence(nights, lambda n: n.hours < minimum_h)
        clearly = (
            mean_h < minimum_h - t.sleep_tolerance_h
            and short.persists(t)
            and every_week_below(s.sleep, "hours", minimum_h, days, t.recent_window_days)
        )
        signals.append((CAUSE if clearly else WATCH, shortfall))
    poor = persistence(nights, lambda n: n.quality <= poor_max)
    if poor.most_days(t.poor_quality_nights_min_pct):
        excess = beyond(
            poor.share_pct, t.poor_quality_nights_min_pct, 100 - t.poor_quality_nights_min_pct
        )
        persists = poor.persists(t, t.poor_quality_nights_min_pct)
        signals.append((CAUSE if persists else WATCH, excess))
    tier = tiered(signals)
    if tier is None:
        return None
    level, severity = tier
    if short is None:
        short = persistence(nights, lambda n: n.hours < minimum_h)
    to_add_min = round_up((minimum_h - mean_h) * 60, SLEEP_ADVICE_STEP_MIN)
    return Found(
        score=score(severity, len(nights) / days),
        level=level,
        advice=advice_numbers(
            sleep_to_add_min=to_add_min or None,
            sleep_min_h=f"{minimum_h:g}",
            mean_sleep_h=f"{round(mean_h, 2):g}",
            recommended_h=f"{minimum_h:g}-{top_h:g}",
        ),
        evidence={
            "mean_sleep_h": mean_h,
            "threshold_h": minimum_h,
            "tolerance_h": t.sleep_tolerance_h,
            "recommended_h": f"{minimum_h:g}-{top_h:g}",
            "short_nights_pct": as_reported(short.share_pct),
            "sleep_to_add_min": to_add_min,
            "poor_quality_nights_pct": as_reported(poor.share_pct),
            "threshold_poor_quality_nights_pct": t.poor_quality_nights_min_pct,
            "days": len(nights),
            "window_days": days,
        },
    )


# --- nutrition --------------------------------------------------------------------------------


@rule(
    "nutritional_deficiency",
    category="lifestyle",
    needs=("nutrition",),
    metric="mean protein g per kg body mass a day (cause: the mean below the low line and most "
    "days of both weeks short of the target; watch: below the target, where gains level off); "
    "energy intake per kg fat-free "
    "mass where known, else as % of estimated need (Mifflin-St Jeor x activity factor); "
    "micronutrient concerns recorded on several days",
    thresholds=(
        "nutrition_window_days",
        "min_checkin_days",
        "protein_min_g_per_kg",
        "protein_low_g_per_kg",
        "protein_full_score_shortfall_g_per_kg",
        "energy_intake_min_pct_of_need",
        "activity_factor",
        "energy_availability_min_kcal_per_kg_ffm",
        "energy_full_score_shortfall_pct",
        "micronutrient_concern_min_days",
        "persist_days_min_pct",
        "persist_min_span_days",
    ),
    article="Nutritional Deficiencies",
    recommends=("protein_1_6_2_2_g_per_kg", "nutrient_dense_diet"),
)
def nutritional_deficiency(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: too little energy or protein hinders repair; magnesium, potassium and B
    vitamins matter for muscle function (Morton 2018; Jäger 2017; Thomas 2016; Mountjoy 2018).
    The word 'deficiency' belongs to the cause tier only: a watch item is 'below target'."""
    days = t.nutrition_window_days
    entries = s.nutrition.last(days)
    if len(entries) < t.min_checkin_days:
        return too_few("nutrition check-ins", len(entries), t.min_checkin_days, days)
    mass = facts.body_mass_kg(s)
    counts: dict[str, int] = {}
    for entry in entries:
        for concern in set(entry.micronutrient_concerns or ()):
            counts[concern] = counts.get(concern, 0) + 1
    recurring = sorted(c for c, n in counts.items() if n >= t.micronutrient_concern_min_days)
    if mass is None and not recurring:
        return Gap("no body mass on the profile or in recent check-ins to judge protein per kg")
    evidence: dict = {"days": len(entries), "window_days": days}
    signals = []
    if recurring:
        most = max(counts[c] for c in recurring)
        spread = days - t.micronutrient_concern_min_days
        signals.append((CAUSE, beyond(most, t.micronutrient_concern_min_days, spread)))
    if mass is not None:
        signals += _protein_signals(entries, mass, t, evidence)
        signals += _energy_signals(s, t, entries, mass, evidence)
    tier = tiered(signals)
    if tier is None:
        return None
    level, severity = tier
    evidence["micronutrient_concerns"] = recurring
    return Found(
        score=score(severity, len(entries) / days),
        level=level,
        evidence=evidence,
        advice=advice_numbers(
            body_mass_kg=f"{round(mass, 1):g}" if mass is not None else None,
            protein_target_g_per_kg=f"{t.protein_min_g_per_kg:g}",
            protein_target_g_per_day=evidence.get("protein_target_g_per_day"),
            protein_to_add_g_per_day=evidence.get("protein_to_add_g_per_day") or None,
            energy_target_kcal=evidence.get("energy_target_kcal"),
            energy_to_add_kcal=evidence.get("energy_to_add_kcal"),
        ),
    )


def _protein_signals(entries, mass: float, t: Thresholds, evidence: dict) -> list:
    mean_g = average(e.protein_g for e in entries)
    protein = as_reported(mean_g / mass)
    if protein is None:
        return []
    target_g = round_up(t.protein_min_g_per_kg * mass, PROTEIN_ADVICE_STEP_G)
    evidence.update(
        protein_g_per_kg=protein,
        threshold_g_per_kg=t.protein_min_g_per_kg,
        low_g_per_kg=t.protein_low_g_per_kg,
        protein_status="adequate",
        protein_g_per_day=as_reported(mean_g),
        protein_target_g_per_day=target_g,
        protein_to_add_g_per_day=round_up(target_g - mean_g, PROTEIN_ADVICE_STEP_G),
    )
    severity = short_of(protein, t.protein_low_g_per_kg, t.protein_full_score_shortfall_g_per_kg)
    target_per_day_g = t.protein_min_g_per_kg * mass
    # a cause: the mean clearly below the low line, and most days of both weeks short of target
    if protein < t.protein_low_g_per_kg and persistence(
        entries, lambda e: e.protein_g < target_per_day_g
    ).persists(t):
        evidence["protein_status"] = "deficient"
        return [(CAUSE, severity)]
    if protein < t.protein_min_g_per_kg:
        evidence["protein_status"] = "below_target"
        return [(WATCH, max(severity, 0.0))]
    return []


def _energy_signals(s: Snapshot, t: Thresholds, entries, mass: float, evidence: dict) -> list:
    """Low energy availability per kg fat-free mass where it is known (intake alone below the
    line means availability is lower still); else intake as % of estimated need."""
    ffm_line = t.energy_availability_min_kcal_per_kg_ffm
    ffm = s.profile.fat_free_mass_kg
    if facts.plausible_mass(ffm) and ffm <= mass:
        kcal_per_ffm = as_reported(average(e.calories_kcal for e in entries) / ffm)
        if kcal_per_ffm is None:
            return []
        evidence.update(energy_kcal_per_kg_ffm=kcal_per_ffm, threshold_kcal_per_kg_ffm=ffm_line)
        shortfall_pct = (ffm_line - kcal_per_ffm) * 100.0 / ffm_line
        low_kcal = ffm_line * ffm
        return _energy_tier(entries, lambda e: e.calories_kcal < low_kcal, shortfall_pct, t)
    need = energy_need_kcal(s, t, mass)
    if need is None:
        return []
    eaten_kcal = average(e.calories_kcal for e in entries)
    energy_pct = as_reported(eaten_kcal * 100.0 / need)
    if energy_pct is None:
        return []
    evidence.update(
        energy_pct_of_need=energy_pct,
        threshold_energy_pct=t.energy_intake_min_pct_of_need,
        activity_factor=t.activity_factor,
        energy_need_kcal=round(need),
    )
    shortfall_pct = t.energy_intake_min_pct_of_need - energy_pct
    if shortfall_pct > 0:
        target = round_up(need, ENERGY_ADVICE_STEP_KCAL)
        evidence["energy_target_kcal"] = target
        evidence["energy_to_add_kcal"] = round_up(target - eaten_kcal, ENERGY_ADVICE_STEP_KCAL)
    low_kcal = need * t.energy_intake_min_pct_of_need / 100.0
    return _energy_tier(entries, lambda e: e.calories_kcal < low_kcal, shortfall_pct, t)


def _energy_tier(entries, past_line, shortfall_pct: float, t: Thresholds) -> list:
    """A cause when intake is below the line on average and on most days of both weeks."""
    if shortfall_pct <= 0:
        return []
    severity = shortfall_pct / t.energy_full_score_shortfall_pct
    return [(CAUSE if persistence(entries, past_line).persists(t) else WATCH, severity)]


# --- hydration --------------------------------------------------------------------------------


@rule(
    "dehydration",
    category="lifestyle",
    needs=("nutrition", "wellness"),
    metric="mornings of the last week with first-morning body mass more than the line below "
    "the athlete's several-day baseline together with dark urine (Cheuvront & Kenefick's WUT: "
    "two signs); share of "
    "urine-colour readings at or above 'dark'; mean water ml per kg a day (low intake alone "
    "is a watch item)",
    thresholds=(
        "nutrition_window_days",
        "min_checkin_days",
        "water_min_ml_per_kg",
        "water_full_score_shortfall_ml_per_kg",
        "urine_colour_dark_min",
        "dark_urine_days_min_pct",
        "morning_mass_loss_min_pct",
        "mass_baseline_days",
        "mass_baseline_min_readings",
        "dehydration_signs_min_days",
        "recent_window_days",
        "persist_min_span_days",
    ),
    article="Dehydration",
    recommends=("hydration",),
)
def dehydration(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: even mild dehydration saps strength. Body signs decide (Cheuvront & Kenefick
    2014; Armstrong 1994, 1998); the largest day-to-day drop is never used, since an evening
    then a morning weigh-in differ by more than a night's fluid."""
    days = t.nutrition_window_days
    drinks = s.nutrition.last(days)
    wellness = s.wellness.last(days)
    mass = facts.body_mass_kg(s)
    drunk_l = average(e.water_l for e in drinks) if drinks and mass is not None else 0.0
    water = None
    if len(drinks) >= t.min_checkin_days and mass is not None:
        water = as_reported(drunk_l * 1000.0 / mass)
    colours = [w for w in wellness if w.urine_colour is not None]
    weighed = any(facts.plausible_mass(w.body_mass_kg) for w in wellness)
    if water is None and len(colours) < t.min_checkin_days and not weighed:
        return no_data(
            "hydration data (water intake with body mass, urine colour, daily body mass)", days
        )
    signals = []
    dark = persistence(colours, lambda w: w.urine_colour >= t.urine_colour_dark_min)
    dark_excess = beyond(dark.share_pct, t.dark_urine_days_min_pct, 100 - t.dark_urine_days_min_pct)
    if len(colours) >= t.min_checkin_days and dark.persists(t, t.dark_urine_days_min_pct):
        signals.append((CAUSE, dark_excess))
    elif len(colours) >= t.min_checkin_days and dark.most_days(t.dark_urine_days_min_pct):
        signals.append((WATCH, dark_excess))
    dry = dry_mornings(s, t)
    this_week = s.day(t.recent_window_days - 1)
    if sum(1 for w in dry if w.date >= this_week) >= t.dehydration_signs_min_days:
        signals.append((CAUSE, len(dry) / t.dehydration_signs_min_days - 1.0))
    elif dry:
        signals.append((WATCH, 0.0))
    if water is not None and water < t.water_min_ml_per_kg:
        shortfall = short_of(water, t.water_min_ml_per_kg, t.water_full_score_shortfall_ml_per_kg)
        signals.append((WATCH, shortfall))
    tier = tiered(signals)
    if tier is None:
        return None
    level, severity = tier
    evidence = {
        "water_ml_per_kg": water,
        "threshold_ml_per_kg": t.water_min_ml_per_kg,
        "dark_urine_days_pct": as_reported(dark.share_pct) if colours else None,
        "threshold_dark_urine_days_pct": t.dark_urine_days_min_pct,
        "dry_mornings": len(dry),
        "threshold_mass_loss_pct": t.morning_mass_loss_min_pct,
        "days": max(len(drinks), len(colours)),
        "window_days": days,
    }
    if mass is not None:
        target_l = t.water_min_ml_per_kg * mass / 1000.0
        evidence["water_target_l_per_day"] = round_up(target_l, WATER_ADVICE_STEP_L)
        evidence["water_to_add_l_per_day"] = round_up(target_l - drunk_l, WATER_ADVICE_STEP_L)
    to_add_l = evidence.get("water_to_add_l_per_day")
    return Found(
        score=score(severity, max(len(drinks), len(colours)) / days),
        level=level,
        evidence=evidence,
        advice=advice_numbers(
            water_target_l_per_day=f"{evidence['water_target_l_per_day']:g}" if to_add_l else None,
            water_to_add_l_per_day=f"{to_add_l:g}" if to_add_l else None,
        ),
    )


# --- stress -----------------------------------------------------------------------------------


@rule(
    "chronic_stress",
    category="lifestyle",
    needs=("stress",),
    metric="stress (1-10): days at or above the line on most days of both weeks with the mean "
    "at most the tolerance below it, or two weeks well above the athlete's own baseline (z) "
    "with every week's mean at least a point above it; a rise over one week only is a watch "
    "item",
    thresholds=(
        "stress_window_days",
        "min_checkin_days",
        "stress_high_min",
        "stress_full_score_excess",
        "stress_tolerance_points",
        "baseline_z_max",
        "wellness_rise_min_points",
        "recent_window_days",
        "baseline_window_days",
        "baseline_min_days",
        "baseline_sd_floor",
        "persist_days_min_pct",
        "persist_min_span_days",
    ),
    article="Chronic Stress",
    recommends=("stress_management", "sleep_7_9_hours"),
)
def chronic_stress(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: prolonged stress raises cortisol, slowing recovery (McLean et al. 2010).
    'Chronic' means weeks: one raised week is at most a watch item."""
    days = t.stress_window_days
    entries = s.stress.last(days)
    if len(entries) < t.min_checkin_days:
        return too_few("stress check-ins", len(entries), t.min_checkin_days, days)
    mean_stress = as_reported(average(e.stress for e in entries))
    if mean_stress is None:
        return not_a_number("stress scores", days)
    signals = []
    if mean_stress >= t.stress_high_min - t.stress_tolerance_points:
        # whole-number scores scatter a point a day: a mean just under the line counts when
        # most days of both weeks are at or above it
        high = persistence(entries, lambda e: e.stress >= t.stress_high_min)
        excess = max(0.0, beyond(mean_stress, t.stress_high_min, t.stress_full_score_excess))
        if high.persists(t):
            signals.append((CAUSE, excess))
        elif mean_stress >= t.stress_high_min:
            signals.append((WATCH, excess))
    sustained = facts.sustained_shift(s, "stress", "stress", days)
    if facts.is_raised(sustained, t):
        line = sustained.baseline_mean + t.wellness_rise_min_points
        weeks = weekly_stress_means(s, t, days)
        every_week = bool(weeks) and all(m is not None and m >= line for m in weeks)
        excess = beyond(sustained.z, t.baseline_z_max, t.baseline_z_max)
        signals.append((CAUSE if every_week else WATCH, excess))
    shift = sustained
    if not facts.is_raised(sustained, t):
        shift = facts.baseline_shift(s, "stress", "stress")
        if facts.is_raised(shift, t):
            signals.append((WATCH, beyond(shift.z, t.baseline_z_max, t.baseline_z_max)))
    tier = tiered(signals)
    if tier is None:
        return None
    level, severity = tier
    return Found(
        score=score(severity, len(entries) / days),
        level=level,
        evidence={
            "mean_stress": mean_stress,
            "threshold_stress": t.stress_high_min,
            "stress_change_points": as_reported(shift.change) if shift else None,
            "stress_z": shift.z if shift else None,
            "threshold_z": t.baseline_z_max,
            "days": len(entries),
            "window_days": days,
        },
    )
