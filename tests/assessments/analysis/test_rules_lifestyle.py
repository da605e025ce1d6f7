"""Lifestyle causes: sleep, nutrition, hydration and stress from daily check-ins.

Two tiers: a cause is clearly past its line and persists over most days of two weeks; a watch
item is inside the tolerance band or not persisting yet.
"""

from dataclasses import replace
from datetime import date

import pytest

from assessments.analysis.rules import Found, Gap
from assessments.analysis.thresholds import DEFAULTS
from tests.assessments.analysis import builders as b

LIFESTYLE = ("inadequate_sleep", "nutritional_deficiency", "dehydration", "chronic_stress")


def level(code, snapshot):
    """'cause', 'watch' or None (nothing found; a gap also gives None)."""
    outcome = b.check(code, snapshot)
    return outcome.level if isinstance(outcome, Found) else None


@pytest.mark.parametrize("code", LIFESTYLE)
def test_silent_on_the_healthy_athlete(code):
    assert b.check(code, b.healthy()) is None


@pytest.mark.parametrize("code", LIFESTYLE)
def test_reports_a_gap_without_check_ins(code):
    outcome = b.check(code, b.empty())
    assert isinstance(outcome, Gap)
    assert outcome.message.endswith("in the last 14 days")


# --- sleep ------------------------------------------------------------------------------------


def nights(*hours_by_night: float):
    """One night per value, the last on AS_OF."""
    dates = b.days(len(hours_by_night))
    return [b.SleepEntry(d, h, 4) for d, h in zip(dates, hours_by_night, strict=True)]


def test_sleep_is_a_cause_at_five_hours_a_night_with_the_minutes_to_add():
    outcome = b.check("inadequate_sleep", b.healthy(sleep=b.sleep(5.0, vary=False)))
    assert outcome.level == "cause"
    assert outcome.score == 1.0
    assert outcome.evidence == {
        "mean_sleep_h": 5.0,
        "threshold_h": 7.0,
        "tolerance_h": 0.25,
        "recommended_h": "7-9",
        "short_nights_pct": 100.0,
        "sleep_to_add_min": 120,
        "poor_quality_nights_pct": 0.0,
        "threshold_poor_quality_nights_pct": 50.0,
        "days": 14,
        "window_days": 14,
    }


@pytest.mark.parametrize(
    ("hours", "expected"),
    [(6.74, "cause"), (6.75, "watch"), (6.99, "watch"), (7.0, None), (7.1, None)],
)
def test_sleep_inside_the_quarter_hour_band_is_only_a_watch_item(hours, expected):
    assert level("inadequate_sleep", b.healthy(sleep=b.sleep(hours, vary=False))) == expected


def test_sleep_of_6_99_hours_never_gives_a_cause():
    outcome = b.check("inadequate_sleep", b.healthy(sleep=b.sleep(6.99, vary=False)))
    assert outcome.level == "watch"
    assert outcome.evidence["sleep_to_add_min"] == 15  # advice in quarter hours


def test_one_short_week_is_a_watch_item_not_a_cause():
    s = b.healthy(sleep=nights(*[7.5] * 7, *[5.0] * 7))
    assert level("inadequate_sleep", s) == "watch"


def test_short_nights_on_most_days_of_both_weeks_are_a_cause():
    s = b.healthy(sleep=nights(*[6.0, 6.0, 7.5] * 4, 6.0, 6.0))
    outcome = b.check("inadequate_sleep", s)
    assert outcome.level == "cause"
    assert outcome.evidence["short_nights_pct"] == pytest.approx(71.43, abs=0.01)


def test_a_few_very_short_nights_among_good_ones_are_not_a_cause():
    s = b.healthy(sleep=nights(*[7.6, 7.6, 7.6, 4.0] * 3, 7.6, 7.6))
    assert level("inadequate_sleep", s) == "watch"  # mean 6.7 h, but most nights are fine


