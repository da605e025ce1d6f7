"""Red-flag alert e-mails: queued with the flag, claimed before sending, never sent twice.

Delivery follows healthchecks' pattern: a row moves pending -> sending in one conditional
UPDATE (the claim); only the caller that claimed it sends. A failed send puts the row back to
pending and the task retries with backoff. A row stuck in `sending` (a worker died mid-send)
is re-sent by the reconciliation job after ALERT_STALE_CLAIM_MINUTES: for a medical red flag
a rare duplicate is better than a lost alert.
"""

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import AlertEmail, Athlete, Coach

log = logging.getLogger(__name__)

RED_FLAG_TITLES = {
    "sudden_weakness": "sudden leg weakness",
    "severe_weakness": "severe leg weakness",
    "unexplained_weakness": "unexplained, lasting leg weakness",
    "sensory_symptoms": "numbness, tingling or loss of sensation",
    "persistent_pain": "pain that does not ease with rest",
    "suspected_medical_condition": "a suspected medical condition",
}


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


def deliver(alert_id: int) -> bool:
    """Send one claimed-first alert. True if this call sent it; raises if SMTP fails."""
    if not claim(alert_id):
        log.info("Alert %s already sent or being sent", alert_id)
        return False
    alert = AlertEmail.objects.select_related("coach__user", "flag__athlete__organization").get(
        pk=alert_id
    )
    if not alert.coach.user.email:
        AlertEmail.objects.filter(pk=alert_id).update(
            status=AlertEmail.Status.SKIPPED, last_error="coach has no e-mail address"
        )
        return False
    try:
        alert_message(alert).send()
    except Exception as error:
        AlertEmail.objects.filter(pk=alert_id).update(
            status=AlertEmail.Status.PENDING, last_error=f"{type(error).__name__}: {error}"
        )
        raise
    AlertEmail.objects.filter(pk=alert_id).update(
        status=AlertEmail.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


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
    """Report and send every overdue alert; returns how many were overdue."""
    late = list(overdue(now=now).values_list("pk", "status"))
    if not late:
        return 0
    log.error("%d red-flag alert e-mail(s) overdue; sending them now", len(late))
    stale = [pk for pk, status in late if status == AlertEmail.Status.SENDING]
    AlertEmail.objects.filter(pk__in=stale).update(status=AlertEmail.Status.PENDING)
    for pk, _ in late:
        try:
            deliver(pk)
        except Exception:
            log.exception("Overdue alert %s failed again; the next reconciliation retries", pk)
    return len(late)


def alert_message(alert: AlertEmail) -> EmailMultiAlternatives:
    flag, athlete = alert.flag, alert.flag.athlete
    path = reverse("admin:coaching_athlete_change", args=[athlete.pk])
    context = {
        "coach": alert.coach,
        "athlete": athlete,
        "flag": flag,
        "title": RED_FLAG_TITLES.get(flag.code, flag.code.replace("_", " ")),
        "evidence": flag.evidence,
        "athlete_url": settings.SITE_URL + path,
    }
    subject = f"[Legstrong] {flag.severity.upper()}: {athlete.name} reports {context['title']}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("coaching/email/red_flag_alert.txt", context),
        to=[alert.coach.user.email],
        headers={"X-Legstrong-Alert": str(alert.pk)},
    )
    message.attach_alternative(
        render_to_string("coaching/email/red_flag_alert.html", context), "text/html"
    )
    return message
