"""Writes ask for an analysis after they commit; the sweep finds anything left behind."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from assessments.models import AnalysisRun
from assessments.services import analyse_athlete
from assessments.tasks import nightly_reanalysis, sweep_changed_athletes
from coaching.models import Athlete
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_committed_write_leads_to_a_run(django_capture_on_commit_callbacks):
    athlete = f.AthleteFactory()
    with django_capture_on_commit_callbacks(execute=True):
        f.SleepCheckInFactory(athlete=athlete)
        athlete.mark_data_changed()
    assert AnalysisRun.objects.filter(athlete=athlete).count() == 1
    athlete.refresh_from_db()
    assert athlete.last_analysed_at >= athlete.data_changed_at
    assert athlete.analysed_version == athlete.data_version == 1
    assert athlete.analysis_queued_at is None


def test_a_rolled_back_write_asks_for_nothing(django_capture_on_commit_callbacks):
    athlete = f.AthleteFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                athlete.mark_data_changed()
                raise RuntimeError("the write fails")
        except RuntimeError:
            pass
    assert callbacks == [] and not AnalysisRun.objects.exists()


def test_sweep_analyses_only_athletes_with_unanalysed_data():
    now = timezone.now()
    changed = f.AthleteFactory(data_changed_at=now, data_version=1)
    stale = f.AthleteFactory(
        data_changed_at=now, data_version=5, last_analysed_at=now, analysed_version=4
    )
    fresh = f.AthleteFactory(
        data_changed_at=now, data_version=4, last_analysed_at=now, analysed_version=4
    )
    untouched = f.AthleteFactory()
    assert sweep_changed_athletes.apply().get() == 2
    analysed = set(AnalysisRun.objects.values_list("athlete_id", flat=True))
    assert analysed == {changed.pk, stale.pk}
    assert fresh.pk not in analysed and untouched.pk not in analysed
    assert sweep_changed_athletes.apply().get() == 0


def test_nightly_reanalysis_covers_every_athlete_in_chunks(settings):
    settings.ANALYSIS_CHUNK_SIZE = 3
    athletes = [f.AthleteFactory() for _ in range(7)]
    assert nightly_reanalysis.apply().get() == 7
    assert AnalysisRun.objects.count() == len(athletes)


def test_a_write_claims_its_run_in_its_own_transaction(django_capture_on_commit_callbacks):
    athlete = f.AthleteFactory()
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        athlete.mark_data_changed()
        queued = Athlete.objects.values_list("analysis_queued_at", flat=True).get()
        assert queued == athlete.data_changed_at  # claimed before the commit
        athlete.mark_data_changed()  # later writes of the burst claim nothing more
    assert len(callbacks) == 1


def test_a_failed_write_leaves_no_claim(django_capture_on_commit_callbacks):
    athlete = f.AthleteFactory()
    capture = django_capture_on_commit_callbacks()
    with capture as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        athlete.mark_data_changed()
        raise RuntimeError("the write fails")
    athlete.refresh_from_db()
    assert callbacks == []
    assert athlete.analysis_queued_at is None and athlete.data_changed_at is None


def test_a_write_while_a_run_is_queued_publishes_nothing(django_capture_on_commit_callbacks):
    athlete = f.AthleteFactory()
    queued = timezone.now() - timezone.timedelta(seconds=2)
    Athlete.objects.filter(pk=athlete.pk).update(analysis_queued_at=queued)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        athlete.mark_data_changed()
    athlete.refresh_from_db()
    assert callbacks == [] and not AnalysisRun.objects.exists()
    assert athlete.analysis_queued_at == queued and athlete.data_changed_at > queued


def test_a_write_seen_by_no_run_is_swept_whatever_its_clock_says():
    """A write stamped before a run began but not yet visible to it: the run records the
    version it saw, so the sweep still finds the write (a clock window would miss it)."""
    athlete = f.AthleteFactory()
    analyse_athlete(athlete_id=athlete.pk)
    Athlete.objects.filter(pk=athlete.pk).update(
        data_changed_at=timezone.now() - timezone.timedelta(minutes=5),  # stamped earlier
        data_version=F("data_version") + 1,  # but not seen by the run above
    )
    assert sweep_changed_athletes.apply().get() == 1
    athlete.refresh_from_db()
    assert athlete.analysed_version == athlete.data_version


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_write_committed_while_a_run_reads_is_swept_later():
    """The race with real transactions: a run is queued, a check-in is stamped (it queues
    nothing: a run is on its way), the run reads the data without it, then the check-in
    commits. The next sweep must analyse the athlete again."""
    athlete = f.AthleteFactory(analysis_queued_at=timezone.now())
    marked = threading.Event()

    def slow_write():
        try:
            with transaction.atomic():
                f.SleepCheckInFactory(athlete=athlete, hours=4.0)
                Athlete.objects.get(pk=athlete.pk).mark_data_changed()
                marked.set()
                _wait_for_a_backend_waiting_on_a_lock()  # the run, on the athlete's row
        finally:
            connection.close()

    writer = threading.Thread(target=slow_write)
    writer.start()
    assert marked.wait(10)
    analyse_athlete(athlete_id=athlete.pk)  # reads before the write commits, then waits
    writer.join(10)
    # `.result`, not `.get()`: Celery's "never join inside a task" guard is one flag for the
    # whole process, and in the full CI run it was found set here (by another thread).
    assert sweep_changed_athletes.apply().result == 1


def _wait_for_a_backend_waiting_on_a_lock(timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the analysis never waited for the write's row lock")
