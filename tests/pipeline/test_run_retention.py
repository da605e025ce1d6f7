"""Superseded runs past the retention period are purged; each athlete keeps the latest."""

import datetime as dt

import pytest
from django.utils import timezone

from assessments.models import AnalysisRun, Finding, Flag
from assessments.services import purge_old_runs
from assessments.tasks import purge_old_analysis_runs
from tests import factories as f

pytestmark = pytest.mark.django_db


def run_aged(athlete, days: int, findings: int = 2) -> AnalysisRun:
    run = f.AnalysisRunFactory(athlete=athlete)
    for rank in range(1, findings + 1):
        f.FindingFactory(run=run, rank=rank, cause=f"cause_{rank}")
    AnalysisRun.objects.filter(pk=run.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days)
    )
    return run


@pytest.fixture
def retention(settings):
    settings.ANALYSIS_RUN_RETENTION_DAYS = 30
    return settings


def test_old_superseded_runs_and_their_findings_go(retention):
    athlete = f.AthleteFactory()
    old = [run_aged(athlete, days) for days in (90, 60, 31)]
    recent = [run_aged(athlete, days) for days in (29, 1)]

    assert purge_old_analysis_runs() == 3

    assert set(AnalysisRun.objects.values_list("pk", flat=True)) == {r.pk for r in recent}
    assert not Finding.objects.filter(run__in=[r.pk for r in old]).exists()
    assert Finding.objects.count() == 4


def test_an_athletes_only_run_stays_however_old(retention):
    quiet = f.AthleteFactory()
    kept = run_aged(quiet, 400)
    busy = f.AthleteFactory()
    run_aged(busy, 400)
    latest = run_aged(busy, 100)

    assert purge_old_runs() == 1
    assert set(AnalysisRun.objects.values_list("pk", flat=True)) == {kept.pk, latest.pk}


def test_a_flag_opened_by_a_purged_run_keeps_its_history(retention):
    athlete = f.AthleteFactory()
    opener = run_aged(athlete, 90)
    run_aged(athlete, 1)
    flag = f.FlagFactory(athlete=athlete, opened_by_run=opener, evidence={"days": 3})

    assert purge_old_runs() == 1

    kept = Flag.objects.get(pk=flag.pk)
    assert kept.opened_by_run is None
    assert (kept.code, kept.status, kept.evidence) == (flag.code, flag.status, {"days": 3})


def test_zero_keeps_every_run(settings):
    settings.ANALYSIS_RUN_RETENTION_DAYS = 0
    athlete = f.AthleteFactory()
    run_aged(athlete, 1000)
    run_aged(athlete, 999)
    assert purge_old_runs() == 0 and AnalysisRun.objects.count() == 2


def test_purging_works_in_batches_with_constant_queries_per_batch(
    retention, django_assert_max_num_queries
):
    athletes = f.AthleteFactory.create_batch(3)
    for athlete in athletes:
        for days in (90, 80, 70, 60, 2):
            run_aged(athlete, days, findings=1)
    # 12 old runs in batches of 5: 3 batches of (select, then delete: findings, flag links,
    # runs, in a savepoint) and a last empty select.
    with django_assert_max_num_queries(3 * 7 + 1):
        assert purge_old_runs(batch_size=5) == 12
    assert AnalysisRun.objects.count() == 3
    assert purge_old_runs(batch_size=5) == 0  # running again finds nothing
