"""Training phases in the coach dashboard, and the athlete page's two tiers of findings."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from coaching.dashboard import new_findings, run_history
from coaching.models import Athlete, TrainingPhase
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def team():
    org = f.OrganizationFactory()
    coach = f.CoachFactory(organization=org)
    colleague = f.CoachFactory(organization=org)
    mine = f.AthleteFactory(organization=org, coaches=[coach], name="Mine Athlete")
    theirs = f.AthleteFactory(organization=org, coaches=[colleague], name="Theirs Athlete")
    return {"coach": coach, "mine": mine, "theirs": theirs}


def phase_on(athlete, start_days_ago=6, days=7, kind="deload"):
    start = TODAY - dt.timedelta(days=start_days_ago)
    return f.TrainingPhaseFactory(
        athlete=athlete, start=start, end=start + dt.timedelta(days=days - 1), kind=kind
    )


def test_the_phase_list_shows_only_the_coachs_athletes(client, team):
    visible, hidden = phase_on(team["mine"]), phase_on(team["theirs"])
    client.force_login(team["coach"].user)
    response = client.get(reverse("admin:coaching_trainingphase_changelist"))
    assert list(response.context["cl"].result_list) == [visible]
    url = reverse("admin:coaching_trainingphase_change", args=[hidden.pk])
    assert client.get(url).status_code == 404


def add_phase(client, athlete, start, end, kind="taper"):
    return client.post(
        reverse("admin:coaching_trainingphase_add"),
        {"athlete": athlete.pk, "kind": kind, "start": start, "end": end, "notes": ""},
    )


def test_adding_a_phase_marks_the_athletes_data_changed(client, team):
    client.force_login(team["coach"].user)
    response = add_phase(client, team["mine"], TODAY, TODAY + dt.timedelta(days=6))
    assert response.status_code == 302
    assert TrainingPhase.objects.get().kind == "taper"
    assert Athlete.objects.get(pk=team["mine"].pk).data_changed_at is not None


def test_the_add_form_refuses_an_overlap_and_an_end_before_the_start(client, team):
    phase_on(team["mine"])
    client.force_login(team["coach"].user)
    overlapping = add_phase(client, team["mine"], TODAY, TODAY + dt.timedelta(days=3))
    assert overlapping.status_code == 200
    assert "overlaps the deload phase" in str(overlapping.context["adminform"].form.errors)
    backwards = add_phase(client, team["mine"], TODAY + dt.timedelta(days=9), TODAY)
    assert "on or after the start" in str(backwards.context["adminform"].form.errors)
    assert TrainingPhase.objects.count() == 1


def test_the_add_form_offers_only_the_coachs_athletes(client, team):
    client.force_login(team["coach"].user)
    response = add_phase(client, team["theirs"], TODAY, TODAY)
    assert response.status_code == 200 and not TrainingPhase.objects.exists()


def inline_post(athlete, rows):
    data = {
        "name": athlete.name, "sex": athlete.sex, "goal": athlete.goal,
        **{f"{p}-TOTAL_FORMS": "0" for p in ("sleepcheckins", "nutritioncheckins",
                                              "stresscheckins", "wellnesscheckins")},
        **{f"{p}-INITIAL_FORMS": "0" for p in ("sleepcheckins", "nutritioncheckins",
                                                "stresscheckins", "wellnesscheckins")},
        "phases-TOTAL_FORMS": str(len(rows)), "phases-INITIAL_FORMS": "0",
    }  # fmt: skip
    for index, (kind, start, end) in enumerate(rows):
        data.update({f"phases-{index}-kind": kind, f"phases-{index}-start": start,
                     f"phases-{index}-end": end, f"phases-{index}-notes": ""})  # fmt: skip
    return data


def athlete_url(athlete):
    return reverse("admin:coaching_athlete_change", args=[athlete.pk])


def test_the_athlete_page_adds_phases_and_marks_the_data_changed(client, team):
    client.force_login(team["coach"].user)
    rows = [("deload", TODAY, TODAY + dt.timedelta(days=6)),
            ("taper", TODAY + dt.timedelta(days=7), TODAY + dt.timedelta(days=13))]  # fmt: skip
    response = client.post(athlete_url(team["mine"]), inline_post(team["mine"], rows))
    assert response.status_code == 302, response.context["inline_admin_formsets"]
    assert sorted(team["mine"].phases.values_list("kind", flat=True)) == ["deload", "taper"]
    assert Athlete.objects.get(pk=team["mine"].pk).data_changed_at is not None


def test_the_athlete_page_refuses_phases_that_overlap_each_other(client, team):
    client.force_login(team["coach"].user)
    rows = [("deload", TODAY, TODAY + dt.timedelta(days=6)),
            ("taper", TODAY + dt.timedelta(days=6), TODAY + dt.timedelta(days=13))]  # fmt: skip
    response = client.post(athlete_url(team["mine"]), inline_post(team["mine"], rows))
    assert response.status_code == 200
    assert not TrainingPhase.objects.exists()


def test_the_athlete_page_refuses_an_overlap_with_an_older_phase_it_does_not_show(client, team):
    old = phase_on(team["mine"], start_days_ago=200, days=150, kind="off_season")
    client.force_login(team["coach"].user)
    rows = [("accumulation", TODAY - dt.timedelta(days=60), TODAY - dt.timedelta(days=40))]
    response = client.post(athlete_url(team["mine"]), inline_post(team["mine"], rows))
    assert response.status_code == 200
    assert list(TrainingPhase.objects.all()) == [old]


def analysed(athlete, weakness_type="none", findings=()):
    run = f.AnalysisRunFactory(athlete=athlete, weakness_type=weakness_type, phases=[
        {"start": str(TODAY - dt.timedelta(days=6)), "end": str(TODAY), "kind": "deload",
         "source": "coach", "reason": ""},
    ])  # fmt: skip
    for rank, (cause, level) in enumerate(findings, start=1):
        f.FindingFactory(run=run, rank=rank, cause=cause, level=level)
    return run


def test_the_athlete_page_shows_likely_causes_apart_from_items_worth_watching(client, team):
    analysed(
        team["mine"], "perceived", [("inadequate_sleep", "cause"), ("chronic_stress", "watch")]
    )
    client.force_login(team["coach"].user)
    page = client.get(athlete_url(team["mine"])).content.decode()
    likely = page[page.index('id="likely-causes"') : page.index('id="watch-items"')]
    watch = page[page.index('id="watch-items"') :]
    assert 'data-cause="inadequate_sleep"' in likely and "chronic_stress" not in likely
    assert "Worth watching" in watch and 'data-cause="chronic_stress"' in watch


def test_the_athlete_page_says_no_marked_weakness_and_no_likely_cause(client, team):
    analysed(team["mine"], "none", [("chronic_stress", "watch")])
    client.force_login(team["coach"].user)
    page = client.get(athlete_url(team["mine"])).content.decode()
    assert "No marked weakness" in page and 'id="no-likely-cause"' in page
    assert 'id="analysis-phases"' in page and "set by a coach" in page


def test_watch_items_are_neither_top_causes_nor_news(team):
    analysed(team["mine"], findings=[("chronic_stress", "watch")])
    assert run_history(team["mine"].pk)[0]["causes"] == []
    assert run_history(team["mine"].pk)[0]["new"] == []
    since = timezone.now() - dt.timedelta(days=1)
    assert new_findings(Athlete.objects.all(), since=since) == []
