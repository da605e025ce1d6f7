"""Each alert row's failure is its own: a row that cannot be sent is failed with its reason,
one that may go later waits with backoff, and the others go out regardless."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from assessments.models import Flag
from assessments.services import analyse_athlete
from coaching import alerts
from coaching.models import AlertEmail
from coaching.tasks import send_flag_alerts
from tests import factories as f
from tests.pipeline.conftest import report_numbness

pytestmark = pytest.mark.django_db


def test_an_athlete_named_with_a_line_break_triggers_the_alert(
    club, django_capture_on_commit_callbacks
):
    club["athlete"].name = "Nina\nNumb"
    club["athlete"].save()
    report_numbness(club["athlete"])
    with django_capture_on_commit_callbacks(execute=True):
        analyse_athlete(athlete_id=club["athlete"].pk)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [club["coach"].user.email, club["head"].user.email]
    )
    assert all(m.subject.startswith("[Legstrong] URGENT: Nina Numb reports") for m in mail.outbox)
    assert "Nina\nNumb has an urgent red flag" in mail.outbox[0].body  # the body keeps it
    assert set(AlertEmail.objects.values_list("status", flat=True)) == {"sent"}


def unusable_address(coach):
    get_user_model().objects.filter(pk=coach.user_id).update(email="coach\n@example.com")


def open_flag(athlete, capture, **fields) -> Flag:
    with capture(execute=True):
        flag = f.FlagFactory(athlete=athlete, **fields)
        alerts.queue_alerts([flag])
    return flag


def test_a_row_that_cannot_be_sent_is_failed_with_its_reason_and_the_others_go(
    club, django_capture_on_commit_callbacks, caplog
):
    unusable_address(club["coach"])
    flag = open_flag(club["athlete"], django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [[club["head"].user.email]]
    bad = AlertEmail.objects.get(flag=flag, coach=club["coach"])
    assert bad.status == "failed" and bad.attempts == 1 and bad.next_attempt_at is None
    assert bad.last_error.startswith("BadHeaderError: Header values can't contain newlines")
    assert "\n" not in bad.last_error
    assert f"Red-flag alert e-mail {bad.pk} failed for good" in caplog.text


def test_a_failed_row_is_not_tried_again_by_the_task_or_the_reconciliation(
    club, django_capture_on_commit_callbacks
):
    unusable_address(club["coach"])
    flag = open_flag(club["athlete"], django_capture_on_commit_callbacks)
    assert send_flag_alerts.apply(args=[flag.pk]).get() == 0
    assert alerts.reconcile(now=timezone.now() + dt.timedelta(hours=1)) == 0
    assert AlertEmail.objects.get(coach=club["coach"]).attempts == 1
    assert len(mail.outbox) == 1


def test_failed_rows_are_counted_for_operators(club, django_capture_on_commit_callbacks):
    unusable_address(club["coach"])
    open_flag(club["athlete"], django_capture_on_commit_callbacks)
    open_flag(club["athlete"], django_capture_on_commit_callbacks, code="sudden_weakness")
    assert alerts.failed_count() == 2
    assert alerts.failed_count(since=timezone.now() + dt.timedelta(minutes=1)) == 0


@pytest.fixture
def smtp_down(settings):
    """A real SMTP backend pointed at a closed port: every send fails with an OSError."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1

    def back_up():
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return back_up


def test_a_transient_failure_waits_for_its_retry_time_then_goes_once(
    club, django_capture_on_commit_callbacks, smtp_down, settings
):
    settings.ALERT_OVERDUE_MINUTES = 0
    open_flag(club["athlete"], django_capture_on_commit_callbacks)
    rows = list(AlertEmail.objects.all())
    assert {r.status for r in rows} == {"pending"}
    assert all(r.next_attempt_at and "ConnectionRefusedError" in r.last_error for r in rows)
    smtp_down()  # back up
    retry_at = max(r.next_attempt_at for r in rows)
    assert alerts.reconcile(now=retry_at - dt.timedelta(seconds=1)) == 2  # overdue, waiting
    assert mail.outbox == []
    assert alerts.reconcile(now=retry_at) == 2
    assert alerts.reconcile(now=retry_at + dt.timedelta(minutes=1)) == 0
    assert len(mail.outbox) == 2
    assert set(AlertEmail.objects.values_list("status", "last_error")) == {("sent", "")}


def test_a_row_still_failing_a_day_after_it_was_queued_gives_up(club, smtp_down, caplog):
    flag = f.FlagFactory(athlete=club["athlete"])
    row = AlertEmail.objects.create(flag=flag, coach=club["coach"])
    AlertEmail.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - alerts.GIVE_UP_AFTER - dt.timedelta(minutes=1)
    )
    assert alerts.deliver(row.pk) == alerts.Outcome.FAILED
    row.refresh_from_db()
    assert row.status == "failed" and "ConnectionRefusedError" in row.last_error
    assert "failed for good" in caplog.text


def test_a_claimed_row_is_not_sent_by_another_caller(club):
    row = AlertEmail.objects.create(
        flag=f.FlagFactory(athlete=club["athlete"]), coach=club["coach"]
    )
    assert alerts.claim(row.pk)
    assert alerts.deliver(row.pk) == alerts.Outcome.BUSY
    assert mail.outbox == []


def emergency_message(club, severity):
    flag = Flag(athlete=club["athlete"], kind="red_flag", code="severe_weakness", severity=severity)
    alert = AlertEmail(pk=1, flag=flag, coach=club["coach"])
    return alerts.alert_message(alert)


def test_an_emergency_reads_as_one_in_subject_and_body(club):
    message = emergency_message(club, "emergency")
    assert message.subject == "[Legstrong] EMERGENCY: Nina Numb reports severe leg weakness"
    assert "Nina Numb has an emergency red flag: severe leg weakness." in message.body
    assert "medical professional now, at emergency care" in message.body
    assert "an emergency red flag" in message.alternatives[0][0]


def test_an_urgent_flag_reads_an_urgent_red_flag(club):
    message = emergency_message(club, "urgent")
    assert "has an urgent red flag" in message.body and "a urgent" not in message.body
    assert "medical professional today" in message.body


def test_reconciliation_goes_on_past_a_row_that_cannot_be_sent(club, caplog):
    unusable_address(club["coach"])
    flag = f.FlagFactory(athlete=club["athlete"])
    bad = AlertEmail.objects.create(flag=flag, coach=club["coach"])
    good = AlertEmail.objects.create(flag=flag, coach=club["head"])
    later = timezone.now() + dt.timedelta(minutes=10)
    assert alerts.reconcile(now=later) == 2
    assert dict(AlertEmail.objects.values_list("pk", "status")) == {
        bad.pk: "failed",
        good.pk: "sent",
    }
    assert [m.to for m in mail.outbox] == [[club["head"].user.email]]
    assert alerts.reconcile(now=later + dt.timedelta(minutes=1)) == 0  # not again, ever