@pytest.mark.parametrize(("born", "hours", "expected", "recommended"), [
    (date(2010, 1, 1), 7.5, "cause", "8-10"),  # 16: 8-10 h
    (date(1995, 5, 1), 7.5, None, "7-9"),
    (date(1950, 1, 1), 6.5, "cause", "7-8"),  # 76: 7-8 h, same minimum
])  # fmt: skip
def test_sleep_minimum_follows_the_athletes_age(born, hours, expected, recommended):
    s = b.healthy(profile=b.profile(date_of_birth=born), sleep=b.sleep(hours, vary=False))
    assert level("inadequate_sleep", s) == expected
    shorter = b.healthy(profile=b.profile(date_of_birth=born), sleep=b.sleep(4.0, vary=False))
    assert b.check("inadequate_sleep", shorter).evidence["recommended_h"] == recommended


@pytest.mark.parametrize(("poor_nights", "expected"), [(7, None), (8, "cause")])
def test_sleep_is_a_cause_on_poor_quality_most_nights(poor_nights, expected):
    entries = [
        b.SleepEntry(n.date, n.hours, 2 if i < poor_nights else 4)
        for i, n in enumerate(b.sleep(count=14))
    ]
    assert level("inadequate_sleep", b.healthy(sleep=entries)) == expected


def test_poor_quality_within_one_week_is_a_watch_item():
    entries = [
        b.SleepEntry(n.date, n.hours, 2 if i >= 4 else 4) for i, n in enumerate(b.sleep(count=10))
    ]
    assert level("inadequate_sleep", b.healthy(sleep=entries)) == "watch"


def test_sleep_needs_five_nights():
    outcome = b.check("inadequate_sleep", b.healthy(sleep=b.sleep(5.0, count=4)))
    assert outcome == Gap("only 4 sleep check-ins in the last 14 days (5 needed)")


def test_more_nights_of_evidence_score_higher():
    few = b.check("inadequate_sleep", b.healthy(sleep=b.sleep(6.0, count=9, vary=False)))
    many = b.check("inadequate_sleep", b.healthy(sleep=b.sleep(6.0, count=14, vary=False)))
    assert few.level == many.level == "cause"
    assert many.score > few.score


# --- nutrition ----------------------------------------------------------------------------------

STEADY = {"wellness": b.wellness(vary=False)}  # body mass exactly 80 kg


def test_low_protein_is_a_deficiency_with_grams_a_day_for_this_body_mass():
    outcome = b.check("nutritional_deficiency", b.healthy(nutrition=b.nutrition(protein_g=72)))
    assert outcome.level == "cause"
    assert outcome.evidence["protein_g_per_kg"] == pytest.approx(0.9, abs=0.01)
    assert outcome.evidence["protein_status"] == "deficient"
    assert outcome.evidence["protein_target_g_per_day"] == 130  # 1.6 g/kg x 80 kg, in 5 g
    assert outcome.evidence["protein_to_add_g_per_day"] == 60
    assert outcome.evidence["low_g_per_kg"] == 1.2


@pytest.mark.parametrize(
    ("protein_g", "expected"),
    [(95.9, "cause"), (96.0, "watch"), (126.0, "watch"), (127.9, "watch"), (128.0, None)],
)
def test_protein_is_a_cause_below_1_2_and_a_watch_item_below_1_6_g_per_kg(protein_g, expected):
    s = b.healthy(nutrition=b.nutrition(protein_g=protein_g), **STEADY)
    assert level("nutritional_deficiency", s) == expected


def test_protein_of_1_575_g_per_kg_is_below_target_not_a_deficiency():
    s = b.healthy(nutrition=b.nutrition(protein_g=126.0), **STEADY)
    outcome = b.check("nutritional_deficiency", s)
    assert outcome.level == "watch"
    assert outcome.evidence["protein_status"] == "below_target"
    assert "defici" not in repr(outcome.evidence)


