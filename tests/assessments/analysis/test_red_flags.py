"""Red flags: symptoms that need a medical professional, above any training advice."""

import pytest

from assessments.analysis import run
from assessments.analysis.rules import Gap, Raised
from tests.assessments.analysis import builders as b

SYMPTOM_FLAGS = (
    "sudden_weakness",
    "severe_weakness",
    "sensory_symptoms",
    "persistent_pain",
    "suspected_medical_condition",
)


def raised(code, *reports):
    return b.check(code, b.healthy(symptoms=list(reports)))


@pytest.mark.parametrize("code", [*SYMPTOM_FLAGS, "unexplained_weakness"])
def test_silent_on_the_healthy_athlete(code):
    assert not isinstance(b.check(code, b.healthy()), Raised)


@pytest.mark.parametrize("code", SYMPTOM_FLAGS)
def test_gap_without_a_recent_symptom_report(code):
    assert b.check(code, b.healthy()) == Gap("no symptom report in the last 14 days")


@pytest.mark.parametrize("code", SYMPTOM_FLAGS)
def test_silent_on_an_unremarkable_symptom_report(code):
    assert raised(code, b.symptom(severity=3)) is None


@pytest.mark.parametrize(("days_ago", "counts"), [(13, True), (14, False)])
def test_only_reports_from_the_last_14_days_count(days_ago, counts):
    outcome = raised("sudden_weakness", b.symptom(days_ago, onset="sudden", severity=5))
    assert isinstance(outcome, Raised) is counts


def test_sudden_weakness_is_urgent():
    outcome = raised("sudden_weakness", b.symptom(onset="sudden", severity=5))
    assert outcome.severity == "urgent"
    assert outcome.evidence["max_severity"] == 5


@pytest.mark.parametrize(("severity", "flagged"), [(7, False), (8, True), (9, True)])
def test_severe_weakness_turns_at_eight(severity, flagged):
    outcome = raised("severe_weakness", b.symptom(severity=severity))
    assert isinstance(outcome, Raised) is flagged
    if flagged:
        assert outcome.severity == "urgent"


@pytest.mark.parametrize(("severity", "urgency"), [(3, "soon"), (4, "urgent"), (5, "urgent")])
def test_sensory_symptoms_are_urgent_with_marked_weakness(severity, urgency):
    outcome = raised("sensory_symptoms", b.symptom(severity=severity, tingling=True))
    assert outcome.severity == urgency
    assert outcome.evidence["symptoms"] == ["tingling"]


def test_loss_of_sensation_is_always_urgent():
    outcome = raised("sensory_symptoms", b.symptom(severity=0, loss_of_sensation=True))
    assert outcome.severity == "urgent"


@pytest.mark.parametrize(("pain_days", "flagged"), [(6, False), (7, True), (8, True)])
def test_persistent_pain_turns_at_seven_days(pain_days, flagged):
    report = b.symptom(pain=True, pain_days=pain_days, pain_improves_with_rest=False)
    outcome = raised("persistent_pain", report)
    assert isinstance(outcome, Raised) is flagged
    if flagged:
        assert outcome.severity == "soon"


@pytest.mark.parametrize(("improves", "flagged"), [(True, False), (False, True), (None, True)])
def test_persistent_pain_counts_unless_rest_helps(improves, flagged):
    report = b.symptom(pain=True, pain_days=10, pain_improves_with_rest=improves)
    assert isinstance(raised("persistent_pain", report), Raised) is flagged


def test_pain_without_a_duration_is_a_gap():
    outcome = raised("persistent_pain", b.symptom(pain=True))
    assert outcome == Gap("pain reported without how many days it has lasted")


def test_suspected_condition_is_raised_soon():
    outcome = raised("suspected_medical_condition", b.symptom(suspected_condition="anaemia"))
    assert outcome.severity == "soon"
    assert outcome.evidence["suspected_conditions"] == ["anaemia"]
    assert raised("suspected_medical_condition", b.symptom(suspected_condition="  ")) is None


