"""The resources of API.md, used as a coach and an athlete would use them."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from assessments.models import AnalysisRun, Flag, ThresholdOverride
from coaching.models import Athlete, TrainingSet
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()


def test_me_tells_each_role_who_they_are(world):
    me = world.client("athlete").get("/api/v1/me/").json()
    assert me == {
        "id": world.athlete.user.pk,
        "username": "athlete-login",
        "role": "athlete",
        "organization": world.org.pk,
        "athlete": world.athlete.pk,
        "coach": None,
    }
    assert world.client("head").get("/api/v1/me/").json()["role"] == "head_coach"
    assert world.client("staff").get("/api/v1/me/").json()["role"] == "staff"


def test_staff_creates_an_organization_and_its_head_coach_who_can_log_in(world, api):
    org = world.client("staff").post(
        "/api/v1/organizations/", {"name": "Riverside", "timezone": "Europe/Oslo"}
    )
    assert org.status_code == 201 and org.json()["timezone"] == "Europe/Oslo"
    coach = world.client("staff").post(
        f"/api/v1/organizations/{org.json()['id']}/coaches/",
        {"username": "rita", "password": "a-long-passphrase-42", "role": "head_coach"},
    )
    assert coach.status_code == 201
    assert coach.json()["role"] == "head_coach"
    login = api.post(
        "/api/v1/auth/token/", {"username": "rita", "password": "a-long-passphrase-42"}
    )
    assert login.status_code == 200


def test_unknown_time_zone_is_400(world):
    response = world.client("staff").post(
        "/api/v1/organizations/", {"name": "X", "timezone": "Mars/Olympus"}
    )
    assert response.status_code == 400 and "timezone" in response.json()


def test_coach_creates_an_athlete_assigned_to_them_with_a_login(world, api):
    response = world.client("coach").post(
        "/api/v1/athletes/",
        {
            "name": "Sam",
            "sex": "male",
            "goal": "power",
            "goal_lifts": ["deadlift"],
            "login": {"username": "sam", "password": "sams-long-passphrase"},
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["coaches"] == [world.coach.pk]
    assert body["goal_lifts"] == ["deadlift"]
    assert body["has_login"] is True and "login" not in body
    assert body["organization"] == world.org.pk
    tokens = api.post(
        "/api/v1/auth/token/", {"username": "sam", "password": "sams-long-passphrase"}
    )
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens.json()['access']}")
    mine = api.get("/api/v1/athletes/").json()["results"]
    assert [a["id"] for a in mine] == [body["id"]]


def test_head_coach_assigns_coaches_of_the_organization(world):
    response = world.client("head").post(
        "/api/v1/athletes/",
        {"name": "Kim", "sex": "female", "coaches": [world.colleague.pk]},
    )
    assert response.json()["coaches"] == [world.colleague.pk]
    patched = world.client("head").patch(
        f"/api/v1/athletes/{response.json()['id']}/",
        {"coaches": [world.coach.pk, world.colleague.pk], "height_cm": 181.5},
    )
    assert sorted(patched.json()["coaches"]) == sorted([world.coach.pk, world.colleague.pk])
    assert patched.json()["height_cm"] == 181.5


def test_athlete_filters(world):
    f.FlagFactory(
        athlete=world.other_athlete,
        status="resolved",
        resolved_at=world.records["flag"].last_seen_at,
    )
    client = world.client("head")

    def ids(**params):
        return {a["id"] for a in client.get("/api/v1/athletes/", params).json()["results"]}

    assert ids(coach=world.coach.pk) == {world.athlete.pk}
    assert ids(has_open_flags="true") == {world.athlete.pk}
    assert ids(has_open_flags="false") == {world.other_athlete.pk}
    assert ids(search=world.other_athlete.name[-3:]) >= {world.other_athlete.pk}
    assert ids(search="no such name") == set()


def test_deleting_an_athlete_removes_their_login(world):
    user_pk = world.athlete.user.pk
    assert world.client("coach").delete(f"/api/v1/athletes/{world.athlete.pk}/").status_code == 204
    assert not Athlete.objects.filter(pk=world.athlete.pk).exists()
    assert not get_user_model().objects.filter(pk=user_pk).exists()


def test_exercises_are_the_catalogue_plus_the_organizations_own(world):
    created = world.client("coach").post(
        "/api/v1/exercises/",
        {
            "slug": "sled-push",
            "name": "Sled push",
            "pattern": "other",
            "kind": "compound",
            "muscles": ["quadriceps"],
        },
    )
    assert created.status_code == 201 and created.json()["organization"] == world.org.pk
    mine = world.client("athlete").get("/api/v1/exercises/", {"page_size": 200}).json()
    slugs = {e["slug"] for e in mine["results"]}
    assert {"sled-push", "back-squat"} <= slugs
    theirs = world.client("stranger").get("/api/v1/exercises/", {"search": "sled"}).json()
    assert theirs["count"] == 0
    # Another organization may use the same slug for its own exercise.
    again = world.client("stranger").post(
        "/api/v1/exercises/",
        {
            "slug": "sled-push",
            "name": "Sled",
            "pattern": "other",
            "kind": "compound",
            "muscles": ["glutes"],
        },
    )
    assert again.status_code == 201


def test_check_in_upsert_read_filter_and_delete(world):
    client = world.client("athlete")
    base = f"/api/v1/athletes/{world.athlete.pk}/check-ins/nutrition/"
    body = {
        "calories_kcal": 2200,
        "protein_g": 95.5,
        "water_l": 2,
        "micronutrient_concerns": ["iron", "vitamin_d"],
    }
    assert client.put(f"{base}2026-03-02/", body).status_code == 201
    assert client.put(f"{base}2026-03-05/", body).status_code == 201
    one = client.get(f"{base}2026-03-02/").json()
    assert one["micronutrient_concerns"] == ["iron", "vitamin_d"] and one["date"] == "2026-03-02"
    dates = [
        r["date"]
        for r in client.get(base, {"from": "2026-03-01", "to": "2026-03-03"}).json()["results"]
    ]
    assert dates == ["2026-03-02"]
    since = client.get(base, {"updated_since": one["updated_at"]}).json()
    assert {r["date"] for r in since["results"]} >= {"2026-03-02", "2026-03-05"}
    ordered = client.get(base, {"ordering": "date"}).json()["results"]
    assert [r["date"] for r in ordered][:2] == ["2026-03-02", "2026-03-05"]
    assert client.delete(f"{base}2026-03-02/").status_code == 204
    assert client.get(f"{base}2026-03-02/").status_code == 404


def test_session_with_sets_is_created_and_replaced_whole(world):
    client = world.client("athlete")
    base = f"/api/v1/athletes/{world.athlete.pk}/sessions/"
    body = {
        "date": str(TODAY),
        "duration_min": 75,
        "session_rpe": 8,
        "notes": "Heavy day",
        "sets": [
            {"exercise": "back-squat", "reps": 5, "load_kg": 140, "rpe": 8.5, "side": "both"},
            {
                "exercise": "bulgarian-split-squat",
                "reps": 8,
                "load_kg": 30,
                "rir": 2,
                "side": "left",
            },
        ],
    }
    created = client.post(base, body)
    assert created.status_code == 201, created.json()
    session = created.json()
    assert session["load_au"] == 600
    assert [(s["position"], s["exercise"]) for s in session["sets"]] == [
        (1, "back-squat"),
        (2, "bulgarian-split-squat"),
    ]
    replaced = client.put(f"{base}{session['id']}/", {**body, "sets": body["sets"][1:]})
    assert [s["exercise"] for s in replaced.json()["sets"]] == ["bulgarian-split-squat"]
    assert TrainingSet.objects.filter(session_id=session["id"]).count() == 1
    broken = {**body, "sets": [body["sets"][0], {**body["sets"][1], "reps": 0}]}
    assert client.put(f"{base}{session['id']}/", broken).status_code == 400
    assert TrainingSet.objects.filter(session_id=session["id"]).count() == 1


def test_strength_assessment_adds_e1rm(world):
    response = world.client("coach").post(
        f"/api/v1/athletes/{world.athlete.pk}/assessments/strength/",
        {"date": str(TODAY), "exercise": "back-squat", "load_kg": 100, "reps": 6, "side": "both"},
    )
    assert response.status_code == 201 and response.json()["e1rm_kg"] == 120.0


def test_strength_assessment_beyond_epleys_range_shows_no_e1rm(world):
    response = world.client("coach").post(
        f"/api/v1/athletes/{world.athlete.pk}/assessments/strength/",
        {"date": str(TODAY), "exercise": "back-squat", "load_kg": 100, "reps": 30, "side": "both"},
    )
    assert response.status_code == 201 and response.json()["e1rm_kg"] is None


@pytest.mark.parametrize(
    ("role", "method", "suffix", "body"),
    [
        ("athlete", "put", f"check-ins/sleep/{TODAY}/", {"hours": 5, "quality": 2}),
        (
            "athlete",
            "post",
            "sessions/",
            {"date": str(TODAY), "duration_min": 30, "session_rpe": 5, "sets": []},
        ),
        ("athlete", "post", "symptoms/", {"date": str(TODAY), "onset": "sudden", "severity": 8}),
        ("athlete", "patch", f"check-ins/sleep/{TODAY}/", {"hours": 4.5}),
        ("athlete", "patch", "sessions/{session}/", {"session_rpe": 9}),
        ("athlete", "patch", "symptoms/{symptom}/", {"severity": 9}),
        ("coach", "post", "assessments/jump/", {"date": str(TODAY), "countermovement_jump_cm": 30}),
        ("coach", "delete", f"check-ins/stress/{TODAY}/", None),
    ],
)
def test_every_write_marks_the_athletes_data_changed(world, role, method, suffix, body):
    Athlete.objects.filter(pk=world.athlete.pk).update(data_changed_at=None)
    ids = {"session": world.records["session"].pk, "symptom": world.records["symptom"].pk}
    url = f"/api/v1/athletes/{world.athlete.pk}/{suffix.format(**ids)}"
    response = getattr(world.client(role), method)(url, body, format="json")
    assert response.status_code < 300
    world.athlete.refresh_from_db()
    assert world.athlete.data_changed_at is not None


def test_analyze_runs_and_analysis_returns_the_run_shape(world):
    AnalysisRun.objects.all().delete()
    url = f"/api/v1/athletes/{world.athlete.pk}"
    assert world.client("athlete").get(f"{url}/analysis/").status_code == 404
    started = world.client("coach").post(f"{url}/analyze/")
    assert started.status_code == 202
    assert started.json()["status"] == "completed" and started.json()["run_id"]
    run = world.client("athlete").get(f"{url}/analysis/").json()
    assert run["id"] == started.json()["run_id"]
    assert set(run) >= {
        "id",
        "athlete",
        "created_at",
        "ruleset_version",
        "window",
        "weakness_type",
        "red_flags",
        "findings",
        "data_gaps",
    }
    assert set(run["window"]) == {"start", "end"}
    scores = [finding["score"] for finding in run["findings"]]
    assert scores == sorted(scores, reverse=True)
    history = world.client("coach").get(f"{url}/analyses/").json()
    assert history["results"][0]["id"] == run["id"]


def test_findings_are_served_by_rank(world):
    run = f.AnalysisRunFactory(athlete=world.athlete)
    f.FindingFactory(run=run, rank=2, cause="dehydration", score=0.4)
    f.FindingFactory(run=run, rank=1, cause="inadequate_sleep", score=0.9)
    latest = world.client("coach").get(f"/api/v1/athletes/{world.athlete.pk}/analysis/").json()
    assert [x["cause"] for x in latest["findings"]] == ["inadequate_sleep", "dehydration"]


def test_flag_lifecycle(world):
    flag = world.records["flag"]
    client = world.client("coach")
    listed = client.get("/api/v1/flags/", {"status": "open", "kind": "red_flag"}).json()
    assert [x["id"] for x in listed["results"]] == [flag.pk]
    assert client.get("/api/v1/flags/", {"athlete": world.foreign.pk}).json()["count"] == 0
    acked = client.post(f"/api/v1/flags/{flag.pk}/acknowledge/", {"note": "Called her"}).json()
    assert acked["status"] == "acknowledged" and acked["acknowledged_by"] == world.coach.user.pk
    assert acked["acknowledge_note"] == "Called her"
    resolved = client.post(f"/api/v1/flags/{flag.pk}/resolve/", {}).json()
    assert resolved["status"] == "resolved" and resolved["resolved_at"]
    again = client.post(f"/api/v1/flags/{flag.pk}/acknowledge/", {})
    assert again.status_code == 409 and "status" in again.json()
    assert Flag.objects.get(pk=flag.pk).status == "resolved"


def test_thresholds_show_defaults_and_overrides(world):
    url = f"/api/v1/organizations/{world.org.pk}/thresholds/"
    before = world.client("coach").get(url).json()
    assert before["sleep_min_hours"]["value"] == before["sleep_min_hours"]["default"] == 7.0
    assert before["sleep_min_hours"]["source"]
    patched = world.client("head").patch(url, {"sleep_min_hours": 8, "min_checkin_days": 4})
    assert patched.status_code == 200
    assert patched.json()["sleep_min_hours"] == {
        **before["sleep_min_hours"],
        "value": 8.0,
        "overridden": True,
    }
    assert ThresholdOverride.objects.filter(organization=world.org).count() == 2
    reset = world.client("head").patch(url, {"sleep_min_hours": None}).json()
    assert reset["sleep_min_hours"]["value"] == 7.0
    assert ThresholdOverride.objects.filter(organization=world.org).count() == 1


def test_schema_and_docs_are_served_without_a_cdn(world, client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert "/api/v1/athletes/{athlete_pk}/check-ins/sleep/{date}/" in schema.json()["paths"]
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "drf_spectacular_sidecar" in html and "cdn" not in html.lower()
