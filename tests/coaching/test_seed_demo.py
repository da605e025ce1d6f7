"""`seed_demo` builds the demo club, and running it again changes nothing.

Its data is made up, so it is news to nobody: seeding sends no e-mail, even though the analyses
that follow it open red flags (the demo coaches have alerts and digests off).
"""

import datetime as dt

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from assessments.models import Flag
from coaching import digests
from coaching.demo.cast import CAST
from coaching.models import AlertEmail, Athlete, Coach, SleepCheckIn, TrainingSet

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


def seed_and_analyse(capture) -> None:
    """Seed, then run what the seed's commit sets off: every athlete's analysis, in-process."""
    with capture(execute=True):
        call_command("seed_demo", force=True, verbosity=0)


def test_seeding_opens_red_flags_but_queues_and_sends_no_alert_email(
    django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    seed_and_analyse(django_capture_on_commit_callbacks)
    assert Flag.objects.filter(kind=Flag.Kind.RED_FLAG).count() >= 2  # Nina Numb, Sudden Sara
    assert AlertEmail.objects.count() == 0
    assert mail.outbox == []


def test_demo_coaches_are_due_no_digest():
    call_command("seed_demo", force=True, verbosity=0)
    evening = timezone.now().replace(hour=22, minute=0) + dt.timedelta(days=1)
    assert digests.due(now=evening) == []


def test_seeding_again_switches_email_off_for_a_demo_coach_who_switched_it_on():
    call_command("seed_demo", force=True, verbosity=0)
    Coach.objects.update(alerts_enabled=True, digest_enabled=True)
    call_command("seed_demo", force=True, verbosity=0)
    assert not Coach.objects.filter(alerts_enabled=True).exists()
    assert not Coach.objects.filter(digest_enabled=True).exists()


def test_a_demo_coach_who_switches_alerts_on_gets_the_next_red_flag(
    django_capture_on_commit_callbacks, settings
):
    from assessments.services import analyse_athlete
    from tests import factories as f

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    seed_and_analyse(django_capture_on_commit_callbacks)
    head = Coach.objects.get(user__username="headcoach")
    head.alerts_enabled = True
    head.save(update_fields=["alerts_enabled"])
    hana = Athlete.objects.get(name="Hana Holt")
    f.SymptomReportFactory(athlete=hana, date=timezone.localdate(), numbness=True, severity=5)
    with django_capture_on_commit_callbacks(execute=True):
        analyse_athlete(athlete_id=hana.pk)
    assert [m.to for m in mail.outbox] == [[head.user.email]]
