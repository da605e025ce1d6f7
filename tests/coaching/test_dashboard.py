"""The admin as the coach's dashboard: what needs attention, the athlete page, its actions."""

import datetime as dt
import json

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from assessments.models import AnalysisRun, Flag
from assessments.services import analyse_athlete
from tests import factories as f
from tests.query_helpers import assert_queries_constant

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    org = f.OrganizationFactory()
    coach = f.CoachFactory(organization=org)
    head = f.HeadCoachFactory(organization=org)
    numb = f.AthleteFactory(organization=org, coaches=[coach], name="Nina Numb")
    f.SymptomReportFactory(athlete=numb, date=timezone.localdate(), numbness=True, severity=6)
    f.SleepCheckInFactory(athlete=numb, date=timezone.localdate())
    calm = f.AthleteFactory(organization=org, coaches=[coach], name="Carl Calm")
    f.SleepCheckInFactory(athlete=calm, date=timezone.localdate() - dt.timedelta(days=5))
    analyse_athlete(athlete_id=numb.pk)
    outsider = f.CoachFactory()
    return {"coach": coach, "head": head, "numb": numb, "calm": calm, "outsider": outsider}


def athlete_url(athlete, name="change"):
    return reverse(f"admin:coaching_athlete_{name}", args=[athlete.pk])


def test_index_puts_the_red_flag_athlete_first(client, team):
    client.force_login(team["coach"].user)
    attention = client.get(reverse("admin:index")).context["attention"]
    assert attention["red_flags"][0].athlete == team["numb"]
    assert [row["athlete"] for row in attention["quiet"]] == [team["calm"]]
    assert {row["cause"] for row in attention["new_findings"]} <= {
        f.cause for f in AnalysisRun.objects.get().findings.all()
    }


def test_index_shows_nothing_of_another_organization(client, team):
    client.force_login(team["outsider"].user)
    attention = client.get(reverse("admin:index")).context["attention"]
    assert attention["red_flags"] == [] and attention["quiet"] == []


def test_athlete_page_shows_the_analysis_and_chart_data(client, team):
    client.force_login(team["coach"].user)
    response = client.get(athlete_url(team["numb"]))
    html = response.content.decode()
    assert response.context["latest"]["red_flags"][0]["code"] == "sensory_symptoms"
    assert 'id="chart-sleep"' in html and "chart.umd.min.js" in html
    charts = response.context["charts"]
    assert len(charts["sleep"]["hours"]) == 56 and charts["sleep"]["hours"][-1] == 7.5
    assert "Acknowledge or resolve this flag" in html


def test_athlete_page_is_404_for_another_organization(client, team):
    client.force_login(team["outsider"].user)
    assert client.get(athlete_url(team["numb"])).status_code == 404
    assert client.get(athlete_url(team["numb"], "export_csv")).status_code == 404
    assert client.post(athlete_url(team["numb"], "analyse")).status_code == 404


def test_rerun_analysis_stores_a_new_run(client, team):
    client.force_login(team["coach"].user)
    assert client.get(athlete_url(team["numb"], "analyse")).status_code == 405
    response = client.post(athlete_url(team["numb"], "analyse"), follow=True)
    assert response.status_code == 200
    assert AnalysisRun.objects.filter(athlete=team["numb"]).count() == 2
    assert "analysed again" in response.content.decode()


def test_exports(client, team):
    client.force_login(team["coach"].user)
    csv_response = client.get(athlete_url(team["numb"], "export_csv"))
    assert csv_response["Content-Type"].startswith("text/csv")
    assert (
        csv_response.content.decode().splitlines()[1].startswith(timezone.localdate().isoformat())
    )
    data = json.loads(client.get(athlete_url(team["numb"], "export_json")).content)
    assert data["athlete"]["name"] == "Nina Numb" and data["symptoms"][0]["numbness"] is True


def test_coach_acknowledges_then_resolves_a_flag_with_a_note(client, team):
    client.force_login(team["coach"].user)
    flag = Flag.objects.get(athlete=team["numb"])
    url = reverse("admin:assessments_flag_change", args=[flag.pk])
    response = client.post(
        url, {"acknowledge_note": "Called her GP", "resolution_note": "", "_acknowledge": "1"},
        follow=True,
    )  # fmt: skip
    flag.refresh_from_db()
    assert flag.status == "acknowledged" and flag.acknowledged_by == team["coach"].user
    assert flag.acknowledge_note == "Called her GP"
    [confirmation] = [str(m) for m in response.context["messages"]]
    assert "(acknowledged)" in confirmation and "(open)" not in confirmation
    response = client.post(
        url, {"acknowledge_note": "Called her GP", "resolution_note": "Cleared by GP",
              "_resolve": "1"}, follow=True,
    )  # fmt: skip
    flag.refresh_from_db()
    assert flag.status == "resolved" and flag.resolution_note == "Cleared by GP"
    [confirmation] = [str(m) for m in response.context["messages"]]
    assert "(resolved)" in confirmation


