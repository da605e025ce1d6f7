"""The exercises the simulated athletes do, and the programmes they follow.

Exercises come from Legstrong's shared catalogue (``coaching/catalogue.py``), so the engine sees
the same slugs, patterns, kinds and prime movers as it does in production. A programme is a
list of session templates per goal; a :class:`Lift` is one prescribed exercise.

``STRENGTH_RATIO`` is each exercise's 1RM as a share of the athlete's back-squat 1RM (typical
gym figures; unilateral lifts per leg, dumbbell lifts with the external load only).
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.analysis import ExerciseInfo
from coaching.catalogue import EXERCISES as CATALOGUE_ROWS

EXERCISES: dict[str, ExerciseInfo] = {
    slug: ExerciseInfo(slug, name, pattern, kind, tuple(muscles), unilateral)
    for slug, name, pattern, kind, muscles, unilateral in CATALOGUE_ROWS
}

STRENGTH_RATIO = {
    "back-squat": 1.0,
    "front-squat": 0.82,
    "high-bar-squat": 0.92,
    "goblet-squat": 0.35,
    "deadlift": 1.2,
    "romanian-deadlift": 0.78,
    "trap-bar-deadlift": 1.25,
    "bulgarian-split-squat": 0.38,
    "walking-lunge": 0.36,
    "reverse-lunge": 0.38,
    "step-up": 0.34,
    "leg-press": 1.9,
    "single-leg-press": 0.95,
    "leg-extension": 0.62,
    "hamstring-curl": 0.45,
    "seated-leg-curl": 0.47,
    "nordic-curl": 0.0,  # body weight: logged with no load
    "hip-thrust": 1.25,
    "glute-bridge": 1.0,
    "calf-raise": 1.1,
    "hip-adduction": 0.5,
    "box-jump": 0.0,
    "broad-jump": 0.0,
    "jump-squat": 0.3,
}


@dataclass(frozen=True, slots=True)
class Lift:
    """One prescribed exercise: ``sets`` x ``reps`` at a target RPE (None: plyometric)."""

    exercise: str
    sets: int
    reps: int
    rpe: float | None = 8.0
    main: bool = False  # a main lift: its reps change between blocks; accessories keep theirs


def _l(exercise: str, sets: int, reps: int, rpe: float | None = 8.0, main: bool = False) -> Lift:
    return Lift(exercise, sets, reps, rpe, main)


# Session templates per goal (A, B, ...: the athlete rotates through them).
PROGRAMMES: dict[str, tuple[tuple[Lift, ...], ...]] = {
    "strength": (
        (
            _l("back-squat", 4, 5, 8.0, True),
            _l("romanian-deadlift", 3, 8, 7.5),
            _l("bulgarian-split-squat", 2, 8, 8.0),
            _l("hamstring-curl", 3, 10, 8.0),
            _l("calf-raise", 2, 12, 7.5),
        ),
        (
            _l("deadlift", 3, 4, 8.0, True),
            _l("front-squat", 3, 6, 7.5, True),
            _l("walking-lunge", 2, 10, 7.5),
            _l("leg-extension", 2, 12, 8.0),
            _l("hip-thrust", 3, 8, 8.0),
        ),
    ),
    "hypertrophy": (
        (
            _l("back-squat", 4, 8, 8.0, True),
            _l("leg-press", 3, 12, 8.5),
            _l("romanian-deadlift", 3, 10, 8.0),
            _l("leg-extension", 3, 15, 8.5),
            _l("seated-leg-curl", 3, 12, 8.5),
        ),
        (
            _l("hip-thrust", 4, 10, 8.0, True),
            _l("bulgarian-split-squat", 3, 10, 8.5),
            _l("hamstring-curl", 3, 12, 8.5),
            _l("leg-press", 3, 15, 8.5),
            _l("calf-raise", 4, 15, 8.0),
        ),
    ),
    "power": (
        (
            _l("box-jump", 4, 5, None),
            _l("back-squat", 4, 3, 8.0, True),
            _l("romanian-deadlift", 3, 6, 7.5),
            _l("nordic-curl", 3, 5, 8.0),
        ),
        (
            _l("broad-jump", 4, 3, None),
            _l("trap-bar-deadlift", 4, 3, 8.0, True),
            _l("front-squat", 3, 4, 7.5, True),
            _l("walking-lunge", 2, 8, 7.5),
        ),
    ),
    "general": (
        (
            _l("back-squat", 3, 10, 7.5, True),
            _l("romanian-deadlift", 3, 10, 7.5),
            _l("walking-lunge", 2, 10, 7.5),
            _l("hamstring-curl", 2, 12, 7.5),
        ),
        (
            _l("leg-press", 3, 12, 7.5, True),
            _l("hip-thrust", 3, 10, 7.5),
            _l("step-up", 2, 10, 7.5),
            _l("calf-raise", 2, 15, 7.0),
        ),
    ),
    # Maintenance strength work of an endurance athlete (cyclist, runner): ACSM 2009's
    # 2-4 sets per muscle group, twice a week.
    "endurance_support": (
        (
            _l("back-squat", 3, 6, 8.0, True),
            _l("romanian-deadlift", 3, 8, 7.5),
            _l("step-up", 2, 8, 7.5),
            _l("calf-raise", 2, 12, 7.5),
        ),
    ),
    # A first programme: few lifts, moderate effort, technique first.
    "novice": (
        (
            _l("goblet-squat", 3, 10, 7.0, True),
            _l("romanian-deadlift", 3, 10, 7.0),
            _l("leg-press", 2, 12, 7.0),
            _l("hamstring-curl", 2, 12, 7.0),
        ),
        (
            _l("back-squat", 3, 8, 7.0, True),
            _l("hip-thrust", 3, 10, 7.0),
            _l("reverse-lunge", 2, 10, 7.0),
            _l("calf-raise", 2, 15, 7.0),
        ),
    ),
    # Causes: machines and isolation only; the goal lift left out; too little work for the goal.
    "isolation_only": (
        (
            _l("leg-extension", 4, 12, 8.5, True),
            _l("hamstring-curl", 4, 12, 8.5),
            _l("glute-bridge", 3, 12, 8.0),
            _l("calf-raise", 3, 15, 8.0),
            _l("hip-adduction", 2, 15, 8.0),
        ),
    ),
    "no_goal_lift": (
        (
            _l("leg-press", 4, 10, 8.0, True),
            _l("romanian-deadlift", 3, 8, 8.0),
            _l("walking-lunge", 3, 10, 8.0),
            _l("hamstring-curl", 3, 10, 8.0),
        ),
        (
            _l("hip-thrust", 4, 8, 8.0, True),
            _l("single-leg-press", 3, 10, 8.0),
            _l("step-up", 3, 10, 8.0),
            _l("leg-extension", 3, 12, 8.0),
        ),
    ),
    "minimal": (
        (
            _l("back-squat", 2, 8, 7.5, True),
            _l("hamstring-curl", 2, 12, 7.5),
        ),
    ),
}

TRAINING_DAYS = {  # weekday numbers (Monday 0) for sessions a week
    1: (2,),
    2: (0, 3),
    3: (0, 2, 4),
    4: (0, 1, 3, 4),
    5: (0, 1, 2, 4, 5),
    6: (0, 1, 2, 3, 4, 5),
}
