"""Snapshots for engine tests: a healthy, well-trained athlete and ways to change one thing.

The healthy athlete (9 weeks of data up to AS_OF): 80 kg man, 4 years training, goal: back
squat. Sleeps 7.5 h, eats 1.8 g/kg protein and ~105% of estimated energy need, drinks 37.5
ml/kg, stress 4/10. Trains legs Monday, Wednesday and Friday: squat, Romanian deadlift, lunge,
leg curl, calf raise (>= 18 hard sets a week for each major leg muscle, 67% compound), squat
e1RM rising ~1%/week. Screens, balance, jumps and mind-muscle ratings are all good. The
healthy athlete produces no finding and no red flag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from assessments.analysis.snapshot import (
    ActivationRating,
    ExerciseInfo,
    JumpTest,
    MobilityScreen,
    MovementScreen,
    NutritionEntry,
    Profile,
    Session,
    SleepEntry,
    Snapshot,
    StrengthTest,
    StressEntry,
    SymptomReport,
    TrainingSet,
    WellnessEntry,
)
from assessments.analysis.thresholds import Thresholds

AS_OF = date(2026, 11, 24)  # a Tuesday
HISTORY_DAYS = 63
LEG_DAYS = (0, 2, 4)  # Monday, Wednesday, Friday


def _exercise(slug, pattern, kind, muscles, unilateral=False):
    return ExerciseInfo(
        slug, slug.replace("_", " ").capitalize(), pattern, kind, muscles, unilateral
    )


EXERCISES = {
    e.slug: e
    for e in (
        _exercise("back_squat", "squat", "compound", ("quadriceps", "glutes", "adductors")),
        _exercise("front_squat", "squat", "compound", ("quadriceps", "glutes")),
        _exercise("romanian_deadlift", "hinge", "compound", ("hamstrings", "glutes")),
        _exercise("walking_lunge", "lunge", "compound", ("quadriceps", "glutes"), True),
        _exercise("leg_press", "leg_press", "compound", ("quadriceps", "glutes")),
        _exercise("single_leg_press", "leg_press", "compound", ("quadriceps", "glutes"), True),
        _exercise("leg_curl", "knee_flexion", "isolation", ("hamstrings",)),
        _exercise("leg_extension", "knee_extension", "isolation", ("quadriceps",)),
        _exercise("hip_thrust", "hip_extension", "isolation", ("glutes",)),
        _exercise("calf_raise", "calf_raise", "isolation", ("calves",)),
        _exercise("box_jump", "jump", "plyometric", ("quadriceps", "glutes", "calves")),
        _exercise("plank", "brace", "isolation", ("core",)),
        _exercise("bench_press", "horizontal_push", "compound", ()),
    )
}

PROFILE = Profile(
    athlete_id=1,
    sex="male",
    date_of_birth=date(1995, 5, 1),
    height_cm=180.0,
    body_mass_kg=80.0,
    training_age_years=4.0,
    goal="strength",
    goal_lifts=("back_squat",),
)


def day(days_ago: int) -> date:
    return AS_OF - timedelta(days=days_ago)


def days(count: int = HISTORY_DAYS, *, ending_days_ago: int = 0) -> list[date]:
    """``count`` consecutive days, oldest first, ending ``ending_days_ago`` before AS_OF."""
    return [day(ending_days_ago + i) for i in reversed(range(count))]


def wobble(d: date, pattern: tuple) -> float:
    """Deterministic day-to-day variation."""
    return pattern[d.toordinal() % len(pattern)]


# --- daily check-ins ----------------------------------------------------------------------


def sleep(hours: float = 7.5, quality: int = 4, count: int = HISTORY_DAYS, vary: bool = True):
    return [
        SleepEntry(d, hours + (wobble(d, (0, 0.25, -0.25, 0.5, -0.5)) if vary else 0), quality)
        for d in days(count)
    ]


def nutrition(protein_g=145.0, calories_kcal=2900.0, water_l=3.0, concerns=(), count=HISTORY_DAYS):
    return [
        NutritionEntry(d, calories_kcal, protein_g, 350.0, 90.0, water_l, tuple(concerns))
        for d in days(count)
    ]


def stress(level: float = 4, count: int = HISTORY_DAYS, vary: bool = True):
    return [
        StressEntry(d, level + (wobble(d, (0, 1, -1, 0, 1, -1, 0)) if vary else 0), 4)
        for d in days(count)
    ]


def wellness(
    fatigue=4, soreness=3, weakness=2, urine=3, mass=80.0, count=HISTORY_DAYS, vary=True, **changes
):
    entries = []
    for d in days(count):
        entries.append(
            WellnessEntry(
                d,
                fatigue + (wobble(d, (0, 1, -1)) if vary else 0),
                soreness + (wobble(d, (0, 1, 0, -1)) if vary else 0),
                weakness,
                4,
                urine,
                None if mass is None else mass + (wobble(d, (0, 0.2, -0.2)) if vary else 0),
            )
        )
    return [replace(e, **changes) for e in entries] if changes else entries


# --- training -----------------------------------------------------------------------------


def healthy_plan(week: int) -> tuple[TrainingSet, ...]:
    """One leg session of the healthy athlete in a given week (0 = first week)."""
    squat_kg = 120 + 1.25 * week
    return (
        *[TrainingSet("back_squat", 5, squat_kg, rpe=8) for _ in range(4)],
        *[TrainingSet("romanian_deadlift", 8, 100 + 1.25 * week, rir=2) for _ in range(3)],
        *[TrainingSet("walking_lunge", 10, 40, rpe=7, side=s) for s in ("left", "right", "both")],
        *[TrainingSet("leg_curl", 10, 45, rir=2) for _ in range(3)],
        *[TrainingSet("calf_raise", 12, 60, rpe=7) for _ in range(2)],
        TrainingSet("plank", 1, 0),
        *[TrainingSet("bench_press", 5, 80, rpe=8) for _ in range(3)],
    )


def sessions(
    plan: Callable[[int], tuple] = healthy_plan,
    *,
    weekdays=LEG_DAYS,
    count=HISTORY_DAYS,
    duration_min: float = 75,
    session_rpe: float = 7,
    ending_days_ago: int = 0,
) -> list[Session]:
    first = day(ending_days_ago + count - 1)
    return [
        Session(d, duration_min, session_rpe, plan((d - first).days // 7))
        for d in days(count, ending_days_ago=ending_days_ago)
        if d.weekday() in weekdays
    ]


# --- assessments --------------------------------------------------------------------------


def strength_tests(curl_kg=55.0, extension_kg=80.0, left_kg=100.0, right_kg=96.0, days_ago=10):
    d = day(days_ago)
    return [
        StrengthTest(d, "leg_curl", curl_kg, 8),
        StrengthTest(d, "leg_extension", extension_kg, 8),
        StrengthTest(d, "single_leg_press", left_kg, 8, "left"),
        StrengthTest(d, "single_leg_press", right_kg, 8, "right"),
    ]


def movement_screens(*screens: dict, exercise: str = "back_squat"):
    """Screens 26 and 5 days ago, clean unless given flaws/compensations/stability_issues."""
    screens = screens or ({}, {})
    ages = [5 + 21 * i for i in reversed(range(len(screens)))]
    return [
        MovementScreen(day(age), exercise, **{k: tuple(v) for k, v in kw.items()})
        for age, kw in zip(ages, screens, strict=True)
    ]


def mobility(**changes):
    base = MobilityScreen(day(5), 12.0, 12.5, 35.0, 33.0, 98.0, 97.0)
    return [replace(base, **changes)]


def jumps(latest_cm: float = 45.0, baseline_cm: float = 45.0):
    return [
        JumpTest(day(age), baseline_cm + wobble(day(age), (0.3, -0.3, 0.0))) for age in (44, 30, 16)
    ] + [JumpTest(day(2), latest_cm)]


def ratings(rating: int = 4, count: int = 4):
    return [ActivationRating(day(1 + 7 * i), "back_squat", rating) for i in reversed(range(count))]


def symptom(days_ago: int = 1, **fields) -> SymptomReport:
    return SymptomReport(day(days_ago), **fields)


# --- snapshots ----------------------------------------------------------------------------


def healthy(**changes) -> Snapshot:
    """The healthy athlete; keyword arguments replace whole fields (series, profile, ...)."""
    overrides = changes.pop("overrides", None)
    snapshot = Snapshot(
        profile=PROFILE,
        as_of=AS_OF,
        exercises=EXERCISES,
        sleep=sleep(),
        nutrition=nutrition(),
        stress=stress(),
        wellness=wellness(),
        sessions=sessions(),
        strength_tests=strength_tests(),
        movement_screens=movement_screens(),
        mobility_screens=mobility(),
        jump_tests=jumps(),
        activation_ratings=ratings(),
        symptoms=(),
        thresholds=Thresholds(overrides),
    )
    return replace(snapshot, **changes) if changes else snapshot


def empty(**changes) -> Snapshot:
    """An athlete with a profile and nothing else."""
    return Snapshot(profile=PROFILE, as_of=AS_OF, exercises=EXERCISES, **changes)


def profile(**changes) -> Profile:
    return replace(PROFILE, **changes)


# --- running one rule -----------------------------------------------------------------------


def check(code: str, snapshot: Snapshot):
    """The outcome of one rule (Found, Raised, Gap or None). Rules that need the other causes'
    results get them from the cause rules that do not."""
    from assessments.analysis.rules import CAUSES, RED_FLAGS, Found

    rule = CAUSES.get(code) or RED_FLAGS[code]
    t = snapshot.thresholds
    if not rule.after_others:
        return rule.check(snapshot, t)
    found = {}
    for other in CAUSES.values():
        if not other.after_others:
            outcome = other.check(snapshot, t)
            if isinstance(outcome, Found):
                found[other.code] = outcome
    return rule.check(snapshot, t, found)


# --- training phases ------------------------------------------------------------------------


def lighter_weeks(weeks: tuple[int, ...], *, keep_sets: float = 0.5, reps: int | None = None):
    """The healthy plan with the given weeks (0 = first of nine) cut to ``keep_sets`` of their
    sets, loads kept (``reps`` replaces the squat's reps, e.g. 1 for peaking singles)."""

    def plan(week):
        sets = healthy_plan(week)
        if week not in weeks:
            return sets
        kept = sets[: max(1, round(len(sets) * keep_sets))]
        if reps is None:
            return kept
        return tuple(replace(x, reps=reps) if x.exercise == "back_squat" else x for x in kept)

    return sessions(plan)


def deload_week(week: int = 7):
    """The healthy plan with one week at half the sets and lighter loads at RPE 6."""

    def plan(w):
        sets = healthy_plan(w)
        if w != week:
            return sets
        return tuple(replace(x, load_kg=x.load_kg * 0.8, rpe=6, rir=None) for x in sets[:8])

    return sessions(plan)
