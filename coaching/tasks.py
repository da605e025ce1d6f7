"""Celery tasks of the coaching app: thin, idempotent, each a call to a service."""

import datetime as dt
import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from . import alerts, digests, services
from .models import Coach

log = logging.getLogger(__name__)


class AlertsDeferred(Exception):
    """Some of a flag's alerts failed for now; the task is retried for them."""


# A database restart or failover also retries in seconds, rather than leaving the e-mail to
# the reconciliation job minutes later (found by tests/integration/test_faults.py).
RETRY_ERRORS = (AlertsDeferred, OperationalError, InterfaceError)


@shared_task(
    bind=True, acks_late=True, autoretry_for=RETRY_ERRORS, retry_backoff=10,
    retry_backoff_max=600, retry_jitter=True, max_retries=10,
)  # fmt: skip
def send_flag_alerts(self, flag_id: int) -> int:
    """E-mail a new red flag to its coaches; safe to run twice (each row is claimed once).

    Every coach is tried, whatever happens to the others: a row that failed for good is
    marked failed; if any failed for now, the task raises afterwards and is retried with
    backoff for the rows still pending (after its retries, the reconciliation job goes on).
    """
    outcomes = [alerts.deliver(alert_id) for alert_id in alerts.pending_alert_ids(flag_id)]
    if alerts.Outcome.RETRY in outcomes:
        raise AlertsDeferred(f"{outcomes.count(alerts.Outcome.RETRY)} alert(s) of flag {flag_id}")
    return outcomes.count(alerts.Outcome.SENT)


@shared_task(acks_late=True)
def reconcile_alerts() -> int:
    """Find red-flag alerts that have not gone out in time, report them, and send them."""
    return alerts.reconcile()


@shared_task(acks_late=True)
def send_digests() -> int:
    """Queue one task per coach whose digest is due at this hour in their time zone.

    Per coach, so thousands of digests at 07:00 spread over the workers and none waits on
    another's SMTP round trip or time limit. A digest queued twice is sent once (the claim).
    """
    due = digests.due()
    for coach, day in due:
        send_digest.delay(coach.pk, day.isoformat())
    return len(due)


@shared_task(acks_late=True)
def send_digest(coach_id: int, local_date: str) -> bool:
    """Send one coach's digest; a failed send is recorded on its row (see digests.send)."""
    coach = (
        Coach.objects.filter(pk=coach_id, digest_enabled=True, user__is_active=True)
        .select_related("organization", "user")
        .first()
    )
    if coach is None:  # opted out or gone since it was queued
        return False
    return digests.send(
        coach=coach, local_date=dt.date.fromisoformat(local_date), now=timezone.now()
    )


@shared_task(acks_late=True)
def purge_idempotency_keys() -> int:
    return services.purge_expired_idempotency_keys()
