"""What the coach dashboard shows: who needs attention, and one athlete's whole picture.

Every function runs a fixed number of queries whatever the number of athletes or rows.
"""

import datetime as dt
from collections import defaultdict

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from .scoping import athletes_for
from .selectors import quiet_athletes

SEVERITY_ORDER = {"emergency": 0, "urgent": 1, "soon": 2, "warning": 3}  # most pressing first


def _latest_run_ids(athletes, *, before: dt.datetime | None = None) -> dict[int, int]:
    from assessments.models import AnalysisRun

    runs = AnalysisRun.objects.filter(athlete=OuterRef("pk"))
    if before is not None:
        runs = runs.filter(created_at__lt=before)
    rows = athletes.annotate(
        run_id=Subquery(runs.order_by("-created_at", "-id").values("pk")[:1])
    ).values_list("pk", "run_id")
    return {athlete_id: run_id for athlete_id, run_id in rows if run_id}


def new_findings(athletes, *, since: dt.datetime) -> list[dict]:
    """Likely causes (level ``cause``) in each athlete's latest run (made since `since`) that
    the run before lacked; watch items are not news."""
    from assessments.models import Finding

    latest = _latest_run_ids(athletes)
    earlier = _latest_run_ids(athletes, before=since)
    causes = defaultdict(set)
    rows = Finding.objects.filter(
        run_id__in=[*latest.values(), *earlier.values()], level=Finding.Level.CAUSE
    )
    for run_id, cause, created_at, athlete_id, name in rows.values_list(
        "run_id", "cause", "run__created_at", "run__athlete_id", "run__athlete__name"
    ):
        causes[run_id].add((cause, created_at, athlete_id, name))
    result = []
    for athlete_id, run_id in latest.items():
        before = {c for c, *_ in causes.get(earlier.get(athlete_id), ())}
        for cause, created_at, _, name in sorted(causes.get(run_id, ())):
            if created_at >= since and cause not in before:
                result.append({"athlete_id": athlete_id, "athlete": name, "cause": cause})
    return sorted(result, key=lambda row: (row["athlete"], row["cause"]))


def needs_attention(user, *, now: dt.datetime | None = None) -> dict:
    """The coach's morning list: red flags first, then overtraining, silence, new causes."""
    from assessments.models import Flag

    now = now or timezone.now()
    athletes = athletes_for(user)
    flags = list(
        Flag.objects.filter(athlete__in=athletes.values("pk"), status__in=Flag.ACTIVE)
        .select_related("athlete")
        .order_by("-opened_at")
    )
    red = sorted(
        (f for f in flags if f.kind == Flag.Kind.RED_FLAG),
        key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.status != Flag.Status.OPEN),
    )
    return {
        "red_flags": red,
        "overtraining": [f for f in flags if f.kind == Flag.Kind.OVERTRAINING],
        "quiet": quiet_athletes(athletes, today=timezone.localdate(now)),
        "new_findings": new_findings(athletes, since=now - dt.timedelta(days=1)),
    }


def run_history(athlete_id: int, *, limit: int = 10) -> list[dict]:
    """The latest runs, newest first, each with its likely causes (level ``cause``) and the
    causes and red flags it added and cleared (watch items come and go without notice)."""
    from assessments.models import AnalysisRun

    runs = list(
        AnalysisRun.objects.filter(athlete_id=athlete_id)
        .prefetch_related("findings")
        .order_by("-created_at", "-id")[: limit + 1]
    )
    history = []
    for index, run in enumerate(runs[:limit]):
        causes = _likely_causes(run)
        flags = {flag["code"] for flag in run.red_flags}
        previous = runs[index + 1] if index + 1 < len(runs) else None
        before = _likely_causes(previous) if previous else set()
        before_flags = {flag["code"] for flag in previous.red_flags} if previous else set()
        ranked = sorted(run.findings.all(), key=lambda f: f.rank)
        history.append({
            "run": run,
            "findings": ranked,
            "causes": [f for f in ranked if f.level == "cause"],
            "new": sorted((causes - before) | (flags - before_flags)),
            "cleared": sorted((before - causes) | (before_flags - flags)) if previous else [],
        })  # fmt: skip
    return history


def _likely_causes(run) -> set[str]:
    return {f.cause for f in run.findings.all() if f.level == "cause"}
