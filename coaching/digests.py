"""The daily digest: each coach, once a day, at their own hour in their organization's zone.

The `DigestEmail` row for (coach, local date) is created before sending: the unique
constraint is the claim, so two schedulers running at once still send one digest. A failed
send gives the claim back, so the next scheduled pass (every 15 minutes) tries again; a claim
left behind by a sender that died is taken over after ALERT_STALE_CLAIM_MINUTES.
"""

import datetime as dt
import logging
import smtplib
from collections import Counter

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Coach, DigestEmail
from .scoping import athletes_for
from .selectors import quiet_athletes

log = logging.getLogger(__name__)

SEND_ERRORS = (smtplib.SMTPException, OSError)


def due(*, now: dt.datetime | None = None) -> list[tuple[Coach, dt.date]]:
    """Coaches whose digest hour has come today (their time) and who have not had it."""
    now = now or timezone.now()
    coaches = (
        Coach.objects.filter(digest_enabled=True, user__is_active=True)
        .exclude(user__email="")
        .select_related("organization", "user")
    )
    stale = now - dt.timedelta(minutes=settings.ALERT_STALE_CLAIM_MINUTES)
    sent = set(
        DigestEmail.objects.filter(created_at__gte=now - dt.timedelta(days=2))
        .exclude(status=DigestEmail.Status.SENDING, created_at__lt=stale)
        .values_list("coach_id", "local_date")
    )
    result = []
    for coach in coaches:
        local = now.astimezone(coach.organization.zoneinfo)
        if local.hour >= coach.digest_hour and (coach.pk, local.date()) not in sent:
            result.append((coach, local.date()))
    return result


def send_due(*, now: dt.datetime | None = None) -> int:
    """Send every due digest here and now; returns how many this call sent.

    One coach's failure does not hold up the others: it is logged, and that digest is tried
    again on the next pass. (The scheduled task fans out one task per coach instead.)
    """
    now = now or timezone.now()
    sent = 0
    for coach, day in due(now=now):
        try:
            sent += send(coach=coach, local_date=day, now=now)
        except SEND_ERRORS:
            log.exception("Digest for coach %s on %s not sent; retrying next pass", coach.pk, day)
    return sent


def send(*, coach: Coach, local_date: dt.date, now: dt.datetime) -> bool:
    """Claim and send one digest; False if it was claimed already. Raises if sending fails,
    after giving the claim back."""
    digest = _claim(coach=coach, local_date=local_date, now=now)
    if digest is None:
        log.info("Digest for coach %s on %s already claimed", coach.pk, local_date)
        return False
    try:
        summary = content(coach=coach, now=now)
        message(coach, summary).send()
    except Exception:
        DigestEmail.objects.filter(pk=digest.pk, status=DigestEmail.Status.SENDING).delete()
        raise
    digest.status, digest.sent_at = DigestEmail.Status.SENT, timezone.now()
    digest.summary = {
        "new_flags": len(summary["new_flags"]),
        "open_flags": len(summary["open_flags"]),
        "quiet_athletes": len(summary["quiet_athletes"]),
        "common_causes": summary["common_causes"],
    }
    digest.save(update_fields=["status", "sent_at", "summary"])
    return True


def _claim(*, coach: Coach, local_date: dt.date, now: dt.datetime) -> DigestEmail | None:
    """The new claim row, or a stale one taken over; None when someone else holds it."""
    try:
        with transaction.atomic():
            return DigestEmail.objects.create(coach=coach, local_date=local_date)
    except IntegrityError:
        pass
    stale = now - dt.timedelta(minutes=settings.ALERT_STALE_CLAIM_MINUTES)
    taken = DigestEmail.objects.filter(
        coach=coach, local_date=local_date, status=DigestEmail.Status.SENDING,
        created_at__lt=stale,
    ).update(created_at=timezone.now())  # fmt: skip
    if not taken:
        return None
    log.warning("Digest for coach %s on %s: taking over an abandoned claim", coach.pk, local_date)
    return DigestEmail.objects.get(coach=coach, local_date=local_date)


def content(*, coach: Coach, now: dt.datetime) -> dict:
    """What the coach should know this morning, in a fixed number of queries."""
    from assessments.models import AnalysisRun, Finding, Flag

    athletes = athletes_for(coach.user)
    flags = list(
        Flag.objects.filter(athlete__in=athletes.values("pk"), status__in=Flag.ACTIVE)
        .select_related("athlete")
        .order_by("kind", "-opened_at")
    )
    since = now - dt.timedelta(days=1)
    latest_run = AnalysisRun.objects.filter(athlete=OuterRef("pk")).order_by("-created_at", "-id")
    run_ids = athletes.annotate(latest_run_id=Subquery(latest_run.values("pk")[:1])).values_list(
        "latest_run_id", flat=True
    )
    today = now.astimezone(coach.organization.zoneinfo).date()
    quiet = quiet_athletes(athletes, today=today)
    causes = Counter(
        Finding.objects.filter(run_id__in=[r for r in run_ids if r]).values_list("cause", flat=True)
    )
    return {
        "coach": coach,
        "date": today,
        "new_flags": [f for f in flags if f.opened_at >= since],
        "open_flags": flags,
        "quiet_athletes": quiet,
        "common_causes": causes.most_common(5),
        "dashboard_url": settings.SITE_URL + reverse("admin:index"),
    }


def message(coach: Coach, summary: dict) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=f"[Legstrong] Your athletes on {summary['date']:%A %-d %B}",
        body=render_to_string("coaching/email/digest.txt", summary),
        to=[coach.user.email],
    )
    email.attach_alternative(render_to_string("coaching/email/digest.html", summary), "text/html")
    return email
