"""Medical and neuromuscular causes."""

from dataclasses import replace

import pytest

from assessments.analysis import run
from assessments.analysis.rules import Found, Gap
from tests.assessments.analysis import builders as b


def weak_for(days_marked: int, level: int = 7):
    """Wellness history whose last ``days_marked`` days carry that perceived weakness."""
    history = b.wellness()
    marked = b.wellness(weakness=level, count=days_marked)
    return history[: len(history) - days_marked] + marked


@pytest.mark.parametrize(
    "code",
    ["possible_medical_condition", "poor_motor_unit_recruitment", "weak_mind_muscle_connection"],
)
def test_silent_on_the_healthy_athlete(code):
    assert b.check(code, b.healthy()) is None


# --- possible medical condition ---------------------------------------------------------------


def test_medical_fires_on_lasting_weakness_nothing_else_explains():
    outcome = b.check("possible_medical_condition", b.healthy(wellness=weak_for(14)))
    assert outcome.evidence["days_with_marked_weakness"] == 14
    assert outcome.evidence["mean_perceived_weakness"] == 7
    assert outcome.evidence["threshold_weakness"] == 6


@pytest.mark.parametrize(("days_marked", "fires"), [(9, False), (10, True), (11, True)])
def test_medical_turns_at_ten_marked_days_of_fourteen(days_marked, fires):
    s = b.healthy(wellness=weak_for(days_marked))
    assert isinstance(b.check("possible_medical_condition", s), Found) is fires


@pytest.mark.parametrize(("level", "fires"), [(5, False), (6, True), (7, True)])
def test_medical_turns_at_a_weakness_of_six(level, fires):
    s = b.healthy(wellness=weak_for(14, level))
    assert isinstance(b.check("possible_medical_condition", s), Found) is fires


def test_medical_stays_silent_when_a_lifestyle_cause_explains_the_weakness():
    s = b.healthy(wellness=weak_for(14), sleep=b.sleep(5.0))
    assert b.check("possible_medical_condition", s) is None


@pytest.mark.parametrize(
    "watch_only",
    [
        {"sleep": b.sleep(6.9, vary=False)},  # inside the quarter-hour band
        {"nutrition": b.nutrition(protein_g=126.0)},  # 1.575 g/kg: below target only
        {"nutrition": b.nutrition(water_l=1.2)},  # low intake, no body sign
    ],
)
def test_medical_fires_when_only_watch_items_are_found(watch_only):
    s = b.healthy(wellness=weak_for(14), **watch_only)
    assert isinstance(b.check("possible_medical_condition", s), Found)
    assert b.check("unexplained_weakness", s).severity == "soon"


def test_a_watch_item_is_listed_beside_the_medical_finding():
    result = run(b.healthy(wellness=weak_for(14), sleep=b.sleep(6.9, vary=False)))
    levels = {f.cause: f.level for f in result.findings}
    assert levels == {"possible_medical_condition": "cause", "inadequate_sleep": "watch"}
    assert result.findings[0].cause == "possible_medical_condition"


def test_medical_fires_on_a_reported_suspected_condition():
    s = b.healthy(symptoms=[b.symptom(suspected_condition="  thyroid  ")])
    outcome = b.check("possible_medical_condition", s)
    assert outcome.evidence["suspected_conditions"] == ["thyroid"]


def test_medical_gap_without_wellness_check_ins():
    assert b.check("possible_medical_condition", b.empty()) == Gap(
        "no wellness check-ins in the last 14 days"
    )


def test_medical_gap_when_lifestyle_causes_cannot_be_ruled_out():
    s = b.healthy(wellness=weak_for(14), sleep=(), nutrition=())
    outcome = b.check("possible_medical_condition", s)
    assert outcome == Gap(
        "lasting leg weakness, but no sleep, nutrition data in the last 14 days "
        "to rule out training and lifestyle causes"
    )


# --- poor motor unit recruitment --------------------------------------------------------------


def strength_rising(kg_per_week: float):
    """The healthy plan with the squat rising ``kg_per_week`` a week from 120 kg."""

    def plan(week):
        return tuple(
            replace(x, load_kg=120 + kg_per_week * week) if x.exercise == "back_squat" else x
            for x in b.healthy_plan(week)
        )

    return b.sessions(plan)


def flat_jumps(count: int = 5, cm: float = 45.0):
    return [b.JumpTest(b.day(2 + 12 * i), cm) for i in reversed(range(count))]


