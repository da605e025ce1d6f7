"""Derived facts several rules share, computed once per snapshot and kept in ``snapshot.cache``.

Rules ask for, say, the last 28 days of leg training or the goal-lift e1RM points; the first
ask computes it in one pass over the data, later asks read the cache. This keeps ``run()`` cheap
(see ``bench/engine.py``) without rules having to pass intermediate results around.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from operator import attrgetter
from typing import TypeVar

from . import metrics
from .snapshot import Snapshot, WellnessEntry
from .thresholds import Thresholds

R = TypeVar("R")


def cached(fn: Callable[..., R]) -> Callable[..., R]:
    """Memoise ``fn(snapshot, *args)`` in the snapshot's own cache."""
    name = fn.__name__

    @wraps(fn)
    def wrapper(s: Snapshot, *args):
        key = (name, *args)
        try:
            return s.cache[key]
        except KeyError:
            value = s.cache[key] = fn(s, *args)
            return value

    return wrapper


def lookback_days(t: Thresholds) -> int:
    """The longest span any rule reads: the analysis window reported with every result."""
    return max(
        t.e1rm_trend_window_weeks * 7,
        t.weakness_recent_window_days + t.weakness_reference_window_days,
        t.recent_window_days + t.baseline_window_days,
        2 * t.chronic_window_days,
        t.volume_window_days,
        t.screen_window_days,
        t.strength_test_window_days,
        t.sleep_window_days,
        t.nutrition_window_days,
        t.stress_window_days,
        t.activation_window_days,
        t.symptom_window_days,
        t.persistent_weakness_window_days,
    )


# --- the athlete's lifts --------------------------------------------------------------------


@cached
def trend_lifts(s: Snapshot) -> tuple[str, ...]:
    """Lifts whose strength is tracked: the goal lifts, or every compound leg lift if none."""
    if s.profile.goal_lifts:
        return tuple(s.profile.goal_lifts)
    return tuple(
        slug for slug, info in s.exercises.items() if info.kind == "compound" and info.is_leg
    )


@cached
def goal_family(s: Snapshot) -> frozenset[str]:
    """Goal lifts plus their close variants: compound exercises with the same movement pattern."""
    goals = set(s.profile.goal_lifts)
    patterns = {s.exercises[g].pattern for g in goals if g in s.exercises}
    variants = {
        slug
        for slug, info in s.exercises.items()
        if info.kind == "compound" and info.pattern in patterns
    }
    return frozenset(goals | variants)


@cached
def leg_training(s: Snapshot, days: int) -> metrics.LegTraining:
    """Leg sessions, sets and hard sets per muscle over the last ``days`` days."""
    t = s.thresholds
    return metrics.summarise_leg_training(
        s.sessions.last(days),
        s.exercises,
        goal_family(s),
        min_rpe=t.hard_set_min_rpe,
        max_rir=t.hard_set_max_rir,
    )


@cached
def e1rm_points(s: Snapshot) -> dict[str, list]:
    """(date, best e1RM kg of the day's session or test) for every tracked lift."""
    t = s.thresholds
    points: dict[str, list] = {lift: [] for lift in trend_lifts(s)}
    span = max(
        t.e1rm_trend_window_weeks * 7,
        t.weakness_recent_window_days + t.weakness_reference_window_days,
    )
    max_reps = t.e1rm_max_reps
    e1rm = metrics.e1rm_kg
    for session in s.sessions.last(span):  # every set of eight weeks passes here: keep it lean
        best: dict[str, float] = {}
        for one_set in session.sets:
            lift = one_set.exercise
            if lift in points:
                value = e1rm(
                    one_set.load_kg, one_set.reps, one_set.rpe, one_set.rir, max_reps=max_reps
                )
                if value is not None and value > best.get(lift, 0.0):
                    best[lift] = value
        for lift, value in best.items():
            points[lift].append((session.date, value))
    for test in s.strength_tests.last(span):
        bucket = points.get(test.exercise)
        if bucket is not None:
            value = e1rm(test.load_kg, test.reps, max_reps=max_reps)
            if value is not None:
                bucket.append((test.date, value))
    return points


