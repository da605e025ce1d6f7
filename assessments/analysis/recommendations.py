"""What to do about each cause: the article's strategies, each under a stable code.

The texts are Legstrong's own wording of the strategies in "Strategies to Improve Leg Strength"
and "Consider Professional Guidance". ``addresses`` lists the causes a strategy is for; rules
recommend only codes from this catalogue (a test checks both directions).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .snapshot import Profile
from .thresholds import Thresholds


@dataclass(frozen=True, slots=True)
class Strategy:
    code: str
    text: str
    addresses: tuple[str, ...]


def _catalogue(*strategies: Strategy) -> dict[str, Strategy]:
    return {strategy.code: strategy for strategy in strategies}


CATALOGUE: dict[str, Strategy] = _catalogue(
    Strategy(
        "progressive_overload",
        "Raise the challenge step by step: add a little load, a rep or a set to the main leg "
        "lifts every week or two, and log it so the progress is visible.",
        ("insufficient_progressive_overload",),
    ),
    Strategy(
        "optimise_volume_frequency",
        "Train legs two or three times a week and build toward about ten hard sets a week for "
        "each major leg muscle, adding work gradually rather than all at once.",
        ("inadequate_volume_frequency", "overtraining"),
    ),
    Strategy(
        "exercise_variety",
        "Build each leg day around a compound lift (squat, deadlift, lunge or leg press) and "
        "add accessory work such as leg curls, leg extensions, glute bridges and calf raises "
        "so that every leg muscle is trained.",
        ("poor_exercise_selection", "inadequate_volume_frequency"),
    ),
    Strategy(
        "train_goal_lift",
        "Practise the goal lift, or a close variant of it, in most leg sessions so the body "
        "adapts to that exact movement.",
        ("lack_of_specificity",),
    ),
    Strategy(
        "deload_recovery",
        "Plan a lighter week: cut sets and load by about a third to a half, keep technique "
        "work, and build back up once fatigue and soreness are back to normal.",
        ("overtraining",),
    ),
    Strategy(
        "sleep_7_9_hours",
        "Protect seven to nine hours of sleep a night with a regular bedtime, a dark, cool "
        "room and screens put away before bed.",
        ("inadequate_sleep", "overtraining", "chronic_stress"),
    ),
    Strategy(
        "protein_1_6_2_2_g_per_kg",
        "Eat 1.6-2.2 g of protein per kilogram of body weight a day, spread over three to "
        "five meals.",
        ("nutritional_deficiency",),
    ),
    Strategy(
        "nutrient_dense_diet",
        "Eat enough to cover training, with complex carbohydrates, healthy fats and plenty of "
        "fruit and vegetables, which supply magnesium, potassium and B vitamins.",
        ("nutritional_deficiency",),
    ),
    Strategy(
        "hydration",
        "Drink water steadily through the day and around training, aim for pale urine, and "
        "replace what is lost in sweat.",
        ("dehydration",),
    ),
    Strategy(
        "stress_management",
        "Make regular room for something that lowers stress, such as meditation, yoga, a walk "
        "or a hobby, and go lighter on high-stress days.",
        ("chronic_stress", "inadequate_sleep"),
    ),
    Strategy(
        "video_analysis",
        "Film the main lifts from the side and the front and review them with the coach to "
        "spot form faults.",
        ("suboptimal_form", "compensation_pattern"),
    ),
    Strategy(
        "start_lighter",
        "Drop to a weight that can be moved with clean form, then earn the heavier loads back.",
        ("suboptimal_form", "compensation_pattern", "poor_stability"),
    ),
    Strategy(
        "verbal_cues",
        "Use short cues during the lift, such as 'knees out', 'chest up' or 'push through the "
        "whole foot', to keep the right muscles doing the work.",
        ("suboptimal_form", "compensation_pattern", "weak_mind_muscle_connection"),
    ),
    Strategy(
        "targeted_strengthening",
        "Add direct work for the weak link: glute-ham raises or leg curls for the hamstrings, "
        "hip thrusts for the glutes, single-leg work for the weaker side, planks and carries "
        "for the trunk.",
        ("muscle_imbalance", "compensation_pattern", "poor_stability"),
    ),
    Strategy(
        "flexibility_mobility",
        "Work on hip and ankle range of motion a few times a week so good positions under the "
        "bar become reachable.",
        ("muscle_imbalance", "suboptimal_form", "poor_stability"),
    ),
    Strategy(
        "mind_muscle_focus",
        "Slow the lift down and concentrate on feeling the target muscle contract through the "
        "whole range, starting with lighter sets.",
        ("weak_mind_muscle_connection", "poor_motor_unit_recruitment"),
    ),
    Strategy(
        "plyometrics",
        "Add a few low-volume sets of explosive work, such as box jumps or broad jumps, early "
        "in the session while fresh.",
        ("poor_motor_unit_recruitment",),
    ),
    Strategy(
        "plyometrics_build_base_first",
        "Build a base of strength and safe landing first; bring in simple jumps once the coach "
        "judges the athlete ready for them.",
        ("poor_motor_unit_recruitment",),
    ),
    Strategy(
        "coach_guidance",
        "Ask a qualified strength and conditioning coach or personal trainer to review the "
        "program and the lifts and pin down what holds the legs back.",
        (
            "insufficient_progressive_overload",
            "inadequate_volume_frequency",
            "poor_exercise_selection",
            "lack_of_specificity",
            "suboptimal_form",
            "poor_motor_unit_recruitment",
        ),
    ),
    Strategy(
        "physical_therapist",
        "See a physical therapist to assess movement problems, imbalances or a possible injury.",
        ("muscle_imbalance", "compensation_pattern", "poor_stability"),
    ),
    Strategy(
        "see_doctor",
        "Book a check-up with a doctor to look for a medical reason behind the weakness; "
        "training data cannot replace their examination and tests.",
        ("possible_medical_condition",),
    ),
)


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A recommendation as the result carries it."""

    code: str
    text: str


def for_athlete(codes: Iterable[str], profile: Profile, t: Thresholds) -> tuple:
    """The recommendations to show this athlete, in order, without repeats.

    Plain plyometrics advice needs some training age (article: 'if appropriate for your
    training level'); below it, or when unknown, the build-a-base version is given instead.
    """
    out: list[Recommendation] = []
    seen = set()
    for code in codes:
        if code == "plyometrics" and not _ready_for_jumps(profile, t):
            code = "plyometrics_build_base_first"
        if code not in seen:
            seen.add(code)
            out.append(_RECOMMENDATIONS[code])
    return tuple(out)


def _ready_for_jumps(profile: Profile, t: Thresholds) -> bool:
    years = profile.training_age_years
    return years is not None and years >= t.plyometrics_min_training_age_years


_RECOMMENDATIONS = {code: Recommendation(code, s.text) for code, s in CATALOGUE.items()}
