"""The analysis run in the API: each finding's level, what to monitor, and the phases used."""

import datetime as dt

import pytest

from assessments.models import AnalysisRun
from tests import factories as f

pytestmark = pytest.mark.django_db

ADVICE = {"code": "sleep_7_9_hours", "text": "Sleep more.", "monitor": "nightly sleep",
          "retest_after_days": 14}  # fmt: skip


def latest(world, role="coach") -> dict:
    response = world.client(role).get(f"/api/v1/athletes/{world.athlete.pk}/analysis/")
    assert response.status_code == 200
    return response.json()


def test_findings_carry_their_level_causes_first(world):
    run = f.AnalysisRunFactory(athlete=world.athlete)
    f.FindingFactory(run=run, rank=1, cause="inadequate_sleep", level="cause")
    f.FindingFactory(run=run, rank=2, cause="chronic_stress", level="watch")
    findings = latest(world)["findings"]
    assert [(x["cause"], x["level"]) for x in findings] == [
        ("inadequate_sleep", "cause"),
        ("chronic_stress", "watch"),
    ]


def test_the_athlete_reads_the_levels_too(world):
    run = f.AnalysisRunFactory(athlete=world.athlete)
    f.FindingFactory(run=run, rank=1, level="watch")
    assert latest(world, "athlete")["findings"][0]["level"] == "watch"


def test_recommendations_say_what_to_monitor_and_when_to_retest(world):
    run = f.AnalysisRunFactory(athlete=world.athlete)
    f.FindingFactory(run=run, rank=1, recommendations=[ADVICE])
    assert latest(world)["findings"][0]["recommendations"] == [ADVICE]


def test_advice_stored_before_monitoring_existed_reads_as_null(world):
    run = f.AnalysisRunFactory(athlete=world.athlete)
    f.FindingFactory(run=run, rank=1, recommendations=[{"code": "x", "text": "Old words."}])
    advice = latest(world)["findings"][0]["recommendations"][0]
    assert advice == {"code": "x", "text": "Old words.", "monitor": None, "retest_after_days": None}


def test_the_weakness_type_none_is_served(world):
    f.AnalysisRunFactory(athlete=world.athlete, weakness_type="none")
    assert latest(world)["weakness_type"] == "none"


def test_an_analysis_stores_and_serves_the_coach_set_phase(world):
    """A fresh run reads the athlete's phases and says which it took into account."""
    AnalysisRun.objects.all().delete()
    today = dt.date.today()
    phase = f.TrainingPhaseFactory(
        athlete=world.athlete, start=today - dt.timedelta(days=3), end=today, kind="taper",
    )  # fmt: skip
    world.records["phase"].delete()
    response = world.client("coach").post(f"/api/v1/athletes/{world.athlete.pk}/analyze/")
    assert response.status_code == 202
    phases = latest(world)["phases"]
    assert {"start": phase.start.isoformat(), "end": phase.end.isoformat(), "kind": "taper",
            "source": "coach", "reason": ""} in phases  # fmt: skip
    assert AnalysisRun.objects.get().phases == phases


def test_a_run_without_phases_serves_an_empty_list(world):
    f.AnalysisRunFactory(athlete=world.athlete)
    assert latest(world)["phases"] == []
