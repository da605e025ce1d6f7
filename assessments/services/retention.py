"""Keep the run history bounded: the nightly alone stores one run per athlete per day.

At 100,000 athletes that is 36 million runs (and four times as many findings) a year. Runs
older than ANALYSIS_RUN_RETENTION_DAYS go, in batches, except each athlete's latest run, which
the API and the dashboard always show. Flags keep their own evidence; a flag opened by a
purged run keeps everything but that link.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from ..models import AnalysisRun

log = logging.getLogger(__name__)

BATCH_SIZE = 5000


def purge_old_runs(*, now: dt.datetime | None = None, batch_size: int = BATCH_SIZE) -> int:
    """Delete superseded runs older than the retention period; returns how many went."""
    days = settings.ANALYSIS_RUN_RETENTION_DAYS
    if not days:
        return 0
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    newer = AnalysisRun.objects.filter(athlete_id=OuterRef("athlete_id"), pk__gt=OuterRef("pk"))
    old = AnalysisRun.objects.filter(created_at__lt=cutoff).filter(Exists(newer)).order_by()
    purged = 0
    while True:
        ids = list(old.values_list("pk", flat=True)[:batch_size])
        if not ids:
            break
        with transaction.atomic():  # findings go by cascade; flags lose only the link
            AnalysisRun.objects.filter(pk__in=ids).delete()
        purged += len(ids)
    if purged:
        log.info("Purged %d analysis run(s) older than %d days", purged, days)
    return purged