@cached
def e1rm_trends(s: Snapshot) -> dict[str, metrics.Trend]:
    """Best-weekly e1RM trend per tracked lift with enough weeks of data."""
    t = s.thresholds
    weeks = t.e1rm_trend_window_weeks
    trends = {}
    for lift, points in e1rm_points(s).items():
        trend = metrics.weekly_trend(metrics.best_weekly(points, s.as_of, weeks))
        if trend is not None and trend.weeks >= t.e1rm_trend_min_weeks:
            trends[lift] = trend
    return trends


@dataclass(frozen=True, slots=True)
class StrengthChange:
    lift: str
    recent_best_kg: float
    reference_best_kg: float
    drop_pct: float


@cached
def e1rm_drop(s: Snapshot) -> StrengthChange | None:
    """The largest drop of a tracked lift's best e1RM: recent window vs the weeks before it."""
    t = s.thresholds
    recent_from = s.day(t.weakness_recent_window_days)
    reference_from = s.day(t.weakness_recent_window_days + t.weakness_reference_window_days)
    worst = None
    for lift, points in e1rm_points(s).items():
        recent = [v for d, v in points if d > recent_from]
        reference = [v for d, v in points if reference_from < d <= recent_from]
        if recent and reference:
            best_recent, best_before = max(recent), max(reference)
            drop = metrics.as_reported(metrics.drop_pct(best_before, best_recent))
            if drop is None:
                continue  # a zero or near-zero reference says nothing about a drop
            change = StrengthChange(lift, best_recent, best_before, drop)
            if worst is None or change.drop_pct > worst.drop_pct:
                worst = change
    return worst


@dataclass(frozen=True, slots=True)
class JumpChange:
    latest_cm: float
    baseline_cm: float
    baseline_tests: int
    drop_pct: float


@cached
def jump_drop(s: Snapshot) -> JumpChange | None:
    """Latest countermovement jump vs the mean of earlier tests in the trend window."""
    t = s.thresholds
    recent = s.jump_tests.last(t.jump_recent_window_days)
    if not recent:
        return None
    span = t.e1rm_trend_window_weeks * 7 - t.jump_recent_window_days
    baseline = [
        j.countermovement_jump_cm for j in s.jump_tests.window(span, t.jump_recent_window_days)
    ]
    base = metrics.mean(baseline)
    if len(baseline) < t.jump_baseline_min_tests or not base or base <= 0:
        return None
    latest = recent[-1].countermovement_jump_cm
    drop = metrics.as_reported(metrics.drop_pct(base, latest))
    return None if drop is None else JumpChange(latest, base, len(baseline), drop)


# --- workload ---------------------------------------------------------------------------------


@cached
def daily_loads(s: Snapshot) -> list[float]:
    """Session-RPE load per day over two chronic windows, oldest first (the first window
    seeds the EWMA)."""
    days = 2 * s.thresholds.chronic_window_days
    return metrics.daily_loads(s.sessions.last(days), s.as_of, days)


# --- body and wellness ------------------------------------------------------------------------


PLAUSIBLE_BODY_MASS_KG = (20.0, 400.0)  # outside this, a body mass is a data-entry error


def plausible_mass(kg: float | None) -> bool:
    return kg is not None and PLAUSIBLE_BODY_MASS_KG[0] <= kg <= PLAUSIBLE_BODY_MASS_KG[1]


@cached
def body_mass_kg(s: Snapshot) -> float | None:
    """Latest body mass from a recent wellness check-in (nutrition window), else the
    profile's."""
    for entry in reversed(s.wellness.last(s.thresholds.nutrition_window_days)):
        if plausible_mass(entry.body_mass_kg):
            return entry.body_mass_kg
    mass = s.profile.body_mass_kg
    return mass if plausible_mass(mass) else None


@dataclass(frozen=True, slots=True)
class BaselineShift:
    recent_mean: float
    baseline_mean: float
    z: float
    recent_days: int
    baseline_days: int

    @property
    def change(self) -> float:
        """Recent mean minus baseline mean, in the scale's points."""
        return self.recent_mean - self.baseline_mean


