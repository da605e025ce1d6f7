"""Asking for background work without ever making a write wait on the broker.

`Athlete.mark_data_changed` debounces in the database (one queued run per burst of writes)
and `publish` hands the message to Celery off the request thread, so a down or frozen Redis
costs a log line, not a slow or failed write: the sweep re-finds the work from the database.
With no broker configured (CELERY_TASK_ALWAYS_EAGER) tasks run in-process at once.
"""

import logging
import threading
from concurrent.futures import ThreadPoolExecutor, wait

from django.conf import settings
from django.db import close_old_connections

log = logging.getLogger(__name__)

_executor: ThreadPoolExecutor | None = None
_pending = threading.BoundedSemaphore(256)  # messages waiting for the broker, at most
_lock = threading.Lock()
_in_flight: set = set()


def _publisher() -> ThreadPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="publish")
        return _executor


def publish(task, *args, **options) -> None:
    """Send `task` with `args`; never raises and never blocks the caller on the broker."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        try:
            task.apply_async(args, **options)
        except Exception:  # in-process: a failed task must not fail the write that asked
            log.exception("Task %s%s failed in-process; the sweep will retry", task.name, args)
        return
    if not _pending.acquire(blocking=False):
        log.error("Broker backlog full: dropped %s%s; the sweep will catch up", task.name, args)
        return

    def send():
        try:
            task.apply_async(args, retry=False, **options)
        except Exception:
            log.warning("Could not queue %s%s; the sweep will catch up", task.name, args,
                        exc_info=True)  # fmt: skip
        finally:
            _pending.release()
            close_old_connections()

    future = _publisher().submit(send)
    with _lock:
        _in_flight.add(future)
    future.add_done_callback(lambda done: _in_flight.discard(done))


def publish_claimed_analysis(athlete_id: int) -> None:
    """Send the debounced run that this caller has claimed (analysis_queued_at set)."""
    from .tasks import analyse_athlete_task

    publish(analyse_athlete_task, athlete_id, countdown=settings.ANALYSIS_DEBOUNCE_SECONDS)


def wait_for_publishing(timeout: float = 10.0) -> None:
    """Block until queued publishes are handed over (tests and graceful shutdown)."""
    with _lock:
        futures = list(_in_flight)
    wait(futures, timeout=timeout)
