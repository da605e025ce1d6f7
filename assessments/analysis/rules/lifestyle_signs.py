"""What the lifestyle rules read from the check-ins: the age's sleep range, estimated energy
need, dry mornings, weekly means, and how (level, severity) signals become one finding.
Plain functions, no rules registered here (the rules live in ``lifestyle.py``)."""

from __future__ import annotations

from bisect import bisect_left
from datetime import timedelta

from .. import facts, metrics
from ..snapshot import Snapshot
from ..thresholds import Thresholds

CAUSE, WATCH = "cause", "watch"
BASELINE_LOOKBACK_FACTOR = 3  # usual weigh-ins are looked for this many times as far back


def tiered(signals: list[tuple[str, float]]) -> tuple[str, float] | None:
    """The level and severity to report from (level, severity) signals: causes outrank watch
    items; within a level, the largest severity."""
    for level in (CAUSE, WATCH):
        severities = [severity for lvl, severity in signals if lvl == level]
        if severities:
            return level, max(severities)
    return None


def sleep_range_h(s: Snapshot, t: Thresholds) -> tuple[float, float]:
    """The recommended nightly sleep for the athlete's age (Hirshkowitz et al. 2015): 8-10 h
    under 18, 7-9 h for adults, 7-8 h at 65 and over; adults' range when age is unknown."""
    age = facts.age_years(s)
    under_18 = (t.sleep_min_hours_under_18, t.sleep_max_hours_under_18)
    older = (t.sleep_min_hours, t.sleep_max_hours_65_plus)
    adult = (t.sleep_min_hours, t.sleep_max_hours)
    if age is None:
        return adult
    if age < t.adult_min_age:
        return under_18
    return older if age >= t.older_adult_min_age else adult


def advice_numbers(**numbers: object) -> dict:
    """The athlete's numbers for the advice templates; a missing one (None) leaves its
    strategy in plain words."""
    return {name: value for name, value in numbers.items() if value is not None}


def energy_need_kcal(s: Snapshot, t: Thresholds, mass: float) -> float | None:
    """Mifflin-St Jeor resting energy x physical activity level; None without height or date
    of birth."""
    age = facts.age_years(s)
    if not s.profile.height_cm or age is None:
        return None
    need = metrics.resting_energy_kcal(s.profile.sex, mass, s.profile.height_cm, age)
    need *= t.activity_factor
    return need if need > 0 else None


def dry_mornings(s: Snapshot, t: Thresholds) -> list:
    """Mornings of the window with dark urine and a first-morning mass more than
    ``morning_mass_loss_min_pct`` below the median of the athlete's last ``mass_baseline_days``
    weigh-ins on mornings without dark urine (looked for up to three times as many days back):
    two of Cheuvront & Kenefick's three signs. A median, so an odd evening weigh-in does not
    move it; dark-urine mornings stay out of it, so a dry spell does not lower its own
    baseline. Check-in masses are read as first-morning masses."""
    dark_min = t.urine_colour_dark_min
    lightest, heaviest = facts.PLAUSIBLE_BODY_MASS_KG
    dark_days = [
        w
        for w in s.wellness.last(t.nutrition_window_days)
        if w.urine_colour is not None
        and w.urine_colour >= dark_min
        and w.body_mass_kg is not None
        and lightest <= w.body_mass_kg <= heaviest
    ]
    if not dark_days:
        return []
    readings, min_readings = t.mass_baseline_days, t.mass_baseline_min_readings
    lookback = BASELINE_LOOKBACK_FACTOR * readings
    usual = [  # (date, kg) of weigh-ins on mornings without dark urine, oldest first
        (w.date, w.body_mass_kg)
        for w in s.wellness.last(t.nutrition_window_days + lookback)
        if w.body_mass_kg is not None
        and lightest <= w.body_mass_kg <= heaviest
        and (w.urine_colour is None or w.urine_colour < dark_min)
    ]
    usual_dates = [day for day, _ in usual]
    keep = 1.0 - t.morning_mass_loss_min_pct / 100.0  # at or above this share of the median
    dry = []
    for entry in dark_days:
        end = bisect_left(usual_dates, entry.date)
        earliest = entry.date - timedelta(days=lookback)
        masses = sorted(kg for day, kg in usual[max(0, end - readings) : end] if day >= earliest)
        if len(masses) < min_readings:
            continue
        half = len(masses) // 2
        median = masses[half] if len(masses) % 2 else (masses[half - 1] + masses[half]) / 2
        if entry.body_mass_kg < keep * median:
            dry.append(entry)
    return dry


def weekly_stress_means(s: Snapshot, t: Thresholds, days: int) -> list[float | None]:
    """Mean stress of each ``recent_window_days`` week of the window, newest first (None for a
    week without check-ins): a chronic rise shows in every week, not in their average."""
    week = t.recent_window_days
    means = []
    for ending in range(0, days - week + 1, week):
        values = [e.stress for e in s.stress.window(week, ending)]
        means.append(sum(values) / len(values) if values else None)
    return means