def test_recruitment_fires_when_the_jump_stays_flat_while_strength_rises():
    s = b.healthy(sessions=strength_rising(3.0), jump_tests=flat_jumps())
    outcome = b.check("poor_motor_unit_recruitment", s)
    assert isinstance(outcome, Found) and outcome.level == "cause"
    assert outcome.evidence["jump_trend_pct_per_week"] == 0.0
    assert outcome.evidence["jump_strength_gap_pct"] >= 10.0


def test_a_noisy_flat_jump_is_only_a_watch_item():
    noisy = [b.JumpTest(b.day(2 + 12 * i), 45.0 + (3, -3, 2, -2, 0)[i]) for i in reversed(range(5))]
    s = b.healthy(sessions=strength_rising(5.0), jump_tests=noisy)
    outcome = b.check("poor_motor_unit_recruitment", s)
    assert outcome is None or outcome.level == "watch"


def test_recruitment_on_three_tests_is_a_watch_item():
    s = b.healthy(sessions=strength_rising(5.0), jump_tests=flat_jumps(3))
    assert b.check("poor_motor_unit_recruitment", s).level == "watch"


def test_recruitment_is_silent_when_the_jump_rises_with_strength():
    rising = [b.JumpTest(b.day(2 + 14 * i), 45.0 - 1.5 * i) for i in reversed(range(4))]
    s = b.healthy(sessions=strength_rising(3.0), jump_tests=rising)
    assert b.check("poor_motor_unit_recruitment", s) is None


def test_a_jump_drop_is_not_poor_recruitment():
    s = b.healthy(sessions=strength_rising(3.0), jump_tests=b.jumps(36.0))
    assert b.check("poor_motor_unit_recruitment", s) is None


def test_recruitment_gaps():
    assert b.check("poor_motor_unit_recruitment", b.empty()) == Gap(
        "no countermovement jump test in the last 56 days"
    )
    two = b.healthy(jump_tests=[b.JumpTest(b.day(30), 45.0), b.JumpTest(b.day(2), 45.0)])
    assert b.check("poor_motor_unit_recruitment", two) == Gap(
        "fewer than 3 jump tests over at least three weeks in the last 56 days"
    )


def test_plyometrics_advice_depends_on_training_age():
    changes = {"sessions": strength_rising(3.0), "jump_tests": flat_jumps()}
    seasoned = run(b.healthy(**changes))
    novice = run(b.healthy(**changes, profile=b.profile(training_age_years=0.5)))
    assert seasoned.findings[0].cause == novice.findings[0].cause == "poor_motor_unit_recruitment"
    assert "plyometrics" in [x.code for x in seasoned.findings[0].recommendations]
    assert "plyometrics_build_base_first" in [x.code for x in novice.findings[0].recommendations]


# --- weak mind-muscle connection --------------------------------------------------------------


def test_mind_muscle_fires_on_low_ratings():
    outcome = b.check("weak_mind_muscle_connection", b.healthy(activation_ratings=b.ratings(1)))
    assert outcome.evidence["mean_mind_muscle_rating"] == 1
    assert outcome.score == 1.0


@pytest.mark.parametrize(
    ("ratings", "fires"), [((1, 2, 2, 2), True), ((2, 2, 2, 2), True), ((2, 2, 2, 3), False)]
)
def test_mind_muscle_turns_at_a_mean_of_two(ratings, fires):
    s = b.healthy(
        activation_ratings=[
            b.ActivationRating(b.day(i + 1), None, r) for i, r in enumerate(ratings)
        ]
    )
    assert isinstance(b.check("weak_mind_muscle_connection", s), Found) is fires


def test_mind_muscle_needs_two_ratings():
    s = b.healthy(activation_ratings=b.ratings(1, count=1))
    assert b.check("weak_mind_muscle_connection", s) == Gap(
        "only 1 mind-muscle ratings in the last 28 days (2 needed)"
    )


def test_low_mind_muscle_ratings_are_a_cause_only_when_they_recur():
    assert (
        b.check("weak_mind_muscle_connection", b.healthy(activation_ratings=b.ratings(1, 2))).level
        == "watch"
    )
    assert (
        b.check("weak_mind_muscle_connection", b.healthy(activation_ratings=b.ratings(1, 3))).level
        == "cause"
    )
