"""Benchmark the cause-analysis engine: athletes analysed per second on one core.

Generates 10,000 synthetic athletes (fixed seed) with 90 days of data each: daily check-ins,
about three training sessions a week with their sets, and periodic assessments, with a share of
athletes given a problem (short sleep, low protein, load spikes, isolation-only training,
symptoms ...). Snapshots are generated in batches; only ``run()`` is timed, both as CPU time
of this process (the figure judged against the target: other load on the machine does not
skew it) and as wall-clock time.

    .venv/bin/python bench/engine.py [--athletes 10000] [--batch 500] [--seed 7]
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assessments.analysis import (
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
    Thresholds,
    TrainingSet,
    WellnessEntry,
    run,
)

AS_OF = date(2026, 11, 24)
DAYS = 90
TARGET_PER_SECOND = 2000

CATALOGUE = {
    e.slug: e
    for e in (
        ExerciseInfo(
            "back_squat", "Back squat", "squat", "compound", ("quadriceps", "glutes", "adductors")
        ),
        ExerciseInfo("front_squat", "Front squat", "squat", "compound", ("quadriceps", "glutes")),
        ExerciseInfo("deadlift", "Deadlift", "hinge", "compound", ("hamstrings", "glutes")),
        ExerciseInfo(
            "romanian_deadlift", "Romanian deadlift", "hinge", "compound", ("hamstrings", "glutes")
        ),
        ExerciseInfo(
            "walking_lunge", "Walking lunge", "lunge", "compound", ("quadriceps", "glutes"), True
        ),
        ExerciseInfo("leg_press", "Leg press", "leg_press", "compound", ("quadriceps", "glutes")),
        ExerciseInfo("leg_curl", "Leg curl", "knee_flexion", "isolation", ("hamstrings",)),
        ExerciseInfo(
            "leg_extension", "Leg extension", "knee_extension", "isolation", ("quadriceps",)
        ),
        ExerciseInfo("hip_thrust", "Hip thrust", "hip_extension", "isolation", ("glutes",)),
        ExerciseInfo("calf_raise", "Calf raise", "calf_raise", "isolation", ("calves",)),
        ExerciseInfo(
            "box_jump", "Box jump", "jump", "plyometric", ("quadriceps", "glutes", "calves")
        ),
        ExerciseInfo("bench_press", "Bench press", "horizontal_push", "compound", ()),
    )
}
MAIN_LIFTS = ("back_squat", "front_squat", "deadlift")
ACCESSORIES = (
    "romanian_deadlift",
    "walking_lunge",
    "leg_press",
    "leg_curl",
    "leg_extension",
    "hip_thrust",
    "calf_raise",
    "box_jump",
    "bench_press",
)
PROBLEMS = (
    "none",
    "none",
    "none",
    "sleep",
    "protein",
    "spike",
    "isolation",
    "stress",
    "water",
    "stall",
    "symptoms",
    "sparse",
)


def make_athlete(rng: random.Random, athlete_id: int) -> Snapshot:
    """One varied, realistic athlete with 90 days of data."""
    problem = rng.choice(PROBLEMS)
    mass = rng.uniform(55, 110)
    start = AS_OF - timedelta(days=DAYS - 1)
    dates = [start + timedelta(days=i) for i in range(DAYS)]
    keep = 0.5 if problem == "sparse" else rng.uniform(0.8, 1.0)  # check-in compliance
    goal = rng.choice(MAIN_LIFTS)
    profile = Profile(
        athlete_id,
        rng.choice(("female", "male", "other")),
        date(rng.randint(1970, 2006), rng.randint(1, 12), rng.randint(1, 28)),
        rng.uniform(155, 200),
        mass,
        rng.choice((None, 0.5, 2.0, 6.0)),
        rng.choice(("strength", "hypertrophy", "power", "general")),
        (goal,),
    )
    sleep_h = 5.5 if problem == "sleep" else rng.uniform(6.8, 8.5)
    protein = (1.0 if problem == "protein" else rng.uniform(1.5, 2.3)) * mass
    water = (18 if problem == "water" else rng.uniform(28, 45)) * mass / 1000
    stress_level = 8 if problem == "stress" else rng.uniform(2, 6)
    checked = [d for d in dates if rng.random() < keep]
    return Snapshot(
        profile=profile,
        as_of=AS_OF,
        exercises=CATALOGUE,
        sleep=[SleepEntry(d, sleep_h + rng.gauss(0, 0.6), rng.randint(2, 5)) for d in checked],
        nutrition=[
            NutritionEntry(
                d,
                rng.gauss(33, 4) * mass,
                protein + rng.gauss(0, 10),
                300.0,
                80.0,
                water + rng.gauss(0, 0.3),
                ("magnesium",) if rng.random() < 0.05 else (),
            )
            for d in checked
        ],
        stress=[StressEntry(d, round(stress_level + rng.gauss(0, 1)), 3) for d in checked],
        wellness=[
            WellnessEntry(
                d,
                rng.randint(2, 7),
                rng.randint(2, 7),
                rng.randint(0, 5),
                3,
                rng.randint(2, 6),
                round(mass + rng.gauss(0, 0.4), 1),
            )
            for d in checked
        ],
        sessions=make_sessions(rng, dates, goal, problem),
        strength_tests=make_strength_tests(rng, goal, mass),
        movement_screens=[
            MovementScreen(
                AS_OF - timedelta(days=age),
                goal,
                tuple(rng.sample(("knee_valgus", "heel_lift", "forward_lean"), rng.randint(0, 2))),
                ("hip_hike",) if rng.random() < 0.2 else (),
                ("knee",) if rng.random() < 0.1 else (),
            )
            for age in (50, 28, 6)
        ],
        mobility_screens=[
            MobilityScreen(
                AS_OF - timedelta(days=age),
                rng.uniform(7, 14),
                rng.uniform(7, 14),
                rng.uniform(8, 45),
                rng.uniform(8, 45),
                rng.uniform(88, 105),
                rng.uniform(88, 105),
            )
            for age in (50, 8)
        ],
        jump_tests=[
            JumpTest(AS_OF - timedelta(days=age), rng.gauss(40, 3)) for age in range(2, 90, 14)
        ],
        activation_ratings=[
            ActivationRating(AS_OF - timedelta(days=age), goal, rng.randint(1, 5))
            for age in range(1, 60, 7)
        ],
        symptoms=make_symptoms(rng, problem),
        thresholds=Thresholds({"hq_ratio_min": 0.55}) if athlete_id % 10 == 0 else Thresholds(),
    )


def make_sessions(rng: random.Random, dates: list, goal: str, problem: str) -> list[Session]:
    weekdays = rng.choice(((0, 2, 4), (1, 3, 5), (0, 3), (0, 2, 4, 5)))
    base_kg = rng.uniform(60, 160)
    gain = 0.0 if problem == "stall" else rng.uniform(0.0, 0.02)
    accessories = rng.sample(ACCESSORIES, 4)
    out = []
    for i, d in enumerate(dates):
        if d.weekday() not in weekdays or rng.random() < 0.1:
            continue
        spike = problem == "spike" and i >= len(dates) - 7
        load = base_kg * (1 + gain * i / 7)
        sets = (
            []
            if problem == "isolation"
            else [
                TrainingSet(
                    goal, rng.randint(3, 6), round(load, 1), rpe=rng.choice((7, 8, 9, None))
                )
                for _ in range(rng.randint(3, 5))
            ]
        )
        for slug in accessories:
            sets += [
                TrainingSet(
                    slug,
                    rng.randint(8, 12),
                    round(load * 0.4, 1),
                    rir=rng.choice((1, 2, 3, 4, None)),
                )
                for _ in range(rng.randint(2, 4))
            ]
        out.append(
            Session(d, rng.uniform(45, 90) * (2 if spike else 1), rng.randint(5, 9), tuple(sets))
        )
        if spike:  # a second session the same day
            out.append(Session(d, 60, 8, tuple(sets)))
    return out


def make_strength_tests(rng: random.Random, goal: str, mass: float) -> list[StrengthTest]:
    extension_kg = mass * rng.uniform(0.8, 1.2)
    tests = []
    for age in (40, 12):
        day = AS_OF - timedelta(days=age)
        press_kg = mass * rng.uniform(1.0, 1.6)
        tests += [
            StrengthTest(day, "leg_curl", extension_kg * rng.uniform(0.5, 0.85), 8),
            StrengthTest(day, "leg_extension", extension_kg, 8),
            StrengthTest(day, "leg_press", press_kg, 8, "left"),
            StrengthTest(day, "leg_press", press_kg * rng.uniform(0.8, 1.0), 8, "right"),
            StrengthTest(day, goal, mass * rng.uniform(1.0, 2.0), rng.randint(1, 5)),
        ]
    return tests


def make_symptoms(rng: random.Random, problem: str) -> list[SymptomReport]:
    if problem != "symptoms":
        return []
    return [
        SymptomReport(
            AS_OF - timedelta(days=rng.randint(0, 20)),
            rng.choice(("sudden", "gradual")),
            rng.randint(2, 9),
            numbness=rng.random() < 0.5,
            pain=True,
            pain_days=rng.randint(1, 14),
            pain_improves_with_rest=rng.choice((True, False, None)),
        )
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    wall = cpu = 0.0
    done = 0
    findings, flags = Counter(), Counter()
    while done < args.athletes:
        size = min(args.batch, args.athletes - done)
        batch = [make_athlete(rng, done + i + 1) for i in range(size)]
        gc.collect()
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        results = [run(snapshot) for snapshot in batch]
        wall += time.perf_counter() - wall_start
        cpu += time.process_time() - cpu_start
        done += len(batch)
        for result in results:
            findings.update(f.cause for f in result.findings[:1])
            flags.update(f.code for f in result.red_flags)
    rate = done / cpu
    print(
        f"analysed {done} athletes ({DAYS} days each): {rate:,.0f} athletes/s of CPU time on "
        f"one core, {done / wall:,.0f}/s wall clock (target {TARGET_PER_SECOND:,}/s)"
    )
    print("top finding per athlete:", dict(findings.most_common()))
    print("red flags:", dict(flags.most_common()))
    sys.exit(0 if rate >= TARGET_PER_SECOND else 1)


if __name__ == "__main__":
    main()
