"""Red flags: symptoms that need a medical professional, above any training advice."""

import pytest

from assessments.analysis import run
from assessments.analysis.rules import RED_FLAGS, Gap, Raised
from assessments.analysis.rules.red_flags import advice_text
from tests.assessments.analysis import builders as b

SYMPTOM_FLAGS = (
    "sudden_weakness",
    "severe_weakness",
    "sensory_symptoms",
    "cauda_equina_signs",
    "leg_swelling",
    "persistent_pain",
    "suspected_medical_condition",
)


def raised(code, *reports):
    return b.check(code, b.healthy(symptoms=list(reports)))


@pytest.mark.parametrize(
    "code", [*SYMPTOM_FLAGS, "unexplained_weakness", "dark_urine_with_muscle_pain"]
)
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
    outcome = b.check("dark_urine_with_muscle_pain", b.healthy(wellness=wellness))
    assert isinstance(outcome, Raised) is flagged
    if flagged:
        assert outcome.severity == "urgent"
        assert outcome.evidence["urine_colour"] == urine


def test_dark_urine_with_severe_pain_does_not_hide_a_suspected_condition():
    wellness = b.wellness()
    wellness[-1] = b.WellnessEntry(b.AS_OF, 8, 9, 5, 2, 8, 80.0)
    s = b.healthy(wellness=wellness, symptoms=[b.symptom(suspected_condition="anaemia")])
    result = run(s)
    assert {f.code: f.severity for f in result.red_flags} == {
        "dark_urine_with_muscle_pain": "urgent",
        "suspected_medical_condition": "soon",
    }


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


# --- triage: the emergency tier and the signs science.md's triage table names -----------------


def severities(*reports):
    """{code: severity} of the red flags a run raises for these symptom reports."""
    return {f.code: f.severity for f in run(b.healthy(symptoms=list(reports))).red_flags}


def test_one_sided_calf_pain_with_swelling_is_urgent_same_day():
    outcome = raised("leg_swelling", b.symptom(pain=True, swelling=True, side="left", severity=2))
    assert outcome.severity == "urgent"
    assert outcome.evidence["sides"] == ["left"] and outcome.evidence["pain"] == 1


def test_one_sided_swelling_without_pain_is_still_urgent():
    assert raised("leg_swelling", b.symptom(swelling=True, side="right")).severity == "urgent"


def test_a_painful_swelling_whose_side_is_not_said_is_urgent():
    assert raised("leg_swelling", b.symptom(swelling=True, pain=True)).severity == "urgent"


@pytest.mark.parametrize(
    "fields", [{"side": "both"}, {"side": "left", "resolved": True}, {"side": None}]
)
def test_swelling_of_both_legs_or_gone_down_is_soon(fields):
    outcome = raised("leg_swelling", b.symptom(swelling=True, **fields))
    assert outcome.severity == "soon"
    assert "same day" in outcome.advice


def test_pain_without_swelling_raises_no_swelling_flag():
    assert raised("leg_swelling", b.symptom(pain=True, pain_days=2, side="left")) is None


def test_saddle_numbness_is_an_emergency():
    outcome = raised("cauda_equina_signs", b.symptom(saddle_numbness=True))
    assert outcome.severity == "emergency"
    assert outcome.evidence["saddle_numbness"] == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"back_pain": True},
        {"severity": 3},
        {"tingling": True},
        {"pain": True, "pain_days": 1},
    ],
)
def test_a_bladder_or_bowel_change_with_back_or_leg_symptoms_is_an_emergency(fields):
    outcome = raised("cauda_equina_signs", b.symptom(bladder_bowel_change=True, **fields))
    assert outcome.severity == "emergency"


def test_a_bladder_or_bowel_change_alone_is_soon_and_says_when_it_becomes_an_emergency():
    outcome = raised("cauda_equina_signs", b.symptom(bladder_bowel_change=True))
    assert outcome.severity == "soon"
    assert "emergency care" in outcome.advice


def test_back_pain_with_tingling_in_both_legs_is_an_emergency():
    report = b.symptom(back_pain=True, tingling=True, side="both")
    assert raised("cauda_equina_signs", report).severity == "emergency"
    assert raised("cauda_equina_signs", b.symptom(back_pain=True, tingling=True)) is None


@pytest.mark.parametrize("fields", [{"severity": 6}, {"numbness": True}])
def test_sudden_one_sided_weakness_or_numbness_is_an_emergency(fields):
    outcome = raised("sudden_weakness", b.symptom(onset="sudden", side="left", **fields))
    assert outcome.severity == "emergency"
    assert outcome.evidence["one_sided"] is True and outcome.evidence["sides"] == ["left"]
    assert "FAST" in outcome.advice


def test_a_sudden_one_sided_weakness_that_has_passed_is_urgent():
    report = b.symptom(onset="sudden", side="right", severity=5, resolved=True)
    assert raised("sudden_weakness", report).severity == "urgent"


def test_a_sudden_numbness_that_passed_after_a_long_drive_is_not_a_stroke_alarm():
    report = b.symptom(onset="sudden", side="left", numbness=True, resolved=True,
                       context="sat cross-legged on a long drive")  # fmt: skip
    assert severities(report) == {"sensory_symptoms": "warning"}


