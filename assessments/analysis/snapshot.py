"""The engine's input: a plain, read-only picture of one athlete on one day.

A Django-side loader builds these from the database; tests and the benchmark build them by hand.
Every dated series is a :class:`Series` (a tuple sorted by date, oldest first) that knows the
snapshot's ``as_of`` day, so rules can ask for "the last 14 days" cheaply.

Units are part of the field names (``hours``, ``load_kg``, ``protein_g``); scores on a scale
name it in the docstring (for example stress 1-10).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from .thresholds import Thresholds

LEG_MUSCLES = frozenset({"quadriceps", "hamstrings", "glutes", "calves", "adductors"})
MAJOR_LEG_MUSCLES = ("quadriceps", "hamstrings", "glutes")

T = TypeVar("T")
_by_date = attrgetter("date")


class Series(tuple, Generic[T]):
    """Dated entries, oldest first, with windows counted back from the snapshot's day.

    ``last(14)`` is the 14 calendar days ending on ``as_of`` (inclusive); entries dated after
    ``as_of`` are kept but never fall in a window. Windows are found by binary search on the
    entries' dates and remembered, so asking many times is cheap.
    """

    def __new__(cls, items: Iterable[T] = (), as_of: date | None = None) -> Series[T]:
        series = super().__new__(cls, sorted(items, key=_by_date))
        series._as_of = as_of
        series._windows = {}  # (days, ending_days_ago) -> entries: series never change
        return series

    @property
    def as_of(self) -> date | None:
        return self._as_of

    def _count_until(self, day_number: int) -> int:
        """How many entries (at least one) are dated on or before the day with ordinal
        ``day_number``; a day before the first entry or after the last needs no search."""
        if day_number < self[0].date.toordinal():
            return 0
        if day_number >= self[-1].date.toordinal():
            return len(self)
        return bisect_right(self, date.fromordinal(day_number), key=_by_date)

    def window(self, days: int, ending_days_ago: int = 0) -> tuple[T, ...]:
        """Entries in the ``days`` calendar days that end ``ending_days_ago`` days before as_of."""
        key = (days, ending_days_ago)
        entries = self._windows.get(key)
        if entries is None:
            entries = ()
            if days > 0 and self:
                end = self._as_of.toordinal() - ending_days_ago
                entries = self[self._count_until(end - days) : self._count_until(end)]
            self._windows[key] = entries
        return entries

    def last(self, days: int) -> tuple[T, ...]:
        """Entries in the ``days`` calendar days ending on as_of (as_of included)."""
        return self.window(days)

    def latest(self) -> T | None:
        """The newest entry dated on or before as_of, or None."""
        if not self:
            return None
        index = bisect_right(self, self._as_of, key=_by_date)
        return self[index - 1] if index else None

    def first_date(self) -> date | None:
        """The oldest entry's date (on or before as_of), or None."""
        return self[0].date if self and self[0].date <= self._as_of else None


# --- the athlete and the exercise catalogue ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profile:
    """Who the athlete is. ``goal_lifts`` are exercise slugs the athlete wants to get strong at."""

    athlete_id: int
    sex: str = "other"  # female | male | other
    date_of_birth: date | None = None
    height_cm: float | None = None
    body_mass_kg: float | None = None
    training_age_years: float | None = None
    goal: str = "general"  # strength | hypertrophy | power | general
    goal_lifts: tuple[str, ...] = ()
    fat_free_mass_kg: float | None = None  # from a body-composition test, when known


@dataclass(frozen=True, slots=True)
class ExerciseInfo:
    """One catalogue exercise. ``muscles`` lists the primary mover first."""

    slug: str
    name: str
    pattern: str  # squat, hinge, lunge, knee_extension, knee_flexion, hip_extension, ...
    kind: str  # compound | isolation | plyometric
    muscles: tuple[str, ...] = ()  # quadriceps | hamstrings | glutes | calves | adductors | core
    unilateral: bool = False
    is_leg: bool = field(init=False, repr=False, compare=False)  # works a leg muscle

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_leg", not LEG_MUSCLES.isdisjoint(self.muscles))


# --- daily check-ins ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SleepEntry:
    date: date
    hours: float
    quality: int  # 1 (very poor) - 5 (very good)


@dataclass(frozen=True, slots=True)
class NutritionEntry:
    date: date
    calories_kcal: float
    protein_g: float
    carbohydrate_g: float | None = None
    fat_g: float | None = None
    water_l: float = 0.0
    micronutrient_concerns: tuple[str, ...] = ()  # magnesium | potassium | b_vitamins | iron | ...


@dataclass(frozen=True, slots=True)
class StressEntry:
    date: date
    stress: int  # 1 (calm) - 10 (overwhelmed)
    mood: int | None = None  # 1-5


@dataclass(frozen=True, slots=True)
class WellnessEntry:
    date: date
    fatigue: int  # 1-10
    soreness: int  # 1-10
    perceived_leg_weakness: int  # 0 (none) - 10 (legs give way)
    motivation: int | None = None  # 1-5
    urine_colour: int | None = None  # 1 (pale) - 8 (very dark), Armstrong chart
    body_mass_kg: float | None = None


