"""Lifestyle causes: sleep, nutrition, hydration and stress from daily check-ins."""

import pytest

from assessments.analysis.rules import Found, Gap
from tests.assessments.analysis import builders as b

LIFESTYLE = ("inadequate_sleep", "nutritional_deficiency", "dehydration", "chronic_stress")


@pytest.mark.parametrize("code", LIFESTYLE)
def test_silent_on_the_healthy_athlete(code):
    assert b.check(code, b.healthy()) is None


@pytest.mark.parametrize("code", LIFESTYLE)
def test_reports_a_gap_without_check_ins(code):
    outcome = b.check(code, b.empty())
    assert isinstance(outcome, Gap)
    assert outcome.message.endswith("in the last 14 days")


# --- sleep ------------------------------------------------------------------------------------


def test_sleep_fires_on_five_hours_a_night():
    outcome = b.check("inadequate_sleep", b.healthy(sleep=b.sleep(5.0, vary=False)))
    assert outcome.evidence == {
        "mean_sleep_h": 5.0,
        "threshold_h": 7.0,
        "poor_quality_nights_pct": 0.0,
        "threshold_poor_quality_nights_pct": 50.0,
        "days": 14,
        "window_days": 14,
    }
    assert outcome.score == 1.0


@pytest.mark.parametrize(("hours", "fires"), [(6.9, True), (7.0, False), (7.1, False)])
def test_sleep_turns_at_seven_hours(hours, fires):
    s = b.healthy(sleep=b.sleep(hours, vary=False))
    assert isinstance(b.check("inadequate_sleep", s), Found) is fires


@pytest.mark.parametrize(("poor_nights", "fires"), [(7, False), (8, True)])
def test_sleep_fires_on_poor_quality_most_nights(poor_nights, fires):
    nights = b.sleep(count=14)
    nights = [
        b.SleepEntry(n.date, n.hours, 2 if i < poor_nights else 4) for i, n in enumerate(nights)
    ]
    assert isinstance(b.check("inadequate_sleep", b.healthy(sleep=nights)), Found) is fires


def test_sleep_needs_five_nights():
    outcome = b.check("inadequate_sleep", b.healthy(sleep=b.sleep(5.0, count=4)))
    assert outcome == Gap("only 4 sleep check-ins in the last 14 days (5 needed)")


def test_more_nights_of_evidence_score_higher():
    few = b.check("inadequate_sleep", b.healthy(sleep=b.sleep(6.0, count=5, vary=False)))
    many = b.check("inadequate_sleep", b.healthy(sleep=b.sleep(6.0, count=14, vary=False)))
    assert many.score > few.score


# --- nutrition ----------------------------------------------------------------------------------

STEADY = {"wellness": b.wellness(vary=False)}  # body mass exactly 80 kg


def test_nutrition_fires_on_low_protein():
    outcome = b.check("nutritional_deficiency", b.healthy(nutrition=b.nutrition(protein_g=72)))
    assert outcome.evidence["protein_g_per_kg"] == pytest.approx(0.9, abs=0.01)
    assert outcome.evidence["threshold_g_per_kg"] == 1.6
    assert outcome.score == 1.0


@pytest.mark.parametrize(("protein_g", "fires"), [(127.9, True), (128.0, False), (128.1, False)])
def test_nutrition_turns_at_1_6_g_per_kg(protein_g, fires):
    s = b.healthy(nutrition=b.nutrition(protein_g=protein_g), **STEADY)
    assert isinstance(b.check("nutritional_deficiency", s), Found) is fires


def test_nutrition_fires_on_too_little_energy():
    s = b.healthy(nutrition=b.nutrition(calories_kcal=1500), **STEADY)
    outcome = b.check("nutritional_deficiency", s)
    # need = (10 x 80 + 6.25 x 180 - 5 x 31 + 5) x 1.55 = 2751 kcal
    assert outcome.evidence["energy_pct_of_need"] == pytest.approx(1500 * 100 / 2751.25, abs=0.01)


