"""Small pure functions: the sports-science arithmetic the rules are built from.

Each one names its formula and source (see ``science.md``). They take plain numbers or the
snapshot dataclasses and never look at thresholds themselves: the caller passes limits in.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from .snapshot import ExerciseInfo, Session

REPORTED_DIGITS = 4  # significant digits


def as_reported(value: float | None) -> float | None:
    """A metric at the precision evidence shows it (4 significant digits). Rules compare this
    value with their threshold, so a coach never sees '30.0 ml/kg' flagged against a 30 ml/kg
    minimum because of floating-point noise. Infinite or NaN values become None."""
    if value is None:
        return None
    size = abs(value)
    if 1.0 <= size < 10.0:  # the common case, without a logarithm (and finite)
        return round(value, REPORTED_DIGITS - 1)
    if not math.isfinite(value):
        return None
    if size == 0:
        return 0.0
    return round(value, REPORTED_DIGITS - 1 - math.floor(math.log10(size)))


# --- strength -----------------------------------------------------------------------------------


EPLEY_MAX_REPS = 10
"""Epley's estimate is used up to 10 effective reps (Epley 1985; LeSuer et al. 1997 and
Reynolds et al. 2006 find prediction errors grow beyond about 10 reps); beyond it: no estimate."""

RPE_RELIABLE_MIN = 7.0
"""RIR is read from an RPE only at RPE >= 7 (RIR <= 3), where lifters rate it reliably
(Zourdos et al. 2016; Helms et al. 2016). A lighter rating says the set was far from failure
by an unknown margin, so its reps alone are used."""


def reps_in_reserve(rpe: float | None = None, rir: float | None = None) -> float | None:
    """Reported RIR wins; otherwise RIR = 10 - RPE for RPE >= 7 (Helms et al. 2016); None when
    neither is known or the RPE is too light to read a reserve from."""
    if rir is not None:
        return max(0.0, float(rir))
    if rpe is not None and rpe >= RPE_RELIABLE_MIN:
        return max(0.0, 10.0 - rpe)
    return None


def effective_reps(reps: int, rpe: float | None = None, rir: float | None = None) -> float:
    """Reps the set could have reached to failure: reps + reps in reserve (0 when unknown)."""
    reserve = reps_in_reserve(rpe, rir)
    return reps + (reserve or 0.0)


def e1rm_kg(
    load_kg: float,
    reps: int,
    rpe: float | None = None,
    rir: float | None = None,
    *,
    max_reps: float = EPLEY_MAX_REPS,
) -> float | None:
    """The one estimated one-rep max in Legstrong, kg: Epley (1985), load x (1 + r / 30) with r
    the effective reps (``effective_reps``); a single to failure is its own 1RM.

    Used by the engine, the stored strength assessment and the API. None for an empty set (no
    reps or no load) and beyond ``max_reps`` effective reps (at most ``EPLEY_MAX_REPS``), where
    the estimate is not trusted. Written out rather than composed from the helpers above: it
    runs for every goal-lift set.
    """
    if not reps > 0 or not load_kg > 0:
        return None
    if rir is None:
        rir = 10.0 - rpe if rpe is not None and rpe >= RPE_RELIABLE_MIN else 0.0
    reps_to_failure = reps + rir if rir > 0 else reps
    if reps_to_failure > max_reps or reps_to_failure > EPLEY_MAX_REPS:
        return None
    return float(load_kg) if reps_to_failure <= 1 else load_kg * (1.0 + reps_to_failure / 30.0)


def is_hard_set(rpe: float | None, rir: float | None, *, min_rpe: float, max_rir: float) -> bool:
    """A set near failure (Schoenfeld et al. 2017): RPE >= min_rpe or RIR <= max_rir.

    A logged set with neither RPE nor RIR counts as hard: athletes log working sets, not
    warm-ups, so counting it avoids calling an athlete who skips RPE under-trained.
    """
    if rir is not None:
        return rir <= max_rir
    if rpe is not None:
        return rpe >= min_rpe
    return True


def hamstring_quadriceps_ratio(hamstring_kg: float, quadriceps_kg: float) -> float | None:
    """H:Q ratio = knee-flexion strength / knee-extension strength (Coombs & Garbutt 2002)."""
    if hamstring_kg <= 0 or quadriceps_kg <= 0:
        return None
    return hamstring_kg / quadriceps_kg


def asymmetry_pct(left: float, right: float) -> float | None:
    """Between-limb asymmetry = (strong - weak) / strong x 100 (Bishop et al. 2018)."""
    strong, weak = max(left, right), min(left, right)
    if strong <= 0 or weak < 0:
        return None
    return (strong - weak) * 100.0 / strong


# --- trends ---------------------------------------------------------------------------------


def least_squares_slope(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Ordinary least-squares slope of ys on xs; None with fewer than two distinct xs."""
    n = len(xs)
    if n < 2 or n != len(ys):
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx


