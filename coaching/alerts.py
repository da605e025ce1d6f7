"""Red-flag alert e-mails: queued with the flag, claimed before sending, never sent twice.

Delivery follows healthchecks' pattern: a row moves pending -> sending in one conditional
UPDATE (the claim); only the caller that claimed it sends, then marks it sent (send-then-
mark: for a medical red flag a rare duplicate is better than a lost alert). Each row's
failure is its own: one that cannot succeed (a refused recipient, a message that cannot be
built) is marked `failed` with its reason and logged at ERROR; one that may succeed later
goes back to `pending` with a `next_attempt_at` (backoff from 10 s to 10 min) until it is
GIVE_UP_AFTER old, then fails too. Either way the loop goes on to the next row. A row stuck in
`sending` (a worker died mid-send) is re-sent by the reconciliation job after
ALERT_STALE_CLAIM_MINUTES.
"""

import datetime as dt
import enum
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .delivery import TRANSIENT_ERRORS, backoff, describe, is_permanent, one_line, user_text
from .models import AlertEmail, Athlete, Coach

log = logging.getLogger(__name__)

RED_FLAG_TITLES = {
    "sudden_weakness": "sudden leg weakness",
    "severe_weakness": "severe leg weakness",
    "unexplained_weakness": "unexplained, lasting leg weakness",
    "sensory_symptoms": "numbness, tingling or loss of sensation",
    "persistent_pain": "pain that does not ease with rest",
    "suspected_medical_condition": "a suspected medical condition",
    "cauda_equina_signs": "saddle numbness or a bladder or bowel change",
    "leg_swelling": "one-sided calf pain with swelling",
    "dark_urine_with_muscle_pain": "dark urine with muscle pain after training",
}


def red_flag_title(code: str) -> str:
    """The plain words for a red-flag code (the one table of them on the Django side)."""
    return RED_FLAG_TITLES.get(code, code.replace("_", " "))


SUBJECT_MAX_CHARS = 150
NAME_MAX_CHARS = 60  # of an athlete's name in a subject
FIRST_RETRY, LONGEST_RETRY = dt.timedelta(seconds=10), dt.timedelta(minutes=10)  # as the task
GIVE_UP_AFTER = dt.timedelta(hours=24)  # a row still failing this long after it was queued


@dataclass(frozen=True)
class Wording:
    """How one red-flag severity reads in an alert: the subject's label, the phrase in the
    body ("an urgent red flag") and when to see a professional. The one place severity
    becomes words."""

    label: str
    phrase: str
    see_when: str


SEVERITY_WORDING = {
    "emergency": Wording("EMERGENCY", "an emergency red flag", "now, at emergency care"),
    "urgent": Wording("URGENT", "an urgent red flag", "today"),
    "soon": Wording("Red flag", "a red flag", "soon"),
    "warning": Wording("Warning", "a warning sign", "soon"),
}


def wording(severity: str) -> Wording:
    """The words for `severity`; an unknown one still reads right ("an X red flag")."""
    if severity in SEVERITY_WORDING:
        return SEVERITY_WORDING[severity]
    word = one_line(severity, max_chars=20).lower()
    if not word:
        return SEVERITY_WORDING["soon"]
    article = "an" if word[0] in "aeiou" else "a"
    return Wording(word.upper(), f"{article} {word} red flag", "soon")


class Outcome(enum.StrEnum):
    """What one delivery attempt did with its row."""

    SENT = "sent"
    BUSY = "busy"  # claimed by another sender, or not pending any more
    SKIPPED = "skipped"
    FAILED = "failed"  # for good, with its reason
    RETRY = "retry"  # back to pending until next_attempt_at


def recipients(athlete_ids: Iterable[int]) -> dict[int, list[Coach]]:
    """Each athlete's alert recipients: assigned coaches plus the organization's head coaches."""
    ids = list(athlete_ids)
    athletes = dict(Athlete.objects.filter(pk__in=ids).values_list("pk", "organization_id"))
    coaches = Coach.objects.filter(alerts_enabled=True, user__is_active=True).select_related("user")
    assigned = coaches.filter(athletes__in=ids).annotate(athlete_pk=F("athletes"))
    heads = coaches.filter(role=Coach.Role.HEAD_COACH, organization_id__in=set(athletes.values()))
    found = defaultdict(dict)
    for coach in assigned:
        found[coach.athlete_pk][coach.pk] = coach
    by_org = defaultdict(list)
    for coach in heads:
        by_org[coach.organization_id].append(coach)
    for athlete_id, org_id in athletes.items():
        for coach in by_org[org_id]:
            found[athlete_id][coach.pk] = coach
    return {athlete_id: list(found[athlete_id].values()) for athlete_id in ids}


def queue_alerts(flags) -> list[AlertEmail]:
    """Record one pending e-mail per coach for each new red flag, in the caller's transaction,
    and send them once it commits."""
    from .tasks import send_flag_alerts

    red = [flag for flag in flags if flag.kind == "red_flag"]
    if not red:
        return []
    coaches = recipients({flag.athlete_id for flag in red})
    rows = AlertEmail.objects.bulk_create(
        [AlertEmail(flag=flag, coach=coach) for flag in red for coach in coaches[flag.athlete_id]],
        ignore_conflicts=True,
    )
    from assessments.pipeline import publish

    for flag in red:
        transaction.on_commit(lambda flag_id=flag.pk: publish(send_flag_alerts, flag_id))
    return rows


def claim(alert_id: int) -> bool:
    """Take a pending alert for sending; False when someone else has it or it went out."""
    return bool(
        AlertEmail.objects.filter(pk=alert_id, status=AlertEmail.Status.PENDING).update(
            status=AlertEmail.Status.SENDING, claimed_at=timezone.now(),
            attempts=F("attempts") + 1,
        )
    )  # fmt: skip


