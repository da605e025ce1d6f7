"""Eight weeks of believable data for one demo athlete, built from a healthy template.

Deterministic: the same story and day always give the same rows (a seeded random generator),
so `seed_demo` can replace an athlete's data and leave identical content behind.
"""

import datetime as dt
import random
import zlib
from dataclasses import dataclass, field

from assessments import models as am
from coaching import models as cm

from .cast import Story

DAYS = 56
LEG_DAYS = (0, 2, 4)  # Monday, Wednesday, Friday

# (exercise, sets, reps, share of squat e1RM, RPE) per leg day of a well-built programme.
HEALTHY_WEEK = {
    0: [("back-squat", 5, 5, 0.80, 8), ("romanian-deadlift", 3, 8, 0.60, 7),
        ("hamstring-curl", 3, 10, 0.30, 8), ("calf-raise", 3, 12, 0.50, 7)],
    2: [("bulgarian-split-squat", 3, 8, 0.35, 8), ("leg-press", 3, 10, 1.20, 8),
        ("hip-thrust", 3, 8, 0.90, 8), ("leg-extension", 3, 12, 0.35, 8)],
    4: [("back-squat", 4, 3, 0.88, 8.5), ("deadlift", 3, 3, 0.95, 8),
        ("walking-lunge", 3, 10, 0.30, 7), ("nordic-curl", 3, 5, 0.0, 8)],
}  # fmt: skip
ISOLATION_WEEK = [
    ("leg-extension", 4, 12, 0.40, 8), ("hamstring-curl", 4, 12, 0.30, 8),
    ("glute-bridge", 4, 12, 0.60, 8), ("calf-raise", 3, 15, 0.50, 7),
]  # fmt: skip
LIGHT_WEEK = [("back-squat", 3, 5, 0.75, 7), ("romanian-deadlift", 2, 8, 0.55, 7)]


@dataclass
class DemoRows:
    """Unsaved model instances for one athlete; sets are keyed by their session's index."""

    sleep: list = field(default_factory=list)
    nutrition: list = field(default_factory=list)
    stress: list = field(default_factory=list)
    wellness: list = field(default_factory=list)
    sessions: list = field(default_factory=list)
    sets: list = field(default_factory=list)  # (session index, TrainingSet)
    strength_tests: list = field(default_factory=list)
    movement_screens: list = field(default_factory=list)
    mobility_screens: list = field(default_factory=list)
    jump_tests: list = field(default_factory=list)
    activation_ratings: list = field(default_factory=list)
    symptoms: list = field(default_factory=list)


