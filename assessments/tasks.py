"""Celery tasks of the analysis pipeline: thin, idempotent, each a call to a service."""

import logging

from celery import shared_task
from django.conf import settings
from django.db.models import F

from coaching.models import Athlete

from . import services

log = logging.getLogger(__name__)


@shared_task(acks_late=True)
def analyse_athlete_task(athlete_id: int) -> int | None:
    """Re-analyse one athlete after their data changed. Running twice stores two equal runs."""
    # Clear the debounce mark before reading: a write from now on queues a fresh run.
    Athlete.objects.filter(pk=athlete_id).update(analysis_queued_at=None)
    runs = services.analyse_athletes(athlete_ids=[athlete_id])
    return runs[athlete_id].pk if athlete_id in runs else None


@shared_task(acks_late=True)
def analyse_chunk_task(athlete_ids: list[int]) -> int:
    """Analyse a chunk of athletes with a fixed number of queries."""
    # Only rows that carry the mark: rewriting 200 unchanged rows per chunk is pure bloat.
    Athlete.objects.filter(pk__in=athlete_ids, analysis_queued_at__isnull=False).update(
        analysis_queued_at=None
    )
    return len(services.analyse_athletes(athlete_ids=athlete_ids))


# Redis consumes priority 0 (the default, e.g. an analysis after a write) before 9: a red flag
# reported during the nightly is analysed next, not after the whole nightly backlog.
BULK_PRIORITY = 9
FAN_OUT_RETRY = {"max_retries": 3, "interval_start": 0.5, "interval_step": 1, "interval_max": 2}


def _fan_out(athlete_ids: list[int]) -> int:
    """Queue chunks of athletes at bulk priority; raises if the broker refuses one.

    Published here, in the worker, and not through `publish()`: that one serves request
    threads and drops messages beyond its small backlog, which lost whole chunks of a
    nightly at 100,000 athletes (500 chunks). A failed fan-out fails the task: the sweep
    re-finds changed athletes, the next nightly everyone.
    """
    size = settings.ANALYSIS_CHUNK_SIZE
    for start in range(0, len(athlete_ids), size):
        analyse_chunk_task.apply_async(
            (athlete_ids[start : start + size],), priority=BULK_PRIORITY, retry=True,
            retry_policy=FAN_OUT_RETRY,
        )  # fmt: skip
    return len(athlete_ids)


@shared_task(acks_late=True)
def sweep_changed_athletes() -> int:
    """Re-analyse everyone whose data changed after their last run (lost messages included)."""
    changed = Athlete.objects.filter(data_version__gt=F("analysed_version"))
    ids = list(changed.order_by("pk").values_list("pk", flat=True))
    if ids:
        log.info("Sweep: %d athlete(s) with unanalysed data", len(ids))
    return _fan_out(ids)


@shared_task(acks_late=True)
def nightly_reanalysis() -> int:
    """Re-analyse every athlete (new day, sliding windows), fanned out in chunks."""
    return _fan_out(list(Athlete.objects.order_by("pk").values_list("pk", flat=True)))


@shared_task(acks_late=True)
def purge_old_analysis_runs() -> int:
    """Drop superseded runs past the retention period (each athlete keeps their latest)."""
    return services.purge_old_runs()