def slope_upper_95(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """One-sided 95 % upper confidence limit of the least-squares slope of ys on xs (Student's
    t on the residual SD); None with fewer than three points or no spread in xs."""
    n = len(xs)
    slope = least_squares_slope(xs, ys)
    if slope is None or n < 3:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    residual = sum((y - mean_y - slope * (x - mean_x)) ** 2 for x, y in zip(xs, ys, strict=True))
    return slope + t_95_one_sided(n - 2) * math.sqrt(residual / (n - 2) / sxx)


def best_weekly(points: Iterable[tuple[date, float]], as_of: date, weeks: int) -> list:
    """Best value per week, oldest week first; week ``weeks-1`` ends on as_of. Empty weeks: None."""
    best: list[float | None] = [None] * weeks
    end = as_of.toordinal()
    for day, value in points:
        age = end - day.toordinal()
        if 0 <= age < weeks * 7:
            index = weeks - 1 - age // 7
            if best[index] is None or value > best[index]:
                best[index] = value
    return best


@dataclass(frozen=True, slots=True)
class Trend:
    """A weekly trend: slope in units/week and as % of the mean per week, with the slope's
    standard error (% per week; None with too few points to estimate it)."""

    per_week: float
    pct_per_week: float
    weeks: int
    se_pct_per_week: float | None = None
    dof: int = 0  # residual degrees of freedom of the fit

    def upper_pct_per_week(self) -> float | None:
        """One-sided 95 % upper confidence limit of the slope, % per week (Student's t)."""
        if self.se_pct_per_week is None:
            return None
        return self.pct_per_week + t_95_one_sided(self.dof) * self.se_pct_per_week

    def lower_pct_per_week(self) -> float | None:
        """One-sided 95 % lower confidence limit of the slope, % per week (Student's t)."""
        if self.se_pct_per_week is None:
            return None
        return self.pct_per_week - t_95_one_sided(self.dof) * self.se_pct_per_week


def weekly_trend(weekly: Sequence[float | None]) -> Trend | None:
    """Least-squares trend of a best-weekly series, skipping empty weeks."""
    return grouped_trend({None: weekly})


def grouped_trend(groups: Mapping[object, Sequence[float | None]]) -> Trend | None:
    """One weekly slope over several best-weekly series that must not be compared with each
    other (e.g. one per rep range): each series keeps its own level, the slope is shared
    (a within-group, fixed-effects least-squares slope). Values are taken as % of their own
    group's mean, so the slope comes out in % per week; ``per_week`` converts it back with
    the overall mean. None without two distinct weeks in some group.
    """
    sxx = sxy = 0.0
    rows = []  # (x - x_mean, y as % of group mean - 100)
    total = count = 0.0
    weeks: set[int] = set()
    for weekly in groups.values():
        weeks.update(i for i, v in enumerate(weekly) if v is not None)
        xs = [float(i) for i, v in enumerate(weekly) if v is not None]
        ys = [v for v in weekly if v is not None]
        if not ys:
            continue
        mean_y = sum(ys) / len(ys)
        total += sum(ys)
        count += len(ys)
        if len(xs) < 2 or mean_y <= 0:
            continue
        mean_x = sum(xs) / len(xs)
        for x, y in zip(xs, ys, strict=True):
            dx, dy = x - mean_x, y * 100.0 / mean_y - 100.0
            rows.append((dx, dy))
            sxx += dx * dx
            sxy += dx * dy
    if sxx == 0:
        return None
    slope = sxy / sxx
    groups_used = sum(1 for w in groups.values() if sum(v is not None for v in w) >= 2)
    dof = len(rows) - groups_used - 1
    se = None
    if dof > 0:
        residual = sum((dy - slope * dx) ** 2 for dx, dy in rows)
        se = math.sqrt(residual / dof / sxx)
    overall = total / count if count else 0.0
    return Trend(slope * overall / 100.0, slope, len(weeks), se, max(dof, 0))


# One-sided 95 % quantiles of Student's t by degrees of freedom; 1.645 beyond the table.
_T_95 = (6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782)


def t_95_one_sided(dof: int) -> float:
    """Student's t, one-sided 95 % (two-sided 90 %), for ``dof`` degrees of freedom."""
    if dof < 1:
        return math.inf
    return _T_95[dof - 1] if dof <= len(_T_95) else 1.645 + 2.0 / dof


# --- workload -------------------------------------------------------------------------------


def session_load_au(duration_min: float, session_rpe: float) -> float:
    """Session-RPE load in arbitrary units = duration (min) x session RPE (Foster et al. 2001);
    a negative duration or RPE counts as 0."""
    return (duration_min if duration_min > 0 else 0.0) * (session_rpe if session_rpe > 0 else 0.0)


def daily_loads(sessions: Iterable[Session], end: date, days: int) -> list[float]:
    """Summed session-RPE load per day for the ``days`` days ending on ``end``, oldest first."""
    loads = [0.0] * days
    last = end.toordinal()
    for session in sessions:
        age = last - session.date.toordinal()
        if 0 <= age < days:
            loads[days - 1 - age] += session_load_au(session.duration_min, session.session_rpe)
    return loads


def acwr_rolling(loads: Sequence[float], acute_days: int = 7, chronic_days: int = 28):
    """Acute:chronic workload ratio from rolling means (Gabbett 2016), coupled: the chronic
    window includes the acute one. ``loads`` is daily, oldest first. None without chronic load."""
    if len(loads) < chronic_days:
        return None
    chronic = sum(loads[-chronic_days:]) / chronic_days
    if chronic <= 0:
        return None
    return (sum(loads[-acute_days:]) / acute_days) / chronic


def ewma(values: Sequence[float], days: int, seed: float | None = None) -> float | None:
    """Exponentially weighted moving average, lambda = 2 / (N + 1) (Williams et al. 2017)."""
    if not values:
        return None
    decay = 2.0 / (days + 1.0)
    average = values[0] if seed is None else seed
    for value in values:
        average = value * decay + average * (1.0 - decay)
    return average


def acwr_ewma(
    loads: Sequence[float],
    acute_days: int = 7,
    chronic_days: int = 28,
    *,
    chronic: float | None = None,
):
    """EWMA acute:chronic ratio (Williams et al. 2017), uncoupled (Lolli et al. 2019): the
    chronic average stops the day before the acute window begins, so the acute week does not
    pull its own reference up. Both averages start from the first chronic window's mean.
    ``loads`` is daily, oldest first; None with fewer than chronic + acute days or no chronic
    load."""
    if chronic is None:  # callers that already have it pass it in
        chronic = chronic_ewma(loads, acute_days, chronic_days)
    if not chronic or chronic <= 0:
        return None
    return ewma(loads, acute_days, sum(loads[:chronic_days]) / chronic_days) / chronic


def chronic_ewma(loads: Sequence[float], acute_days: int = 7, chronic_days: int = 28):
    """The uncoupled chronic EWMA of ``acwr_ewma`` (daily load, AU), or None."""
    if len(loads) < chronic_days + acute_days:
        return None
    seed = sum(loads[:chronic_days]) / chronic_days
    return ewma(loads[:-acute_days], chronic_days, seed)


def monotony(week_loads: Sequence[float], *, min_sd_pct: float = 0.0) -> float | None:
    """Training monotony = mean / SD of daily load over a week, rest days included (Foster
    1998). None for a week without load, and None (never a capped number) when the SD is
    below ``min_sd_pct`` % of the mean or zero: identical days make the ratio meaningless."""
    n = len(week_loads)
    if n < 2:
        return None
    mean = sum(week_loads) / n
    if mean <= 0:
        return None
    sd = math.sqrt(sum((v - mean) ** 2 for v in week_loads) / (n - 1))
    if sd <= 0 or sd * 100.0 < min_sd_pct * mean:
        return None
    return mean / sd


def strain(week_loads: Sequence[float], *, min_sd_pct: float = 0.0) -> float | None:
    """Training strain = weekly load x monotony (Foster 1998); None where monotony is."""
    value = monotony(week_loads, min_sd_pct=min_sd_pct)
    return None if value is None else sum(week_loads) * value


# --- leg training mix ------------------------------------------------------------------------


@dataclass(slots=True)
class LegTraining:
    """Counts over a set of sessions, gathered in one pass (see ``summarise_leg_training``)."""

    sessions: int = 0
    leg_sessions: int = 0
    leg_sets: int = 0
    compound_leg_sets: int = 0
    plyometric_leg_sets: int = 0
    goal_lift_sets: int = 0
    sessions_with_goal_lift: int = 0
    hard_sets_by_muscle: dict[str, float] = field(default_factory=dict)

    @property
    def strength_sets(self) -> int:
        """Leg sets other than plyometrics: what the compound and goal-lift shares count from."""
        return self.leg_sets - self.plyometric_leg_sets

    def compound_share_pct(self) -> float | None:
        """Share of leg strength sets done in compound lifts."""
        return share_pct(self.compound_leg_sets, self.strength_sets)

    def goal_lift_share_pct(self) -> float | None:
        """Share of leg strength sets done in a goal lift or a close variant (specificity)."""
        return share_pct(self.goal_lift_sets, self.strength_sets)

    def leg_sessions_per_week(self, days: int) -> float:
        return per_week(self.leg_sessions, days)

    def hard_sets_per_week(self, muscle: str, days: int) -> float:
        return per_week(self.hard_sets_by_muscle.get(muscle, 0), days)


def summarise_leg_training(
    sessions: Iterable[Session],
    exercises: Mapping[str, ExerciseInfo],
    goal_slugs: frozenset,
    *,
    min_rpe: float,
    max_rir: float,
    synergist_weight: float = 1.0,
) -> LegTraining:
    """Leg sessions, leg sets by kind, goal-lift sets and hard sets per muscle, in one pass.

    A set counts only if its exercise is in the catalogue and works a leg muscle; hard sets
    follow ``is_hard_set``. Sets logged per side count once per left/right pair: a session's
    left-side sets of an exercise count, and its right-side sets only when no left side was
    logged (3 sets a leg are 3 sets, not 6). Hard sets count 1.0 for the exercise's prime
    mover (its first muscle) and ``synergist_weight`` for each other muscle it lists
    (fractional counting: Pelland et al. 2024; a deadlift is not a full quadriceps set).
    """
    leg = {slug: info for slug, info in exercises.items() if info.is_leg}
    sets_by_slug = dict.fromkeys(leg, 0)
    hard_by_slug = dict.fromkeys(leg, 0)
    out = LegTraining()
    for session in sessions:
        out.sessions += 1
        leg_sets, goal_sets = count_leg_sets(
            session, leg, goal_slugs, sets_by_slug, hard_by_slug, min_rpe, max_rir
        )
        if leg_sets:
            out.leg_sessions += 1
        if goal_sets:
            out.sessions_with_goal_lift += 1
    return add_leg_sets(out, leg, goal_slugs, sets_by_slug, hard_by_slug, synergist_weight)


def count_leg_sets(
    session: Session,
    leg: Mapping[str, ExerciseInfo],
    goal_slugs: frozenset,
    sets_by_slug: dict,
    hard_by_slug: dict,
    min_rpe: float,
    max_rir: float,
) -> tuple[int, int]:
    """Add one session's leg sets and hard sets to the per-exercise counts (a left/right
    pair once); return its leg sets and goal-lift sets. Inlined ``is_hard_set``: this is
    the engine's hottest loop."""
    leg_sets = goal_sets = 0
    left = None
    for one_set in session.sets:
        slug = one_set.exercise
        if slug not in leg:
            continue
        if one_set.side != "both":
            if left is None:
                left = {x.exercise for x in session.sets if x.side == "left"}
            if one_set.side == "right" and slug in left:
                continue  # its left side was logged: one set per pair
        leg_sets += 1
        if slug in goal_slugs:
            goal_sets += 1
        sets_by_slug[slug] += 1
        rir = one_set.rir
        if rir is not None:
            if rir <= max_rir:
                hard_by_slug[slug] += 1
        elif one_set.rpe is None or one_set.rpe >= min_rpe:
            hard_by_slug[slug] += 1
    return leg_sets, goal_sets


def add_leg_sets(
    out: LegTraining,
    leg: Mapping[str, ExerciseInfo],
    goal_slugs: frozenset,
    sets_by_slug: Mapping[str, int],
    hard_by_slug: Mapping[str, int],
    synergist_weight: float,
) -> LegTraining:
    """Fold per-exercise set counts into ``out``'s totals by kind and hard sets per muscle."""
    by_muscle = out.hard_sets_by_muscle
    for slug, count in sets_by_slug.items():
        if not count:
            continue
        info = leg[slug]
        kind = info.kind
        out.leg_sets += count
        out.compound_leg_sets += count if kind == "compound" else 0
        out.plyometric_leg_sets += count if kind == "plyometric" else 0
        out.goal_lift_sets += count if slug in goal_slugs else 0
        hard = hard_by_slug[slug]
        if hard:
            for position, muscle in enumerate(info.muscles):
                weight = 1.0 if position == 0 else synergist_weight
                if weight:
                    by_muscle[muscle] = by_muscle.get(muscle, 0.0) + hard * weight
    return out


def per_week(count: float, days: int) -> float:
    """A count over ``days`` days as a weekly rate."""
    return count * 7.0 / days if days > 0 else 0.0


def drop_pct(reference: float, value: float) -> float | None:
    """How far ``value`` lies below ``reference``, in % of the reference (negative: above).

    None when the reference is not positive or the ratio overflows (a near-zero reference).
    """
    if not reference > 0:
        return None
    pct = (reference - value) * 100.0 / reference
    return pct if math.isfinite(pct) else None


def share_pct(part: float, whole: float) -> float | None:
    """part / whole x 100, None when whole is zero."""
    return part * 100.0 / whole if whole > 0 else None


# --- daily series ----------------------------------------------------------------------------


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, None for no values (faster than statistics.mean for short lists)."""
    values = list(values)
    return sum(values) / len(values) if values else None


def sample_sd(values: Sequence[float]) -> float | None:
    """Sample standard deviation (n - 1), None for fewer than two values."""
    n = len(values)
    if n < 2:
        return None
    centre = sum(values) / n
    return math.sqrt(sum((v - centre) ** 2 for v in values) / (n - 1))


def z_score(value: float, baseline: Sequence[float], *, sd_floor: float) -> float | None:
    """How many baseline SDs ``value`` lies above the athlete's own baseline mean.

    The SD is floored so a very steady baseline does not make a small change look huge.
    """
    sd = sample_sd(baseline)
    if sd is None or max(sd, sd_floor) <= 0:
        return None
    return (value - sum(baseline) / len(baseline)) / max(sd, sd_floor)


def share_at_or_above(values: Sequence[float], limit: float) -> float | None:
    """% of values at or above limit."""
    return share_pct(sum(1 for v in values if v >= limit), len(values))


def age_years(date_of_birth: date, on: date) -> int:
    """Completed years of age on a day."""
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - before_birthday


def resting_energy_kcal(sex: str, body_mass_kg: float, height_cm: float, age: float) -> float:
    """Mifflin-St Jeor (1990) resting energy: 10 m + 6.25 h - 5 age + 5 (male) / -161 (female);
    the midpoint for other."""
    sex_term = {"male": 5.0, "female": -161.0}.get(sex, -78.0)
    return 10.0 * body_mass_kg + 6.25 * height_cm - 5.0 * age + sex_term