def test_sudden_weakness_of_both_legs_stays_urgent():
    report = b.symptom(onset="sudden", side="both", severity=5)
    assert severities(report) == {"sudden_weakness": "urgent"}
    assert raised("sudden_weakness", b.symptom(onset="sudden", severity=5)).severity == "urgent"


def test_tingling_in_both_feet_is_urgent():
    outcome = raised("sensory_symptoms", b.symptom(tingling=True, side="both", severity=0))
    assert outcome.severity == "urgent"
    assert outcome.evidence["both_legs"] == 1


def test_worsening_sensory_symptoms_are_urgent():
    report = b.symptom(numbness=True, side="left", severity=1, progression="worsening")
    assert raised("sensory_symptoms", report).severity == "urgent"


def test_mild_one_sided_tingling_is_soon():
    report = b.symptom(tingling=True, side="left", severity=1, progression="stable")
    assert raised("sensory_symptoms", report).severity == "soon"


def test_numbness_after_a_long_drive_that_has_resolved_raises_no_referral():
    report = b.symptom(numbness=True, resolved=True, context="after a four-hour drive")
    outcome = raised("sensory_symptoms", report)
    assert outcome.severity == "warning"
    assert "no medical referral" in advice_text(outcome.severity, outcome.advice)
    result = run(b.healthy(symptoms=[report]))
    assert [(f.code, f.severity) for f in result.red_flags] == [("sensory_symptoms", "warning")]
    assert result.training_advice_secondary is False


@pytest.mark.parametrize(
    ("fields", "severity"),
    [
        ({"resolved": True}, "soon"),  # gone, but nothing explains it
        ({"resolved": True, "context": "   "}, "soon"),  # blank text explains nothing
        ({"resolved": True, "context": "long drive", "side": "both"}, "urgent"),
        ({"resolved": True, "context": "long drive", "loss_of_sensation": True}, "urgent"),
        ({"resolved": True, "context": "long drive", "severity": 5}, "urgent"),
        ({"context": "long drive"}, "soon"),  # explained but still there
    ],
)
def test_numbness_is_a_note_only_when_resolved_explained_and_mild(fields, severity):
    assert raised("sensory_symptoms", b.symptom(numbness=True, **fields)).severity == severity


def test_a_later_unexplained_numbness_is_not_hidden_by_an_explained_one():
    reports = [
        b.symptom(5, numbness=True, resolved=True, context="tight boots"),
        b.symptom(1, numbness=True),
    ]
    assert raised("sensory_symptoms", *reports).severity == "soon"


@pytest.mark.parametrize(
    "context", ["long drive\r\nthen\u2028more", "\udcff\ud800 broken", "x" * 100_000, "\x00"]
)
def test_hostile_context_text_is_read_safely_and_never_copied(context):
    import json

    report = b.symptom(numbness=True, resolved=True, context=context)
    result = run(b.healthy(symptoms=[report]))
    assert [f.severity for f in result.red_flags] == ["warning"]
    dumped = json.dumps(result.to_dict())
    assert "drive" not in dumped and "broken" not in dumped and "xxxx" not in dumped


def test_emergencies_come_first_and_tell_the_athlete_to_call_emergency_services():
    result = run(
        b.healthy(
            symptoms=[
                b.symptom(3, pain=True, pain_days=9),
                b.symptom(1, saddle_numbness=True, back_pain=True, severity=4),
            ]
        )
    )
    assert result.red_flags[0].severity == "emergency"
    assert result.red_flags[0].code == "cauda_equina_signs"
    assert result.red_flags[0].advice.startswith("Call emergency services")
    assert result.training_advice_secondary is True


def test_every_emergency_flag_says_to_call_emergency_services():
    for rule in RED_FLAGS.values():
        if rule.severity == "emergency":
            assert advice_text("emergency", rule.advice).startswith("Call emergency services")
            assert "emergency" in rule.advice.lower() or "call" in rule.advice.lower()


def test_every_red_flag_cites_a_clinical_source():
    for rule in RED_FLAGS.values():
        assert rule.source.strip(), rule.code
    clinical = ("NICE", "NHS", "GIRFT", "Kim et al.")
    for code in (
        "sudden_weakness",
        "sensory_symptoms",
        "cauda_equina_signs",
        "leg_swelling",
        "dark_urine_with_muscle_pain",
    ):
        assert any(name in RED_FLAGS[code].source for name in clinical), code


def test_the_triage_table_tiers():
    """science.md 'Triage, with the emergency tier', one row per case."""
    cases = [
        (b.symptom(onset="sudden", side="left", severity=6), "sudden_weakness", "emergency"),
        (b.symptom(saddle_numbness=True), "cauda_equina_signs", "emergency"),
        (b.symptom(bladder_bowel_change=True, back_pain=True), "cauda_equina_signs",
         "emergency"),
        (b.symptom(pain=True, swelling=True, side="right"), "leg_swelling", "urgent"),
        (b.symptom(tingling=True, side="both"), "sensory_symptoms", "urgent"),
        (b.symptom(numbness=True, severity=5), "sensory_symptoms", "urgent"),
        (b.symptom(numbness=True, resolved=True, context="long drive"), "sensory_symptoms",
         "warning"),
    ]  # fmt: skip
    for report, code, severity in cases:
        assert severities(report).get(code) == severity, (code, report)
