"""The outbox status command: what operators watch to see e-mail that is not going out."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from coaching.models import AlertEmail, DigestEmail
from tests import factories as f

pytestmark = pytest.mark.django_db


def status(*args) -> str:
    out = io.StringIO()
    call_command("outbox_status", *args, stdout=out)
    return out.getvalue()


def alert_row(club, **fields) -> AlertEmail:
    return AlertEmail.objects.create(
        flag=f.FlagFactory(athlete=club["athlete"]), coach=club["coach"], **fields
    )


def test_it_counts_rows_by_status_and_passes_the_check_when_all_went_out(club):
    alert_row(club, status="sent")
    DigestEmail.objects.create(coach=club["coach"], local_date=dt.date(2026, 11, 24), status="sent")
    text = status("--check")
    assert "alerts: pending=0 sending=0 sent=1 skipped=0 failed=0" in text
    assert "digests: pending=0 sending=0 sent=1 skipped=0 failed=0" in text
    assert "failed in the last 24 h: 0 alert(s), 0 digest(s)" in text


def test_a_recently_failed_alert_fails_the_check(club):
    alert_row(club, status="failed", claimed_at=timezone.now(), last_error="SMTPRecipientsRefused")
    with pytest.raises(SystemExit) as exit_:
        status("--check")
    assert exit_.value.code == 1
    assert "1 alert(s)" in status()


def test_an_old_failure_is_counted_but_does_not_fail_the_check(club):
    old = timezone.now() - dt.timedelta(hours=30)
    alert_row(club, status="failed", claimed_at=old)
    assert "failed=1" in status("--check")


def test_an_overdue_alert_fails_the_check(club):
    row = alert_row(club)
    AlertEmail.objects.filter(pk=row.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(SystemExit):
        status("--check")


def test_a_window_under_an_hour_is_refused():
    with pytest.raises(CommandError):
        status("--hours", "0")
