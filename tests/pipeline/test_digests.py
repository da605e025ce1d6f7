"""Daily digests: each coach once a day at their own hour, in their organization's zone."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from assessments.models import Flag
from coaching import digests
from coaching.models import DigestEmail
from tests import factories as f

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def at(zone: str, hour: int, day: int = 24) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 5, tzinfo=ZoneInfo(zone)).astimezone(UTC)


@pytest.fixture
def coaches():
    london = f.CoachFactory(organization=f.OrganizationFactory(timezone="Europe/London"),
                            digest_hour=7)  # fmt: skip
    new_york = f.CoachFactory(
        organization=f.OrganizationFactory(timezone="America/New_York"), digest_hour=7
    )
    return london, new_york


def test_each_coach_gets_the_digest_at_their_local_hour(coaches):
    london, new_york = coaches
    assert digests.send_due(now=at("Europe/London", 6)) == 0
    assert digests.send_due(now=at("Europe/London", 7)) == 1
    assert [m.to[0] for m in mail.outbox] == [london.user.email]
    assert digests.send_due(now=at("America/New_York", 7)) == 1
    assert mail.outbox[-1].to == [new_york.user.email]


def test_a_coach_gets_one_digest_a_day(coaches):
    for hour in (7, 8, 9, 23):
        digests.send_due(now=at("Europe/London", hour))
    london_mail = [m for m in mail.outbox if m.to == [coaches[0].user.email]]
    assert len(london_mail) == 1
    digests.send_due(now=at("Europe/London", 7, day=25))
    assert len([m for m in mail.outbox if m.to == [coaches[0].user.email]]) == 2


def test_a_second_scheduler_cannot_send_the_same_digest(coaches):
    london = coaches[0]
    now = at("Europe/London", 7)
    assert digests.send(coach=london, local_date=dt.date(2026, 11, 24), now=now)
    assert not digests.send(coach=london, local_date=dt.date(2026, 11, 24), now=now)
    assert DigestEmail.objects.filter(coach=london).count() == 1


def test_an_opted_out_coach_gets_no_digest(coaches):
    london = coaches[0]
    london.digest_enabled = False
    london.save()
    digests.send_due(now=at("Europe/London", 9))
    assert not [m for m in mail.outbox if m.to == [london.user.email]]


def test_digest_lists_flags_quiet_athletes_and_common_causes():
    coach = f.CoachFactory(organization=f.OrganizationFactory(timezone="UTC"))
    now = dt.datetime(2026, 11, 24, 7, tzinfo=UTC)
    flagged = f.AthleteFactory(organization=coach.organization, coaches=[coach], name="Flo Flag")
    quiet = f.AthleteFactory(organization=coach.organization, coaches=[coach], name="Quinn Quiet")
    f.SleepCheckInFactory(athlete=quiet, date=dt.date(2026, 11, 19))
    f.SleepCheckInFactory(athlete=flagged, date=dt.date(2026, 11, 24))
    flag = f.FlagFactory(athlete=flagged, code="sensory_symptoms")
    Flag.objects.filter(pk=flag.pk).update(opened_at=now - dt.timedelta(hours=3))
    for athlete in (flagged, quiet):
        f.FindingFactory(run=f.AnalysisRunFactory(athlete=athlete), cause="inadequate_sleep")
    stranger = f.AthleteFactory(organization=coach.organization, name="Not Mine")
    f.FlagFactory(athlete=stranger)

    summary = digests.content(coach=coach, now=now)
    flag.refresh_from_db()
    assert summary["open_flags"] == [flag] and summary["new_flags"] == [flag]
    assert [row["athlete"].name for row in summary["quiet_athletes"]] == ["Quinn Quiet"]
    assert summary["common_causes"] == [("inadequate_sleep", 2)]
    body = digests.message(coach, summary).body
    assert "Flo Flag" in body and "Quinn Quiet" in body and "Not Mine" not in body


def test_digest_content_queries_do_not_grow_with_athletes():
    from tests.query_helpers import assert_queries_constant

    coach = f.CoachFactory()
    now = dt.datetime(2026, 11, 24, 7, tzinfo=UTC)

    def grow(count=20):
        for _ in range(count):
            athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach])
            f.FlagFactory(athlete=athlete)
            f.SleepCheckInFactory(athlete=athlete)
            f.FindingFactory(run=f.AnalysisRunFactory(athlete=athlete))

    def render():
        digests.message(coach, digests.content(coach=coach, now=now)).message()

    grow(1)  # with no athletes at all Django skips the empty IN query
    assert_queries_constant(render, grow)


@pytest.fixture
def smtp_outage(settings):
    """A real SMTP backend pointed at a closed port: every send fails with an OSError."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1

    def end():
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return end


