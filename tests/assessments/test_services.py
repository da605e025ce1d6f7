"""Storing analyses: one run per athlete with ranked findings, in a fixed number of queries."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from assessments.analysis.thresholds import RULESET_VERSION
from assessments.models import AnalysisRun, Finding
from assessments.selectors import run_as_dict
from assessments.services import analyse_athlete, analyse_athletes
from coaching.models import Athlete
from tests import factories as f
from tests.query_helpers import count_queries

pytestmark = pytest.mark.django_db


def short_sleeper():
    athlete = f.AthleteFactory()
    for days_ago in range(14):
        f.SleepCheckInFactory(
            athlete=athlete, date=f.TODAY - dt.timedelta(days=days_ago), hours=5.0, quality=2
        )
    return athlete


def test_analysis_stores_a_run_with_ranked_findings():
    athlete = short_sleeper()
    run = analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    assert run.ruleset_version == RULESET_VERSION
    assert run.window_end == f.TODAY and run.window_start < f.TODAY
    findings = list(run.findings.order_by("rank"))
    assert findings[0].cause == "inadequate_sleep"
    assert findings[0].evidence["days"] == 14
    assert [x.rank for x in findings] == list(range(1, len(findings) + 1))
    assert [x.score for x in findings] == sorted((x.score for x in findings), reverse=True)
    assert run.data_gaps  # no training, no assessments: the run says what it lacked


def test_stored_findings_are_exactly_what_the_engine_found():
    """On PostgreSQL findings go in by COPY: every field survives, level and advice included
    (with what to monitor and when to re-test)."""
    from assessments.analysis import engine
    from assessments.selectors import load_snapshots

    athletes = [short_sleeper() for _ in range(3)]
    ids = [a.pk for a in athletes]
    expected = {
        athlete_id: [
            (rank, x.cause, x.category, x.level, x.score, x.evidence,
             [r.to_dict() for r in x.recommendations])
            for rank, x in enumerate(engine.run(snapshot).findings, start=1)
        ]
        for athlete_id, snapshot in load_snapshots(ids, as_of=f.TODAY).items()
    }  # fmt: skip
    runs = analyse_athletes(athlete_ids=ids, as_of=f.TODAY)

    for athlete_id, run in runs.items():
        stored = [
            [x.rank, x.cause, x.category, x.level, x.score, x.evidence, x.recommendations]
            for x in Finding.objects.filter(run=run).order_by("rank")
        ]
        assert stored == json.loads(json.dumps(expected[athlete_id]))
        assert stored and all(len(r["text"]) > 40 for *_, recs in stored for r in recs)


def test_analysis_records_when_the_data_was_read():
    athlete = short_sleeper()
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    athlete.refresh_from_db()
    assert athlete.last_analysed_at is not None


def test_unknown_athlete_raises():
    with pytest.raises(Athlete.DoesNotExist):
        analyse_athlete(athlete_id=987654)


def test_batch_analysis_uses_the_same_queries_for_1_and_30_athletes():
    athletes = [short_sleeper() for _ in range(30)]
    one = count_queries(lambda: analyse_athletes(athlete_ids=[athletes[0].pk], as_of=f.TODAY))
    many = count_queries(
        lambda: analyse_athletes(athlete_ids=[a.pk for a in athletes], as_of=f.TODAY)
    )
    assert one == many
    assert AnalysisRun.objects.count() == 31
    assert Finding.objects.filter(cause="inadequate_sleep").count() == 31


def test_stored_run_reads_back_in_the_api_shape():
    run = analyse_athlete(athlete_id=short_sleeper().pk, as_of=f.TODAY)
    data = run_as_dict(run)
    assert set(data) >= {
        "id", "athlete", "created_at", "ruleset_version", "window", "weakness_type",
        "red_flags", "findings", "data_gaps",
    }  # fmt: skip
    assert data["findings"][0]["cause"] == "inadequate_sleep"
    assert {"code", "text"} <= set(data["findings"][0]["recommendations"][0])
    json.dumps(data)  # everything stored is plain JSON


def test_analyze_command_prints_findings_for_a_coach(capsys):
    athlete = short_sleeper()
    call_command("analyze", str(athlete.pk))
    out = capsys.readouterr().out
    assert "inadequate_sleep" in out and athlete.name in out


def test_analyze_command_json(capsys):
    athlete = short_sleeper()
    call_command("analyze", str(athlete.pk), "--json")
    assert json.loads(capsys.readouterr().out)["athlete"] == athlete.pk


def test_analyze_command_unknown_athlete():
    with pytest.raises(CommandError):
        call_command("analyze", "987654")
