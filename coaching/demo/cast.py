"""Who is in the demo club, and the one story each athlete's data tells."""

from dataclasses import dataclass, field

DEMO_ORGANIZATION = "Legstrong Demo Club"
DEMO_TIMEZONE = "Europe/London"
DEMO_PASSWORD = "legstrong-demo"
HEAD_COACH = ("headcoach", "Harriet", "Hale")
COACH = ("coach", "Colin", "Cole")
DEMO_ATHLETE_LOGIN = ("hana", "Hana Holt")  # the healthy control signs in to the app


@dataclass(frozen=True)
class Story:
    """A demo athlete: their profile and how their data departs from a healthy athlete's."""

    name: str
    cause: str  # the cause or red-flag code the engine should put on top; "" for none
    sex: str = "female"
    body_mass_kg: float = 70.0
    height_cm: float = 170.0
    birth_year: int = 1997
    training_age_years: float = 4.0
    goal: str = "strength"
    goal_lifts: tuple[str, ...] = ("back-squat",)
    coach: str = "coach"  # username of the assigned coach
    twist: dict = field(default_factory=dict)


CAST: tuple[Story, ...] = (
    Story("Hana Holt", "", twist={}),
    Story("Sam Sleepless", "inadequate_sleep", sex="male", body_mass_kg=82,
          twist={"sleep_hours": 5.0, "sleep_quality": 2}),
    Story("Petra Protein", "nutritional_deficiency", body_mass_kg=64,
          twist={"protein_g_per_kg": 0.9, "kcal_per_kg": 30}),
    Story("Leo Spike", "overtraining", sex="male", body_mass_kg=88,
          twist={"load_spike": True}),
    Story("Ella Extension", "poor_exercise_selection", goal="hypertrophy",
          twist={"isolation_only": True}),
    Story("Nina Numb", "sensory_symptoms",
          twist={"symptom": {"onset": "gradual", "severity": 5, "numbness": True,
                             "tingling": True}}),
    Story("Paul Plateau", "insufficient_progressive_overload", sex="male", body_mass_kg=90,
          training_age_years=8, twist={"stalled": True}),
    Story("Vera Volume", "inadequate_volume_frequency", coach="headcoach",
          twist={"one_session_a_week": True}),
    Story("Dan Dry", "dehydration", sex="male", body_mass_kg=85,
          twist={"water_ml_per_kg": 14, "urine_colour": 6}),
    Story("Stella Stress", "chronic_stress", coach="headcoach",
          twist={"stress": 8, "mood": 2}),
    Story("Felix Form", "suboptimal_form", sex="male", body_mass_kg=78,
          twist={"form_flaws": ("knee_valgus", "heel_lift", "forward_lean")}),
    Story("Hugo Hamstring", "muscle_imbalance", sex="male", body_mass_kg=84,
          twist={"hamstring_ratio": 0.42}),
    Story("Sudden Sara", "sudden_weakness", coach="headcoach",
          twist={"symptom": {"onset": "sudden", "severity": 7}}),
)  # fmt: skip
