"""Metrics: each formula against numbers worked out by hand."""

from datetime import date

import pytest

from assessments.analysis import metrics
from assessments.analysis.snapshot import ExerciseInfo, Session, TrainingSet

D = date(2026, 11, 24)


def test_epley_adds_a_thirtieth_of_the_load_per_rep():
    assert metrics.e1rm_kg(100, 5) == pytest.approx(116.667, abs=1e-3)  # 100 x 35/30
    assert metrics.e1rm_kg(100, 10) == pytest.approx(133.333, abs=1e-3)


def test_a_single_is_its_own_one_rep_max():
    assert metrics.e1rm_kg(150, 1) == 150
    assert metrics.e1rm_kg(150, 1, rir=0) == 150


def test_reported_rir_wins_over_rpe_and_rpe_converts_to_rir():
    assert metrics.reps_in_reserve(rpe=8) == 2
    assert metrics.reps_in_reserve(rpe=8, rir=1) == 1
    assert metrics.reps_in_reserve() is None
    assert metrics.effective_reps(5, rpe=8) == 7
    assert metrics.effective_reps(5) == 5


def test_a_light_rpe_gives_no_reserve_to_add():
    # RPE 5 would read as 5 reps in reserve; ratings that light are not reliable (Zourdos 2016)
    assert metrics.reps_in_reserve(rpe=6.5) is None
    assert metrics.reps_in_reserve(rpe=7) == 3
    assert metrics.e1rm_kg(100, 5, rpe=5) == metrics.e1rm_kg(100, 5)


def test_e1rm_uses_effective_reps():
    # 5 reps at RPE 8 -> 7 reps to failure -> 100 x (1 + 7/30)
    assert metrics.e1rm_kg(100, 5, rpe=8) == pytest.approx(123.333, abs=1e-3)
    assert metrics.e1rm_kg(100, 5, rir=2) == metrics.e1rm_kg(100, 5, rpe=8)


def test_e1rm_refuses_empty_sets():
    assert metrics.e1rm_kg(100, 0) is None
    assert metrics.e1rm_kg(0, 5) is None
    assert metrics.e1rm_kg(-20, 5) is None


def test_twelve_reps_give_no_e1rm():
    assert metrics.e1rm_kg(60, 12) is None
    assert metrics.e1rm_kg(60, 10, rir=2) is None  # 12 reps to failure
    assert metrics.e1rm_kg(60, 8, rir=2) == pytest.approx(80.0)  # 10: the last in range


def test_epleys_range_cannot_be_widened_by_an_argument():
    assert metrics.e1rm_kg(60, 12, max_reps=15) is None
    assert metrics.e1rm_kg(60, 8, max_reps=6) is None


def test_an_organization_cannot_widen_epleys_range():
    from assessments.analysis.thresholds import Thresholds

    with pytest.raises(ValueError, match="e1rm_max_reps"):
        Thresholds({"e1rm_max_reps": 12})


@pytest.mark.parametrize(
    ("rpe", "rir", "hard"),
    [
        (7, None, True),
        (6.5, None, False),
        (None, 3, True),
        (None, 4, False),
        (9, 4, False),
        (None, None, True),
    ],
)
def test_hard_set_is_rpe_7_or_rir_3_and_unrated_sets_count(rpe, rir, hard):
    assert metrics.is_hard_set(rpe, rir, min_rpe=7, max_rir=3) is hard


def test_hamstring_quadriceps_ratio():
    assert metrics.hamstring_quadriceps_ratio(60, 100) == 0.6
    assert metrics.hamstring_quadriceps_ratio(60, 0) is None


def test_asymmetry_is_relative_to_the_stronger_side():
    assert metrics.asymmetry_pct(100, 85) == 15.0
    assert metrics.asymmetry_pct(85, 100) == 15.0
    assert metrics.asymmetry_pct(0, 0) is None


def test_least_squares_slope_of_a_line_and_of_noise():
    assert metrics.least_squares_slope([0, 1, 2, 3], [10, 12, 14, 16]) == 2
    # xs 0..3, ys 1,3,2,4: sxy = 3.5... slope = 0.8
    assert metrics.least_squares_slope([0, 1, 2, 3], [1, 3, 2, 4]) == pytest.approx(0.8)
    assert metrics.least_squares_slope([1], [1]) is None
    assert metrics.least_squares_slope([2, 2], [1, 3]) is None