def test_low_protein_for_one_week_only_is_a_watch_item():
    entries = b.nutrition(count=14)
    entries = [replace(e, protein_g=40.0 if i >= 7 else 130.0) for i, e in enumerate(entries)]
    s = b.healthy(nutrition=entries, **STEADY)
    outcome = b.check("nutritional_deficiency", s)
    assert outcome.evidence["protein_g_per_kg"] < 1.2  # mean 1.06 g/kg, but one week only
    assert outcome.level == "watch"


def test_protein_varying_around_a_low_mean_is_a_deficiency():
    entries = b.nutrition(count=14)
    entries = [replace(e, protein_g=(60.0, 100.0, 120.0)[i % 3]) for i, e in enumerate(entries)]
    s = b.healthy(nutrition=entries, **STEADY)
    assert level("nutritional_deficiency", s) == "cause"  # 1.17 g/kg, never at 1.6


def test_too_little_energy_is_a_cause_against_the_light_activity_band():
    s = b.healthy(nutrition=b.nutrition(calories_kcal=1500), **STEADY)
    outcome = b.check("nutritional_deficiency", s)
    assert outcome.level == "cause"
    # need = (10 x 80 + 6.25 x 180 - 5 x 31 + 5) x 1.55 = 2751 kcal
    assert outcome.evidence["energy_pct_of_need"] == pytest.approx(1500 * 100 / 2751.25, abs=0.01)
    assert outcome.evidence["activity_factor"] == 1.55


def test_the_activity_factor_is_credited_to_the_fao_band_it_belongs_to():
    source = DEFAULTS["activity_factor"].source
    assert "sedentary/lightly active band (1.40-1.69)" in source
    assert "1.70-1.99" in source and "2.00-2.40" in source


@pytest.mark.parametrize(("kcal", "expected"), [(1800.0, "cause"), (2000.0, None)])
def test_low_energy_availability_is_judged_per_kg_fat_free_mass_when_known(kcal, expected):
    s = b.healthy(
        profile=b.profile(fat_free_mass_kg=65.0),
        nutrition=b.nutrition(calories_kcal=kcal),
        **STEADY,
    )
    assert level("nutritional_deficiency", s) == expected  # 27.7 vs 30.8 kcal/kg FFM
    if expected:
        assert b.check("nutritional_deficiency", s).evidence["threshold_kcal_per_kg_ffm"] == 30


def test_an_implausible_fat_free_mass_falls_back_to_the_estimated_need():
    s = b.healthy(
        profile=b.profile(fat_free_mass_kg=500.0),
        nutrition=b.nutrition(calories_kcal=1500),
        **STEADY,
    )
    assert "energy_pct_of_need" in b.check("nutritional_deficiency", s).evidence


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


def weigh_ins(masses, urine=3):
    """Wellness check-ins with these body masses (last on AS_OF); urine colour per day or one
    value for all."""
    urines = urine if isinstance(urine, list) else [urine] * len(masses)
    return [
        b.WellnessEntry(d, 4, 3, 2, 4, colour, kg)
        for d, kg, colour in zip(b.days(len(masses)), masses, urines, strict=True)
    ]


def test_low_water_intake_alone_is_a_watch_item_with_litres_to_add():
    outcome = b.check("dehydration", b.healthy(nutrition=b.nutrition(water_l=1.2), **STEADY))
    assert outcome.level == "watch"
    assert outcome.evidence["water_ml_per_kg"] == 15.0
    assert outcome.evidence["water_target_l_per_day"] == 2.5  # 30 ml/kg x 80 kg, in 1/4 L
    assert outcome.evidence["water_to_add_l_per_day"] == 1.25


@pytest.mark.parametrize(("water_l", "expected"), [(2.39, "watch"), (2.4, None), (2.41, None)])
def test_water_intake_turns_at_30_ml_per_kg(water_l, expected):
    s = b.healthy(nutrition=b.nutrition(water_l=water_l), **STEADY)
    assert level("dehydration", s) == expected


@pytest.mark.parametrize(("dark_days", "expected"), [(7, None), (8, "cause")])
def test_dark_urine_on_most_days_of_both_weeks_is_a_cause(dark_days, expected):
    entries = [
        replace(e, urine_colour=5 if i < dark_days else 3)
        for i, e in enumerate(b.wellness(count=14))
    ]
    assert level("dehydration", b.healthy(wellness=entries)) == expected