@pytest.mark.parametrize(
    ("urine", "soreness", "flagged"), [(7, 8, True), (6, 8, False), (7, 7, False), (8, 9, True)]
)
def test_very_dark_urine_with_severe_pain_is_urgent(urine, soreness, flagged):
    wellness = b.wellness()
    wellness[-1] = b.WellnessEntry(b.AS_OF, 8, soreness, 5, 2, urine, 80.0)
    outcome = b.check("suspected_medical_condition", b.healthy(wellness=wellness))
    assert isinstance(outcome, Raised) is flagged
    if flagged:
        assert outcome.severity == "urgent"
        assert outcome.evidence["pattern"] == "very_dark_urine_with_severe_muscle_pain"


# --- unexplained weakness ---------------------------------------------------------------------


def weak(days_marked=14, level=7):
    history = b.wellness()
    return history[: len(history) - days_marked] + b.wellness(weakness=level, count=days_marked)


def test_unexplained_weakness_is_raised_when_no_cause_is_found():
    outcome = b.check("unexplained_weakness", b.healthy(wellness=weak()))
    assert outcome.severity == "soon"
    assert outcome.evidence["not_checked"] == []


@pytest.mark.parametrize(("days_marked", "flagged"), [(9, False), (10, True), (11, True)])
def test_unexplained_weakness_turns_at_ten_marked_days(days_marked, flagged):
    s = b.healthy(wellness=weak(days_marked))
    assert isinstance(b.check("unexplained_weakness", s), Raised) is flagged


def test_unexplained_weakness_needs_no_cause_and_no_explanation():
    assert b.check("unexplained_weakness", b.healthy(wellness=weak(), sleep=b.sleep(5.0))) is None
    explained = b.healthy(wellness=weak(), symptoms=[b.symptom(explained_by="flu last week")])
    assert b.check("unexplained_weakness", explained) is None


def test_unexplained_weakness_is_raised_even_with_data_missing_and_says_so():
    outcome = b.check("unexplained_weakness", b.healthy(wellness=weak(), nutrition=()))
    assert outcome.evidence["not_checked"] == ["nutrition"]


def test_unexplained_weakness_gap_without_wellness():
    assert b.check("unexplained_weakness", b.empty()) == Gap(
        "no wellness check-ins in the last 14 days"
    )


# --- in the result ----------------------------------------------------------------------------


def test_a_red_flag_puts_training_advice_second_and_says_to_see_a_professional():
    result = run(b.healthy(sleep=b.sleep(5.0), symptoms=[b.symptom(numbness=True, severity=2)]))
    assert result.training_advice_secondary is True
    assert [f.code for f in result.red_flags] == ["sensory_symptoms"]
    assert result.red_flags[0].advice.startswith("Book an appointment with a doctor")
    assert result.findings[0].cause == "inadequate_sleep"  # still reported, secondary


def test_urgent_red_flags_come_first():
    result = run(
        b.healthy(
            symptoms=[b.symptom(pain=True, pain_days=9), b.symptom(2, onset="sudden", severity=9)]
        )
    )
    assert [f.code for f in result.red_flags] == [
        "sudden_weakness",
        "severe_weakness",
        "persistent_pain",
    ]
    assert [f.severity for f in result.red_flags] == ["urgent", "urgent", "soon"]
    assert result.red_flags[0].advice.startswith("Stop leg training and get medical care today.")


def test_advice_never_names_a_diagnosis_for_the_athlete():
    result = run(
        b.healthy(
            symptoms=[
                b.symptom(
                    onset="sudden",
                    severity=9,
                    numbness=True,
                    pain=True,
                    pain_days=9,
                    suspected_condition="x",
                )
            ]
        )
    )
    for flag in result.red_flags:
        assert "you have" not in flag.advice.lower()
        assert "doctor" in flag.advice.lower() or "medical" in flag.advice.lower()
