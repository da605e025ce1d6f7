"""Celery tasks of the coaching app: thin, idempotent, each a call to a service."""

import logging
import smtplib

from celery import shared_task
from django.db import InterfaceError, OperationalError

from . import alerts, digests, services

log = logging.getLogger(__name__)

SEND_ERRORS = (smtplib.SMTPException, OSError)
# A database restart or failover also retries in seconds, rather than leaving the e-mail to
# the reconciliation job minutes later (found by tests/integration/test_faults.py).
RETRY_ERRORS = (*SEND_ERRORS, OperationalError, InterfaceError)


@shared_task(
    bind=True, acks_late=True, autoretry_for=RETRY_ERRORS, retry_backoff=10,
    retry_backoff_max=600, retry_jitter=True, max_retries=10,
)  # fmt: skip
def send_flag_alerts(self, flag_id: int) -> int:
    """E-mail a new red flag to its coaches; safe to run twice (each row is claimed once).

    Every coach is tried; if any send failed, the task raises afterwards and is retried with
    backoff for the rows still pending.
    """
    sent, failure = 0, None
    for alert_id in alerts.pending_alert_ids(flag_id):
        try:
            sent += alerts.deliver(alert_id)
        except SEND_ERRORS as error:
            log.warning("Alert %s for flag %s failed: %s", alert_id, flag_id, error)
            failure = error
    if failure is not None:
        raise failure
    return sent


@shared_task(acks_late=True)
def reconcile_alerts() -> int:
    """Find red-flag alerts that have not gone out in time, report them, and send them."""
    return alerts.reconcile()


@shared_task(acks_late=True)
def send_digests() -> int:
    """Send the daily digests that are due at this hour in each coach's time zone."""
    return digests.send_due()


@shared_task(acks_late=True)
def purge_idempotency_keys() -> int:
    return services.purge_expired_idempotency_keys()