def test_dark_urine_within_one_week_is_a_watch_item():
    entries = [
        replace(e, urine_colour=6 if i >= 4 else 3) for i, e in enumerate(b.wellness(count=10))
    ]
    assert level("dehydration", b.healthy(wellness=entries)) == "watch"


@pytest.mark.parametrize(("low_mornings", "expected"), [(1, "watch"), (2, "cause")])
def test_morning_mass_down_over_1_percent_with_dark_urine_is_dehydration(low_mornings, expected):
    masses = [80.0] * (14 - low_mornings) + [79.1] * low_mornings  # 1.1 % below the baseline
    urine = [3] * (14 - low_mornings) + [6] * low_mornings
    outcome = b.check("dehydration", b.healthy(wellness=weigh_ins(masses, urine)))
    assert outcome.level == expected
    assert outcome.evidence["dry_mornings"] == low_mornings


def test_morning_mass_down_exactly_1_percent_is_not_a_sign():
    masses = [80.0] * 12 + [79.2] * 2
    s = b.healthy(wellness=weigh_ins(masses, [3] * 12 + [6] * 2))
    assert b.check("dehydration", s) is None


def test_mass_down_without_dark_urine_is_not_dehydration():
    masses = [80.0] * 12 + [78.5] * 2  # one sign of three: possible, not likely
    assert b.check("dehydration", b.healthy(wellness=weigh_ins(masses))) is None


def test_an_evening_then_a_morning_weigh_in_is_not_dehydration():
    masses = [80.0] * 12 + [81.8, 80.0]  # evening weigh-in, then the usual morning one
    s = b.healthy(wellness=weigh_ins(masses, [3] * 13 + [5]))
    assert b.check("dehydration", s) is None


def test_a_steady_weight_cut_is_not_dehydration():
    masses = [82.0 - 0.1 * i for i in range(14)]  # about 0.9 % a week
    s = b.healthy(wellness=weigh_ins(masses, 5))
    assert b.check("dehydration", s).evidence["dry_mornings"] == 0


def test_dehydration_gap_without_any_hydration_data():
    s = b.healthy(nutrition=(), wellness=b.wellness(urine=None, mass=None))
    assert isinstance(b.check("dehydration", s), Gap)


# --- stress -------------------------------------------------------------------------------------


def stress_history(before: float, after: float, days_after: int):
    """Stress at ``before`` (varying by a point) then ``after`` for the last ``days_after``."""
    history = b.stress(before, count=b.HISTORY_DAYS)
    return history[: len(history) - days_after] + b.stress(after, count=days_after, vary=False)


def test_high_stress_for_two_weeks_is_a_cause():
    outcome = b.check("chronic_stress", b.healthy(stress=b.stress(8)))
    assert outcome.level == "cause"
    assert outcome.evidence["mean_stress"] == pytest.approx(8, abs=0.2)
    assert outcome.evidence["threshold_stress"] == 7


@pytest.mark.parametrize(("stress", "expected"), [(6.9, None), (7.0, "cause"), (7.1, "cause")])
def test_stress_turns_at_seven(stress, expected):
    assert level("chronic_stress", b.healthy(stress=b.stress(stress, vary=False))) == expected


def test_stress_from_3_to_4_for_one_week_is_nothing():
    assert b.check("chronic_stress", b.healthy(stress=stress_history(3, 4, 7))) is None


def test_stress_from_3_to_4_for_two_weeks_is_nothing():
    assert b.check("chronic_stress", b.healthy(stress=stress_history(3, 4, 14))) is None


def test_a_steep_rise_for_one_week_is_a_watch_item():
    outcome = b.check("chronic_stress", b.healthy(stress=stress_history(3, 6, 7)))
    assert outcome.level == "watch"
    assert outcome.evidence["mean_stress"] < 7
    assert outcome.evidence["stress_z"] > 1.5


