"""Flags follow the latest analysis: opened when a red flag or overtraining appears, kept
fresh while it persists, resolved by themselves when it clears. Coaches acknowledge and
resolve them with a note. History is kept: a resolved flag is never reopened, a new one is.
"""

from django.db import transaction
from django.utils import timezone

from coaching.alerts import queue_alerts

from ..analysis.engine import Result
from ..analysis.rules.registry import REFERRAL_SEVERITIES
from ..models import AnalysisRun, Flag

OVERTRAINING = "overtraining"
CAUSE = "cause"  # the level of a likely cause; "watch" items never flag


class FlagTransitionError(ValueError):
    """A flag cannot move to the requested state from the one it is in."""


def desired_flags(result: Result) -> dict[str, dict]:
    """The flags one result calls for, keyed by code.

    Every red flag that refers the athlete to a professional (``REFERRAL_SEVERITIES``:
    emergency, urgent, soon) opens a flag and so an alert e-mail. A ``warning`` (a note for
    the coach, e.g. a resolved numbness explained by its context) opens none: it stays on the
    run, shown on the athlete's page and in the API. Overtraining opens a flag only as a
    likely cause (level ``cause``); as a watch item it never flags.
    """
    wanted = {
        red_flag.code: {
            "kind": Flag.Kind.RED_FLAG,
            "severity": red_flag.severity,
            "evidence": red_flag.evidence,
            "advice": red_flag.advice,
        }
        for red_flag in result.red_flags
        if red_flag.severity in REFERRAL_SEVERITIES
    }
    for finding in result.findings:
        if finding.cause == OVERTRAINING and finding.level == CAUSE:
            wanted[OVERTRAINING] = {
                "kind": Flag.Kind.OVERTRAINING,
                "severity": Flag.Severity.WARNING,
                "evidence": finding.evidence,
                "advice": " ".join(r.text for r in finding.recommendations),
            }
    return wanted


def reconcile_flags(*, runs: dict[int, AnalysisRun], results: dict[int, Result]) -> list[Flag]:
    """Bring each athlete's active flags in line with their new run; returns the new flags.

    Call inside the transaction that stores the runs, with the athletes' rows locked, so two
    analyses of one athlete cannot both open the same flag.
    """
    now = timezone.now()
    active = Flag.objects.filter(athlete_id__in=list(results), status__in=Flag.ACTIVE)
    current = {(flag.athlete_id, flag.code): flag for flag in active}
    seen, new = [], []
    for athlete_id, result in results.items():
        for code, fields in desired_flags(result).items():
            flag = current.pop((athlete_id, code), None)
            if flag is None:
                new.append(
                    Flag(athlete_id=athlete_id, code=code, last_seen_at=now,
                         opened_by_run=runs[athlete_id], **fields)
                )  # fmt: skip
            else:
                flag.last_seen_at, flag.evidence = now, fields["evidence"]
                flag.severity, flag.advice = fields["severity"], fields["advice"]
                seen.append(flag)
    if seen:
        Flag.objects.bulk_update(seen, ["last_seen_at", "evidence", "severity", "advice"])
    cleared = [flag.pk for flag in current.values()]
    if cleared:
        Flag.objects.filter(pk__in=cleared).update(
            status=Flag.Status.RESOLVED,
            resolved_at=now,
            resolution_note="Resolved automatically: the latest analysis no longer finds it.",
            updated_at=now,
        )
    opened = Flag.objects.bulk_create(new)
    queue_alerts(opened)  # the outbox: written with the flags, sent after commit
    return opened


@transaction.atomic
def acknowledge_flag(*, flag_id: int, user, note: str = "") -> Flag:
    """Open -> acknowledged: a coach has seen the flag and is acting on it.

    Acknowledging again changes nothing (a retried request is harmless); a resolved flag is
    final and cannot be acknowledged.
    """
    flag = Flag.objects.select_for_update().get(pk=flag_id)
    if flag.status == Flag.Status.RESOLVED:
        raise FlagTransitionError("This flag is resolved; it cannot be acknowledged.")
    if flag.status == Flag.Status.OPEN:
        flag.status, flag.acknowledged_at, flag.acknowledged_by = (
            Flag.Status.ACKNOWLEDGED, timezone.now(), user,
        )  # fmt: skip
        flag.acknowledge_note = note
        flag.save(update_fields=[
            "status", "acknowledged_at", "acknowledged_by", "acknowledge_note", "updated_at",
        ])  # fmt: skip
    return flag


@transaction.atomic
def resolve_flag(*, flag_id: int, user, note: str = "") -> Flag:
    """Open or acknowledged -> resolved. Resolving again changes nothing."""
    flag = Flag.objects.select_for_update().get(pk=flag_id)
    if flag.status != Flag.Status.RESOLVED:
        flag.status, flag.resolved_at, flag.resolved_by = (
            Flag.Status.RESOLVED, timezone.now(), user,
        )  # fmt: skip
        flag.resolution_note = note
        flag.save(
            update_fields=["status", "resolved_at", "resolved_by", "resolution_note", "updated_at"]
        )
    return flag