def deliver(alert_id: int) -> Outcome:
    """Claim one pending alert and send it. Never raises for a failed send: the row records
    it (see the module docstring). Raises only for a database error."""
    if not claim(alert_id):
        log.info("Alert %s already sent or being sent", alert_id)
        return Outcome.BUSY
    alert = AlertEmail.objects.select_related("coach__user", "flag__athlete__organization").get(
        pk=alert_id
    )
    if not alert.coach.user.email:
        AlertEmail.objects.filter(pk=alert_id).update(
            status=AlertEmail.Status.SKIPPED, last_error="coach has no e-mail address"
        )
        return Outcome.SKIPPED
    try:
        alert_message(alert).send()
    except Exception as error:
        return _record_failure(alert, error)
    AlertEmail.objects.filter(pk=alert_id).update(
        status=AlertEmail.Status.SENT, sent_at=timezone.now(), next_attempt_at=None,
        last_error="",
    )  # fmt: skip
    return Outcome.SENT


def _record_failure(alert: AlertEmail, error: Exception) -> Outcome:
    now, reason = timezone.now(), describe(error)
    row = AlertEmail.objects.filter(pk=alert.pk)
    if is_permanent(error) or now - alert.created_at >= GIVE_UP_AFTER:
        row.update(status=AlertEmail.Status.FAILED, last_error=reason, next_attempt_at=None)
        log.error(
            "Red-flag alert e-mail %s failed for good (flag %s, coach %s, %d attempt(s)): %s",
            alert.pk, alert.flag_id, alert.coach_id, alert.attempts, reason,
            exc_info=not is_permanent(error),
        )  # fmt: skip
        return Outcome.FAILED
    wait = backoff(alert.attempts, first=FIRST_RETRY, longest=LONGEST_RETRY)
    row.update(status=AlertEmail.Status.PENDING, last_error=reason, next_attempt_at=now + wait)
    unexpected = not isinstance(error, TRANSIENT_ERRORS)  # likely a bug: log where it happened
    log.warning(
        "Alert %s not sent, retrying in %s: %s", alert.pk, wait, reason, exc_info=unexpected
    )
    return Outcome.RETRY


def pending_alert_ids(flag_id: int) -> list[int]:
    return list(
        AlertEmail.objects.filter(flag_id=flag_id, status=AlertEmail.Status.PENDING).values_list(
            "pk", flat=True
        )
    )


def overdue(*, now: dt.datetime | None = None):
    """Alerts that should have gone out: pending for a while, or claimed and then abandoned."""
    now = now or timezone.now()
    late = now - dt.timedelta(minutes=settings.ALERT_OVERDUE_MINUTES)
    stale = now - dt.timedelta(minutes=settings.ALERT_STALE_CLAIM_MINUTES)
    return AlertEmail.objects.filter(
        Q(status=AlertEmail.Status.PENDING, created_at__lt=late)
        | Q(status=AlertEmail.Status.SENDING, claimed_at__lt=stale)
    )


def reconcile(*, now: dt.datetime | None = None) -> int:
    """Report every overdue alert and send those whose retry time has come; returns how many
    were overdue. One row's failure is recorded on that row; the loop goes on."""
    now = now or timezone.now()
    late = list(overdue(now=now).values_list("pk", "status", "next_attempt_at"))
    if not late:
        return 0
    log.error("%d red-flag alert e-mail(s) overdue; sending them now", len(late))
    stale = [pk for pk, status, _ in late if status == AlertEmail.Status.SENDING]
    AlertEmail.objects.filter(pk__in=stale, status=AlertEmail.Status.SENDING).update(
        status=AlertEmail.Status.PENDING
    )
    for pk, _, next_attempt_at in late:
        if next_attempt_at is not None and next_attempt_at > now:
            continue  # backing off after a failure; a later pass sends it
        try:
            deliver(pk)
        except Exception:
            log.exception("Overdue alert %s: database error; the next reconciliation retries", pk)
    return len(late)


def failed_count(*, since: dt.datetime | None = None) -> int:
    """Alerts marked failed for good (claimed since `since`, when given): what operators watch."""
    failed = AlertEmail.objects.filter(status=AlertEmail.Status.FAILED)
    if since is not None:
        failed = failed.filter(claimed_at__gte=since)
    return failed.count()


def subject(*, severity: str, athlete_name: str, title: str) -> str:
    """One header line: "[Legstrong] URGENT: <name> reports <title>", bounded."""
    name = user_text(athlete_name, max_chars=NAME_MAX_CHARS)
    line = f"[Legstrong] {wording(severity).label}: {name} reports {one_line(title, max_chars=80)}"
    return one_line(line, max_chars=SUBJECT_MAX_CHARS)


def alert_message(alert: AlertEmail) -> EmailMultiAlternatives:
    flag, athlete = alert.flag, alert.flag.athlete
    path = reverse("admin:coaching_athlete_change", args=[athlete.pk])
    context = {
        "coach": alert.coach,
        "athlete": athlete,
        "flag": flag,
        "title": red_flag_title(flag.code),
        "wording": wording(flag.severity),
        "evidence": flag.evidence,
        "athlete_url": settings.SITE_URL + path,
    }
    message = EmailMultiAlternatives(
        subject=subject(severity=flag.severity, athlete_name=athlete.name, title=context["title"]),
        body=render_to_string("coaching/email/red_flag_alert.txt", context),
        to=[alert.coach.user.email],
        headers={"X-Legstrong-Alert": str(alert.pk)},
    )
    message.attach_alternative(
        render_to_string("coaching/email/red_flag_alert.html", context), "text/html"
    )
    return message