def test_best_weekly_keeps_the_top_value_per_week_oldest_first():
    points = [
        (date(2026, 11, 24), 100.0),
        (date(2026, 11, 20), 105.0),
        (date(2026, 11, 17), 99.0),
        (date(2026, 11, 3), 90.0),
        (date(2026, 11, 25), 500.0),
    ]
    # week 3 (last) = 18-24 Nov, week 2 = 11-17, week 0 = 28 Oct - 3 Nov
    assert metrics.best_weekly(points, D, 4) == [90.0, None, 99.0, 105.0]


def test_weekly_trend_in_kg_and_percent_per_week():
    trend = metrics.weekly_trend([100.0, None, 104.0, 106.0])
    # xs 0,2,3 ys 100,104,106: mean x 5/3, mean y 103.33; slope = 2.0 kg/week
    assert trend.per_week == pytest.approx(2.0)
    assert trend.pct_per_week == pytest.approx(2.0 * 100 / (310 / 3))
    assert trend.weeks == 3
    assert metrics.weekly_trend([None, 100.0]) is None


def test_session_load_is_duration_times_rpe():
    assert metrics.session_load_au(60, 7) == 420


def test_daily_loads_sum_sessions_per_day_oldest_first():
    sessions = [
        Session(date(2026, 11, 22), 60, 5),
        Session(date(2026, 11, 24), 30, 4),
        Session(date(2026, 11, 24), 10, 10),
        Session(date(2026, 11, 1), 60, 9),
    ]
    assert metrics.daily_loads(sessions, D, 3) == [300.0, 0.0, 220.0]


def test_acwr_rolling_is_acute_mean_over_coupled_chronic_mean():
    loads = [100.0] * 21 + [200.0] * 7
    # acute 200/day; chronic (2100 + 1400) / 28 = 125/day
    assert metrics.acwr_rolling(loads) == pytest.approx(1.6)
    assert metrics.acwr_rolling([100.0] * 27) is None
    assert metrics.acwr_rolling([0.0] * 28) is None


def test_ewma_uses_lambda_two_over_n_plus_one():
    # lambda = 2/(3+1) = 0.5: seed 0 -> 5 -> 7.5
    assert metrics.ewma([10, 10], 3, seed=0) == 7.5
    assert metrics.ewma([], 3) is None


def test_acwr_ewma_is_one_for_steady_load_and_rises_with_a_spike():
    assert metrics.acwr_ewma([100.0] * 56) == pytest.approx(1.0)
    assert metrics.acwr_ewma([100.0] * 49 + [300.0] * 7) > 1.5


def test_monotony_and_strain_follow_foster():
    week = [100, 0, 100, 0, 100, 0, 0]
    # mean 300/7 = 42.857; sample SD = 53.452 -> monotony 0.8018
    assert metrics.monotony(week) == pytest.approx(0.8018, abs=1e-4)
    assert metrics.strain(week) == pytest.approx(300 * 0.8018, abs=0.1)
    assert metrics.monotony([0] * 7) is None


def test_identical_days_give_no_monotony_rather_than_a_capped_number():
    assert metrics.monotony([50] * 7) is None
    assert metrics.strain([50] * 7) is None


def test_a_near_zero_sd_gives_no_monotony_below_the_sd_floor():
    nearly = [50, 50, 50, 50, 50, 50, 51]
    assert metrics.monotony(nearly) > 100  # what Foster's ratio does with a tiny SD
    assert metrics.monotony(nearly, min_sd_pct=10) is None
    assert metrics.strain(nearly, min_sd_pct=10) is None


def test_uncoupled_ewma_ratio_keeps_the_acute_week_out_of_the_chronic_average():
    loads = [100.0] * 49 + [300.0] * 7
    chronic = metrics.chronic_ewma(loads)
    assert chronic == pytest.approx(100.0)  # the spike week is not in it
    assert metrics.acwr_ewma(loads) == pytest.approx(metrics.ewma(loads, 7, 100.0) / 100.0)
    assert metrics.acwr_ewma([100.0] * 34) is None  # needs chronic + acute days