# --- training log -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrainingSet:
    exercise: str  # exercise slug
    reps: int
    load_kg: float
    rpe: float | None = None  # 1-10
    rir: float | None = None  # reps in reserve
    side: str = "both"  # both | left | right


@dataclass(frozen=True, slots=True)
class Session:
    date: date
    duration_min: float
    session_rpe: float  # 1-10, Foster's session RPE
    sets: tuple[TrainingSet, ...] = ()


# --- assessments and symptoms -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StrengthTest:
    date: date
    exercise: str
    load_kg: float
    reps: int
    side: str = "both"


@dataclass(frozen=True, slots=True)
class MovementScreen:
    date: date
    exercise: str
    flaws: tuple[str, ...] = ()  # knee_valgus | heel_lift | forward_lean | butt_wink | ...
    compensations: tuple[str, ...] = ()  # lumbar_extension | hip_hike | weight_shift | ...
    stability_issues: tuple[str, ...] = ()  # core | hip | knee | ankle


@dataclass(frozen=True, slots=True)
class MobilityScreen:
    date: date
    ankle_dorsiflexion_left_cm: float | None = None  # knee-to-wall distance
    ankle_dorsiflexion_right_cm: float | None = None
    single_leg_balance_left_s: float | None = None  # eyes open
    single_leg_balance_right_s: float | None = None
    y_balance_left_pct: float | None = None  # composite reach, % of limb length
    y_balance_right_pct: float | None = None


@dataclass(frozen=True, slots=True)
class JumpTest:
    date: date
    countermovement_jump_cm: float


@dataclass(frozen=True, slots=True)
class ActivationRating:
    date: date
    exercise: str | None = None
    mind_muscle_rating: int = 3  # 1 (cannot feel the muscle) - 5 (feels it work fully)


@dataclass(frozen=True, slots=True)
class SymptomReport:
    date: date
    onset: str = "gradual"  # sudden | gradual
    severity: int = 0  # weakness, 0-10
    numbness: bool = False
    tingling: bool = False
    loss_of_sensation: bool = False
    pain: bool = False
    pain_days: int | None = None
    pain_improves_with_rest: bool | None = None
    explained_by: str = ""
    suspected_condition: str = ""
    side: str | None = None  # left | right | both (None: not said)
    swelling: bool = False
    back_pain: bool = False
    saddle_numbness: bool = False
    bladder_bowel_change: bool = False
    progression: str | None = None  # worsening | stable | improving (None: not said)
    resolved: bool = False
    context: str = ""  # what the athlete was doing: a long drive, tight boots, ...

    @property
    def suspected(self) -> str:
        """The suspected condition, trimmed ('' when none)."""
        return (self.suspected_condition or "").strip()

    @property
    def explained(self) -> bool:
        """Whether the athlete or coach gave an explanation for the weakness."""
        return bool((self.explained_by or "").strip())


PHASE_KINDS = (
    "accumulation",
    "intensification",
    "deload",
    "taper",
    "peaking",
    "return",
    "off_season",
    "novice",
)


@dataclass(frozen=True, slots=True)
class TrainingPhase:
    """A planned block set by a coach, both days included. ``kind`` is one of PHASE_KINDS."""

    start: date
    end: date
    kind: str

    def covers(self, day: date) -> bool:
        return self.start <= day <= self.end


SERIES_NAMES = (
    "sleep",
    "nutrition",
    "stress",
    "wellness",
    "sessions",
    "strength_tests",
    "movement_screens",
    "mobility_screens",
    "jump_tests",
    "activation_ratings",
    "symptoms",
)


def _default_thresholds() -> Thresholds:
    from .thresholds import Thresholds

    return Thresholds()


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the engine knows about one athlete on ``as_of``.

    Series may be passed as any iterable (tuple, list); they become :class:`Series` sorted by
    date. ``cache`` holds derived facts the rules share (built lazily by ``facts.py``) while
    ``run()`` works on the snapshot; the run empties it when it is done.
    """

    profile: Profile
    as_of: date
    exercises: Mapping[str, ExerciseInfo] = field(default_factory=dict)
    sleep: Series[SleepEntry] = ()
    nutrition: Series[NutritionEntry] = ()
    stress: Series[StressEntry] = ()
    wellness: Series[WellnessEntry] = ()
    sessions: Series[Session] = ()
    strength_tests: Series[StrengthTest] = ()
    movement_screens: Series[MovementScreen] = ()
    mobility_screens: Series[MobilityScreen] = ()
    jump_tests: Series[JumpTest] = ()
    activation_ratings: Series[ActivationRating] = ()
    symptoms: Series[SymptomReport] = ()
    phases: tuple[TrainingPhase, ...] = ()  # set by coaches; the engine also detects its own
    thresholds: Thresholds = field(default_factory=_default_thresholds)
    cache: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in SERIES_NAMES:
            value = getattr(self, name)
            if not (isinstance(value, Series) and value.as_of == self.as_of):
                object.__setattr__(self, name, Series(value, self.as_of))
        object.__setattr__(self, "phases", tuple(sorted(self.phases, key=lambda p: p.start)))

    def day(self, days_ago: int) -> date:
        """The calendar day ``days_ago`` days before as_of."""
        return self.as_of - timedelta(days=days_ago)
