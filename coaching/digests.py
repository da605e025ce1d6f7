"""The daily digest: each coach, once a day, at their own hour in their organization's zone.

The `DigestEmail` row for (coach, local date) is created before sending: the unique
constraint is the claim, so two schedulers running at once still send one digest. A send
that failed for now leaves the row `pending` until `next_attempt_at` (15 minutes, doubling
to 2 hours; a later 15-minute pass takes it); one that cannot succeed marks it `failed` with
its reason. A claim left behind by a sender that died is taken over after
ALERT_STALE_CLAIM_MINUTES.

"New since your last digest" is the window from the cut-off of the last digest actually sent
to this coach to this one's cut-off, so a clock change, a late send or a missed day neither
repeats nor loses a flag.
"""

import datetime as dt
import logging
from collections import Counter

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .dashboard import SEVERITY_ORDER
from .delivery import backoff, describe, is_permanent, one_line
from .models import Coach, DigestEmail
from .scoping import athletes_for
from .selectors import quiet_athletes

log = logging.getLogger(__name__)

FIRST_RETRY, LONGEST_RETRY = dt.timedelta(minutes=15), dt.timedelta(hours=2)
# The first digest a coach gets reports as new the flags of the day before its cut-off.
FIRST_DIGEST_LOOKBACK = dt.timedelta(days=1)
SUBJECT_MAX_CHARS = 150


def commit_margin() -> dt.timedelta:
    """How far the cut-off stays behind the clock: a flag's `opened_at` is stamped before its
    transaction commits, and no transaction that opens flags outlives a task's time limit. A
    flag stamped before the cut-off is therefore visible when the digest reads."""
    return dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def due(*, now: dt.datetime | None = None) -> list[tuple[Coach, dt.date]]:
    """Coaches whose digest hour has come today (their time) and who have not had it."""
    now = now or timezone.now()
    coaches = (
        Coach.objects.filter(digest_enabled=True, user__is_active=True)
        .exclude(user__email="")
        .select_related("organization", "user")
    )
    stale = now - dt.timedelta(minutes=settings.ALERT_STALE_CLAIM_MINUTES)
    handled = set(
        DigestEmail.objects.filter(local_date__gte=(now - dt.timedelta(days=2)).date())
        .exclude(_claimable(now=now, stale=stale))
        .values_list("coach_id", "local_date")
    )
    result = []
    for coach in coaches:
        local = now.astimezone(coach.organization.zoneinfo)
        if local.hour >= coach.digest_hour and (coach.pk, local.date()) not in handled:
            result.append((coach, local.date()))
    return result


def _claimable(*, now: dt.datetime, stale: dt.datetime) -> Q:
    """Rows a sender may take: abandoned claims, and failed-for-now ones whose time has come."""
    return Q(status=DigestEmail.Status.SENDING, created_at__lt=stale) | Q(
        status=DigestEmail.Status.PENDING, next_attempt_at__lte=now
    )


def send_due(*, now: dt.datetime | None = None) -> int:
    """Send every due digest here and now; returns how many this call sent.

    One coach's failure does not hold up the others: it is recorded on that coach's row.
    (The scheduled task fans out one task per coach instead.)
    """
    now = now or timezone.now()
    sent = 0
    for coach, day in due(now=now):
        try:
            sent += send(coach=coach, local_date=day, now=now)
        except Exception:  # a database error: this digest is due again on the next pass
            log.exception("Digest for coach %s on %s not sent; retrying next pass", coach.pk, day)
    return sent


def send(*, coach: Coach, local_date: dt.date, now: dt.datetime) -> bool:
    """Claim and send one digest; True if this call sent it, False if it was claimed already
    or the send failed (recorded on the row). Raises only for a database error."""
    digest = _claim(coach=coach, local_date=local_date, now=now)
    if digest is None:
        log.info("Digest for coach %s on %s already claimed", coach.pk, local_date)
        return False
    try:
        summary = content(coach=coach, now=now)
        message(coach, summary).send()
    except Exception as error:
        _record_failure(digest, error, now=now)
        return False
    digest.status, digest.sent_at = DigestEmail.Status.SENT, timezone.now()
    digest.window_start, digest.window_end = summary["window"]
    digest.next_attempt_at, digest.last_error = None, ""
    digest.summary = {
        "new_flags": len(summary["new_flags"]),
        "open_flags": len(summary["open_flags"]),
        "quiet_athletes": len(summary["quiet_athletes"]),
        "common_causes": summary["common_causes"],
    }
    digest.save(update_fields=[
        "status", "sent_at", "window_start", "window_end", "next_attempt_at", "last_error",
        "summary",
    ])  # fmt: skip
    DigestEmail.objects.filter(
        coach=coach, local_date__lt=local_date, status=DigestEmail.Status.PENDING
    ).update(status=DigestEmail.Status.SKIPPED, last_error=f"superseded by {local_date}")
    return True


