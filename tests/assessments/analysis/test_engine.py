"""The engine: one result per athlete, shaped for the API, red flags first."""

import json
from dataclasses import replace
from datetime import date

import pytest

from assessments.analysis import RULESET_VERSION, run
from assessments.analysis.snapshot import TrainingSet
from tests.assessments.analysis import builders as b


def test_the_healthy_athlete_has_no_finding_and_no_red_flag():
    result = run(b.healthy())
    assert result.findings == ()
    assert result.red_flags == ()
    assert result.training_advice_secondary is False
    assert result.weakness_type == "none"
    assert result.data_gaps == ()  # no symptom report is not a data gap


def test_result_carries_version_athlete_and_window():
    result = run(b.healthy())
    assert result.athlete_id == 1
    assert result.ruleset_version == RULESET_VERSION == "2.0.0"
    assert result.window_end == result.as_of == b.AS_OF
    assert result.window_start == date(2026, 9, 30)  # 56 days including as_of


def test_to_dict_has_the_api_analysis_run_shape():
    data = run(b.healthy(sleep=b.sleep(5.0), symptoms=[b.symptom(numbness=True)])).to_dict()
    assert set(data) == {
        "ruleset_version",
        "window",
        "weakness_type",
        "red_flags",
        "findings",
        "data_gaps",
        "training_advice_secondary",
        "phases",
    }
    assert data["window"] == {"start": "2026-09-30", "end": "2026-11-24"}
    assert set(data["red_flags"][0]) == {"code", "severity", "evidence", "advice"}
    finding = data["findings"][0]
    assert set(finding) == {"cause", "category", "level", "score", "evidence", "recommendations"}
    assert finding["recommendations"][0] == {
        "code": "sleep_7_9_hours",
        "text": finding["recommendations"][0]["text"],
        "monitor": finding["recommendations"][0]["monitor"],
        "retest_after_days": 14,
    }
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_evidence_dates_and_tuples_become_json_values():
    result = run(b.healthy(symptoms=[b.symptom(3, onset="sudden", severity=4)]))
    evidence = result.red_flags[0].evidence
    assert evidence["latest_report"] == "2026-11-21"


def test_a_run_leaves_no_cached_facts_on_the_snapshot_and_reruns_alike():
    snapshot = b.healthy()
    first = run(snapshot)
    assert snapshot.cache == {}
    assert run(snapshot) == first


def test_findings_are_sorted_by_score():
    result = run(b.healthy(sleep=b.sleep(6.8), stress=b.stress(8), nutrition=b.nutrition(72.0)))
    scores = [f.score for f in result.findings]
    assert scores == sorted(scores, reverse=True)
    assert len(scores) == 3


def test_data_gaps_are_listed_once():
    gaps = run(b.empty()).data_gaps
    assert len(gaps) == len(set(gaps))
    assert "no training sessions logged in the last 28 days" in gaps


def test_isolation_only_training_is_explained_by_exercise_selection():
    s = b.healthy(sessions=b.sessions(lambda w: (TrainingSet("leg_extension", 12, 50, rpe=8),) * 6))
    result = run(s)
    causes = [f.cause for f in result.findings]
    assert causes[0] == "poor_exercise_selection"
    volume = next(f for f in result.findings if f.cause == "inadequate_volume_frequency")
    assert volume.evidence["explained_by"] == ["poor_exercise_selection"]
    assert volume.score < result.findings[0].score


def test_thresholds_come_from_the_snapshot():
    assert run(b.healthy(overrides={"sleep_min_hours": 8.0})).findings[0].cause == (
        "inadequate_sleep"
    )


# --- true or perceived weakness ---------------------------------------------------------------


def falling_squat(week):
    return tuple(
        replace(x, load_kg=150 - 4 * week) if x.exercise == "back_squat" else x
        for x in b.healthy_plan(week)
    )


def test_weakness_is_true_when_goal_lift_strength_drops():
    assert run(b.healthy(sessions=b.sessions(falling_squat))).weakness_type == "true"


def test_weakness_is_true_when_jump_height_drops():
    assert run(b.healthy(jump_tests=b.jumps(38.0))).weakness_type == "true"


def test_weakness_is_perceived_when_the_athlete_feels_weak_but_strength_holds():
    result = run(b.healthy(wellness=b.wellness(weakness=7)))
    assert result.weakness_type == "perceived"


def test_weakness_is_undetermined_without_objective_data():
    result = run(b.healthy(wellness=b.wellness(weakness=7), sessions=(), jump_tests=()))
    assert result.weakness_type == "undetermined"


def test_weakness_is_none_with_objective_data_and_no_marked_weakness():
    assert run(b.healthy()).weakness_type == "none"


def test_no_wellness_check_ins_is_not_a_reason_for_undetermined():
    assert run(b.healthy(wellness=())).weakness_type == "none"


def test_a_deload_week_does_not_make_weakness_true():
    # a lighter week at RPE 6 reads as a lower e1RM, but it is a planned light week
    def plan(week):
        sets = b.healthy_plan(week)
        if week == 7:
            return tuple(replace(x, load_kg=x.load_kg * 0.8, rpe=6) for x in sets[:5])
        return sets

    result = run(b.healthy(sessions=b.sessions(plan)))
    assert result.weakness_type == "none"


