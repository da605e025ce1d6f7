"""Every demo athlete's story is what the engine finds: its cause on top at cause level, the
control clean (no finding of either level, no red flag)."""

import pytest
from django.core.management import call_command

from assessments.analysis import engine
from assessments.analysis.rules import registry
from assessments.selectors import load_snapshots
from coaching.demo.cast import CAST
from coaching.models import Athlete

pytestmark = pytest.mark.django_db

RED_FLAGS = frozenset(registry.RED_FLAGS)


def top_of(result) -> str:
    """The first red flag, else the first likely cause (level ``cause``; watch items are
    not causes)."""
    if result.red_flags:
        return result.red_flags[0].code
    causes = [finding for finding in result.findings if finding.level == "cause"]
    return causes[0].cause if causes else ""


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
