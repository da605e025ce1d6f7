"""Derived facts several rules share, computed once per snapshot and kept in ``snapshot.cache``.

Rules ask for, say, the last 28 days of leg training or the goal-lift e1RM points; the first
ask computes it in one pass over the data, later asks read the cache. This keeps ``run()`` cheap
(see ``bench/engine.py``) without rules having to pass intermediate results around.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import wraps
from itertools import pairwise
from operator import attrgetter
from statistics import median
from typing import NamedTuple, TypeVar

from . import metrics
from .snapshot import ExerciseInfo, Snapshot, WellnessEntry
from .thresholds import Thresholds

R = TypeVar("R")


def cached(fn: Callable[..., R]) -> Callable[..., R]:
    """Memoise ``fn(snapshot, *args)`` in the snapshot's own cache, under the function's
    name (a fact of the snapshot alone) or its name and arguments."""
    name = fn.__name__

    @wraps(fn)
    def wrapper(s: Snapshot, *args):
        key = (name, *args) if args else name
        value = s.cache.get(key, _NOT_CACHED)  # a raised KeyError per first ask costs more
        if value is _NOT_CACHED:
            value = s.cache[key] = fn(s, *args)
        return value

    return wrapper


_NOT_CACHED = object()  # None is a fact too (no data)


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
def leg_exercises(s: Snapshot) -> dict[str, ExerciseInfo]:
    """The catalogue's exercises that work a leg muscle, by slug."""
    return {slug: info for slug, info in s.exercises.items() if info.is_leg}


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
    n = phase_weeks(t)
    if days % 7 == 0 and 0 < days // 7 <= min(n, max(1, t.volume_window_days // 7)):
        return training_in_weeks(s, range(n - days // 7, n))
    return metrics.summarise_leg_training(
        s.sessions.last(days),
        s.exercises,
        goal_family(s),
        min_rpe=t.hard_set_min_rpe,
        max_rir=t.hard_set_max_rir,
        synergist_weight=t.synergist_set_weight,
    )


# --- training phases ----------------------------------------------------------------------------

# Thresholds every reader of the training log depends on (the one scan and phase detection):
# rules that use them declare these too.
LOG_THRESHOLDS = (
    "e1rm_trend_window_weeks",
    "e1rm_trend_min_weeks",
    "chronic_window_days",
    "volume_window_days",
    "weakness_recent_window_days",
    "weakness_reference_window_days",
    "e1rm_max_reps",
    "hard_set_min_rpe",
    "hard_set_max_rir",
    "synergist_set_weight",
    "phase_low_volume_max_pct",
    "phase_kept_intensity_min_pct",
    "phase_taper_max_weeks",
    "phase_peaking_max_reps",
    "phase_break_min_days",
    "phase_return_days",
    "phase_novice_history_days",
)
# ... and those the athlete's usual load and the ramp-up reading add.
LOAD_THRESHOLDS = ("acute_window_days", "chronic_usual_min_pct", "monotony_min_sd_pct")

# Phase kinds whose weeks are planned to be light: left out of trend windows (and, but for the
# off-season's maintenance dose, out of volume windows). 'break' is detected only.
TREND_EXCLUDED = frozenset({"deload", "taper", "peaking", "return", "off_season", "break"})
VOLUME_EXCLUDED = frozenset({"deload", "taper", "peaking", "return", "break"})


@dataclass(frozen=True, slots=True)
class PhaseUsed:
    """A phase the engine took into account: set by a coach or detected from the log.
    ``kind`` is a snapshot PHASE_KINDS value or ``break``; ``reason`` says why (detected)."""

    start: date
    end: date
    kind: str
    source: str  # coach | detected
    reason: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end

    def to_dict(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "kind": self.kind,
            "source": self.source,
            "reason": self.reason,
        }


class WeekLog(NamedTuple):
    """One calendar week of the log (7 days ending ``end``): pair-counted leg strength sets
    and the session-RPE load. Named tuples like it are built many times a run: cheaper to
    build than frozen dataclasses, and as immutable."""

    start: date
    end: date
    leg_sets: int
    load_au: float


def phase_weeks(t: Thresholds) -> int:
    """How many weeks back phases are detected: the longest weekly window a rule reads."""
    return max(
        t.e1rm_trend_window_weeks, -(-2 * t.chronic_window_days // 7), t.volume_window_days // 7
    )


@dataclass(frozen=True, slots=True)
class TrainingScan:
    """What one pass over the training log gathers (``training_scan``). Per week (oldest
    first): sessions, leg sessions, sessions with a goal lift, and sets and hard sets per leg
    exercise (a left/right pair once)."""

    weeks: tuple[WeekLog, ...]
    leg_days: tuple[date, ...]
    e1rm_points: dict[str, dict[str, list]]
    sessions: list
    leg_sessions: list
    goal_sessions: list
    sets_by_slug: list
    hard_by_slug: list
    tracked_sets: list  # (week index, the session's tracked-lift sets) per session, in order


@cached
def training_scan(s: Snapshot) -> TrainingScan:
    """One pass over the analysed span of the training log (the engine's hottest loop):
    weekly leg sets and hard sets per exercise, top loads and session loads for phase
    detection, the days with leg training, each tracked lift's weekly top load, reps and
    sets, and the best e1RM of each day per tracked lift and rep range."""
    t = s.thresholds
    n = phase_weeks(t)
    leg = leg_exercises(s)
    strength = [slug for slug, info in leg.items() if info.kind != "plyometric"]
    plyometric = [slug for slug, info in leg.items() if info.kind == "plyometric"]
    tracked = set(trend_lifts(s))
    family = goal_family(s)
    e1rm_span = max(
        t.e1rm_trend_window_weeks * 7,
        t.weakness_recent_window_days + t.weakness_reference_window_days,
    )
    span = max(n * 7, e1rm_span)
    extra = n * 7 + t.phase_return_days + t.phase_break_min_days - span
    load = [0.0] * n
    sessions, leg_sessions, goal_sessions = [0] * n, [0] * n, [0] * n
    detailed = max(0, n - max(1, t.volume_window_days // 7))  # first week with full counts
    sets_by_slug = [dict.fromkeys(leg, 0) if i >= detailed else {} for i in range(n)]
    hard_by_slug = [dict.fromkeys(leg, 0) if i >= detailed else {} for i in range(n)]
    older_sets = [0] * n
    strength_set = frozenset(strength)
    days: list[date] = []
    points: dict[str, dict[str, list]] = {lift: {} for lift in tracked}
    tracked_sets: list[tuple[int, list]] = []
    end = s.as_of.toordinal()
    max_reps = t.e1rm_max_reps
    min_rpe, max_rir = t.hard_set_min_rpe, t.hard_set_max_rir
    e1rm, ranges, count = metrics.e1rm_kg, _RANGE_OF_REPS, metrics.count_leg_sets
    strength_sets, session_load = _strength_sets, metrics.session_load_au
    for session in s.sessions.last(span):
        age = end - session.date.toordinal()
        i = n - 1 - age // 7
        if i >= detailed:
            sessions[i] += 1
            load[i] += session_load(session.duration_min, session.session_rpe)
            leg_sets, goal_sets = count(
                session, leg, family, sets_by_slug[i], hard_by_slug[i], min_rpe, max_rir
            )
            if leg_sets:
                leg_sessions[i] += 1
                days.append(session.date)
            if goal_sets:
                goal_sessions[i] += 1
        elif i >= 0:  # older weeks: leg sets and load are enough (phase detection)
            sessions[i] += 1
            load[i] += session_load(session.duration_min, session.session_rpe)
            counted = strength_sets(session, leg, strength_set)
            if counted is not None:
                older_sets[i] += counted
                leg_sessions[i] += 1
                days.append(session.date)
        elif any(one_set.exercise in leg for one_set in session.sets):
            days.append(session.date)
        if i < 0 and age >= e1rm_span:
            continue
        lift_sets = [one_set for one_set in session.sets if one_set.exercise in tracked]
        if not lift_sets:
            continue
        if i >= 0:
            tracked_sets.append((i, lift_sets))
        if age >= e1rm_span:
            continue
        best = {}
        for one_set in lift_sets:
            value = e1rm(one_set.load_kg, one_set.reps, one_set.rpe, one_set.rir, max_reps=max_reps)
            if value is not None:
                key = (one_set.exercise, ranges[one_set.reps])
                if value > best.get(key, 0.0):
                    best[key] = value
        for (lift, reps_range), value in best.items():
            points[lift].setdefault(reps_range, []).append((session.date, value))
    for test in s.strength_tests.last(e1rm_span):
        lift = points.get(test.exercise)
        if lift is not None:
            value = e1rm(test.load_kg, test.reps, max_reps=max_reps)
            if value is not None:
                lift.setdefault(rep_range(test.reps), []).append((test.date, value))
    weeks = tuple(
        WeekLog(
            date.fromordinal(end - 7 * (n - 1 - i) - 6),
            date.fromordinal(end - 7 * (n - 1 - i)),
            _strength_total(sets_by_slug[i], plyometric) if i >= detailed else older_sets[i],
            load[i],
        )
        for i in range(n)
    )
    if extra > 0 and (not days or (days[0] - s.day(span - 1)).days >= t.phase_break_min_days):
        # a break may have begun before the span: find the last leg day before it
        for session in reversed(s.sessions.window(extra, span)):
            if any(one_set.exercise in leg for one_set in session.sets):
                days.insert(0, session.date)  # days are in date order: it goes first
                break
    return TrainingScan(
        weeks,
        tuple(days),
        points,
        sessions,
        leg_sessions,
        goal_sessions,
        sets_by_slug,
        hard_by_slug,
        tracked_sets,
    )


def _strength_total(sets_by_slug: dict[str, int], plyometric: list[str]) -> int:
    """A week's leg sets without the plyometric ones."""
    return sum(sets_by_slug.values()) - sum(map(sets_by_slug.__getitem__, plyometric))


_exercise_of = attrgetter("exercise")
_side_of = attrgetter("side")


def _strength_sets(session, leg, strength) -> int | None:
    """A session's leg strength sets (a left/right pair once), or None without leg work."""
    slugs = list(map(_exercise_of, session.sets))
    if leg.keys().isdisjoint(slugs):
        return None
    sides = list(map(_side_of, session.sets))
    if sides.count("both") == len(sides):  # the common case: nothing logged per side
        return sum(map(strength.__contains__, slugs))
    count, sided, any_leg = 0, False, False
    for one_set in session.sets:
        slug = one_set.exercise
        if slug in leg:
            any_leg = True
            if slug in strength:
                if one_set.side == "both":
                    count += 1
                else:
                    sided = True
    if sided:
        left = {x.exercise for x in session.sets if x.side == "left"}
        count += sum(
            1
            for x in session.sets
            if x.exercise in strength
            and (x.side == "left" or (x.side == "right" and x.exercise not in left))
        )
    return count if any_leg else None


def training_in_weeks(s: Snapshot, chosen: Iterable[int]) -> metrics.LegTraining:
    """``LegTraining`` over some weeks of ``weekly_log`` (indexes, oldest week 0; only the
    volume window's weeks carry per-exercise counts)."""
    scan = training_scan(s)
    leg = leg_exercises(s)
    out = metrics.LegTraining()
    sets = dict.fromkeys(leg, 0)
    hard = dict.fromkeys(leg, 0)
    for i in chosen:
        if not scan.sets_by_slug[i]:
            continue  # older than the volume window: no per-exercise counts
        out.sessions += scan.sessions[i]
        out.leg_sessions += scan.leg_sessions[i]
        out.sessions_with_goal_lift += scan.goal_sessions[i]
        for slug, value in scan.sets_by_slug[i].items():
            if value:
                sets[slug] += value
                hard[slug] += scan.hard_by_slug[i][slug]
    return metrics.add_leg_sets(
        out, leg, goal_family(s), sets, hard, s.thresholds.synergist_set_weight
    )


def weekly_log(s: Snapshot) -> tuple[WeekLog, ...]:
    """The last ``phase_weeks`` weeks, oldest first, the last ending on as_of."""
    return training_scan(s).weeks


def leg_days(s: Snapshot) -> tuple[date, ...]:
    """Days with leg training (a set of a leg exercise), oldest first, over the phase span
    plus a return window before it (so a return that began earlier is still seen)."""
    return training_scan(s).leg_days


def first_leg_day(s: Snapshot) -> date | None:
    days = leg_days(s)
    return days[0] if days else None


@cached
def phases(s: Snapshot) -> tuple[PhaseUsed, ...]:
    """The phases the engine uses, by start date: every coach-set phase that touches the
    analysed span, then each detected phase that no coach-set phase overlaps.

    Detected (science.md revisions; thresholds ``phase_*``): fewer than ~6 weeks of history
    (``novice``); 7+ days without leg training (``break``) and the weeks after it
    (``return``); a run of markedly lower-volume weeks that ends on the analysis day with the
    top load kept (``taper``, or ``peaking`` when most tracked-lift sets are of few reps); a
    lower-volume week between normal weeks, or a lone one at the end with lighter loads
    (``deload``). A longer run of low weeks is not a plan: the volume rule judges it.
    """
    t = s.thresholds
    span_start = s.as_of - timedelta(days=phase_weeks(t) * 7 - 1)
    coach = [
        PhaseUsed(p.start, p.end, p.kind, "coach")
        for p in s.phases
        if p.end >= span_start and p.start <= s.as_of and p.start <= p.end
    ]
    detected = _detected_phases(s, t)
    kept = [p for p in detected if not any(c.start <= p.end and p.start <= c.end for c in coach)]
    return tuple(sorted(coach + kept, key=lambda p: (p.start, p.end, p.kind)))


def _detected_phases(s: Snapshot, t: Thresholds) -> list[PhaseUsed]:
    days = leg_days(s)
    if not days:
        return []
    out: list[PhaseUsed] = []
    history = (s.as_of - days[0]).days + 1
    if history < t.phase_novice_history_days:
        out.append(
            PhaseUsed(days[0], s.as_of, "novice", "detected", f"{history} days of leg training")
        )
    ordinals = [d.toordinal() for d in days]
    # A break is 7+ days without leg training and more than two of the athlete's usual
    # intervals: one missed session of a once-a-week trainer is not a break.
    spacing = sorted(b - a for a, b in pairwise(ordinals) if b > a)
    usual = _median_sorted(spacing) if len(spacing) >= 3 else 1
    gap = max(t.phase_break_min_days, math.floor(2 * usual))
    gaps = [i for i in range(1, len(ordinals)) if ordinals[i] - ordinals[i - 1] - 1 >= gap]
    for before, after in ((days[i - 1], days[i]) for i in gaps):
        idle = (after - before).days - 1
        if idle >= gap:
            out.append(
                PhaseUsed(
                    before + timedelta(days=1),
                    after - timedelta(days=1),
                    "break",
                    "detected",
                    f"{idle} days without leg training",
                )
            )
            out.append(
                PhaseUsed(
                    after,
                    min(s.as_of, after + timedelta(days=t.phase_return_days - 1)),
                    "return",
                    "detected",
                    f"first {t.phase_return_days} days back after {idle} days off",
                )
            )
    idle = (s.as_of - days[-1]).days
    if idle >= gap:
        out.append(
            PhaseUsed(
                days[-1] + timedelta(days=1),
                s.as_of,
                "break",
                "detected",
                f"{idle} days without leg training so far",
            )
        )
    out.extend(_low_volume_phases(s, t, days[0], out))
    if not out:
        return out
    return [p for p in out if p.end >= s.as_of - timedelta(days=phase_weeks(t) * 7 - 1)]


def _low_volume_phases(s: Snapshot, t: Thresholds, first: date, known: list) -> list:
    weeks = weekly_log(s)
    spans = [p for p in known if p.kind != "novice"]
    busy = [
        w.start >= first and not (spans and any(_mostly_in(w, p) for p in spans)) for w in weeks
    ]
    usual_sets = sorted(w.leg_sets for w, ok in zip(weeks, busy, strict=True) if ok and w.leg_sets)
    if len(usual_sets) < 3:
        return []
    limit = _median_sorted(usual_sets) * t.phase_low_volume_max_pct / 100.0
    if usual_sets[0] > limit and all(
        w.leg_sets > limit for w, ok in zip(weeks, busy, strict=True) if ok
    ):
        return []  # the common case: no markedly lower week
    usual = _median_sorted(usual_sets)
    low = [
        ok and w.leg_sets <= usual * t.phase_low_volume_max_pct / 100.0
        for w, ok in zip(weeks, busy, strict=True)
    ]
    if not any(low):
        return []
    top, few = week_intensity(s)
    tops = [top[i] for i, ok in enumerate(busy) if ok and not low[i] and top[i]]
    usual_top = median(tops) if tops else None
    out, i, n = [], 0, len(weeks)
    while i < n:
        if not low[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and low[j + 1]:
            j += 1
        length = j - i + 1
        start, end = weeks[i].start, weeks[j].end
        reason = f"{length} week(s) at or below {t.phase_low_volume_max_pct:g} % of the usual "
        reason += f"{usual:g} leg sets a week"
        kept = usual_top is not None and all(
            top[k] is not None and top[k] >= usual_top * t.phase_kept_intensity_min_pct / 100.0
            for k in range(i, j + 1)
        )
        if j == n - 1:  # the run reaches the analysis day
            if kept and length <= t.phase_taper_max_weeks:
                shares = [few[k] for k in range(i, j + 1) if few[k] is not None]
                kind = "peaking" if shares and min(shares) >= 0.5 else "taper"
                out.append(PhaseUsed(start, end, kind, "detected", reason + ", top load kept"))
            elif length == 1:
                out.append(PhaseUsed(start, end, "deload", "detected", reason))
        elif length <= 2 and i > 0 and not low[i - 1] and busy[i - 1]:
            out.append(
                PhaseUsed(start, end, "deload", "detected", reason + ", between normal weeks")
            )
        i = j + 1
    return out


def _median_sorted(values: list) -> float:
    """The median of an already sorted, non-empty list."""
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _mostly_in(week: WeekLog, phase: PhaseUsed) -> bool:
    """Whether at least 4 of the week's 7 days fall in the phase."""
    first, last = max(week.start, phase.start), min(week.end, phase.end)
    return (last - first).days + 1 >= 4


@cached
def planned_light_weeks(s: Snapshot, kinds: frozenset) -> tuple[bool, ...]:
    """Per week of ``weekly_log``: whether most of it falls in a phase of one of ``kinds``."""
    used = [p for p in phases(s) if p.kind in kinds]
    if not used:
        return (False,) * phase_weeks(s.thresholds)
    return tuple(any(_mostly_in(w, p) for p in used) for w in weekly_log(s))


@cached
def planned_light_days(s: Snapshot, kinds: frozenset) -> frozenset:
    """Every day in a phase of one of ``kinds`` over the analysed span."""
    out = set()
    for p in phases(s):
        if p.kind in kinds:
            day = p.start
            while day <= p.end:
                out.add(day)
                day += timedelta(days=1)
    return frozenset(out)


def current_phase(s: Snapshot) -> PhaseUsed | None:
    """The phase covering the analysis day (a coach's before a detected one), if any."""
    covering = [p for p in phases(s) if p.covers(s.as_of) and p.kind != "novice"]
    covering.sort(key=lambda p: p.source != "coach")
    return covering[0] if covering else None


def in_phase(s: Snapshot, kind: str) -> PhaseUsed | None:
    """The phase of ``kind`` covering the analysis day, if any."""
    for p in phases(s):
        if p.kind == kind and p.covers(s.as_of):
            return p
    return None


@cached
def normal_weeks(s: Snapshot) -> tuple[int, ...]:
    """Indexes (into ``weekly_log``) of the volume window's normal weeks: no deload, taper,
    peaking, break or return week, and only weeks after leg training began."""
    t = s.thresholds
    weeks = weekly_log(s)
    n = len(weeks)
    first = first_leg_day(s)
    light = planned_light_weeks(s, VOLUME_EXCLUDED)
    count = min(n, max(1, t.volume_window_days // 7))
    return tuple(
        i
        for i in range(n - count, n)
        if not light[i] and first is not None and weeks[i].start >= first
    )


@dataclass(frozen=True, slots=True)
class GoalLiftWeeks:
    """Normal weeks of the volume window with a session of a goal lift or a close variant
    (``trained`` of ``weeks``), and the same over the specificity window's normal weeks."""

    trained: int
    weeks: int
    recent_trained: int
    recent_weeks: int

    def pct(self) -> float | None:
        return 100.0 * self.trained / self.weeks if self.weeks else None


def goal_lift_weeks(s: Snapshot) -> GoalLiftWeeks:
    """How regularly the goal lift (or a close variant) was trained over normal weeks."""
    chosen = normal_weeks(s)
    goal_sessions = training_scan(s).goal_sessions
    recent_from = len(weekly_log(s)) - max(1, s.thresholds.specificity_window_days // 7)
    recent = [i for i in chosen if i >= recent_from]
    return GoalLiftWeeks(
        sum(1 for i in chosen if goal_sessions[i]),
        len(chosen),
        sum(1 for i in recent if goal_sessions[i]),
        len(recent),
    )


@cached
def normal_week_training(s: Snapshot) -> tuple[metrics.LegTraining, int]:
    """Leg training over the volume window's normal weeks only (see ``normal_weeks``), and how
    many there are."""
    t = s.thresholds
    n = len(weekly_log(s))
    count = min(n, max(1, t.volume_window_days // 7))
    chosen = normal_weeks(s)
    if len(chosen) == count and count * 7 == t.volume_window_days:
        return leg_training(s, t.volume_window_days), count  # every week is normal
    return training_in_weeks(s, chosen), len(chosen)


# --- strength and progress --------------------------------------------------------------------

REP_RANGES = ((1, 3), (4, 6), (7, 10))  # logged reps; e1RMs are compared within one range


def rep_range(reps: int) -> str:
    """The rep range a set belongs to ('1-3', '4-6', '7-10'); '' beyond Epley's range."""
    for low, high in REP_RANGES:
        if low <= reps <= high:
            return f"{low}-{high}"
    return ""


_RANGE_OF_REPS = tuple(rep_range(reps) for reps in range(11))  # an e1RM exists only up to 10


def e1rm_points_by_range(s: Snapshot) -> dict[str, dict[str, list]]:
    """(date, best e1RM kg of the day) per tracked lift and rep range, from training sets and
    strength tests. A switch from sets of 5 to sets of 8 starts a new series instead of
    reading as a change of strength (Epley's estimate drifts with the rep count)."""
    return training_scan(s).e1rm_points


@cached
def e1rm_points(s: Snapshot) -> dict[str, list]:
    """(date, best e1RM kg of the day's session or test) for every tracked lift, all rep
    ranges together (for charts; the rules compare within a range)."""
    out = {}
    for lift, ranges in e1rm_points_by_range(s).items():
        by_day: dict = {}
        for points in ranges.values():
            for day, value in points:
                if value > by_day.get(day, 0.0):
                    by_day[day] = value
        out[lift] = sorted(by_day.items())
    return out


@cached
def e1rm_trends(s: Snapshot) -> dict[str, metrics.Trend]:
    """Best-weekly e1RM trend per tracked lift with enough weeks of data: one slope over its
    rep ranges (each range keeps its own level), planned light weeks left out."""
    t = s.thresholds
    weeks = t.e1rm_trend_window_weeks
    light = planned_light_weeks(s, TREND_EXCLUDED)[-weeks:]
    light = (False,) * (weeks - len(light)) + tuple(light)
    trends = {}
    for lift, ranges in e1rm_points_by_range(s).items():
        groups = {}
        for reps, points in ranges.items():
            weekly = metrics.best_weekly(points, s.as_of, weeks)
            groups[reps] = [None if light[i] else v for i, v in enumerate(weekly)]
        trend = metrics.grouped_trend(groups)
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
    """The largest drop of a tracked lift's best e1RM: recent window vs the weeks before it,
    compared within one rep range, planned light days left out."""
    t = s.thresholds
    recent_from = s.day(t.weakness_recent_window_days)
    reference_from = s.day(t.weakness_recent_window_days + t.weakness_reference_window_days)
    light = planned_light_days(s, TREND_EXCLUDED)
    worst = None
    for lift, ranges in e1rm_points_by_range(s).items():
        for points in ranges.values():
            kept = [(d, v) for d, v in points if d not in light] if light else points
            recent = [v for d, v in kept if d > recent_from]
            reference = [v for d, v in kept if reference_from < d <= recent_from]
            if recent and reference:
                best_recent, best_before = max(recent), max(reference)
                drop = metrics.as_reported(metrics.drop_pct(best_before, best_recent))
                if drop is None:
                    continue  # a zero or near-zero reference says nothing about a drop
                if worst is None or drop > worst.drop_pct:
                    worst = StrengthChange(lift, best_recent, best_before, drop)
    return worst


def strength_dropped(change: StrengthChange | None, t: Thresholds) -> bool:
    """The one comparison for a meaningful e1RM drop (beyond the typical error): at or above
    ``true_weakness_min_drop_pct``."""
    return change is not None and change.drop_pct >= t.true_weakness_min_drop_pct


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


def jump_dropped(change: JumpChange | None, t: Thresholds) -> bool:
    """The one comparison for a countermovement-jump drop (neuromuscular fatigue), used
    everywhere: at or above ``jump_drop_min_pct`` below baseline."""
    return change is not None and change.drop_pct >= t.jump_drop_min_pct


class LiftWeek(NamedTuple):
    """One week of one tracked lift: its top load, the most reps done at that load, and its
    sets (a left/right pair once)."""

    top_load_kg: float
    reps_at_top: int
    sets: int
    sessions: int = 1  # sessions with the lift that week

    def sets_per_session(self) -> float:
        return self.sets / self.sessions if self.sessions else 0.0


@cached
def lift_weeks(s: Snapshot) -> dict[str, list]:
    """Per tracked lift, a ``LiftWeek`` (or None) for each week of ``weekly_log``: its top
    load, the most reps at that load, and its sets (a right side whose left was logged does
    not count). Computed only when a rule needs it (from the tracked-lift sets the training
    scan kept)."""
    n = phase_weeks(s.thresholds)
    by_lift: dict[str, list] = {lift: [None] * n for lift in set(trend_lifts(s))}
    for i, lift_sets in training_scan(s).tracked_sets:
        seen = set()
        for one_set in lift_sets:
            slug = one_set.exercise
            if one_set.reps <= 0 or one_set.load_kg <= 0:
                continue
            week, load = by_lift[slug][i], float(one_set.load_kg)
            counted = one_set.side != "right"
            if week is None:
                by_lift[slug][i] = [load, one_set.reps, int(counted), 1]
                seen.add(slug)
                continue
            if slug not in seen:
                seen.add(slug)
                week[3] += 1
            week[2] += counted
            if load > week[0]:
                week[0], week[1] = load, one_set.reps
            elif load == week[0] and one_set.reps > week[1]:
                week[1] = one_set.reps
    return {lift: [LiftWeek(*w) if w else None for w in weekly] for lift, weekly in by_lift.items()}


@cached
def week_intensity(s: Snapshot) -> tuple[list, list]:
    """Per week of ``weekly_log``: the top load on any tracked lift (or None), and the share
    of tracked-lift sets of at most ``phase_peaking_max_reps`` reps (or None)."""
    low = s.thresholds.phase_peaking_max_reps
    n = phase_weeks(s.thresholds)
    top: list = [None] * n
    few, total = [0] * n, [0] * n
    for i, lift_sets in training_scan(s).tracked_sets:
        for one_set in lift_sets:
            if one_set.reps > 0 and one_set.load_kg > 0:
                total[i] += 1
                few[i] += one_set.reps <= low
                if top[i] is None or one_set.load_kg > top[i]:
                    top[i] = float(one_set.load_kg)
    return top, [f / c if c else None for f, c in zip(few, total, strict=True)]


@cached
def lift_progress(s: Snapshot) -> dict[str, tuple[str, ...]]:
    """Which of load, reps and sets rose for each tracked lift over the trend window: the
    first two normal weeks with the lift against the last two (science.md: progress in any
    of them is progress), among the weeks whose top set has the lift's usual reps (the most
    common; heavier triples before sets of five are not lost load). A rise in sets
    needs at least one more set a session. A lift with fewer than four such weeks is left out
    (progress unknown)."""
    light = planned_light_weeks(s, TREND_EXCLUDED)
    out = {}
    for lift, weeks in lift_weeks(s).items():
        kept = [w for w, skip in zip(weeks, light, strict=True) if w is not None and not skip]
        if kept:  # like with like: the weeks at the lift's usual reps (latest on a tie)
            counts: dict[int, int] = {}
            for w in kept:
                counts[w.reps_at_top] = counts.get(w.reps_at_top, 0) + 1
            usual_reps = max(reversed([w.reps_at_top for w in kept]), key=counts.__getitem__)
            kept = [w for w in kept if w.reps_at_top == usual_reps]
        if len(kept) < 4:
            continue
        early, late = kept[:2], kept[-2:]
        rose = []
        early_top = max(w.top_load_kg for w in early)
        if max(w.top_load_kg for w in late) > min(w.top_load_kg for w in early):
            rose.append("load")  # above the starting load: a step up in the early weeks counts
        early_reps = max(w.reps_at_top for w in early if w.top_load_kg == early_top)
        if any(w.top_load_kg >= early_top and w.reps_at_top > early_reps for w in late):
            rose.append("reps")
        # per session: a rotation that puts the lift in one or two sessions a week is no rise
        if sum(w.sets_per_session() for w in late) / 2 >= (
            sum(w.sets_per_session() for w in early) / 2 + 1
        ):
            rose.append("sets")
        out[lift] = tuple(rose)
    return out


@cached
def unchanged_lifts(s: Snapshot) -> frozenset[str]:
    """Tracked lifts whose top load never changed and whose reps at it never rose over at
    least ``e1rm_trend_min_weeks`` normal weeks of the trend window (top sets in one rep
    range): the log itself shows that nothing was added."""
    t = s.thresholds
    light = planned_light_weeks(s, TREND_EXCLUDED)
    out = set()
    for lift, weeks in lift_weeks(s).items():
        kept = [w for w, skip in zip(weeks, light, strict=True) if w is not None and not skip]
        if not kept:
            continue
        same_range = {rep_range(w.reps_at_top) for w in kept}
        loads = {w.top_load_kg for w in kept}
        if (
            len(kept) >= t.e1rm_trend_min_weeks
            and len(same_range) == 1
            and len(loads) == 1
            and max(w.reps_at_top for w in kept) <= kept[0].reps_at_top
        ):
            out.add(lift)
    return frozenset(out)


def working_load_kg(s: Snapshot, lift: str, *, usual: bool = False) -> float | None:
    """The lift's top working load: in the latest normal week with it, or (``usual``) the
    median over normal weeks. None when the lift was not trained."""
    weeks = lift_weeks(s).get(lift)
    if not weeks:
        return None
    light = planned_light_weeks(s, TREND_EXCLUDED)
    kept = [w.top_load_kg for w, skip in zip(weeks, light, strict=True) if w and not skip]
    if not kept:
        kept = [w.top_load_kg for w in weeks if w]
    if not kept:
        return None
    return float(median(kept)) if usual else kept[-1]


@cached
def usual_leg_sets(s: Snapshot) -> int | None:
    """Median weekly leg strength sets over normal weeks (a left/right pair once)."""
    light = planned_light_weeks(s, TREND_EXCLUDED)
    first = first_leg_day(s)
    sets = [
        w.leg_sets
        for w, skip in zip(weekly_log(s), light, strict=True)
        if not skip and w.leg_sets and first is not None and w.start >= first
    ]
    return round(median(sets)) if sets else None


@dataclass(frozen=True, slots=True)
class Dose:
    """The weekly dose the volume rule holds an athlete to, and why."""

    sets_per_muscle: float
    sessions: float
    basis: str  # hypertrophy | strength | general | novice | maintenance | maintenance_masters
    goal_words: str


@cached
def weekly_dose(s: Snapshot) -> Dose:
    """Hard sets per major leg muscle and leg sessions a week for this athlete's goal, phase
    and age (science.md revisions: Schoenfeld 2017; Ralston 2017; Spiering 2021; Bickel
    2011)."""
    t = s.thresholds
    phase = current_phase(s)
    if phase is not None and phase.kind == "off_season":
        birth = s.profile.date_of_birth
        age = metrics.age_years(birth, s.as_of) if birth else None
        if age is not None and age >= t.masters_age_min:
            sets = t.hard_sets_min_maintenance_week * t.masters_maintenance_factor
            return Dose(
                sets,
                t.maintenance_sessions_min_per_week,
                "maintenance_masters",
                "maintenance (older lifter)",
            )
        return Dose(
            t.hard_sets_min_maintenance_week,
            t.maintenance_sessions_min_per_week,
            "maintenance",
            "maintenance",
        )
    novice = any(p.kind == "novice" and p.covers(s.as_of) for p in phases(s))
    if novice:
        return Dose(
            t.hard_sets_min_general_week, t.leg_sessions_min_per_week, "novice", "beginner's"
        )
    if s.profile.goal == "general":
        return Dose(
            t.hard_sets_min_general_week, t.leg_sessions_min_per_week, "general", "general fitness"
        )
    if s.profile.goal == "hypertrophy":
        return Dose(
            t.hard_sets_min_per_muscle_week,
            t.leg_sessions_min_per_week,
            "hypertrophy",
            "muscle-building",
        )
    words = s.profile.goal if s.profile.goal in ("strength", "power") else "strength"
    return Dose(t.hard_sets_min_strength_week, t.leg_sessions_min_per_week, "strength", words)


# --- workload ---------------------------------------------------------------------------------


@cached
def daily_loads(s: Snapshot) -> list[float]:
    """Session-RPE load per day over two chronic windows, oldest first (the first window
    seeds the EWMA)."""
    days = 2 * s.thresholds.chronic_window_days
    return metrics.daily_loads(s.sessions.last(days), s.as_of, days)


@cached
def load_ratio(s: Snapshot) -> tuple[float | None, float | None]:
    """The uncoupled EWMA acute:chronic ratio and its chronic daily load (AU), each None
    without enough history or load (Williams et al. 2017; Lolli et al. 2019)."""
    t = s.thresholds
    loads = daily_loads(s)
    acute, days = t.acute_window_days, t.chronic_window_days
    chronic = metrics.chronic_ewma(loads, acute, days)
    return metrics.acwr_ewma(loads, acute, days, chronic=chronic), chronic


@dataclass(frozen=True, slots=True)
class UsualLoad:
    """The athlete's usual week, from normal weeks before the current one (median)."""

    daily_au: float
    weekly_au: float
    weeks: int


def _normal_past_weeks(s: Snapshot) -> list[int]:
    """Indexes of ``weekly_log`` weeks before the current one that are normal: no planned
    light week, no week before leg training began, some load."""
    weeks = weekly_log(s)
    light = planned_light_weeks(s, TREND_EXCLUDED)
    first = first_leg_day(s)
    if first is None:
        return []
    return [
        i
        for i in range(len(weeks) - 1)
        if not light[i] and weeks[i].start >= first and weeks[i].load_au > 0
    ]


@cached
def usual_load(s: Snapshot) -> UsualLoad | None:
    """Median weekly load over the normal weeks before the current week. None with fewer
    than two such weeks."""
    chosen = [weekly_log(s)[i].load_au for i in _normal_past_weeks(s)]
    if len(chosen) < 2:
        return None
    weekly = median(chosen)
    return UsualLoad(weekly / 7.0, weekly, len(chosen))


@cached
def usual_strain(s: Snapshot) -> float | None:
    """Median weekly strain (Foster 1998) over the same normal weeks; None without one."""
    t = s.thresholds
    n = len(weekly_log(s))
    loads = daily_loads(s)
    if len(loads) != n * 7:
        loads = metrics.daily_loads(s.sessions.last(n * 7), s.as_of, n * 7)
    strains = [
        value
        for i in _normal_past_weeks(s)
        if (value := metrics.strain(loads[7 * i : 7 * i + 7], min_sd_pct=t.monotony_min_sd_pct))
        is not None
    ]
    return median(strains) if strains else None


@dataclass(frozen=True, slots=True)
class RampUp:
    """Why the load ratio is read as a ramp-up: a return phase, or chronic load far below
    the athlete's usual."""

    reason: str
    start: date | None
    break_days: int | None
    chronic_pct_of_usual: float | None


@cached
def ramp_up(s: Snapshot) -> RampUp | None:
    """A return phase covering the analysis day (coach-set or detected), or an uncoupled
    chronic EWMA load below ``chronic_usual_min_pct`` of the athlete's usual daily load while
    training goes on: the acute:chronic ratio is then not interpretable (science.md)."""
    t = s.thresholds
    loads = daily_loads(s)
    chronic = load_ratio(s)[1]
    usual = usual_load(s)
    pct = (
        metrics.as_reported(chronic * 100.0 / usual.daily_au)
        if chronic is not None and usual is not None and usual.daily_au > 0
        else None
    )
    for phase in phases(s):
        if phase.kind == "return" and phase.covers(s.as_of):
            pause = [p for p in phases(s) if p.kind == "break" and p.end < phase.start]
            days = (pause[-1].end - pause[-1].start).days + 1 if pause else None
            return RampUp(f"return after a break ({phase.source})", phase.start, days, pct)
    if pct is not None and pct < t.chronic_usual_min_pct and sum(loads[-t.acute_window_days :]):
        return RampUp("chronic load far below the athlete's usual", None, None, pct)
    return None


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


class BaselineShift(NamedTuple):
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
    ``wellness_rise_min_points`` above the baseline mean and z above ``baseline_z_max``
    (science.md revisions: one point and an SD floor of about one point)."""
    return (
        shift is not None
        and shift.change >= t.wellness_rise_min_points
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