# --- the demo athletes: each intended cause comes out on top ------------------------------------

ONLY_LEG_EXTENSIONS = b.sessions(lambda w: (TrainingSet("leg_extension", 12, 50, rpe=8),) * 6)
FLAT_SQUAT = b.sessions(
    lambda w: tuple(
        replace(x, load_kg=130) if x.exercise == "back_squat" else x for x in b.healthy_plan(w)
    )
)
LEG_PRESS_NOT_SQUAT = b.sessions(
    lambda w: tuple(
        replace(x, exercise="leg_press") if x.exercise == "back_squat" else x
        for x in b.healthy_plan(w)
    )
)
RISING_SQUAT = b.sessions(
    lambda w: tuple(
        replace(x, load_kg=120 + 3 * w) if x.exercise == "back_squat" else x
        for x in b.healthy_plan(w)
    )
)
SPIKE = b.sessions(count=56, ending_days_ago=7) + b.sessions(count=7, duration_min=150)
TIRED = b.wellness()[:-7] + b.wellness(fatigue=8, soreness=8, count=7, vary=False)
WEAK_14_DAYS = b.wellness()[:-14] + b.wellness(weakness=7, count=14)

SCENARIOS = {
    "inadequate_sleep": {"sleep": b.sleep(5.0)},
    "nutritional_deficiency": {"nutrition": b.nutrition(protein_g=72.0)},
    "dehydration": {"nutrition": b.nutrition(water_l=1.2), "wellness": b.wellness(urine=6)},
    "chronic_stress": {"stress": b.stress(8)},
    "overtraining": {"sessions": SPIKE, "wellness": TIRED},
    "poor_exercise_selection": {"sessions": ONLY_LEG_EXTENSIONS},
    "insufficient_progressive_overload": {"sessions": FLAT_SQUAT},
    "inadequate_volume_frequency": {"sessions": b.sessions(weekdays=(0,))},
    "lack_of_specificity": {"sessions": LEG_PRESS_NOT_SQUAT},
    "muscle_imbalance": {"strength_tests": b.strength_tests(curl_kg=36.0)},
    "suboptimal_form": {
        "movement_screens": b.movement_screens(
            {"flaws": ["knee_valgus"]}, {"flaws": ["knee_valgus", "forward_lean"]}
        )
    },
    "compensation_pattern": {
        "movement_screens": b.movement_screens(
            {"compensations": ["lumbar_extension"]}, {"compensations": ["lumbar_extension"]}
        )
    },
    "poor_stability": {
        "mobility_screens": b.mobility(
            single_leg_balance_left_s=6.0, single_leg_balance_right_s=8.0
        )
    },
    "poor_motor_unit_recruitment": {
        "sessions": RISING_SQUAT,
        "jump_tests": [b.JumpTest(b.day(2 + 12 * i), 45.0) for i in reversed(range(5))],
    },
    "weak_mind_muscle_connection": {"activation_ratings": b.ratings(1)},
    "possible_medical_condition": {"wellness": WEAK_14_DAYS},
}


@pytest.mark.parametrize("cause", SCENARIOS)
def test_each_demo_athlete_gets_the_intended_cause_as_top_finding(cause):
    result = run(b.healthy(**SCENARIOS[cause]))
    assert result.findings[0].cause == cause
    assert result.findings[0].level == "cause"


def test_a_load_spike_alone_is_only_a_watch_item():
    result = run(b.healthy(sessions=SPIKE))
    assert [(f.cause, f.level) for f in result.findings] == [("overtraining", "watch")]


def test_the_numbness_demo_athlete_gets_a_sensory_red_flag():
    result = run(b.healthy(symptoms=[b.symptom(numbness=True, severity=3)]))
    assert [f.code for f in result.red_flags] == ["sensory_symptoms"]
    assert result.findings == ()


def test_the_lasting_weakness_demo_athlete_also_gets_an_unexplained_weakness_flag():
    result = run(b.healthy(**SCENARIOS["possible_medical_condition"]))
    assert [f.code for f in result.red_flags] == ["unexplained_weakness"]
    assert result.weakness_type == "perceived"


def test_near_zero_baselines_give_no_percentage_change_and_no_crash():
    """Regression (hypothesis): a 0 cm or 1e-308 cm baseline jump overflowed to None."""
    from datetime import timedelta

    from assessments.analysis.snapshot import JumpTest, StrengthTest

    result = run(
        b.healthy(
            jump_tests=[
                JumpTest(b.AS_OF, 1.0),
                JumpTest(b.AS_OF - timedelta(days=14), 0.0),
                JumpTest(b.AS_OF - timedelta(days=14), 1e-308),
            ],
            strength_tests=[
                StrengthTest(b.AS_OF, "back_squat", 0.0, 1),
                StrengthTest(b.AS_OF - timedelta(days=14), "back_squat", 2e-309, 1),
            ],
        )
    )
    assert "poor_motor_unit_recruitment" not in {f.cause for f in result.findings}