class DemoAthleteData:
    def __init__(self, story: Story, athlete: cm.Athlete, today: dt.date, exercises: dict):
        self.story, self.athlete, self.today, self.exercises = story, athlete, today, exercises
        self.twist = story.twist
        self.rng = random.Random(zlib.crc32(story.name.encode()))
        self.rows = DemoRows()
        self.squat_e1rm_kg = story.body_mass_kg * 1.4

    def build(self) -> DemoRows:
        for days_ago in range(DAYS - 1, -1, -1):
            day = self.today - dt.timedelta(days=days_ago)
            self._check_ins(day, days_ago)
            self._training(day, days_ago)
            self._assessments(day, days_ago)
        self._symptoms()
        return self.rows

    # --- helpers -------------------------------------------------------------------------
    def _jitter(self, value: float, spread: float) -> float:
        return value + self.rng.uniform(-spread, spread)

    def _strength_factor(self, days_ago: int) -> float:
        """Strength relative to eight weeks ago: +1%/week, or a slow drift down when stalled."""
        weeks = (DAYS - days_ago) / 7
        if self.twist.get("stalled"):
            return 1 - 0.004 * weeks
        return 1 + 0.01 * weeks

    def _body_mass(self) -> float:
        return self.story.body_mass_kg

    # --- daily check-ins -----------------------------------------------------------------
    def _check_ins(self, day: dt.date, days_ago: int) -> None:
        athlete, twist, mass = self.athlete, self.twist, self._body_mass()
        spike = twist.get("load_spike") and days_ago < 7
        self.rows.sleep.append(
            cm.SleepCheckIn(
                athlete=athlete,
                date=day,
                hours=round(self._jitter(twist.get("sleep_hours", 7.7), 0.4), 1),
                quality=twist.get("sleep_quality", self.rng.choice((4, 4, 5))),
            )
        )
        protein = twist.get("protein_g_per_kg", 1.9) * mass
        self.rows.nutrition.append(
            cm.NutritionCheckIn(
                athlete=athlete,
                date=day,
                calories_kcal=round(self._jitter(twist.get("kcal_per_kg", 40) * mass, 80)),
                protein_g=round(self._jitter(protein, 6), 1),
                carbohydrate_g=round(self._jitter(4.5 * mass, 20), 1),
                fat_g=round(self._jitter(1.1 * mass, 6), 1),
                water_l=round(
                    self._jitter(twist.get("water_ml_per_kg", 42) * mass / 1000, 0.15), 2
                ),
            )
        )
        self.rows.stress.append(
            cm.StressCheckIn(
                athlete=athlete,
                date=day,
                stress=max(1, min(10, twist.get("stress", 3) + self.rng.choice((-1, 0, 0, 1)))),
                mood=twist.get("mood", 4),
            )
        )
        self.rows.wellness.append(
            cm.WellnessCheckIn(
                athlete=athlete,
                date=day,
                fatigue=8 if spike else self.rng.choice((3, 3, 4)),
                soreness=8 if spike else self.rng.choice((2, 3, 3)),
                perceived_leg_weakness=self._perceived_weakness(days_ago, spike),
                motivation=3 if spike else 4,
                urine_colour=twist.get("urine_colour", self.rng.choice((2, 3))),
                body_mass_kg=round(self._jitter(mass, 0.3), 1),
            )
        )

    def _perceived_weakness(self, days_ago: int, spike: bool) -> int:
        if spike:
            return 7
        if "symptom" in self.twist and days_ago < 10:
            return 6
        return self.rng.choice((1, 2, 2))

    # --- training ------------------------------------------------------------------------
    def _training(self, day: dt.date, days_ago: int) -> None:
        plan = self._plan_for(day, days_ago)
        if not plan:
            return
        spike = self.twist.get("load_spike") and days_ago < 7
        index = len(self.rows.sessions)
        self.rows.sessions.append(
            cm.TrainingSession(
                athlete=self.athlete,
                date=day,
                duration_min=110 if spike else self.rng.choice((60, 65, 70, 75)),
                session_rpe=9 if spike else 7,
            )
        )
        e1rm = self.squat_e1rm_kg * self._strength_factor(days_ago)
        position = 0
        for slug, sets, reps, share, rpe in plan:
            load = round(e1rm * share / 2.5) * 2.5 if share else 0.0
            for _ in range(sets):
                position += 1
                self.rows.sets.append(
                    (
                        index,
                        cm.TrainingSet(
                            position=position,
                            exercise=self.exercises[slug],
                            reps=reps,
                            load_kg=load,
                            rpe=rpe,
                        ),
                    )
                )

    def _plan_for(self, day: dt.date, days_ago: int) -> list:
        weekday = day.weekday()
        if self.twist.get("load_spike") and days_ago < 7:
            return HEALTHY_WEEK[0] + HEALTHY_WEEK[4] if weekday != 6 else []
        if weekday not in LEG_DAYS:
            return []
        if self.twist.get("isolation_only"):
            return ISOLATION_WEEK
        if self.twist.get("one_session_a_week"):
            return LIGHT_WEEK if weekday == 2 else []
        return HEALTHY_WEEK[weekday]

    # --- assessments ---------------------------------------------------------------------
    def _assessments(self, day: dt.date, days_ago: int) -> None:
        athlete, factor = self.athlete, self._strength_factor(days_ago)
        if days_ago % 14 == 3:
            for slug in self.story.goal_lifts:
                share = 0.4 if slug == "leg-extension" else 1.0
                load = round(self.squat_e1rm_kg * share * factor / (1 + 3 / 30) / 2.5) * 2.5
                self.rows.strength_tests.append(
                    am.StrengthTest(
                        athlete=athlete,
                        date=day,
                        exercise=self.exercises[slug],
                        load_kg=load,
                        reps=3,
                    )
                )
        if days_ago % 28 == 4:
            quads = self.squat_e1rm_kg * 0.55 * factor
            hams = quads * self.twist.get("hamstring_ratio", 0.72)
            for slug, e1rm in (("leg-extension", quads), ("hamstring-curl", hams)):
                self.rows.strength_tests.append(
                    am.StrengthTest(
                        athlete=athlete,
                        date=day,
                        exercise=self.exercises[slug],
                        load_kg=round(e1rm / (1 + 5 / 30) / 2.5) * 2.5,
                        reps=5,
                    )
                )
        if days_ago % 14 == 5:
            self.rows.movement_screens.append(
                am.MovementScreen(
                    athlete=athlete,
                    date=day,
                    exercise=self.exercises[self.story.goal_lifts[0]],
                    flaws=list(self.twist.get("form_flaws", ())),
                )
            )
        if days_ago % 28 == 6:
            self.rows.mobility_screens.append(
                am.MobilityScreen(
                    athlete=athlete,
                    date=day,
                    ankle_dorsiflexion_left_cm=12.0,
                    ankle_dorsiflexion_right_cm=12.5,
                    single_leg_balance_left_s=32.0,
                    single_leg_balance_right_s=30.0,
                    y_balance_left_pct=99.0,
                    y_balance_right_pct=98.0,
                )
            )
        if days_ago % 7 == 1:
            self.rows.jump_tests.append(
                am.JumpTest(
                    athlete=athlete,
                    date=day,
                    countermovement_jump_cm=round(self._jitter(38 * factor, 0.6), 1),
                )
            )
            self.rows.activation_ratings.append(
                am.ActivationRating(
                    athlete=athlete,
                    date=day,
                    exercise=self.exercises[self.story.goal_lifts[0]],
                    mind_muscle_rating=4,
                )
            )

    def _symptoms(self) -> None:
        symptom = self.twist.get("symptom")
        if symptom:
            self.rows.symptoms.append(
                am.SymptomReport(
                    athlete=self.athlete, date=self.today - dt.timedelta(days=2), **symptom
                )
            )
