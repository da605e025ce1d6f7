"""Recommendations: every strategy of the article, mapped to the causes it addresses."""

import pytest

from assessments.analysis.recommendations import CATALOGUE, for_athlete
from assessments.analysis.rules import CAUSES
from assessments.analysis.thresholds import Thresholds
from tests.assessments.analysis import builders as b

ARTICLE_STRATEGIES = (
    "progressive_overload",
    "optimise_volume_frequency",
    "exercise_variety",
    "sleep_7_9_hours",
    "nutrient_dense_diet",
    "protein_1_6_2_2_g_per_kg",
    "hydration",
    "stress_management",
    "video_analysis",
    "start_lighter",
    "verbal_cues",
    "targeted_strengthening",
    "flexibility_mobility",
    "mind_muscle_focus",
    "plyometrics",
    "coach_guidance",
    "physical_therapist",
    "see_doctor",
    "deload_recovery",
)
DESIGN_CAUSES = {
    "insufficient_progressive_overload",
    "overtraining",
    "inadequate_volume_frequency",
    "poor_exercise_selection",
    "lack_of_specificity",
    "muscle_imbalance",
    "suboptimal_form",
    "compensation_pattern",
    "poor_stability",
    "inadequate_sleep",
    "nutritional_deficiency",
    "dehydration",
    "chronic_stress",
    "possible_medical_condition",
    "poor_motor_unit_recruitment",
    "weak_mind_muscle_connection",
}


def test_the_registry_has_exactly_the_design_causes():
    assert set(CAUSES) == DESIGN_CAUSES


def test_every_article_strategy_is_in_the_catalogue():
    assert set(ARTICLE_STRATEGIES) <= set(CATALOGUE)


def test_every_code_a_rule_recommends_exists_and_addresses_that_cause():
    for rule in CAUSES.values():
        assert rule.recommends, rule.code
        for code in rule.recommends:
            assert code in CATALOGUE, code
            assert rule.code in CATALOGUE[code].addresses, (rule.code, code)


def test_every_cause_has_a_strategy_and_every_strategy_a_cause():
    addressed = {cause for s in CATALOGUE.values() for cause in s.addresses}
    assert addressed == DESIGN_CAUSES


def test_texts_are_present_and_distinct():
    texts = [s.text for s in CATALOGUE.values()]
    assert all(len(text) > 30 for text in texts)
    assert len(set(texts)) == len(texts)


def test_for_athlete_keeps_order_and_drops_repeats():
    out = for_athlete(["hydration", "sleep_7_9_hours", "hydration"], b.PROFILE, Thresholds())
    assert [r.code for r in out] == ["hydration", "sleep_7_9_hours"]
    assert out[0].text == CATALOGUE["hydration"].text


@pytest.mark.parametrize(
    ("years", "code"),
    [
        (None, "plyometrics_build_base_first"),
        (0.5, "plyometrics_build_base_first"),
        (1.0, "plyometrics"),
        (5, "plyometrics"),
    ],
)
def test_plyometrics_wait_for_some_training_age(years, code):
    profile = b.profile(training_age_years=years)
    assert [r.code for r in for_athlete(["plyometrics"], profile, Thresholds())] == [code]
