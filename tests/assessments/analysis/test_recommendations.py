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
    "return_ramp_up",  # issue 13: a return from a break is a ramp-up (watch only), not overtraining
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


# --- advice in the athlete's numbers ------------------------------------------------------------


DELOAD_NUMBERS = {
    "deload_sets_per_week": 22,
    "recent_sets_per_week": 44,
    "lift": "back_squat",
    "deload_load_kg": 110.0,
    "working_load_kg": 130.0,
}


def test_a_template_is_rendered_with_the_rules_numbers():
    (out,) = for_athlete(["deload_recovery"], b.PROFILE, Thresholds(), DELOAD_NUMBERS)
    assert "about 22 leg sets instead of the recent 44" in out.text
    assert "near 110.0 kg instead of 130.0 kg" in out.text


def test_a_template_missing_one_number_falls_back_to_the_plain_words():
    partial = {**DELOAD_NUMBERS, "deload_load_kg": None}
    (out,) = for_athlete(["deload_recovery"], b.PROFILE, Thresholds(), partial)
    assert out.text == CATALOGUE["deload_recovery"].text


def test_without_numbers_the_plain_words_are_given():
    (out,) = for_athlete(["deload_recovery"], b.PROFILE, Thresholds())
    assert out.text == CATALOGUE["deload_recovery"].text


def test_hostile_text_in_the_numbers_is_inserted_as_text_not_interpreted():
    hostile = {**DELOAD_NUMBERS, "lift": "squat\n{working_load_kg}\udcff" + "x" * 5000}
    (out,) = for_athlete(["deload_recovery"], b.PROFILE, Thresholds(), hostile)
    assert "{working_load_kg}" in out.text  # str.format does not re-expand inserted text


def test_every_recommendation_says_what_to_monitor_and_when_to_retest():
    for code, strategy in CATALOGUE.items():
        (out,) = for_athlete([code], b.profile(training_age_years=5), Thresholds())
        assert len(out.monitor) > 10, code
        assert 1 <= out.retest_after_days <= 90, code
        assert strategy.direction in ("less", "more", ""), code


def test_every_template_says_the_same_thing_as_its_plain_words_in_numbers():
    for code, strategy in CATALOGUE.items():
        if strategy.template:
            assert strategy.fields, code
            assert strategy.template.split()[0] == strategy.text.split()[0], code


def test_to_dict_carries_monitor_and_retest_additively():
    (out,) = for_athlete(["hydration"], b.PROFILE, Thresholds())
    assert out.to_dict() == {
        "code": "hydration",
        "text": CATALOGUE["hydration"].text,
        "monitor": CATALOGUE["hydration"].monitor,
        "retest_after_days": CATALOGUE["hydration"].retest_after_days,
    }
