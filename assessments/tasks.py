"""Celery tasks of the analysis pipeline: thin, idempotent, each a call to a service."""

import logging

from celery import shared_task
from django.conf import settings
from django.db.models import F, Q

from coaching.models import Athlete

from . import services
from .pipeline import publish

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
    Athlete.objects.filter(pk__in=athlete_ids).update(analysis_queued_at=None)
    return len(services.analyse_athletes(athlete_ids=athlete_ids))


def _fan_out(athlete_ids: list[int]) -> int:
    size = settings.ANALYSIS_CHUNK_SIZE
    for start in range(0, len(athlete_ids), size):
        publish(analyse_chunk_task, athlete_ids[start : start + size])
    return len(athlete_ids)


@shared_task(acks_late=True)
def sweep_changed_athletes() -> int:
    """Re-analyse everyone whose data changed after their last run (lost messages included)."""
    changed = Athlete.objects.filter(
        Q(last_analysed_at__isnull=True, data_changed_at__isnull=False)
        | Q(data_changed_at__gt=F("last_analysed_at"))
    )
    ids = list(changed.order_by("pk").values_list("pk", flat=True))
    if ids:
        log.info("Sweep: %d athlete(s) with unanalysed data", len(ids))
    return _fan_out(ids)


@shared_task(acks_late=True)
def nightly_reanalysis() -> int:
    """Re-analyse every athlete (new day, sliding windows), fanned out in chunks."""
    return _fan_out(list(Athlete.objects.order_by("pk").values_list("pk", flat=True)))
