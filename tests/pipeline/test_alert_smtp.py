"""Red-flag alerts through a real SMTP server (aiosmtpd, in this process): hostile names all
go out, and a recipient the server refuses never holds up the others."""

import datetime as dt

import pytest
from django.utils import timezone

from coaching import alerts
from coaching.models import AlertEmail
from tests import factories as f
from tests.integration.services import Mailbox, SmtpServer

pytestmark = [pytest.mark.django_db, pytest.mark.smtp]

HOSTILE_NAMES = (
    "Nina\nNumb",
    "Carl\r\nBcc: intruder@example.com",
    "Alexandra " * 12,  # 120 characters, the longest name the model takes
    "\u0623\u062d\u0645\u062f \u0639\u0644\u064a\u200f",  # Arabic, with a right-to-left mark
    "\u202eevil override",
    "Mia \U0001f4aa\U0001f3fd\U0001f525",
    "Zo\u00eb \U0001f468\u200d\U0001f469\u200d\U0001f467",
    "Tab\there\x07and\x1bcontrols",  # no NUL: PostgreSQL text refuses it
)


class PickyMailbox(Mailbox):
    """Keeps what it accepts; refuses the recipients named in `refused` with their reply."""

    def __init__(self):
        super().__init__()
        self.refused: dict[str, str] = {}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def smtp(settings):
    server = SmtpServer(PickyMailbox()).start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield server
    server.stop()


@pytest.fixture
def squad():
    org = f.OrganizationFactory(timezone="Europe/London")
    head = f.HeadCoachFactory(organization=org)
    coach = f.CoachFactory(organization=org)
    refused = f.CoachFactory(organization=org)
    busy = f.CoachFactory(organization=org)
    athletes = [
        f.AthleteFactory(organization=org, coaches=[coach, refused, busy], name=name)
        for name in HOSTILE_NAMES
    ]
    return {"head": head, "coach": coach, "refused": refused, "busy": busy, "athletes": athletes}


def raise_flags(athletes, capture):
    with capture(execute=True):
        flags = [f.FlagFactory(athlete=athlete) for athlete in athletes]
        alerts.queue_alerts(flags)
    return flags


def test_every_hostile_name_is_delivered_and_a_refused_recipient_holds_up_no_one(
    squad, smtp, django_capture_on_commit_callbacks
):
    smtp.mailbox.refused[squad["refused"].user.email] = "550 5.1.1 No such mailbox"
    smtp.mailbox.refused[squad["busy"].user.email] = "450 4.2.1 Mailbox busy, try later"
    raise_flags(squad["athletes"], django_capture_on_commit_callbacks)

    rows = AlertEmail.objects.select_related("coach__user", "flag__athlete")
    delivered = {
        row.pk: row for row in rows if row.coach_id in (squad["coach"].pk, squad["head"].pk)
    }
    assert len(delivered) == 2 * len(HOSTILE_NAMES)
    assert sorted(smtp.mailbox.alerts()) == sorted(
        (row.pk, row.coach.user.email) for row in delivered.values()
    )  # each exactly once, to its own coach only: no injected Bcc
    for message in smtp.mailbox.messages:
        row = delivered[int(message.alert_id)]
        # strip(): Python folds a long encoded subject after "Subject:", read back as a space
        assert message.subject.strip() == alerts.subject(
            severity="urgent", athlete_name=row.flag.athlete.name,
            title="numbness, tingling or loss of sensation",
        )  # fmt: skip
        assert "\n" not in message.subject and "\r" not in message.subject
    assert set(rows.filter(pk__in=delivered).values_list("status", flat=True)) == {"sent"}

    refused = rows.filter(coach=squad["refused"])
    assert {(r.status, r.attempts) for r in refused} == {("failed", 1)}
    assert all("SMTPRecipientsRefused" in r.last_error and "550" in r.last_error for r in refused)
    waiting = rows.filter(coach=squad["busy"])
    assert {r.status for r in waiting} == {"pending"}
    assert all(r.next_attempt_at and "450" in r.last_error for r in waiting)


def test_names_keep_their_right_to_left_text_and_emoji_in_the_received_subject(
    squad, smtp, django_capture_on_commit_callbacks
):
    raise_flags(squad["athletes"], django_capture_on_commit_callbacks)
    subjects = {message.subject for message in smtp.mailbox.messages}
    assert any("\u0623\u062d\u0645\u062f \u0639\u0644\u064a\u200f" in s for s in subjects)
    assert any("Mia \U0001f4aa\U0001f3fd\U0001f525" in s for s in subjects)
    assert any("\u2068\u202eevil override\u2069 reports" in s for s in subjects)
    assert any("Carl Bcc: intruder@example.com reports" in s for s in subjects)


def test_a_recipient_refused_for_now_is_delivered_once_the_server_takes_it(
    squad, smtp, django_capture_on_commit_callbacks, settings
):
    settings.ALERT_OVERDUE_MINUTES = 0
    busy = squad["busy"].user.email
    smtp.mailbox.refused[busy] = "451 4.3.0 Temporary failure"
    raise_flags(squad["athletes"][:1], django_capture_on_commit_callbacks)
    row = AlertEmail.objects.get(coach=squad["busy"])
    assert row.status == "pending"

    del smtp.mailbox.refused[busy]
    later = row.next_attempt_at + dt.timedelta(seconds=1)
    assert alerts.reconcile(now=later) == 1
    assert [to for _, to in smtp.mailbox.alerts()].count(busy) == 1
    row.refresh_from_db()
    assert row.status == "sent" and row.sent_at <= timezone.now()
