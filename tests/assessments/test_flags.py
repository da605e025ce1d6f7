"""Flags follow the analyses: opened once, kept while present, resolved when cleared."""

import datetime as dt

import pytest

from assessments.models import Flag
from assessments.services import (
    FlagTransitionError,
    acknowledge_flag,
    analyse_athlete,
    resolve_flag,
)
from tests import factories as f

pytestmark = pytest.mark.django_db


def numb_athlete():
    athlete = f.AthleteFactory()
    f.SymptomReportFactory(
        athlete=athlete, date=f.TODAY - dt.timedelta(days=1), numbness=True, severity=4
    )
    return athlete


def test_a_red_flag_opens_a_flag_linked_to_its_run():
    athlete = numb_athlete()
    run = analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    flag = Flag.objects.get(athlete=athlete, code="sensory_symptoms")
    assert flag.kind == "red_flag" and flag.status == "open"
    assert flag.opened_by_run == run
    assert flag.advice and flag.severity in {"urgent", "soon"}


def test_a_persisting_red_flag_keeps_one_flag_and_refreshes_it():
    athlete = numb_athlete()
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    first_seen = Flag.objects.get(athlete=athlete).last_seen_at
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    flag = Flag.objects.get(athlete=athlete)
    assert flag.last_seen_at > first_seen


def test_a_cleared_red_flag_resolves_itself():
    athlete = numb_athlete()
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    athlete.symptomreports.all().delete()
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    flag = Flag.objects.get(athlete=athlete)
    assert flag.status == "resolved" and flag.resolved_by is None
    assert "automatically" in flag.resolution_note


def test_a_red_flag_returning_after_resolution_opens_a_new_flag():
    athlete = numb_athlete()
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    resolve_flag(flag_id=Flag.objects.get().pk, user=None, note="Seen by physio")
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    assert list(Flag.objects.order_by("pk").values_list("status", flat=True)) == [
        "resolved", "open",
    ]  # fmt: skip


def test_an_acknowledged_flag_stays_acknowledged_while_present():
    athlete = numb_athlete()
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    coach = f.CoachFactory()
    acknowledge_flag(flag_id=Flag.objects.get().pk, user=coach.user, note="Calling her doctor")
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    flag = Flag.objects.get()
    assert flag.status == "acknowledged"
    assert flag.acknowledged_by == coach.user and flag.acknowledge_note == "Calling her doctor"


def test_overtraining_opens_its_own_flag():
    athlete = f.AthleteFactory()
    for days_ago in range(35):
        day = f.TODAY - dt.timedelta(days=days_ago)
        if days_ago < 7:
            f.TrainingSessionFactory(athlete=athlete, date=day, duration_min=150, session_rpe=9)
            f.WellnessCheckInFactory(athlete=athlete, date=day, fatigue=9, soreness=9)
        else:
            if days_ago % 2 == 0:
                f.TrainingSessionFactory(athlete=athlete, date=day, duration_min=50, session_rpe=6)
            f.WellnessCheckInFactory(athlete=athlete, date=day, fatigue=3, soreness=3)
    analyse_athlete(athlete_id=athlete.pk, as_of=f.TODAY)
    flag = Flag.objects.get(athlete=athlete, code="overtraining")
    assert flag.kind == "overtraining" and flag.severity == "warning"


def test_flag_transitions_are_safe_to_repeat_and_resolution_is_final():
    flag = f.FlagFactory()
    acknowledge_flag(flag_id=flag.pk, user=None, note="first")
    acknowledge_flag(flag_id=flag.pk, user=None, note="retry")  # a retried request: no change
    flag.refresh_from_db()
    assert flag.status == "acknowledged" and flag.acknowledge_note == "first"
    resolve_flag(flag_id=flag.pk, user=None, note="done")
    resolve_flag(flag_id=flag.pk, user=None, note="again")
    with pytest.raises(FlagTransitionError):
        acknowledge_flag(flag_id=flag.pk, user=None)
    flag.refresh_from_db()
    assert flag.status == "resolved" and flag.resolution_note == "done"
