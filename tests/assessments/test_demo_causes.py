"""Every demo athlete's story is what the engine finds: its cause on top, the control clean."""

import pytest
from django.core.management import call_command

from assessments.analysis import engine
from assessments.selectors import load_snapshots
from coaching.demo.cast import CAST
from coaching.models import Athlete

pytestmark = pytest.mark.django_db

RED_FLAGS = {
    "sudden_weakness", "severe_weakness", "unexplained_weakness", "sensory_symptoms",
    "persistent_pain", "suspected_medical_condition",
}  # fmt: skip


def top_of(result) -> str:
    if result.red_flags:
        return result.red_flags[0].code
    return result.findings[0].cause if result.findings else ""


def test_every_demo_athlete_gets_their_cause_on_top_and_the_control_none():
    call_command("seed_demo", force=True, verbosity=0)
    athletes = {a.name: a.pk for a in Athlete.objects.all()}
    snapshots = load_snapshots(list(athletes.values()))
    results = {name: engine.run(snapshots[pk]) for name, pk in athletes.items()}
    wrong = {
        story.name: {"wanted": story.cause, "got": top_of(results[story.name])}
        for story in CAST
        if top_of(results[story.name]) != story.cause
    }
    assert wrong == {}
    for story in CAST:
        result = results[story.name]
        if story.cause in RED_FLAGS:
            assert result.training_advice_secondary, story.name
        elif story.cause:
            assert not result.red_flags, story.name
            assert result.findings[0].level == "cause", story.name
        else:
            assert result.findings == () and result.red_flags == ()
