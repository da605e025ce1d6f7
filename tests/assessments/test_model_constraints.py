"""The database enforces the bounds of assessments, symptoms, runs, findings and flags."""

import datetime as dt

import pytest

from tests import factories as f
from tests.constraint_helpers import assert_rejected, bound_cases, check_bound

pytestmark = pytest.mark.django_db

BOUNDS = [
    (f.StrengthTestFactory, "load_kg", 0, 1000, 0.5),
    (f.StrengthTestFactory, "reps", 1, 30, 1),
    (f.MobilityScreenFactory, "ankle_dorsiflexion_left_cm", 0, 30, 0.1),
    (f.MobilityScreenFactory, "ankle_dorsiflexion_right_cm", 0, 30, 0.1),
    (f.MobilityScreenFactory, "single_leg_balance_left_s", 0, 600, 0.1),
    (f.MobilityScreenFactory, "single_leg_balance_right_s", 0, 600, 0.1),
    (f.MobilityScreenFactory, "y_balance_left_pct", 0, 200, 0.1),
    (f.MobilityScreenFactory, "y_balance_right_pct", 0, 200, 0.1),
    (f.JumpTestFactory, "countermovement_jump_cm", 1, 150, 0.1),
    (f.ActivationRatingFactory, "mind_muscle_rating", 1, 5, 1),
    (f.SymptomReportFactory, "severity", 0, 10, 1),
    (f.SymptomReportFactory, "pain_days", 0, 3650, 1),
    (f.FindingFactory, "score", 0, 1, 0.01),
]


@pytest.mark.parametrize(("factory", "field", "value", "accepted"), bound_cases(BOUNDS))
def test_bounds_are_enforced_by_the_database(factory, field, value, accepted):
    check_bound(factory, field, value, accepted)


@pytest.mark.parametrize(
    ("factory", "field", "value"),
    [
        (f.StrengthTestFactory, "side", "top"),
        (f.SymptomReportFactory, "onset", "slow"),
        (f.AnalysisRunFactory, "weakness_type", "imagined"),
        (f.FindingFactory, "category", "astrology"),
        (f.FlagFactory, "kind", "injury"),
        (f.FlagFactory, "status", "snoozed"),
        (f.FlagFactory, "severity", "whenever"),
        (f.FindingFactory, "level", "maybe"),
        (f.SymptomReportFactory, "side", "top"),
        (f.SymptomReportFactory, "progression", "sideways"),
    ],
)
def test_enumerations_are_enforced_by_the_database(factory, field, value):
    assert_rejected(factory, **{field: value})


def test_strength_test_stores_its_epley_e1rm():
    test = f.StrengthTestFactory(load_kg=100, reps=5)
    test.refresh_from_db()
    assert test.e1rm_kg == pytest.approx(116.7)


def test_strength_test_beyond_epleys_range_stores_no_e1rm():
    test = f.StrengthTestFactory(load_kg=100, reps=12)
    test.refresh_from_db()
    assert test.e1rm_kg is None


def test_run_window_must_be_ordered():
    assert_rejected(
        f.AnalysisRunFactory, window_start=f.TODAY, window_end=f.TODAY - dt.timedelta(days=1)
    )


def test_a_cause_appears_once_per_run():
    finding = f.FindingFactory(cause="overtraining", category="training")
    assert_rejected(f.FindingFactory, run=finding.run, cause="overtraining", category="training")


def test_one_active_flag_per_athlete_and_code():
    flag = f.FlagFactory(code="sensory_symptoms")
    assert_rejected(f.FlagFactory, athlete=flag.athlete, code="sensory_symptoms")
    assert_rejected(
        f.FlagFactory, athlete=flag.athlete, code="sensory_symptoms", status="acknowledged"
    )


def test_a_resolved_flag_leaves_room_for_a_new_one():
    now = dt.datetime(2026, 11, 24, 8, tzinfo=dt.UTC)
    old = f.FlagFactory(code="sensory_symptoms", status="resolved", resolved_at=now)
    assert f.FlagFactory(athlete=old.athlete, code="sensory_symptoms").pk


def test_a_resolved_flag_needs_its_resolution_time():
    assert_rejected(f.FlagFactory, status="resolved", resolved_at=None)


def test_threshold_override_once_per_key_and_organization():
    override = f.ThresholdOverrideFactory(key="sleep_min_hours")
    assert_rejected(
        f.ThresholdOverrideFactory, organization=override.organization, key="sleep_min_hours"
    )


def test_an_emergency_flag_is_stored():
    flag = f.FlagFactory(severity="emergency")
    flag.refresh_from_db()
    assert flag.severity == "emergency"


def test_a_finding_is_a_likely_cause_unless_said_otherwise():
    assert f.FindingFactory().level == "cause"


def test_symptom_triage_fields_default_to_not_said():
    report = f.SymptomReportFactory()
    report.refresh_from_db()
    assert (report.side, report.progression, report.context) == (None, None, "")
    assert not any(
        (report.swelling, report.back_pain, report.saddle_numbness, report.bladder_bowel_change,
         report.resolved)
    )  # fmt: skip
