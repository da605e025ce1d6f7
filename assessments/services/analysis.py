"""Writes for the analysis pipeline: run the engine and store what it found."""

import contextlib
import datetime as dt
import gc
import json
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, PositiveBigIntegerField, Value, When
from django.utils import timezone

from coaching.models import Athlete

from .. import models as am
from ..analysis import engine
from ..analysis.engine import Result
from ..selectors import load_snapshots
from .flags import reconcile_flags


def analyse_athlete(*, athlete_id: int, as_of: dt.date | None = None) -> am.AnalysisRun:
    """Analyse one athlete now and store the run; raises Athlete.DoesNotExist if unknown."""
    runs = analyse_athletes(athlete_ids=[athlete_id], as_of=as_of)
    if athlete_id not in runs:
        raise Athlete.DoesNotExist(f"No athlete with id {athlete_id}.")
    return runs[athlete_id]


def analyse_athletes(
    *, athlete_ids: Iterable[int], as_of: dt.date | None = None
) -> dict[int, am.AnalysisRun]:
    """Analyse a batch with a fixed number of queries and store one run per athlete.

    Each athlete's `data_version` is read before their data, and stored as `analysed_version`:
    a write that this run did not see, even one stamped earlier that committed later, leaves
    `data_version` ahead, and the next sweep picks the athlete up again.
    """
    read_at = timezone.now()
    athlete_ids = list(athlete_ids)
    seen_versions = dict(
        Athlete.objects.filter(pk__in=athlete_ids).values_list("pk", "data_version")
    )
    with gc_paused():
        snapshots = load_snapshots(athlete_ids, as_of=as_of)
        results = {athlete_id: engine.run(snapshot) for athlete_id, snapshot in snapshots.items()}
        with transaction.atomic():
            # Lock the athletes so concurrent analyses of one athlete reconcile flags in turn.
            athletes = Athlete.objects.select_for_update().filter(pk__in=list(results))
            list(athletes.values_list("pk"))
            runs = store_results(results)
            reconcile_flags(runs=runs, results=results)
            Athlete.objects.filter(pk__in=list(results)).update(
                last_analysed_at=read_at,
                analysed_version=Case(
                    *(When(pk=pk, then=Value(seen_versions.get(pk, 0))) for pk in results),
                    output_field=PositiveBigIntegerField(),
                ),
            )
        del snapshots, results  # freed now, so collection has little left to scan afterwards
    return runs


@contextlib.contextmanager
def gc_paused():
    """No cyclic garbage collection while a batch builds its snapshots and results.

    A 200-athlete batch makes some 150,000 small objects, none of them in reference cycles;
    each automatic collection on the way rescans all of them, which cost about a third of the
    batch's time. Collection resumes (and catches up) when the batch is done.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def store_results(results: dict[int, Result]) -> dict[int, am.AnalysisRun]:
    """Persist engine results as runs with their ranked findings (two bulk inserts).

    Findings keep the engine's order (likely causes first, then watch items) as their rank,
    and their level; each recommendation keeps what to monitor and when to re-test."""
    runs = am.AnalysisRun.objects.bulk_create(
        [_run_row(athlete_id, result) for athlete_id, result in results.items()]
    )
    by_athlete = {run.athlete_id: run for run in runs}
    rows = [
        (
            by_athlete[athlete_id].pk, rank, finding.cause, finding.category, finding.level,
            finding.score, finding.evidence, [r.to_dict() for r in finding.recommendations],
        )
        for athlete_id, result in results.items()
        for rank, finding in enumerate(result.findings, start=1)
    ]  # fmt: skip
    _insert_findings(rows)
    return by_athlete


FINDING_COLUMNS = (
    "run_id", "rank", "cause", "category", "level", "score", "evidence", "recommendations",
)  # fmt: skip


def _insert_findings(rows: list[tuple]) -> None:
    """Insert findings; on PostgreSQL with COPY, which takes a nightly chunk's ~700 findings
    and their advice text in a fraction of the time of a bound multi-row INSERT."""
    if connection.vendor != "postgresql":
        am.Finding.objects.bulk_create(
            [am.Finding(**dict(zip(FINDING_COLUMNS, row, strict=True))) for row in rows]
        )
        return
    statement = f"COPY {am.Finding._meta.db_table} ({', '.join(FINDING_COLUMNS)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for *values, evidence, recommendations in rows:
            copy.write_row((*values, json.dumps(evidence), json.dumps(recommendations)))


def _run_row(athlete_id: int, result: Result) -> am.AnalysisRun:
    data = result.to_dict()
    return am.AnalysisRun(
        athlete_id=athlete_id,
        as_of=result.as_of,
        ruleset_version=result.ruleset_version,
        window_start=result.window_start,
        window_end=result.window_end,
        weakness_type=result.weakness_type,
        red_flags=data["red_flags"],
        data_gaps=list(result.data_gaps),
        training_advice_secondary=result.training_advice_secondary,
        phases=data.get("phases", []),
    )


def request_analysis_now(*, athlete_id: int) -> dict:
    """A coach asked for a fresh analysis: run it in-process without a broker, else queue it.

    Returns the API's analyze answer: `run_id` is set only when the run already exists.
    """
    from ..pipeline import publish
    from ..tasks import analyse_athlete_task

    task_id = str(uuid.uuid4())
    if settings.CELERY_TASK_ALWAYS_EAGER:
        run_id = analyse_athlete_task.apply(args=[athlete_id], task_id=task_id).get()
        return {"run_id": run_id, "task_id": task_id, "status": "completed"}
    publish(analyse_athlete_task, athlete_id, task_id=task_id)
    return {"run_id": None, "task_id": task_id, "status": "queued"}
