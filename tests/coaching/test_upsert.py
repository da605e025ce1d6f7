"""A check-in upsert: created, replaced only when a value differs, the athlete marked and
their analysis claimed exactly when something changed. Runs on every database: on
PostgreSQL it exercises the one-statement upsert, elsewhere the ORM's."""

import datetime as dt

import pytest
from django.utils import timezone

from coaching import services
from coaching.models import Athlete, NutritionCheckIn, SleepCheckIn, StressCheckIn, WellnessCheckIn
from tests import factories as f

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 2)
KINDS = {
    SleepCheckIn: ({"hours": 7.5, "quality": 4}, {"quality": 2}),
    NutritionCheckIn: (
        {
            "calories_kcal": 2600,
            "protein_g": 130.0,
            "carbohydrate_g": None,
            "fat_g": 85.0,
            "water_l": 2.8,
            "micronutrient_concerns": ["iron"],
        },
        {"micronutrient_concerns": ["iron", "magnesium"]},
    ),
    StressCheckIn: ({"stress": 4, "mood": 3}, {"mood": 5}),
    WellnessCheckIn: (
        {
            "fatigue": 3,
            "soreness": 3,
            "perceived_leg_weakness": 2,
            "motivation": 4,
            "urine_colour": 2,
        },
        {"soreness": 1},
    ),
}


def _stored(model, athlete):
    return model.objects.get(athlete=athlete, date=DAY)


def _fields(row):
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}


@pytest.mark.parametrize("model", list(KINDS), ids=lambda model: model.__name__)
def test_create_then_repeat_then_change(model, django_capture_on_commit_callbacks):
    values, change = KINDS[model]
    athlete = f.AthleteFactory()

    with django_capture_on_commit_callbacks() as callbacks:
        row, created = services.upsert_check_in(
            model=model, athlete=athlete, date=DAY, values=values
        )
    assert created and len(callbacks) == 1  # the write claimed the athlete's analysis
    assert _fields(row) == _fields(_stored(model, athlete))
    marked = Athlete.objects.get(pk=athlete.pk)
    assert marked.data_changed_at == athlete.data_changed_at >= row.updated_at
    assert marked.analysis_queued_at is not None

    Athlete.objects.filter(pk=athlete.pk).update(analysis_queued_at=None, data_changed_at=None)
    with django_capture_on_commit_callbacks() as callbacks:
        again, created = services.upsert_check_in(
            model=model, athlete=athlete, date=DAY, values=values
        )
    assert not created and callbacks == []
    assert _fields(again) == _fields(row)  # not even updated_at moved
    assert Athlete.objects.get(pk=athlete.pk).data_changed_at is None

    with django_capture_on_commit_callbacks() as callbacks:
        changed, created = services.upsert_check_in(
            model=model, athlete=athlete, date=DAY, values={**values, **change}
        )
    stored = _stored(model, athlete)
    assert not created and len(callbacks) == 1
    assert _fields(changed) == _fields(stored)
    assert stored.pk == row.pk and stored.created_at == row.created_at
    assert stored.updated_at > row.updated_at
    assert all(getattr(stored, name) == value for name, value in change.items())
    assert model.objects.filter(athlete=athlete).count() == 1


def test_a_write_while_a_run_is_queued_claims_nothing(django_capture_on_commit_callbacks):
    athlete = f.AthleteFactory()
    queued = timezone.now() - dt.timedelta(seconds=3)
    Athlete.objects.filter(pk=athlete.pk).update(analysis_queued_at=queued)
    with django_capture_on_commit_callbacks() as callbacks:
        services.upsert_check_in(
            model=SleepCheckIn, athlete=athlete, date=DAY, values=KINDS[SleepCheckIn][0]
        )
    marked = Athlete.objects.get(pk=athlete.pk)
    assert callbacks == [] and marked.analysis_queued_at == queued
    assert marked.data_changed_at > queued


def test_other_athletes_and_days_are_untouched():
    athlete, other = f.AthleteFactory(), f.AthleteFactory()
    theirs = f.SleepCheckInFactory(athlete=other, date=DAY, hours=5.0)
    mine_yesterday = f.SleepCheckInFactory(athlete=athlete, date=DAY - dt.timedelta(days=1))
    services.upsert_check_in(
        model=SleepCheckIn, athlete=athlete, date=DAY, values={"hours": 9.0, "quality": 5}
    )
    assert _fields(SleepCheckIn.objects.get(pk=theirs.pk)) == _fields(theirs)
    assert _fields(SleepCheckIn.objects.get(pk=mine_yesterday.pk)) == _fields(mine_yesterday)
    assert Athlete.objects.get(pk=other.pk).data_changed_at is None
