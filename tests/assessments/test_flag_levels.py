"""Only what refers or is a likely cause flags: watch items and coach notes never do."""

import datetime as dt

import pytest

from assessments.analysis import engine, recommendations
from assessments.models import Finding, Flag
from assessments.services import analyse_athlete
from assessments.services.flags import desired_flags
from coaching.models import AlertEmail
from tests import factories as f

pytestmark = pytest.mark.django_db

YESTERDAY = f.TODAY - dt.timedelta(days=1)


def result(*, findings=(), red_flags=()) -> engine.Result:
    return engine.Result(
        athlete_id=1, as_of=f.TODAY, ruleset_version="2.0.0", window_start=f.TODAY,
        window_end=f.TODAY, weakness_type="none", red_flags=tuple(red_flags),
        findings=tuple(findings), data_gaps=(), training_advice_secondary=False,
    )  # fmt: skip


def overtraining(level: str) -> engine.Finding:
    advice = recommendations.Recommendation("deload", "Lighten the week.", "fatigue", 7)
    return engine.Finding("overtraining", "training", 0.8, {"ewma_ratio": 1.7}, (advice,), level)


def red_flag(severity: str) -> engine.RedFlag:
    return engine.RedFlag("sensory_symptoms", severity, {"reports": 1}, "See a doctor.")


def test_overtraining_as_a_likely_cause_opens_a_flag():
    assert set(desired_flags(result(findings=[overtraining("cause")]))) == {"overtraining"}


def test_overtraining_as_a_watch_item_opens_no_flag():
    assert desired_flags(result(findings=[overtraining("watch")])) == {}


@pytest.mark.parametrize("severity", ["emergency", "urgent", "soon"])
def test_every_referring_red_flag_opens_a_flag_of_its_severity(severity):
    wanted = desired_flags(result(red_flags=[red_flag(severity)]))
    assert wanted["sensory_symptoms"]["severity"] == severity


def test_a_warning_note_opens_no_flag():
    assert desired_flags(result(red_flags=[red_flag("warning")])) == {}


def load_spike_without_a_confirming_sign(athlete):
    """Three weeks of steady training, then a much harder week; fatigue and soreness stay
    at their usual level, and no strength or jump test says otherwise."""
    for days_ago in range(35):
        day = f.TODAY - dt.timedelta(days=days_ago)
        if days_ago < 7:
            f.TrainingSessionFactory(athlete=athlete, date=day, duration_min=150, session_rpe=9)
        elif days_ago % 2 == 0:
            f.TrainingSessionFactory(athlete=athlete, date=day, duration_min=50, session_rpe=6)
        f.WellnessCheckInFactory(athlete=athlete, date=day, fatigue=3, soreness=3)


def test_an_unconfirmed_load_spike_is_stored_as_a_watch_item_and_never_flags():
    athlete = f.AthleteFactory()
    load_spike_without_a_confirming_sign(athlete)
    run = analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    assert run.findings.get(cause="overtraining").level == Finding.Level.WATCH
    assert not Flag.objects.filter(athlete=athlete).exists()
    assert not AlertEmail.objects.exists()


def test_a_resolved_numbness_explained_by_its_context_is_a_note_without_a_flag():
    athlete = f.AthleteFactory()
    f.SymptomReportFactory(
        athlete=athlete, date=YESTERDAY, numbness=True, severity=1, side="left", resolved=True,
        context="After a four-hour drive; gone the next morning.",
    )  # fmt: skip
    run = analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    assert [(r["code"], r["severity"]) for r in run.red_flags] == [("sensory_symptoms", "warning")]
    assert not run.training_advice_secondary
    assert not Flag.objects.filter(athlete=athlete).exists()
    assert not AlertEmail.objects.exists()


def test_saddle_numbness_opens_an_emergency_flag():
    athlete = f.AthleteFactory()
    f.SymptomReportFactory(athlete=athlete, date=YESTERDAY, saddle_numbness=True, back_pain=True)
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    flag = Flag.objects.get(athlete=athlete, code="cauda_equina_signs")
    assert flag.severity == "emergency" and flag.kind == "red_flag"


def test_one_sided_calf_pain_with_swelling_opens_an_urgent_flag():
    athlete = f.AthleteFactory()
    f.SymptomReportFactory(
        athlete=athlete, date=YESTERDAY, pain=True, swelling=True, side="right", severity=2,
    )  # fmt: skip
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    assert Flag.objects.get(athlete=athlete, code="leg_swelling").severity == "urgent"
