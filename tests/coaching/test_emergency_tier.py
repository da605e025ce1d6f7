"""The emergency tier reaches every coach-facing place: alert subject, digest, dashboard."""

import datetime as dt

import pytest
from django.core import mail

from assessments.analysis.rules import RED_FLAGS
from assessments.models import Flag
from assessments.services import analyse_athlete
from coaching import alerts, digests
from coaching.dashboard import SEVERITY_ORDER, needs_attention
from tests import factories as f

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def test_every_red_flag_code_of_the_engine_has_a_title():
    assert set(RED_FLAGS) <= set(alerts.RED_FLAG_TITLES)


def test_every_severity_of_the_engine_has_a_place_in_the_dashboard_order():
    from assessments.analysis.rules.registry import SEVERITIES

    assert [s for s in sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.get)] == list(SEVERITIES)


def test_an_emergency_alert_says_so_in_its_subject(django_capture_on_commit_callbacks):
    org = f.OrganizationFactory()
    coach = f.CoachFactory(organization=org)
    athlete = f.AthleteFactory(organization=org, coaches=[coach], name="Sal Saddle")
    f.SymptomReportFactory(
        athlete=athlete, date=dt.date.today() - dt.timedelta(days=1), saddle_numbness=True
    )
    with django_capture_on_commit_callbacks(execute=True):
        analyse_athlete(athlete_id=athlete.pk)
    subjects = [m.subject for m in mail.outbox]
    assert subjects == [
        "[Legstrong] EMERGENCY: Sal Saddle reports saddle numbness or a bladder or bowel change"
    ]
    assert "emergency" in mail.outbox[0].body.lower()


def test_the_dashboard_lists_an_emergency_before_an_older_urgent_flag():
    coach = f.CoachFactory()
    athletes = [f.AthleteFactory(organization=coach.organization, coaches=[coach]) for _ in "ab"]
    urgent = f.FlagFactory(athlete=athletes[0], code="sensory_symptoms", severity="urgent")
    emergency = f.FlagFactory(athlete=athletes[1], code="cauda_equina_signs", severity="emergency")
    Flag.objects.filter(pk=emergency.pk).update(opened_at=urgent.opened_at - dt.timedelta(days=1))
    assert needs_attention(coach.user)["red_flags"] == [emergency, urgent]


def digest_with(*severities):
    coach = f.CoachFactory(organization=f.OrganizationFactory(timezone="UTC"))
    now = dt.datetime(2026, 11, 24, 7, tzinfo=UTC)
    for index, severity in enumerate(severities):
        athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach])
        f.FlagFactory(athlete=athlete, code=f"code_{index}", severity=severity)
    return coach, digests.content(coach=coach, now=now)


def test_a_digest_with_an_open_emergency_says_so_in_its_subject():
    coach, summary = digest_with("soon", "emergency")
    assert digests.message(coach, summary).subject.startswith("[Legstrong] EMERGENCY:")


def test_a_digest_without_an_emergency_keeps_its_usual_subject():
    coach, summary = digest_with("urgent")
    assert digests.message(coach, summary).subject.startswith("[Legstrong] Your athletes on")


def test_a_digest_lists_red_flags_most_pressing_first():
    _, summary = digest_with("soon", "emergency", "urgent")
    assert [flag.severity for flag in summary["open_flags"]] == ["emergency", "urgent", "soon"]


def test_a_digest_counts_likely_causes_only():
    coach = f.CoachFactory(organization=f.OrganizationFactory(timezone="UTC"))
    athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach])
    run = f.AnalysisRunFactory(athlete=athlete)
    f.FindingFactory(run=run, rank=1, cause="inadequate_sleep", level="cause")
    f.FindingFactory(run=run, rank=2, cause="chronic_stress", level="watch")
    summary = digests.content(coach=coach, now=dt.datetime(2026, 11, 24, 7, tzinfo=UTC))
    assert summary["common_causes"] == [("inadequate_sleep", 1)]