@cached
def baseline_shift(s: Snapshot, series: str, field: str) -> BaselineShift | None:
    """Recent mean of a daily item vs the athlete's own baseline, as a z-score."""
    t = s.thresholds
    entries, value_of = getattr(s, series), attrgetter(field)
    recent = list(map(value_of, entries.last(t.recent_window_days)))
    baseline = list(map(value_of, entries.window(t.baseline_window_days, t.recent_window_days)))
    if len(recent) < min(t.min_checkin_days, t.recent_window_days) or (
        len(baseline) < t.baseline_min_days
    ):
        return None
    recent_mean = sum(recent) / len(recent)
    z = metrics.as_reported(metrics.z_score(recent_mean, baseline, sd_floor=t.baseline_sd_floor))
    if z is None:
        return None
    return BaselineShift(recent_mean, sum(baseline) / len(baseline), z, len(recent), len(baseline))


@cached
def sustained_shift(s: Snapshot, series: str, field: str, recent_days: int) -> BaselineShift | None:
    """Like ``baseline_shift`` over a longer recent span (e.g. the 14 days 'chronic' needs):
    the mean of the last ``recent_days`` days vs the ``baseline_window_days`` days before them.
    None with fewer than ``min_checkin_days`` recent or ``baseline_min_days`` baseline entries."""
    t = s.thresholds
    entries, value_of = getattr(s, series), attrgetter(field)
    recent = list(map(value_of, entries.last(recent_days)))
    baseline = list(map(value_of, entries.window(t.baseline_window_days, recent_days)))
    if len(recent) < t.min_checkin_days or len(baseline) < t.baseline_min_days:
        return None
    recent_mean = sum(recent) / len(recent)
    z = metrics.as_reported(metrics.z_score(recent_mean, baseline, sd_floor=t.baseline_sd_floor))
    if z is None:
        return None
    return BaselineShift(recent_mean, sum(baseline) / len(baseline), z, len(recent), len(baseline))


def is_raised(shift: BaselineShift | None, t: Thresholds) -> bool:
    """A personal rise that counts on a whole-number 1-10 scale: at least
    ``baseline_min_change_points`` above the baseline mean and z above ``baseline_z_max``
    (science.md revisions: one point and an SD floor of about one point)."""
    return (
        shift is not None
        and shift.change >= t.baseline_min_change_points
        and shift.z > t.baseline_z_max
    )


def age_years(s: Snapshot) -> int | None:
    """The athlete's completed years on as_of; None without a date of birth."""
    born = s.profile.date_of_birth
    return None if born is None else metrics.age_years(born, s.as_of)


@dataclass(frozen=True, slots=True)
class PersistentWeakness:
    marked_days: int
    check_ins: int
    mean_weakness: float
    mean_fatigue: float


@cached
def persistent_weakness(s: Snapshot) -> PersistentWeakness | None:
    """Perceived leg weakness over the persistence window; None without wellness check-ins."""
    t = s.thresholds
    entries: tuple[WellnessEntry, ...] = s.wellness.last(t.persistent_weakness_window_days)
    if not entries:
        return None
    marked = sum(1 for e in entries if e.perceived_leg_weakness >= t.persistent_weakness_min)
    return PersistentWeakness(
        marked_days=marked,
        check_ins=len(entries),
        mean_weakness=sum(e.perceived_leg_weakness for e in entries) / len(entries),
        mean_fatigue=sum(e.fatigue for e in entries) / len(entries),
    )


def is_persistent(weakness: PersistentWeakness | None, t: Thresholds) -> bool:
    return weakness is not None and weakness.marked_days >= t.persistent_weakness_min_days


def unchecked_causes_data(s: Snapshot, days: int) -> list[str]:
    """Which of sleep, nutrition and training have no data in the last ``days`` days: the data
    needed before 'no training or lifestyle cause' means anything."""
    series = (("sleep", "sleep"), ("nutrition", "nutrition"), ("sessions", "training"))
    return [label for name, label in series if not getattr(s, name).last(days)]
