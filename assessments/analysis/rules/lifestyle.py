"""Lifestyle causes (article: 'Physiological and Lifestyle Contributors')."""

from __future__ import annotations

from itertools import pairwise

from .. import facts, metrics
from ..metrics import as_reported
from ..snapshot import Snapshot
from ..thresholds import Thresholds
from .common import average, no_data, too_few
from .registry import Found, Gap, beyond, rule, score, short_of


@rule(
    "inadequate_sleep",
    category="lifestyle",
    needs=("sleep",),
    metric="mean nightly sleep hours; share of nights rated poor quality",
    thresholds=(
        "sleep_window_days",
        "min_checkin_days",
        "sleep_min_hours",
        "sleep_full_score_shortfall_h",
        "sleep_quality_poor_max",
        "poor_quality_nights_min_pct",
    ),
    article="Inadequate Recovery and Sleep",
    recommends=("sleep_7_9_hours", "stress_management"),
)
def inadequate_sleep(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: sleep repairs muscle and the nervous system; aim for 7-9 h a night."""
    days = t.sleep_window_days
    nights = s.sleep.last(days)
    if len(nights) < t.min_checkin_days:
        return too_few("sleep check-ins", len(nights), t.min_checkin_days, days)
    mean_h = as_reported(average(n.hours for n in nights))
    poor_nights = sum(1 for n in nights if n.quality <= t.sleep_quality_poor_max)
    poor_pct = as_reported(metrics.share_pct(poor_nights, len(nights)))
    short = mean_h < t.sleep_min_hours
    poor = poor_pct > t.poor_quality_nights_min_pct
    if not short and not poor:
        return None
    severity = max(
        short_of(mean_h, t.sleep_min_hours, t.sleep_full_score_shortfall_h) if short else 0.0,
        beyond(poor_pct, t.poor_quality_nights_min_pct, 100 - t.poor_quality_nights_min_pct)
        if poor
        else 0.0,
    )
    return Found(
        score=score(severity, len(nights) / days),
        evidence={
            "mean_sleep_h": mean_h,
            "threshold_h": t.sleep_min_hours,
            "poor_quality_nights_pct": poor_pct,
            "threshold_poor_quality_nights_pct": t.poor_quality_nights_min_pct,
            "days": len(nights),
            "window_days": days,
        },
    )


@rule(
    "nutritional_deficiency",
    category="lifestyle",
    needs=("nutrition",),
    metric="mean protein g per kg body mass a day; energy intake as % of estimated need "
    "(Mifflin-St Jeor x activity factor); micronutrient concerns recorded on several days",
    thresholds=(
        "nutrition_window_days",
        "min_checkin_days",
        "protein_min_g_per_kg",
        "protein_full_score_shortfall_g_per_kg",
        "energy_intake_min_pct_of_need",
        "activity_factor",
        "energy_full_score_shortfall_pct",
        "micronutrient_concern_min_days",
    ),
    article="Nutritional Deficiencies",
    recommends=("protein_1_6_2_2_g_per_kg", "nutrient_dense_diet"),
)
def nutritional_deficiency(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: too little energy or protein hinders repair; magnesium, potassium and B
    vitamins matter for muscle function (Morton 2018; Jäger 2017; Mountjoy 2018)."""
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
    severities = []
    if recurring:
        most = max(counts[c] for c in recurring)
        spread = days - t.micronutrient_concern_min_days
        severities.append(beyond(most, t.micronutrient_concern_min_days, spread))
    if mass is not None:
        protein = as_reported(average(e.protein_g for e in entries) / mass)
        evidence.update(protein_g_per_kg=protein, threshold_g_per_kg=t.protein_min_g_per_kg)
        if protein is not None and protein < t.protein_min_g_per_kg:
            severities.append(
                short_of(protein, t.protein_min_g_per_kg, t.protein_full_score_shortfall_g_per_kg)
            )
        energy_pct = as_reported(
            _energy_pct_of_need(s, t, mass, average(e.calories_kcal for e in entries))
        )
        evidence.update(
            energy_pct_of_need=energy_pct, threshold_energy_pct=t.energy_intake_min_pct_of_need
        )
        if energy_pct is not None and energy_pct < t.energy_intake_min_pct_of_need:
            severities.append(
                short_of(
                    energy_pct, t.energy_intake_min_pct_of_need, t.energy_full_score_shortfall_pct
                )
            )
    if not severities:
        return None
    evidence["micronutrient_concerns"] = recurring
    return Found(score=score(max(severities), len(entries) / days), evidence=evidence)


def _energy_pct_of_need(s: Snapshot, t: Thresholds, mass: float, kcal: float) -> float | None:
    """Intake as % of Mifflin-St Jeor resting energy x activity factor; None without height or
    date of birth (fat-free mass, for true energy availability, is rarely known)."""
    profile = s.profile
    if not profile.height_cm or profile.date_of_birth is None:
        return None
    age = metrics.age_years(profile.date_of_birth, s.as_of)
    need = metrics.resting_energy_kcal(profile.sex, mass, profile.height_cm, age)
    need *= t.activity_factor
    return kcal * 100.0 / need if need > 0 else None


@rule(
    "dehydration",
    category="lifestyle",
    needs=("nutrition", "wellness"),
    metric="mean water ml per kg a day; share of urine-colour readings at or above 'dark'; "
    "largest day-to-day body-mass loss",
    thresholds=(
        "nutrition_window_days",
        "min_checkin_days",
        "water_min_ml_per_kg",
        "water_full_score_shortfall_ml_per_kg",
        "urine_colour_dark_min",
        "dark_urine_days_min_pct",
        "body_mass_loss_max_pct",
    ),
    article="Dehydration",
    recommends=("hydration",),
)
def dehydration(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: even mild dehydration saps strength (Armstrong 1994, 1998; Sawka 2007)."""
    days = t.nutrition_window_days
    drinks = s.nutrition.last(days)
    wellness = s.wellness.last(days)
    mass = facts.body_mass_kg(s)
    water = None
    if len(drinks) >= t.min_checkin_days and mass is not None:
        water = as_reported(average(e.water_l for e in drinks) * 1000.0 / mass)
    colours = [w.urine_colour for w in wellness if w.urine_colour is not None]
    dark_pct = None
    if len(colours) >= t.min_checkin_days:
        dark_pct = as_reported(metrics.share_at_or_above(colours, t.urine_colour_dark_min))
    loss_pct = as_reported(_largest_daily_mass_loss_pct(wellness))
    if water is None and dark_pct is None and loss_pct is None:
        return no_data(
            "hydration data (water intake with body mass, urine colour, daily body mass)", days
        )
    severities = []
    if water is not None and water < t.water_min_ml_per_kg:
        severities.append(
            short_of(water, t.water_min_ml_per_kg, t.water_full_score_shortfall_ml_per_kg)
        )
    if dark_pct is not None and dark_pct > t.dark_urine_days_min_pct:
        severities.append(
            beyond(dark_pct, t.dark_urine_days_min_pct, 100 - t.dark_urine_days_min_pct)
        )
    if loss_pct is not None and loss_pct > t.body_mass_loss_max_pct:
        severities.append(beyond(loss_pct, t.body_mass_loss_max_pct, t.body_mass_loss_max_pct))
    if not severities:
        return None
    return Found(
        score=score(max(severities), max(len(drinks), len(colours)) / days),
        evidence={
            "water_ml_per_kg": water,
            "threshold_ml_per_kg": t.water_min_ml_per_kg,
            "dark_urine_days_pct": dark_pct,
            "threshold_dark_urine_days_pct": t.dark_urine_days_min_pct,
            "body_mass_loss_pct": loss_pct,
            "threshold_body_mass_loss_pct": t.body_mass_loss_max_pct,
            "days": max(len(drinks), len(colours)),
            "window_days": days,
        },
    )


def _largest_daily_mass_loss_pct(wellness) -> float | None:
    """Largest fall in body mass between check-ins on consecutive days, % of the first."""
    weighed = [w for w in wellness if facts.plausible_mass(w.body_mass_kg)]
    losses = [
        metrics.drop_pct(a.body_mass_kg, b.body_mass_kg)
        for a, b in pairwise(weighed)
        if (b.date - a.date).days == 1
    ]
    return max(losses) if losses else None


@rule(
    "chronic_stress",
    category="lifestyle",
    needs=("stress",),
    metric="mean stress (1-10) over the window; recent week vs the athlete's baseline (z)",
    thresholds=(
        "stress_window_days",
        "min_checkin_days",
        "stress_high_min",
        "stress_full_score_excess",
        "baseline_z_max",
        "recent_window_days",
        "baseline_window_days",
        "baseline_min_days",
        "baseline_sd_floor",
    ),
    article="Chronic Stress",
    recommends=("stress_management", "sleep_7_9_hours"),
)
def chronic_stress(s: Snapshot, t: Thresholds) -> Found | Gap | None:
    """Article: prolonged stress raises cortisol, slowing recovery (McLean et al. 2010)."""
    days = t.stress_window_days
    entries = s.stress.last(days)
    if len(entries) < t.min_checkin_days:
        return too_few("stress check-ins", len(entries), t.min_checkin_days, days)
    mean_stress = as_reported(average(e.stress for e in entries))
    shift = facts.baseline_shift(s, "stress", "stress")
    high = mean_stress >= t.stress_high_min
    rising = shift is not None and shift.z > t.baseline_z_max
    if not high and not rising:
        return None
    severity = max(
        beyond(mean_stress, t.stress_high_min, t.stress_full_score_excess) if high else 0.0,
        beyond(shift.z, t.baseline_z_max, t.baseline_z_max) if rising else 0.0,
    )
    return Found(
        score=score(severity, len(entries) / days),
        evidence={
            "mean_stress": mean_stress,
            "threshold_stress": t.stress_high_min,
            "stress_z": shift.z if shift else None,
            "threshold_z": t.baseline_z_max,
            "days": len(entries),
            "window_days": days,
        },
    )
