"""Lifestyle advice in the athlete's own numbers, with what to monitor and when to re-test."""

from datetime import date

import pytest

from assessments.analysis import run
from tests.assessments.analysis import builders as b


def recommendation(result, cause, code):
    finding = next(f for f in result.findings if f.cause == cause)
    return next(r for r in finding.recommendations if r.code == code)


def test_sleep_advice_says_how_many_minutes_to_add():
    rec = recommendation(run(b.healthy(sleep=b.sleep(6.0, vary=False))), "inadequate_sleep",
                         "sleep_7_9_hours")  # fmt: skip
    assert rec.text.startswith(
        "Protect at least 7 h of sleep a night (7-9 h is the range for this age): about 60 "
        "minutes more than the 6 h of the last two weeks"
    )
    assert rec.monitor and rec.retest_after_days == 14


def test_sleep_advice_for_an_older_athlete_gives_the_7_to_8_hour_range():
    s = b.healthy(profile=b.profile(date_of_birth=date(1950, 1, 1)), sleep=b.sleep(6.0))
    rec = recommendation(run(s), "inadequate_sleep", "sleep_7_9_hours")
    assert "(7-8 h is the range for this age)" in rec.text


def test_poor_quality_sleep_without_a_shortfall_keeps_the_plain_words():
    nights = [b.SleepEntry(n.date, n.hours, 1) for n in b.sleep(count=14)]
    rec = recommendation(run(b.healthy(sleep=nights)), "inadequate_sleep", "sleep_7_9_hours")
    assert rec.text.startswith("Protect seven to nine hours")  # no numbers to add


@pytest.mark.parametrize(("mass_kg", "target_g", "to_add_g"), [(80.0, 130, 60), (62.5, 100, 30)])
def test_protein_advice_is_in_grams_a_day_for_this_body_mass(mass_kg, target_g, to_add_g):
    s = b.healthy(
        profile=b.profile(body_mass_kg=mass_kg),
        wellness=b.wellness(mass=mass_kg, vary=False),
        nutrition=b.nutrition(protein_g=70.0),
    )
    rec = recommendation(run(s), "nutritional_deficiency", "protein_1_6_2_2_g_per_kg")
    assert rec.text.startswith(
        f"Eat about {target_g} g of protein a day (1.6 g per kg of {mass_kg:g} kg body mass), "
        f"about {to_add_g} g more than now"
    )
    assert rec.retest_after_days == 14


def test_protein_advice_follows_an_organizations_target():
    s = b.healthy(nutrition=b.nutrition(protein_g=70.0), overrides={"protein_min_g_per_kg": 2.0})
    rec = recommendation(run(s), "nutritional_deficiency", "protein_1_6_2_2_g_per_kg")
    assert "(2 g per kg of 80 kg body mass)" in rec.text


def test_energy_advice_gives_the_kilocalories_to_add():
    s = b.healthy(nutrition=b.nutrition(calories_kcal=1500), wellness=b.wellness(vary=False))
    rec = recommendation(run(s), "nutritional_deficiency", "nutrient_dense_diet")
    assert rec.text.startswith("Eat about 1300 kcal a day more, toward an estimated need of 2800")


def test_hydration_advice_gives_litres_of_water():
    s = b.healthy(nutrition=b.nutrition(water_l=1.2), wellness=b.wellness(urine=6, vary=False))
    rec = recommendation(run(s), "dehydration", "hydration")
    assert rec.text.startswith("Drink at least 2.5 L of water a day, about 1.25 L more than now")
    assert rec.monitor == "first-morning urine colour and body mass"
    assert rec.retest_after_days == 7


def test_hydration_advice_without_an_intake_shortfall_keeps_the_plain_words():
    rec = recommendation(run(b.healthy(wellness=b.wellness(urine=6))), "dehydration", "hydration")
    assert rec.text.startswith("Drink water steadily through the day")


def test_every_lifestyle_recommendation_says_what_to_monitor_and_when_to_retest():
    s = b.healthy(
        sleep=b.sleep(5.0),
        nutrition=b.nutrition(protein_g=70.0, calories_kcal=1500, water_l=1.0),
        wellness=b.wellness(urine=6),
        stress=b.stress(8),
    )
    findings = [f for f in run(s).findings if f.category == "lifestyle"]
    assert {f.cause for f in findings} == {
        "inadequate_sleep",
        "nutritional_deficiency",
        "dehydration",
        "chronic_stress",
    }
    for finding in findings:
        for rec in finding.recommendations:
            assert rec.monitor and rec.retest_after_days > 0, rec.code