def test_grouped_trend_compares_each_rep_range_with_itself():
    # sets of 5 at e1RM 140 for four weeks, then sets of 8 at e1RM 132 (Epley reads 8s lower)
    fives = [140.0, 140.5, 141.0, 141.5, None, None, None, None]
    eights = [None, None, None, None, 132.0, 132.5, 133.0, 133.5]
    trend = metrics.grouped_trend({"4-6": fives, "7-10": eights})
    assert trend.pct_per_week > 0 and trend.weeks == 8
    pooled = metrics.weekly_trend(
        [a if a is not None else c for a, c in zip(fives, eights, strict=True)]
    )
    assert pooled.pct_per_week < 0  # one series would read the switch as lost strength


def test_a_trend_has_an_upper_confidence_limit_from_its_noise():
    steady = metrics.weekly_trend([100.0, 100.0, 100.0, 100.0, 100.0, 100.0])
    noisy = metrics.weekly_trend([100.0, 104.0, 97.0, 103.0, 98.0, 101.0])
    assert steady.upper_pct_per_week() == pytest.approx(0.0)
    assert noisy.upper_pct_per_week() > 1.0
    assert metrics.t_95_one_sided(4) == pytest.approx(2.132)
    assert metrics.t_95_one_sided(0) == float("inf")


EXERCISES = {
    "squat": ExerciseInfo("squat", "Squat", "squat", "compound", ("quadriceps", "glutes")),
    "curl": ExerciseInfo("curl", "Leg curl", "knee_flexion", "isolation", ("hamstrings",)),
    "jump": ExerciseInfo("jump", "Box jump", "jump", "plyometric", ("quadriceps",)),
    "bench": ExerciseInfo("bench", "Bench press", "push", "compound", ()),
}


def test_leg_training_summary_counts_sessions_sets_and_hard_sets_per_muscle():
    sessions = [
        Session(
            D,
            60,
            7,
            (
                TrainingSet("squat", 5, 100, rpe=8),
                TrainingSet("squat", 5, 100, rpe=6),
                TrainingSet("curl", 10, 40, rir=2),
                TrainingSet("bench", 5, 80),
            ),
        ),
        Session(D, 60, 7, (TrainingSet("jump", 5, 0), TrainingSet("unknown", 5, 10))),
        Session(D, 30, 5, (TrainingSet("bench", 5, 80),)),
    ]
    out = metrics.summarise_leg_training(
        sessions, EXERCISES, frozenset({"squat"}), min_rpe=7, max_rir=3
    )
    assert (out.sessions, out.leg_sessions, out.leg_sets) == (3, 2, 4)
    assert (out.compound_leg_sets, out.plyometric_leg_sets) == (2, 1)
    assert (out.goal_lift_sets, out.sessions_with_goal_lift) == (2, 1)
    # hard: one squat set (RPE 8), the curl (RIR 2) and the unrated jump
    assert out.hard_sets_by_muscle == {"quadriceps": 2, "glutes": 1, "hamstrings": 1}


def test_rates_and_shares():
    assert metrics.per_week(8, 28) == 2.0
    assert metrics.share_pct(1, 4) == 25.0
    assert metrics.share_pct(1, 0) is None
    assert metrics.drop_pct(50, 45) == 10.0
    assert metrics.drop_pct(0, 1) is None


def test_windowed_mean_sd_and_z_score_against_own_baseline():
    assert metrics.mean([1, 2, 3, 6]) == 3
    assert metrics.mean([]) is None
    assert metrics.sample_sd([2, 4, 4, 4, 5, 5, 7, 9]) == pytest.approx(2.138, abs=1e-3)
    # baseline mean 4, SD 1 (sample): 6 is two SDs above
    assert metrics.z_score(6, [3, 5, 3, 5], sd_floor=0.5) == pytest.approx(2 / 1.1547, abs=1e-3)
    assert metrics.z_score(5, [4, 4, 4], sd_floor=0.5) == 2.0  # floored SD
    assert metrics.z_score(5, [4], sd_floor=0.5) is None


def test_share_at_or_above():
    assert metrics.share_at_or_above([4, 5, 6, 3], 5) == 50.0


def test_age_and_resting_energy():
    assert metrics.age_years(date(1995, 5, 1), D) == 31
    assert metrics.age_years(date(1995, 12, 1), D) == 30
    # Mifflin-St Jeor: 10 x 80 + 6.25 x 180 - 5 x 31 + 5 = 1775
    assert metrics.resting_energy_kcal("male", 80, 180, 31) == 1775
    assert metrics.resting_energy_kcal("female", 80, 180, 31) == 1775 - 166
    assert metrics.resting_energy_kcal("other", 80, 180, 31) == 1775 - 83
