"""The digest's "new flags" start where the last digest actually sent stopped: across clock
changes, after a late or a missed send, none is repeated and none is lost."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from assessments.models import Flag
from coaching import digests
from coaching.models import DigestEmail
from tests import factories as f

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def london(month: int, day: int, hour: int, minute: int = 5) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=LONDON).astimezone(dt.UTC)


@pytest.fixture
def coach():
    org = f.OrganizationFactory(timezone="Europe/London")
    return f.CoachFactory(organization=org, digest_hour=7)


def flag_opened(coach, at: dt.datetime, name: str) -> Flag:
    athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach], name=name)
    flag = f.FlagFactory(athlete=athlete)
    Flag.objects.filter(pk=flag.pk).update(opened_at=at)
    return flag


def new_flags_in_last_digest() -> list[str]:
    """Athlete names listed under NEW FLAGS in the latest digest e-mail."""
    body = mail.outbox[-1].body
    if "NEW FLAGS" not in body:
        return []
    section = body.split("NEW FLAGS", 1)[1].split("OPEN FLAGS", 1)[0]
    return [line.split(":")[0].strip(" -") for line in section.splitlines()[1:] if line.strip()]


def test_a_flag_raised_in_the_hour_the_clocks_go_back_is_not_lost(coach):
    # 24 Oct 07:05 BST is 06:05 UTC; 25 Oct 07:05 GMT is 07:05 UTC: 25 hours apart.
    assert digests.send_due(now=london(10, 24, 7)) == 1
    flag_opened(coach, london(10, 24, 7, 30), "Early Ed")
    assert digests.send_due(now=london(10, 25, 7)) == 1
    assert new_flags_in_last_digest() == ["Early Ed"]


def test_a_flag_already_reported_is_not_new_again_after_the_clocks_go_forward(coach):
    # 28 Mar 07:05 GMT is 07:05 UTC; 29 Mar 07:05 BST is 06:05 UTC: 23 hours apart.
    flag_opened(coach, london(3, 28, 6, 30), "Reported Rae")
    assert digests.send_due(now=london(3, 28, 7)) == 1
    assert new_flags_in_last_digest() == ["Reported Rae"]
    flag_opened(coach, london(3, 28, 12), "Noon Nell")
    assert digests.send_due(now=london(3, 29, 7)) == 1
    assert new_flags_in_last_digest() == ["Noon Nell"]


def test_after_a_late_digest_the_next_one_does_not_repeat_its_flags(coach):
    flag_opened(coach, london(11, 23, 8), "Morning Mo")
    assert digests.send_due(now=london(11, 23, 10)) == 1  # sent three hours late
    assert new_flags_in_last_digest() == ["Morning Mo"]
    assert digests.send_due(now=london(11, 24, 7)) == 1
    assert new_flags_in_last_digest() == []


def test_after_a_missed_day_the_next_digest_reports_everything_since_the_last_one_sent(coach):
    assert digests.send_due(now=london(11, 22, 7)) == 1
    flag_opened(coach, london(11, 22, 20), "Evening Eve")
    flag_opened(coach, london(11, 23, 12), "Lunch Lou")
    # 23 Nov: nothing ran all day (beat down).
    assert digests.send_due(now=london(11, 24, 7)) == 1
    assert sorted(new_flags_in_last_digest()) == ["Evening Eve", "Lunch Lou"]


def test_a_digest_that_failed_for_good_does_not_move_the_window(coach):
    assert digests.send_due(now=london(11, 22, 7)) == 1
    flag_opened(coach, london(11, 23, 3), "Night Nat")
    good = coach.user.email
    get_user_model().objects.filter(pk=coach.user_id).update(email="coach\n@example.com")
    coach.user.refresh_from_db()
    assert digests.send_due(now=london(11, 23, 7)) == 0
    failed = DigestEmail.objects.get(coach=coach, local_date=dt.date(2026, 11, 23))
    assert failed.status == "failed" and "BadHeaderError" in failed.last_error
    assert digests.send_due(now=london(11, 23, 9)) == 0  # not retried that day

    get_user_model().objects.filter(pk=coach.user_id).update(email=good)
    coach.user.refresh_from_db()
    assert digests.send_due(now=london(11, 24, 7)) == 1
    assert new_flags_in_last_digest() == ["Night Nat"]


def test_the_first_digest_reports_the_day_before_its_cut_off(coach):
    flag_opened(coach, london(11, 22, 6), "Old Olive")
    flag_opened(coach, london(11, 23, 8), "Recent Ray")
    assert digests.send_due(now=london(11, 24, 7)) == 1
    assert new_flags_in_last_digest() == ["Recent Ray"]
    assert "Old Olive" in mail.outbox[-1].body  # still listed among the open flags


def test_a_flag_stamped_within_the_commit_margin_is_new_in_the_next_digest(coach):
    now = london(11, 24, 7)
    flag_opened(coach, now - digests.commit_margin() / 2, "Margin May")
    assert digests.send_due(now=now) == 1
    assert new_flags_in_last_digest() == []
    assert digests.send_due(now=london(11, 25, 7)) == 1
    assert new_flags_in_last_digest() == ["Margin May"]


def test_a_digest_records_its_window_and_chains_from_the_last_one(coach):
    digests.send_due(now=london(11, 23, 7))
    digests.send_due(now=london(11, 24, 9))
    first, second = DigestEmail.objects.order_by("local_date")
    assert first.window_end == london(11, 23, 7) - digests.commit_margin()
    assert second.window_start == first.window_end
    assert second.window_end == london(11, 24, 9) - digests.commit_margin()


def test_a_digest_sent_before_windows_were_recorded_chains_from_its_send_time(coach):
    sent_at = london(11, 23, 7)
    DigestEmail.objects.create(
        coach=coach, local_date=dt.date(2026, 11, 23), status="sent", sent_at=sent_at
    )
    assert digests.window(coach=coach, now=london(11, 24, 7))[0] == sent_at


def test_an_earlier_digest_still_pending_is_superseded_by_a_later_one(coach, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    assert digests.send_due(now=london(11, 23, 7)) == 0
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert digests.send_due(now=london(11, 24, 7)) == 1
    statuses = dict(DigestEmail.objects.values_list("local_date", "status"))
    assert statuses == {dt.date(2026, 11, 23): "skipped", dt.date(2026, 11, 24): "sent"}