def _claim(*, coach: Coach, local_date: dt.date, now: dt.datetime) -> DigestEmail | None:
    """The new claim row, or an abandoned or retryable one taken over; None when someone else
    holds it or it is done."""
    try:
        with transaction.atomic():
            return DigestEmail.objects.create(coach=coach, local_date=local_date, attempts=1)
    except IntegrityError:
        pass
    stale = now - dt.timedelta(minutes=settings.ALERT_STALE_CLAIM_MINUTES)
    taken = (
        DigestEmail.objects.filter(coach=coach, local_date=local_date)
        .filter(_claimable(now=now, stale=stale))
        .update(status=DigestEmail.Status.SENDING, created_at=timezone.now(),
                attempts=F("attempts") + 1)
    )  # fmt: skip
    if not taken:
        return None
    log.info("Digest for coach %s on %s: taking over a claim", coach.pk, local_date)
    return DigestEmail.objects.get(coach=coach, local_date=local_date)


def _record_failure(digest: DigestEmail, error: Exception, *, now: dt.datetime) -> None:
    reason = describe(error)
    row = DigestEmail.objects.filter(pk=digest.pk, status=DigestEmail.Status.SENDING)
    if is_permanent(error):
        row.update(status=DigestEmail.Status.FAILED, last_error=reason, next_attempt_at=None)
        log.error("Digest %s for coach %s on %s failed for good: %s",
                  digest.pk, digest.coach_id, digest.local_date, reason)  # fmt: skip
        return
    wait = backoff(digest.attempts, first=FIRST_RETRY, longest=LONGEST_RETRY)
    row.update(status=DigestEmail.Status.PENDING, last_error=reason, next_attempt_at=now + wait)
    log.warning("Digest for coach %s on %s not sent; retrying in %s: %s",
                digest.coach_id, digest.local_date, wait, reason)  # fmt: skip


def window(*, coach: Coach, now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of "new since your last digest": from the cut-off of the last digest
    actually sent to this coach (its send time, for digests sent before cut-offs were
    recorded) to `now` less the commit margin. The first digest looks back one day."""
    end = now - commit_margin()
    last = (
        DigestEmail.objects.filter(coach=coach, status=DigestEmail.Status.SENT)
        .annotate(cut_off=Coalesce("window_end", "sent_at"))
        .order_by(F("cut_off").desc(nulls_last=True))
        .values_list("cut_off", flat=True)
        .first()
    )
    start = last if last is not None else end - FIRST_DIGEST_LOOKBACK
    return min(start, end), end


def content(*, coach: Coach, now: dt.datetime) -> dict:
    """What the coach should know this morning, in a fixed number of queries. `new_flags` are
    the active flags opened within `window` (see `window()`)."""
    from assessments.models import AnalysisRun, Finding, Flag

    athletes = athletes_for(coach.user)
    flags = sorted(
        Flag.objects.filter(athlete__in=athletes.values("pk"), status__in=Flag.ACTIVE)
        .select_related("athlete")
        .order_by("-opened_at", "-id"),
        key=flag_priority,
    )
    start, end = window(coach=coach, now=now)
    latest_run = AnalysisRun.objects.filter(athlete=OuterRef("pk")).order_by("-created_at", "-id")
    run_ids = athletes.annotate(latest_run_id=Subquery(latest_run.values("pk")[:1])).values_list(
        "latest_run_id", flat=True
    )
    today = now.astimezone(coach.organization.zoneinfo).date()
    quiet = quiet_athletes(athletes, today=today)
    likely = Finding.objects.filter(
        run_id__in=[r for r in run_ids if r], level=Finding.Level.CAUSE
    )  # watch items are not causes
    causes = Counter(likely.values_list("cause", flat=True))
    return {
        "coach": coach,
        "date": today,
        "window": (start, end),
        "new_since": f"{start.astimezone(coach.organization.zoneinfo):%a %-d %b %H:%M}",
        "new_flags": [f for f in flags if start <= f.opened_at < end],
        "open_flags": flags,
        "quiet_athletes": quiet,
        "common_causes": causes.most_common(5),
        "dashboard_url": settings.SITE_URL + reverse("admin:index"),
    }


def flag_priority(flag) -> tuple:
    """Red flags first, the most pressing severity first (emergency, urgent, soon, warning);
    then overtraining. Within each, the order the flags come in (newest first)."""
    return (flag.kind != "red_flag", SEVERITY_ORDER.get(flag.severity, len(SEVERITY_ORDER)))


def digest_subject(summary: dict) -> str:
    """The subject: "[Legstrong] Your athletes on <day>", led by "EMERGENCY:" while any open flag is
    an emergency, so the digest is not read as routine."""
    line = f"[Legstrong] Your athletes on {summary['date']:%A %-d %B}"
    if any(flag.severity == "emergency" for flag in summary["open_flags"]):
        line = f"[Legstrong] EMERGENCY: your athletes on {summary['date']:%A %-d %B}"
    return one_line(line, max_chars=SUBJECT_MAX_CHARS)


def message(coach: Coach, summary: dict) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=digest_subject(summary),
        body=render_to_string("coaching/email/digest.txt", summary),
        to=[coach.user.email],
    )
    email.attach_alternative(render_to_string("coaching/email/digest.html", summary), "text/html")
    return email
