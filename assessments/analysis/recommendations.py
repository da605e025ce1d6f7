"""What to do about each cause: the article's strategies, each under a stable code.

The texts are Legstrong's own wording of the strategies in "Strategies to Improve Leg Strength"
and "Consider Professional Guidance". ``addresses`` lists the causes a strategy is for; rules
recommend only codes from this catalogue (a test checks both directions).
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .snapshot import Profile
from .thresholds import Thresholds


@functools.cache
def _template_fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@dataclass(frozen=True, slots=True)
class Strategy:
    """One strategy. ``text`` is the plain wording; ``template`` the same advice in the athlete's
    numbers (``str.format`` fields a rule passes in ``Found.advice``), used only when every
    field it names is given. ``monitor`` says what to watch; ``retest_after_days`` when to look
    again. ``direction`` marks advice about training load: ``less`` (lighten or ramp up
    gently) and ``more`` (add volume or load) must never appear in one run (engine.py)."""

    code: str
    text: str
    addresses: tuple[str, ...]
    monitor: str = "how the legs feel and perform in training"
    retest_after_days: int = 28
    template: str = ""
    direction: str = ""  # less | more | '' (not about load)

    @property
    def fields(self) -> frozenset[str]:
        """The numbers ``template`` needs."""
        return _template_fields(self.template)

    def render(self, advice: Mapping[str, object] | None) -> str:
        """The template filled with the athlete's numbers, or the plain text without them."""
        needed = self.fields
        if not needed or not advice or any(advice.get(name) is None for name in needed):
            return self.text
        try:
            return self.template.format_map({name: advice[name] for name in needed})
        except (ValueError, TypeError):  # a number where text was expected, or the reverse
            return self.text


def _catalogue(*strategies: Strategy) -> dict[str, Strategy]:
    return {strategy.code: strategy for strategy in strategies}


