"""Writes ask for an analysis after they commit; the sweep finds anything left behind."""

import pytest
from django.db import transaction
from django.utils import timezone

from assessments.models import AnalysisRun
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


def test_a_queued_analysis_absorbs_later_writes():
    from assessments.pipeline import request_analysis

    athlete = f.AthleteFactory()
    Athlete.objects.filter(pk=athlete.pk).update(analysis_queued_at=timezone.now())
    assert request_analysis(athlete.pk) is False
    assert not AnalysisRun.objects.exists()


def test_sweep_analyses_only_athletes_with_unanalysed_data():
    now = timezone.now()
    changed = f.AthleteFactory(data_changed_at=now)
    stale = f.AthleteFactory(data_changed_at=now, last_analysed_at=now - timezone.timedelta(1))
    fresh = f.AthleteFactory(data_changed_at=now - timezone.timedelta(1), last_analysed_at=now)
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
