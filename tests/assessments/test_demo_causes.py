"""Every demo athlete's story is what the engine finds: its cause on top, the control clean."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from assessments.analysis import engine
from assessments.selectors import load_snapshots
from coaching.demo.cast import CAST, COACH, DEMO_ATHLETE_LOGIN, DEMO_ORGANIZATION, HEAD_COACH
from coaching.models import Athlete, Organization

pytestmark = pytest.mark.django_db

RED_FLAGS = {
    "sudden_weakness", "severe_weakness", "unexplained_weakness", "sensory_symptoms",
    "persistent_pain", "suspected_medical_condition",
}  # fmt: skip


@pytest.fixture(scope="module")
def results(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", force=True, verbosity=0)
        athletes = {a.name: a.pk for a in Athlete.objects.all()}
        snapshots = load_snapshots(list(athletes.values()))
        yield {name: engine.run(snapshots[pk]) for name, pk in athletes.items()}
        # Seeded outside any test transaction: remove it so later tests start clean.
        Organization.objects.filter(name=DEMO_ORGANIZATION).delete()
        get_user_model().objects.filter(
            username__in=[HEAD_COACH[0], COACH[0], DEMO_ATHLETE_LOGIN[0]]
        ).delete()


@pytest.mark.parametrize("story", [s for s in CAST if s.cause], ids=lambda s: s.cause)
def test_demo_athlete_gets_their_cause_on_top(results, story):
    result = results[story.name]
    if story.cause in RED_FLAGS:
        assert result.red_flags[0].code == story.cause
        assert result.training_advice_secondary
    else:
        assert not result.red_flags
        assert result.findings[0].cause == story.cause


def test_healthy_control_gets_no_finding(results):
    control = next(s for s in CAST if not s.cause)
    result = results[control.name]
    assert result.findings == () and result.red_flags == ()