def test_a_rise_well_above_the_athletes_own_baseline_for_two_weeks_is_a_cause():
    outcome = b.check("chronic_stress", b.healthy(stress=stress_history(3, 6, 14)))
    assert outcome.level == "cause"
    assert outcome.evidence["stress_change_points"] == pytest.approx(3, abs=0.2)


def test_high_stress_in_the_last_week_only_is_a_watch_item():
    assert level("chronic_stress", b.healthy(stress=stress_history(4, 8, 7))) == "watch"


def test_a_very_steady_baseline_needs_a_whole_point_before_a_rise_counts():
    history = b.stress(3, vary=False)[:-14] + b.stress(3.5, count=14, vary=False)
    assert b.check("chronic_stress", b.healthy(stress=history)) is None
    lower_floor = b.healthy(stress=history, overrides={"baseline_sd_floor": 0.1})
    assert b.check("chronic_stress", lower_floor) is None  # z = 5, but half a point


def test_a_rise_of_a_point_and_a_half_counts_with_a_lower_sd_floor():
    history = b.stress(3, vary=False)[:-14] + b.stress(4.5, count=14, vary=False)
    lower_floor = b.healthy(stress=history, overrides={"baseline_sd_floor": 0.5})
    assert level("chronic_stress", lower_floor) == "cause"


def test_most_days_at_seven_or_more_count_with_a_mean_just_under_seven():
    entries = [b.StressEntry(d, (7, 7, 8, 5)[i % 4], 4) for i, d in enumerate(b.days(14))]
    outcome = b.check("chronic_stress", b.healthy(stress=entries))
    assert outcome.evidence["mean_stress"] < 7
    assert outcome.level == "cause"


def test_a_mean_just_under_seven_without_most_days_high_is_nothing():
    entries = [b.StressEntry(d, (9, 6, 6, 6)[i % 4], 4) for i, d in enumerate(b.days(14))]
    assert b.check("chronic_stress", b.healthy(stress=entries)) is None


def test_an_exam_week_of_short_nights_is_not_a_cause():
    s = b.healthy(sleep=nights(*[7.3, 6.9, 7.6] * 3, *[6.0] * 5))  # mean 6.72 h, 9 of 14 short
    assert level("inadequate_sleep", s) == "watch"


def test_two_dry_mornings_a_week_apart_are_only_a_watch_item():
    masses = [80.0] * 14
    urine = [3] * 14
    for i in (2, 12):  # 11 and 1 days ago
        masses[i], urine[i] = 79.0, 6
    assert level("dehydration", b.healthy(wellness=weigh_ins(masses, urine))) == "watch"


def test_a_dry_spell_does_not_lower_its_own_baseline():
    masses = [80.0] * 10 + [78.9] * 4  # four dry mornings in a row
    urine = [3] * 10 + [6] * 4
    outcome = b.check("dehydration", b.healthy(wellness=weigh_ins(masses, urine)))
    assert outcome.evidence["dry_mornings"] == 4


# --- values that are not numbers ----------------------------------------------------------------


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_non_finite_check_ins_give_a_gap_or_nothing_never_a_crash(bad):
    import json

    from assessments.analysis import run

    assert b.check("inadequate_sleep", b.healthy(sleep=b.sleep(bad, vary=False))) == Gap(
        "sleep hours in the last 14 days are not all finite numbers"
    )
    assert isinstance(b.check("chronic_stress", b.healthy(stress=b.stress(bad))), Gap)
    for field in ("protein_g", "calories_kcal", "water_l"):
        s = b.healthy(nutrition=b.nutrition(**{field: bad}))
        json.dumps(run(s).to_dict(), allow_nan=False)


def test_an_unknown_side_is_not_read_as_one_side():
    from assessments.analysis import run

    s = b.healthy(symptoms=[b.symptom(onset="sudden", side="LEFT", severity=5)])
    assert [(f.code, f.severity) for f in run(s).red_flags] == [("sudden_weakness", "urgent")]
