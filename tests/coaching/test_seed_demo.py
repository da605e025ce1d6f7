"""`seed_demo` builds the demo club, and running it again changes nothing."""

import pytest
from django.apps import apps
from django.core.management import call_command

from coaching.demo.cast import CAST
from coaching.models import Athlete, Coach, SleepCheckIn, TrainingSet

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"coaching", "assessments", "auth"}
    }


def test_seed_demo_twice_leaves_the_same_row_counts():
    call_command("seed_demo", force=True, verbosity=0)
    first = row_counts()
    call_command("seed_demo", force=True, verbosity=0)
    assert row_counts() == first


def test_seed_demo_builds_eight_weeks_for_every_athlete():
    call_command("seed_demo", force=True, verbosity=0)
    assert Athlete.objects.count() == len(CAST)
    assert Coach.objects.count() == 2
    for athlete in Athlete.objects.all():
        assert SleepCheckIn.objects.filter(athlete=athlete).count() == 56
        assert athlete.coaches.exists()
    assert TrainingSet.objects.exists()


def test_seed_demo_refuses_to_run_in_production(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo", verbosity=0)
    assert not Athlete.objects.exists()