@pytest.mark.parametrize(("days_with_concern", "fires"), [(2, False), (3, True), (4, True)])
def test_nutrition_fires_on_a_recurring_micronutrient_concern(days_with_concern, fires):
    entries = b.nutrition(count=14)
    entries = [
        b.NutritionEntry(
            e.date,
            e.calories_kcal,
            e.protein_g,
            None,
            None,
            e.water_l,
            ("magnesium",) if i < days_with_concern else (),
        )
        for i, e in enumerate(entries)
    ]
    outcome = b.check("nutritional_deficiency", b.healthy(nutrition=entries))
    assert isinstance(outcome, Found) is fires
    if fires:
        assert outcome.evidence["micronutrient_concerns"] == ["magnesium"]


def test_nutrition_gap_without_body_mass():
    s = b.healthy(profile=b.profile(body_mass_kg=None), wellness=b.wellness(mass=None))
    assert b.check("nutritional_deficiency", s) == Gap(
        "no body mass on the profile or in recent check-ins to judge protein per kg"
    )


# --- dehydration --------------------------------------------------------------------------------


def test_dehydration_fires_on_low_water_intake():
    outcome = b.check("dehydration", b.healthy(nutrition=b.nutrition(water_l=1.2), **STEADY))
    assert outcome.evidence["water_ml_per_kg"] == 15.0
    assert outcome.score == 1.0


@pytest.mark.parametrize(("water_l", "fires"), [(2.39, True), (2.4, False), (2.41, False)])
def test_dehydration_turns_at_30_ml_per_kg(water_l, fires):
    s = b.healthy(nutrition=b.nutrition(water_l=water_l), **STEADY)
    assert isinstance(b.check("dehydration", s), Found) is fires


@pytest.mark.parametrize(("dark_days", "fires"), [(7, False), (8, True)])
def test_dehydration_fires_on_dark_urine_most_days(dark_days, fires):
    entries = b.wellness(count=14)
    entries = [
        b.WellnessEntry(
            e.date, e.fatigue, e.soreness, 2, 4, 5 if i < dark_days else 3, e.body_mass_kg
        )
        for i, e in enumerate(entries)
    ]
    assert isinstance(b.check("dehydration", b.healthy(wellness=entries)), Found) is fires


@pytest.mark.parametrize(("next_day_kg", "fires"), [(97.9, True), (98.0, False), (98.1, False)])
def test_dehydration_turns_at_a_2_percent_daily_mass_loss(next_day_kg, fires):
    entries = b.wellness(count=5, mass=100.0, vary=False)
    entries[-1] = b.WellnessEntry(entries[-1].date, 4, 3, 2, 4, 3, next_day_kg)
    s = b.healthy(wellness=entries, nutrition=b.nutrition(water_l=3.5))
    assert isinstance(b.check("dehydration", s), Found) is fires


def test_dehydration_gap_without_any_hydration_data():
    s = b.healthy(nutrition=(), wellness=b.wellness(urine=None, mass=None))
    assert isinstance(b.check("dehydration", s), Gap)


# --- stress -------------------------------------------------------------------------------------


def test_stress_fires_on_high_stress_for_two_weeks():
    outcome = b.check("chronic_stress", b.healthy(stress=b.stress(8)))
    assert outcome.evidence["mean_stress"] == pytest.approx(8, abs=0.2)
    assert outcome.evidence["threshold_stress"] == 7


@pytest.mark.parametrize(("level", "fires"), [(6.9, False), (7.0, True), (7.1, True)])
def test_stress_turns_at_seven(level, fires):
    s = b.healthy(stress=b.stress(level, vary=False))
    assert isinstance(b.check("chronic_stress", s), Found) is fires


def test_stress_fires_when_far_above_the_athletes_own_baseline():
    history = b.stress(3, count=b.HISTORY_DAYS)[:-7] + b.stress(6, count=7, vary=False)
    outcome = b.check("chronic_stress", b.healthy(stress=history))
    assert outcome.evidence["mean_stress"] < 7
    assert outcome.evidence["stress_z"] > 1.5