def grow_everything(organization, coach, count=8):
    """Rows of every kind for several athletes, to show that pages do not grow with them."""
    today = timezone.localdate()
    for _ in range(count):
        athlete = f.AthleteFactory(organization=organization, coaches=[coach],
                                   goal_lifts=[f.catalogue("back-squat")])  # fmt: skip
        for days_ago in range(3):
            day = today - dt.timedelta(days=days_ago)
            for factory in (f.SleepCheckInFactory, f.NutritionCheckInFactory,
                            f.StressCheckInFactory, f.WellnessCheckInFactory,
                            f.StrengthTestFactory, f.MovementScreenFactory,
                            f.MobilityScreenFactory, f.JumpTestFactory,
                            f.ActivationRatingFactory, f.SymptomReportFactory):  # fmt: skip
                factory(athlete=athlete, date=day)
            session = f.TrainingSessionFactory(athlete=athlete, date=day)
            f.TrainingSetFactory(session=session, position=1)
        f.TrainingPhaseFactory(athlete=athlete, start=today, end=today)
        f.ExerciseFactory(organization=organization)
        f.ThresholdOverrideFactory(organization=organization, key=f"sleep_min_hours_{athlete.pk}")
        analyse_athlete(athlete_id=athlete.pk)
        f.FlagFactory(athlete=athlete, code=f"code-{athlete.pk}")


def changelists():
    return sorted(
        f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist"
        for m in admin.site._registry
        if m._meta.app_label in {"coaching", "assessments"}
    )


@pytest.mark.parametrize("url_name", changelists())
def test_every_changelist_runs_a_constant_number_of_queries(client, url_name):
    head = f.HeadCoachFactory()
    client.force_login(head.user)
    grow_everything(head.organization, head, count=1)
    url = reverse(url_name)
    assert client.get(url).status_code == 200
    assert_queries_constant(
        lambda: client.get(url), lambda: grow_everything(head.organization, head)
    )


def test_dashboard_index_runs_a_constant_number_of_queries(client):
    head = f.HeadCoachFactory()
    client.force_login(head.user)
    grow_everything(head.organization, head, count=1)
    assert_queries_constant(
        lambda: client.get(reverse("admin:index")), lambda: grow_everything(head.organization, head)
    )


def test_athlete_page_runs_a_constant_number_of_queries(client):
    head = f.HeadCoachFactory()
    client.force_login(head.user)
    athlete = f.AthleteFactory(
        organization=head.organization, goal_lifts=[f.catalogue("back-squat")]
    )
    f.SleepCheckInFactory(athlete=athlete, date=timezone.localdate())
    analyse_athlete(athlete_id=athlete.pk)
    url = athlete_url(athlete)

    def grow():
        today = timezone.localdate()
        for days_ago in range(1, 12):
            day = today - dt.timedelta(days=days_ago)
            for factory in (f.SleepCheckInFactory, f.NutritionCheckInFactory,
                            f.StressCheckInFactory, f.WellnessCheckInFactory,
                            f.StrengthTestFactory, f.JumpTestFactory):  # fmt: skip
                factory(athlete=athlete, date=day)
            session = f.TrainingSessionFactory(athlete=athlete, date=day)
            f.TrainingSetFactory(session=session, position=1)
            f.TrainingPhaseFactory(athlete=athlete, start=day, end=day, kind="accumulation")
            analyse_athlete(athlete_id=athlete.pk)

    assert_queries_constant(lambda: client.get(url), grow)


def threshold_post(client, **data):
    return client.post(reverse("admin:assessments_thresholdoverride_add"), data)


def test_head_coach_sets_a_threshold_for_their_organization(client, team):
    client.force_login(team["head"].user)
    response = threshold_post(client, key="sleep_min_hours", value="7.5", note="Youth squad")
    assert response.status_code == 302
    from assessments.models import ThresholdOverride

    override = ThresholdOverride.objects.get()
    assert override.organization == team["head"].organization and override.value == 7.5


def test_threshold_form_refuses_unknown_keys_bad_values_and_duplicates(client, team):
    client.force_login(team["head"].user)
    assert (
        "key" in threshold_post(client, key="made_up", value="1").context["adminform"].form.errors
    )
    errors = (
        threshold_post(client, key="sleep_min_hours", value="-3").context["adminform"].form.errors
    )
    assert "value" in errors
    threshold_post(client, key="sleep_min_hours", value="7.5")
    errors = (
        threshold_post(client, key="sleep_min_hours", value="8").context["adminform"].form.errors
    )
    assert "key" in errors


def test_plain_coach_cannot_change_thresholds(client, team):
    client.force_login(team["coach"].user)
    assert threshold_post(client, key="sleep_min_hours", value="7.5").status_code == 403


def test_acute_chronic_ratio_is_blank_until_28_days_of_training_exist():
    from coaching.charts import athlete_charts

    athlete = f.AthleteFactory()
    today = timezone.localdate()
    for days_ago in (0, 2, 4, 6, 8, 10):
        f.TrainingSessionFactory(athlete=athlete, date=today - dt.timedelta(days=days_ago))
    load = athlete_charts(athlete.pk)["load"]
    assert load["acwr"] == [None] * 8
    assert load["load_au"][-1] > 0
