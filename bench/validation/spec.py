"""How a simulated history is described: the athlete, their plan, and the coach's verdict.

A :class:`History` is written down by hand (``histories.py``, ``triage.py``): who the athlete is
(:class:`Athlete`: profile, habits, everyday levels), the blocks they trained (:class:`Block`),
what changed recently (``recent``: a level that moved N days ago, e.g. sleep 6.2 h for the last
four weeks), their symptom reports, and the :class:`Verdict` a competent coach gives from the
story. The simulator (``simulate.py``) turns a history and a noise seed into an engine snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field

GROUPS = ("healthy", "cause", "combined", "triage")
TIERS = ("emergency", "urgent", "soon", "none")  # none: no referral (a 'warning' note is fine)
# Block kinds: the engine's phase kinds, a break, and 'overreach' (a cause, never a plan).
BLOCK_KINDS = (
    "accumulation",
    "intensification",
    "deload",
    "taper",
    "peaking",
    "return",
    "off_season",
    "novice",
    "break",
    "overreach",
)
# Levels a history may move for its last days (``Athlete.recent``), with their units.
LEVELS = {
    "sleep_h": "h a night",
    "protein_g_per_kg": "g/kg/day",
    "energy_pct": "% of energy need",
    "water_ml_per_kg": "ml/kg/day",
    "stress": "1-10",
    "fatigue": "1-10",
    "soreness": "1-10",
    "weakness": "0-10",
    "urine": "1-8 (Armstrong chart)",
    "mass_change_pct": "% of body mass",
    "mind_muscle": "1-5",
}


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of the plan. ``reps`` sets the main lifts' reps (rep ranges change between
    blocks); ``coach_set``: the coach recorded it as a training phase in Legstrong."""

    kind: str
    days: int
    sessions_per_week: int | None = None  # default: the athlete's
    programme: str | None = None  # default: the athlete's
    reps: int | None = None
    coach_set: bool = False

    def __post_init__(self) -> None:
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")
        if self.days <= 0:
            raise ValueError("a block lasts at least a day")


def weeks(kind: str, count: float, **options: object) -> Block:
    """A block of ``count`` weeks."""
    return Block(kind, round(count * 7), **options)


@dataclass(frozen=True, slots=True)
class Symptom:
    """A symptom report ``days_ago`` days before the analysis day (SymptomReport fields)."""

    days_ago: int
    fields: tuple[tuple[str, object], ...]


def symptom(days_ago: int, **fields: object) -> Symptom:
    return Symptom(days_ago, tuple(sorted(fields.items())))


@dataclass(frozen=True, slots=True)
class Athlete:
    """Who the athlete is and how they live, as means; the simulator adds everyday noise."""

    sex: str
    age_years: int
    body_mass_kg: float
    height_cm: float
    training_age_years: float
    goal: str  # strength | hypertrophy | power | general
    goal_lifts: tuple[str, ...]
    sport: str
    squat_1rm_kg: float
    weekly_gain_pct: float  # true strength gain per normal training week
    sessions_per_week: int = 3
    programme: str | None = None  # default: the goal's
    fixed_loads: bool = False  # never adds load, reps or sets (a stall)
    # logging habits: share of days (or sessions, sets) logged
    checkin_rate: float = 0.8
    nutrition_rate: float = 0.65
    session_log_rate: float = 0.95
    weigh_in_rate: float = 0.5
    evening_weigh_in_rate: float = 0.08
    urine_rate: float = 0.6
    rpe_rate: float = 0.85  # share of sets with an effort rating
    logs_rir: bool = False  # rates effort as reps in reserve instead of RPE
    logs_per_side: bool = False  # logs a unilateral set once for each leg
    skip_rate: float = 0.05  # planned sessions missed
    bad_weeks: int = 1  # weeks of higher stress, shorter sleep and more fatigue
    # everyday levels (means)
    sleep_h: float = 7.6
    sleep_sd_h: float = 0.7
    protein_g_per_kg: float = 1.8
    energy_pct: float = 97.0  # logged intake as % of true need (people under-report a little)
    activity_level: float = 1.75  # FAO/WHO/UNU physical activity level of the athlete's life
    water_ml_per_kg: float = 38.0
    stress: float = 4.0
    fatigue: float = 4.0
    soreness: float = 3.0
    weakness: float = 1.5
    urine: float = 3.0
    mind_muscle: float = 4.0
    # assessments
    strength_tests: bool = True
    hq_ratio: float = 0.72
    asymmetry_pct: float = 4.0
    jump_tests: bool = True
    jump_cm: float = 38.0
    jump_tracks_strength: bool = True  # False: jump stays flat while strength rises
    screens: bool = True
    form_flaws: tuple[str, ...] = ()  # flaws seen on every screen (a real form problem)
    compensations: tuple[str, ...] = ()  # compensations seen on recent screens
    stability_issues: tuple[str, ...] = ()
    mobility: bool = True
    balance_s: float = 30.0
    y_balance_pct: float = 100.0
    ankle_cm: float = 12.0
    activation_ratings: bool = True
    # what changed recently: (level, value, from how many days ago)
    recent: tuple[tuple[str, float, int], ...] = ()
    symptoms: tuple[Symptom, ...] = ()

    def __post_init__(self) -> None:
        for level, _value, days_ago in self.recent:
            if level not in LEVELS or days_ago <= 0:
                raise ValueError(f"bad recent change {level!r} from {days_ago} days ago")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a competent coach says, written before the engine is run.

    ``causes``: found at level 'cause' and ranked ahead of every other cause (empty: none at
    all). ``tier``: the most pressing red-flag tier expected ('none': no referral; a 'warning'
    note is fine). ``red_flags``: codes (DESIGN.md) that must be raised. ``not_causes``: codes
    that must not appear at level 'cause'. ``why``: the coach's reasoning.
    """

    causes: tuple[str, ...] = ()
    tier: str = "none"
    red_flags: tuple[str, ...] = ()
    not_causes: tuple[str, ...] = ()
    why: str = ""

    def __post_init__(self) -> None:
        if self.tier not in TIERS:
            raise ValueError(f"unknown tier {self.tier!r}")
        if self.red_flags and self.tier == "none":
            raise ValueError("a red flag needs a referral tier")
        if set(self.causes) & set(self.not_causes):
            raise ValueError("a code cannot be both expected and forbidden")


@dataclass(frozen=True, slots=True)
class History:
    name: str
    group: str  # healthy | cause | combined | triage
    story: str
    athlete: Athlete
    plan: tuple[Block, ...]
    verdict: Verdict
    tags: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.group not in GROUPS:
            raise ValueError(f"unknown group {self.group!r}")
        if self.group == "healthy" and (self.verdict.causes or self.verdict.tier != "none"):
            raise ValueError("a healthy history expects no cause and no referral")

    @property
    def days(self) -> int:
        return sum(block.days for block in self.plan)