CATALOGUE: dict[str, Strategy] = _catalogue(
    Strategy(
        "return_ramp_up",
        "After a break, ramp back up over three to four weeks: start at about half the usual "
        "sets and a little below the usual loads, add roughly a fifth each week, and do not "
        "chase old maximums in the first week back.",
        ("return_ramp_up",),
        monitor="soreness in the first sessions back, and whether the usual working loads "
        "move as usual by the third week",
        retest_after_days=21,
        template="After {break_days} days without leg training, ramp back up over three to "
        "four weeks: start near {start_sets_per_week} leg sets a week (the usual is about "
        "{usual_sets_per_week}) with {lift} near {start_load_kg} kg (usual {working_load_kg} "
        "kg), add roughly a fifth each week, and do not chase old maximums in the first week.",
        direction="less",
    ),
    Strategy(
        "progressive_overload",
        "Raise the challenge step by step: add a little load, a rep or a set to the main leg "
        "lifts every week or two, and log it so the progress is visible.",
        ("insufficient_progressive_overload",),
        monitor="the best weekly e1RM of the goal lift, and the load, reps and sets of its top "
        "sets",
        retest_after_days=28,
        template="Raise the challenge step by step: {lift} is at about {working_load_kg} kg for "
        "the top sets; add {step_kg} kg, a rep or a set every week or two (not all three at "
        "once), and log it so the progress is visible.",
        direction="more",
    ),
    Strategy(
        "optimise_volume_frequency",
        "Train legs two or three times a week and build toward about ten hard sets a week for "
        "each major leg muscle, adding work gradually rather than all at once.",
        ("inadequate_volume_frequency",),
        monitor="leg sessions and hard sets per muscle each week, and fatigue and soreness "
        "as the volume rises",
        retest_after_days=28,
        template="Train legs at least {sessions_target} a week and build {muscles} toward "
        "{sets_target} hard sets a week each for a {goal} goal (now about {sets_now} a week), "
        "adding about {step_sets} sets a week rather than all at once.",
        direction="more",
    ),
    Strategy(
        "exercise_variety",
        "Build each leg day around a compound lift (squat, deadlift, lunge or leg press) and "
        "add accessory work such as leg curls, leg extensions, glute bridges and calf raises "
        "so that every leg muscle is trained.",
        ("poor_exercise_selection", "inadequate_volume_frequency"),
        monitor="the share of leg sets in compound lifts and hard sets for every major leg muscle",
        retest_after_days=28,
    ),
    Strategy(
        "train_goal_lift",
        "Practise the goal lift, or a close variant of it, in most leg sessions so the body "
        "adapts to that exact movement.",
        ("lack_of_specificity",),
        monitor="sessions a week that include the goal lift or a close variant, and its e1RM",
        retest_after_days=28,
    ),
    Strategy(
        "deload_recovery",
        "Plan a lighter week: cut sets and load by about a third to a half, keep technique "
        "work, and build back up once fatigue and soreness are back to normal.",
        ("overtraining",),
        monitor="fatigue and soreness against the athlete's usual, and jump height or the "
        "goal lift's e1RM after the lighter week",
        retest_after_days=7,
        template="Plan a lighter week: about {deload_sets_per_week} leg sets instead of the "
        "recent {recent_sets_per_week} a week, with {lift} near {deload_load_kg} kg instead of "
        "{working_load_kg} kg; keep technique work, and build back up once fatigue and "
        "soreness are back to normal.",
        direction="less",
    ),
    Strategy(
        "watch_load",
        "The training load rose quickly compared with the usual weeks. Keep it from rising "
        "further for a week and note how fatigue, soreness and the main lifts respond.",
        ("overtraining",),
        monitor="daily fatigue and soreness, session RPE, and the next jump test or top set",
        retest_after_days=7,
        direction="less",
    ),
    Strategy(
        "sleep_7_9_hours",
        "Protect seven to nine hours of sleep a night with a regular bedtime, a dark, cool "
        "room and screens put away before bed.",
        ("inadequate_sleep", "overtraining", "chronic_stress"),
        monitor="nightly sleep hours and quality in the daily check-in",
        retest_after_days=14,
        template="Protect at least {sleep_min_h} h of sleep a night ({recommended_h} h is the "
        "range for this age): about {sleep_to_add_min} minutes more than the {mean_sleep_h} h "
        "of the last two weeks, with a regular bedtime, a dark, cool room and screens put away "
        "before bed.",
    ),
    Strategy(
        "protein_1_6_2_2_g_per_kg",
        "Eat 1.6-2.2 g of protein per kilogram of body weight a day, spread over three to "
        "five meals.",
        ("nutritional_deficiency",),
        monitor="daily protein in grams per kilogram of body mass",
        retest_after_days=14,
        template="Eat about {protein_target_g_per_day} g of protein a day "
        "({protein_target_g_per_kg} g per kg of {body_mass_kg} kg body mass), about "
        "{protein_to_add_g_per_day} g more than now, spread over three to five meals; up to "
        "2.2 g/kg may help a little more.",
    ),
    Strategy(
        "nutrient_dense_diet",
        "Eat enough to cover training, with complex carbohydrates, healthy fats and plenty of "
        "fruit and vegetables, which supply magnesium, potassium and B vitamins.",
        ("nutritional_deficiency",),
        monitor="daily energy intake against need, and recurring micronutrient concerns",
        retest_after_days=14,
        template="Eat about {energy_to_add_kcal} kcal a day more, toward an estimated need of "
        "{energy_target_kcal} kcal, with complex carbohydrates, healthy fats and plenty of fruit "
        "and vegetables, which supply magnesium, potassium and B vitamins.",
    ),
    Strategy(
        "hydration",
        "Drink water steadily through the day and around training, aim for pale urine, and "
        "replace what is lost in sweat.",
        ("dehydration",),
        monitor="first-morning urine colour and body mass",
        retest_after_days=7,
        template="Drink at least {water_target_l_per_day} L of water a day, about "
        "{water_to_add_l_per_day} L more than now, steadily through the day and around "
        "training; aim for pale first-morning urine and replace what is lost in sweat.",
    ),
    Strategy(
        "stress_management",
        "Make regular room for something that lowers stress, such as meditation, yoga, a walk "
        "or a hobby, and go lighter on high-stress days.",
        ("chronic_stress", "inadequate_sleep"),
        monitor="daily stress and mood ratings",
        retest_after_days=14,
    ),
    Strategy(
        "video_analysis",
        "Film the main lifts from the side and the front and review them with the coach to "
        "spot form faults.",
        ("suboptimal_form", "compensation_pattern"),
        monitor="form flaws on the next movement screen",
        retest_after_days=21,
    ),
    Strategy(
        "start_lighter",
        "Drop to a weight that can be moved with clean form, then earn the heavier loads back.",
        ("suboptimal_form", "compensation_pattern", "poor_stability"),
        monitor="form flaws and compensations on the next movement screen",
        retest_after_days=21,
    ),
    Strategy(
        "verbal_cues",
        "Use short cues during the lift, such as 'knees out', 'chest up' or 'push through the "
        "whole foot', to keep the right muscles doing the work.",
        ("suboptimal_form", "compensation_pattern", "weak_mind_muscle_connection"),
        monitor="form and mind-muscle ratings on the cued lifts",
        retest_after_days=21,
    ),
    Strategy(
        "targeted_strengthening",
        "Add direct work for the weak link: glute-ham raises or leg curls for the hamstrings, "
        "hip thrusts for the glutes, single-leg work for the weaker side, planks and carries "
        "for the trunk.",
        ("muscle_imbalance", "compensation_pattern", "poor_stability"),
        monitor="the H:Q ratio and left/right strength tests",
        retest_after_days=42,
    ),
    Strategy(
        "flexibility_mobility",
        "Work on hip and ankle range of motion a few times a week so good positions under the "
        "bar become reachable.",
        ("muscle_imbalance", "suboptimal_form", "poor_stability"),
        monitor="ankle knee-to-wall distance and balance on the next mobility screen",
        retest_after_days=28,
    ),
    Strategy(
        "mind_muscle_focus",
        "Slow the lift down and concentrate on feeling the target muscle contract through the "
        "whole range, starting with lighter sets.",
        ("weak_mind_muscle_connection", "poor_motor_unit_recruitment"),
        monitor="mind-muscle ratings on the main leg lifts",
        retest_after_days=21,
    ),
    Strategy(
        "plyometrics",
        "Add a few low-volume sets of explosive work, such as box jumps or broad jumps, early "
        "in the session while fresh.",
        ("poor_motor_unit_recruitment",),
        monitor="countermovement jump height against strength",
        retest_after_days=42,
        direction="more",  # explosive work adds load: never beside a deload or a ramp-up
    ),
    Strategy(
        "plyometrics_build_base_first",
        "Build a base of strength and safe landing first; bring in simple jumps once the coach "
        "judges the athlete ready for them.",
        ("poor_motor_unit_recruitment",),
        monitor="landing quality and strength before jumps are added",
        retest_after_days=42,
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
        monitor="the program and the goal lift's progress after the review",
        retest_after_days=42,
    ),
    Strategy(
        "physical_therapist",
        "See a physical therapist to assess movement problems, imbalances or a possible injury.",
        ("muscle_imbalance", "compensation_pattern", "poor_stability"),
        monitor="what the physical therapist finds, and the next strength tests",
        retest_after_days=28,
    ),
    Strategy(
        "see_doctor",
        "Book a check-up with a doctor to look for a medical reason behind the weakness; "
        "training data cannot replace their examination and tests.",
        ("possible_medical_condition",),
        monitor="the doctor's findings; keep logging weakness and fatigue daily",
        retest_after_days=14,
    ),
)


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A recommendation as the result carries it: the words (in the athlete's numbers where the
    rule gave them), what to monitor, and after how many days to look again."""

    code: str
    text: str
    monitor: str = ""
    retest_after_days: int = 0

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "text": self.text,
            "monitor": self.monitor,
            "retest_after_days": self.retest_after_days,
        }


# Each strategy in its plain words (no numbers to render): built once, shared (immutable).
PLAIN: dict[str, Recommendation] = {
    code: Recommendation(code, strategy.text, strategy.monitor, strategy.retest_after_days)
    for code, strategy in CATALOGUE.items()
}


def direction(code: str) -> str:
    """``less``, ``more`` or '' for a strategy code (see ``Strategy.direction``)."""
    return CATALOGUE[code].direction


def for_athlete(
    codes: Iterable[str],
    profile: Profile,
    t: Thresholds,
    advice: Mapping[str, object] | None = None,
) -> tuple:
    """The recommendations to show this athlete, in order, without repeats, each rendered with
    the rule's ``advice`` numbers where its strategy has a template for them.

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
            strategy = CATALOGUE[code]
            if advice and strategy.template:
                text = strategy.render(advice)
                out.append(Recommendation(code, text, strategy.monitor, strategy.retest_after_days))
            else:
                out.append(PLAIN[code])
    return tuple(out)


def _ready_for_jumps(profile: Profile, t: Thresholds) -> bool:
    years = profile.training_age_years
    return years is not None and years >= t.plyometrics_min_training_age_years