def test_an_smtp_failure_leaves_the_digest_pending_and_the_next_pass_sends_it_once(
    coaches, smtp_outage, caplog
):
    london = coaches[0]
    assert digests.send_due(now=at("Europe/London", 7)) == 0
    row = DigestEmail.objects.get(coach=london)
    assert row.status == "pending" and "ConnectionRefusedError" in row.last_error
    assert row.next_attempt_at == at("Europe/London", 7) + dt.timedelta(minutes=15)
    assert "not sent; retrying in 0:15:00" in caplog.text

    smtp_outage()  # the server is back for the next pass, a quarter of an hour later
    assert digests.send_due(now=at("Europe/London", 7) + dt.timedelta(minutes=10)) == 0
    assert digests.send_due(now=at("Europe/London", 7) + dt.timedelta(minutes=15)) == 1
    assert digests.send_due(now=at("Europe/London", 8)) == 0
    assert [m.to for m in mail.outbox] == [[london.user.email]]
    row.refresh_from_db()
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, "")


def test_one_coachs_failure_does_not_hold_up_the_others(coaches, monkeypatch):
    london, _ = coaches
    other = f.CoachFactory(organization=london.organization, digest_hour=7)
    real = digests.message

    def failing_for_london(coach, summary):
        if coach.pk == london.pk:
            raise OSError("connection reset")
        return real(coach, summary)

    monkeypatch.setattr(digests, "message", failing_for_london)
    assert digests.send_due(now=at("Europe/London", 7)) == 1
    assert [m.to for m in mail.outbox] == [[other.user.email]]
    statuses = dict(DigestEmail.objects.values_list("coach_id", "status"))
    assert statuses == {london.pk: "pending", other.pk: "sent"}


def test_a_claim_abandoned_by_a_dead_sender_is_taken_over_after_the_stale_period(coaches, settings):
    london = coaches[0]
    now = at("Europe/London", 7)
    DigestEmail.objects.create(coach=london, local_date=dt.date(2026, 11, 24))  # then it died
    DigestEmail.objects.update(created_at=now - dt.timedelta(minutes=5))
    assert digests.send_due(now=now) == 0  # might still be sending

    later = now + dt.timedelta(minutes=settings.ALERT_STALE_CLAIM_MINUTES)
    assert digests.send_due(now=later) == 1
    assert digests.send_due(now=later + dt.timedelta(minutes=15)) == 0
    assert [m.to for m in mail.outbox] == [[london.user.email]]
    assert DigestEmail.objects.get(coach=london).status == "sent"


def test_the_scheduled_task_queues_one_task_per_due_coach(coaches, monkeypatch):
    from coaching import tasks

    london, _ = coaches
    f.CoachFactory(organization=london.organization, digest_hour=7, digest_enabled=False)
    queued = []
    monkeypatch.setattr(tasks.send_digest, "delay", lambda *args: queued.append(args))
    monkeypatch.setattr(digests.timezone, "now", lambda: at("Europe/London", 7))

    assert tasks.send_digests.apply().get() == 1
    assert queued == [(london.pk, "2026-11-24")]


def test_a_queued_digest_task_sends_once_and_skips_a_coach_who_opted_out(coaches):
    from coaching.tasks import send_digest

    london, new_york = coaches
    assert send_digest.apply(args=[london.pk, "2026-11-24"]).get() is True
    assert send_digest.apply(args=[london.pk, "2026-11-24"]).get() is False  # delivered twice
    new_york.digest_enabled = False
    new_york.save()
    assert send_digest.apply(args=[new_york.pk, "2026-11-24"]).get() is False
    assert [m.to for m in mail.outbox] == [[london.user.email]]
