"""Red-flag alerts: one e-mail per coach per flag, never twice, never lost."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from assessments.services import analyse_athlete
from coaching import alerts
from coaching.models import AlertEmail
from coaching.tasks import reconcile_alerts, send_flag_alerts
from tests.pipeline.conftest import report_numbness

pytestmark = pytest.mark.django_db


def analyse(athlete, capture):
    with capture(execute=True):
        analyse_athlete(athlete_id=athlete.pk)


def test_a_new_red_flag_emails_its_coach_and_the_head_coach(
    club, django_capture_on_commit_callbacks
):
    report_numbness(club["athlete"])
    analyse(club["athlete"], django_capture_on_commit_callbacks)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([club["coach"].user.email, club["head"].user.email])
    message = mail.outbox[0]
    assert "Nina Numb" in message.subject and "numbness" in message.subject
    assert "medical professional" in message.body
    assert f"/admin/coaching/athlete/{club['athlete'].pk}/change/" in message.body
    assert message.alternatives and "text/html" in message.alternatives[0][1]


def test_an_unrelated_coach_and_an_opted_out_coach_get_nothing(
    club, django_capture_on_commit_callbacks
):
    club["head"].alerts_enabled = False
    club["head"].save()
    report_numbness(club["athlete"])
    analyse(club["athlete"], django_capture_on_commit_callbacks)
    assert [m.to[0] for m in mail.outbox] == [club["coach"].user.email]


def test_a_persisting_flag_is_not_emailed_again(club, django_capture_on_commit_callbacks):
    report_numbness(club["athlete"])
    analyse(club["athlete"], django_capture_on_commit_callbacks)
    analyse(club["athlete"], django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_running_the_alert_task_twice_sends_nothing_more(club, django_capture_on_commit_callbacks):
    report_numbness(club["athlete"])
    analyse(club["athlete"], django_capture_on_commit_callbacks)
    flag_id = AlertEmail.objects.first().flag_id
    assert send_flag_alerts.apply(args=[flag_id]).get() == 0
    assert len(mail.outbox) == 2
    assert set(AlertEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_an_smtp_failure_leaves_the_alert_pending_then_it_goes_once(
    club, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    report_numbness(club["athlete"])
    analyse(club["athlete"], django_capture_on_commit_callbacks)  # send fails: nothing raised
    rows = list(AlertEmail.objects.all())
    assert {r.status for r in rows} == {"pending"} and all(r.last_error for r in rows)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_flag_alerts.apply(args=[rows[0].flag_id])
    send_flag_alerts.apply(args=[rows[0].flag_id])
    assert len(mail.outbox) == 2


def test_reconciliation_sends_overdue_alerts_and_reports_them(club, caplog):
    from assessments.models import Flag

    flag = Flag.objects.create(
        athlete=club["athlete"], kind="red_flag", code="sudden_weakness", severity="urgent",
        last_seen_at=timezone.now(),
    )  # fmt: skip
    AlertEmail.objects.create(flag=flag, coach=club["coach"])
    assert reconcile_alerts.apply().get() == 0  # not overdue yet
    later = timezone.now() + dt.timedelta(minutes=10)
    assert alerts.reconcile(now=later) == 1
    assert "overdue" in caplog.text
    assert len(mail.outbox) == 1
    assert alerts.reconcile(now=later) == 0


def test_an_abandoned_claim_is_sent_again_after_the_stale_period(club):
    from assessments.models import Flag

    flag = Flag.objects.create(
        athlete=club["athlete"], kind="red_flag", code="severe_weakness", severity="urgent",
        last_seen_at=timezone.now(),
    )  # fmt: skip
    row = AlertEmail.objects.create(flag=flag, coach=club["coach"])
    assert alerts.claim(row.pk)  # a worker claimed it and died
    assert alerts.reconcile(now=timezone.now() + dt.timedelta(minutes=5)) == 0
    assert alerts.reconcile(now=timezone.now() + dt.timedelta(minutes=30)) == 1
    assert len(mail.outbox) == 1
