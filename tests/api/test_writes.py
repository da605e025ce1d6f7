"""One write rule everywhere (issue 12, items 6 and 9): PUT replaces the whole representation,
PATCH changes only what it carries, unknown fields are a 400 naming them, nested values are
whole even under PATCH."""

import datetime as dt
import threading

import pytest
from django.db import connection

from assessments.models import SymptomReport
from coaching import services
from coaching.models import NutritionCheckIn, TrainingSession, TrainingSet
from tests import factories as f

from .conftest import client_for
from .endpoints import CHECK_IN_BODIES, SESSION_BODY, SYMPTOM_BODY
from .snapshot import db_state

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()

# Every optional field of each check-in kind with a value other than its empty value.
CHECK_IN_OPTIONALS = {
    "sleep": {},
    "nutrition": {"carbohydrate_g": 300, "fat_g": 80, "micronutrient_concerns": ["iron"]},
    "stress": {"mood": 4},
    "wellness": {"motivation": 4, "urine_colour": 3, "body_mass_kg": 80.5},
}


def _athlete_url(world, suffix: str) -> str:
    return f"/api/v1/athletes/{world.athlete.pk}/{suffix}"


def _session_url(world) -> str:
    return _athlete_url(world, f"sessions/{world.records['session'].pk}/")


def _refused(response, before, status=400):
    assert response.status_code == status, response.content[:500]
    assert db_state() == before, "a refused request changed the database"
    return response.json()


# --- PUT replaces the whole representation ---------------------------------------------------
def test_session_put_without_sets_is_400_and_keeps_the_sets(world):
    before = db_state()
    body = {"date": str(TODAY), "duration_min": 45, "session_rpe": 6}
    errors = _refused(world.client("athlete").put(_session_url(world), body, format="json"), before)
    assert errors == {"sets": ["This field is required."]}
    assert TrainingSet.objects.filter(session=world.records["session"]).count() == 1


def test_session_post_without_sets_is_400(world):
    before = db_state()
    body = {"date": str(TODAY), "duration_min": 45, "session_rpe": 6}
    response = world.client("athlete").post(_athlete_url(world, "sessions/"), body, format="json")
    assert "sets" in _refused(response, before)


def test_session_put_with_an_empty_list_removes_the_sets(world):
    body = {"date": str(TODAY), "duration_min": 45, "session_rpe": 6, "sets": []}
    response = world.client("athlete").put(_session_url(world), body, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["sets"] == []


def test_session_put_omitting_notes_clears_them(world):
    client = world.client("athlete")
    client.patch(_session_url(world), {"notes": "Knees caved"}, format="json")
    body = {"date": str(TODAY), **SESSION_BODY}
    response = client.put(_session_url(world), body, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["notes"] == ""
    world.records["session"].refresh_from_db()
    assert world.records["session"].notes == ""


def test_session_put_omitting_optional_set_fields_gives_their_defaults(world):
    one_set = {"exercise": "back-squat", "reps": 5, "load_kg": 100}
    body = {"date": str(TODAY), "duration_min": 60, "session_rpe": 8, "sets": [one_set]}
    response = world.client("athlete").put(_session_url(world), body, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["sets"][0] | one_set == {
        "position": 1,
        "rpe": None,
        "rir": None,
        "side": "both",
        **one_set,
    }


@pytest.mark.parametrize("kind", [k for k, v in CHECK_IN_OPTIONALS.items() if v])
def test_check_in_put_omitting_optional_fields_clears_them(world, kind):
    client = world.client("athlete")
    url = _athlete_url(world, f"check-ins/{kind}/{TODAY}/")
    required = {k: v for k, v in CHECK_IN_BODIES[kind].items() if k not in CHECK_IN_OPTIONALS[kind]}
    full = {**required, **CHECK_IN_OPTIONALS[kind]}
    assert client.put(url, full, format="json").status_code == 200
    response = client.put(url, required, format="json")
    assert response.status_code == 200, response.json()
    for name, value in CHECK_IN_OPTIONALS[kind].items():
        assert response.json()[name] in (None, []), name
        assert client.get(url).json()[name] in (None, []), name
        assert value not in (None, [])


@pytest.mark.parametrize("kind", list(CHECK_IN_BODIES))
def test_check_in_put_missing_a_required_field_is_400(world, kind):
    before = db_state()
    body = dict(CHECK_IN_BODIES[kind])
    missing = next(iter(body))
    del body[missing]
    url = _athlete_url(world, f"check-ins/{kind}/{TODAY}/")
    errors = _refused(world.client("athlete").put(url, body, format="json"), before)
    assert errors[missing] == ["This field is required."]


def test_repeating_a_check_in_put_that_clears_a_field_changes_nothing(world):
    client = world.client("athlete")
    url = _athlete_url(world, f"check-ins/nutrition/{TODAY}/")
    client.put(url, {**CHECK_IN_BODIES["nutrition"], "fat_g": 60}, format="json")
    first = client.put(url, CHECK_IN_BODIES["nutrition"], format="json").json()
    again = client.put(url, CHECK_IN_BODIES["nutrition"], format="json").json()
    assert first["fat_g"] is None and again == first


# --- PATCH changes only what it carries ------------------------------------------------------
def test_check_in_patch_keeps_the_other_fields(world):
    row = NutritionCheckIn.objects.get(athlete=world.athlete, date=TODAY)
    row.fat_g, row.micronutrient_concerns = 70, ["iron"]
    row.save()
    url = _athlete_url(world, f"check-ins/nutrition/{TODAY}/")
    response = world.client("athlete").patch(url, {"protein_g": 150}, format="json")
    assert response.status_code == 200, response.json()
    row.refresh_from_db()
    assert (row.protein_g, row.fat_g, row.micronutrient_concerns) == (150, 70, ["iron"])
    assert row.calories_kcal == response.json()["calories_kcal"]


def test_check_in_patch_of_a_day_without_an_entry_is_404(world):
    before = db_state()
    url = _athlete_url(world, f"check-ins/sleep/{TODAY - dt.timedelta(days=3)}/")
    _refused(world.client("athlete").patch(url, {"hours": 7}, format="json"), before, 404)


def test_check_in_patch_is_validated_like_a_put(world):
    before = db_state()
    url = _athlete_url(world, f"check-ins/sleep/{TODAY}/")
    errors = _refused(world.client("athlete").patch(url, {"quality": 6}, format="json"), before)
    assert "quality" in errors


def test_session_patch_without_sets_keeps_sets_and_other_fields(world):
    session = world.records["session"]
    response = world.client("athlete").patch(_session_url(world), {"session_rpe": 9}, format="json")
    assert response.status_code == 200, response.json()
    session.refresh_from_db()
    assert (session.session_rpe, session.duration_min, session.load_au) == (9, 60, 540)
    assert len(response.json()["sets"]) == 1
    assert TrainingSet.objects.filter(session=session).count() == 1


def test_session_patch_with_sets_replaces_them_all(world):
    sets = [
        {"exercise": "romanian-deadlift", "reps": 8, "load_kg": 80},
        {"exercise": "back-squat", "reps": 3, "load_kg": 150, "side": "both"},
    ]
    response = world.client("athlete").patch(_session_url(world), {"sets": sets}, format="json")
    assert response.status_code == 200, response.json()
    assert [s["exercise"] for s in response.json()["sets"]] == ["romanian-deadlift", "back-squat"]
    assert TrainingSession.objects.get(pk=world.records["session"].pk).duration_min == 60


def test_symptom_patch_keeps_the_other_fields(world):
    symptom = world.records["symptom"]
    symptom.notes, symptom.numbness = "Left calf", True
    symptom.save()
    url = _athlete_url(world, f"symptoms/{symptom.pk}/")
    response = world.client("athlete").patch(url, {"severity": 7}, format="json")
    assert response.status_code == 200, response.json()
    symptom.refresh_from_db()
    assert (symptom.severity, symptom.notes, symptom.numbness) == (7, "Left calf", True)


def test_symptom_patch_refuses_a_future_date(world):
    before = db_state()
    url = _athlete_url(world, f"symptoms/{world.records['symptom'].pk}/")
    body = {"date": str(TODAY + dt.timedelta(days=5))}
    assert "date" in _refused(world.client("athlete").patch(url, body, format="json"), before)


def test_symptoms_have_no_put(world):
    url = _athlete_url(world, f"symptoms/{world.records['symptom'].pk}/")
    body = {"date": str(TODAY), **SYMPTOM_BODY}
    assert world.client("athlete").put(url, body, format="json").status_code == 405


@pytest.mark.parametrize(
    "suffix",
    [f"check-ins/sleep/{TODAY}/", "sessions/{session}/", "symptoms/{symptom}/"],
)
def test_patch_of_another_tenants_record_is_404_and_changes_nothing(world, suffix):
    foreign = world.foreign
    ids = {
        "session": f.TrainingSessionFactory(athlete=foreign, date=TODAY).pk,
        "symptom": f.SymptomReportFactory(athlete=foreign, date=TODAY).pk,
    }
    f.SleepCheckInFactory(athlete=foreign, date=TODAY)
    before = db_state()
    for role in ("athlete", "coach", "head"):
        # The foreign athlete's URL, and the foreign record under the caller's own athlete.
        for athlete_pk in (foreign.pk, world.athlete.pk):
            url = f"/api/v1/athletes/{athlete_pk}/{suffix.format(**ids)}"
            if athlete_pk == world.athlete.pk and "check-ins" in suffix:
                continue  # a day, not an id: the caller's own entry of that day exists
            response = world.client(role).patch(url, {"notes": "x"}, format="json")
            assert response.status_code == 404, (role, url, response.content[:200])
    assert db_state() == before


# --- unknown fields are a 400 naming them ----------------------------------------------------
def _writers(world):
    """(client role, method, url, valid body) of every writer that takes a body."""
    a = f"/api/v1/athletes/{world.athlete.pk}"
    session = f"{a}/sessions/{world.records['session'].pk}/"
    symptom = f"{a}/symptoms/{world.records['symptom'].pk}/"
    yield "staff", "post", "/api/v1/organizations/", {"name": "Another Club"}
    yield (
        "head",
        "post",
        f"/api/v1/organizations/{world.org.pk}/coaches/",
        {"username": "newcoach", "password": "a-long-passphrase-42", "role": "coach"},
    )
    yield "head", "patch", f"/api/v1/organizations/{world.org.pk}/thresholds/", {}
    yield "coach", "post", "/api/v1/athletes/", {"name": "N", "sex": "female"}
    yield "coach", "patch", f"/api/v1/athletes/{world.athlete.pk}/", {"name": "M"}
    yield (
        "coach",
        "post",
        "/api/v1/exercises/",
        {
            "slug": "sled",
            "name": "Sled",
            "pattern": "other",
            "kind": "compound",
            "muscles": ["core"],
        },
    )
    for kind, body in CHECK_IN_BODIES.items():
        yield "athlete", "put", f"{a}/check-ins/{kind}/{TODAY}/", body
        yield "athlete", "patch", f"{a}/check-ins/{kind}/{TODAY}/", {}
    yield "athlete", "post", f"{a}/sessions/", {"date": str(TODAY), **SESSION_BODY}
    yield "athlete", "put", session, {"date": str(TODAY), **SESSION_BODY}
    yield "athlete", "patch", session, {}
    yield "athlete", "post", f"{a}/symptoms/", {"date": str(TODAY), **SYMPTOM_BODY}
    yield "athlete", "patch", symptom, {}
    yield (
        "coach",
        "post",
        f"{a}/assessments/jump/",
        {"date": str(TODAY), "countermovement_jump_cm": 30},
    )
    yield "coach", "post", f"/api/v1/flags/{world.records['flag'].pk}/acknowledge/", {}


WRITER_COUNT = 21


def test_the_writer_table_lists_every_writer(world):
    assert len(list(_writers(world))) == WRITER_COUNT


@pytest.mark.parametrize("index", range(WRITER_COUNT))
def test_an_unknown_field_is_400_naming_it(world, index):
    role, method, url, body = list(_writers(world))[index]
    before = db_state()
    call = getattr(world.client(role), method)
    response = call(url, {**body, "colour": "red", "hours_slept": 7}, format="json")
    errors = _refused(response, before)
    assert errors["colour"] == ["Unknown field."]
    assert errors["hours_slept"] == ["Unknown field."]


def test_a_read_only_field_in_a_body_is_400_naming_it(world):
    before = db_state()
    body = {"date": str(TODAY), **SESSION_BODY, "load_au": 1, "id": 999}
    errors = _refused(world.client("athlete").put(_session_url(world), body, format="json"), before)
    assert errors == {"id": ["This field is read-only."], "load_au": ["This field is read-only."]}


def test_unknown_fields_come_with_the_other_errors(world):
    before = db_state()
    url = _athlete_url(world, f"check-ins/sleep/{TODAY}/")
    body = {"hours": 30, "quality": 3, "nap": True}
    errors = _refused(world.client("athlete").put(url, body, format="json"), before)
    assert set(errors) == {"hours", "nap"}


def test_an_unknown_field_of_a_set_is_400_naming_it(world):
    before = db_state()
    one_set = {**SESSION_BODY["sets"][0], "tempo": "31X1"}
    body = {"date": str(TODAY), **SESSION_BODY, "sets": [one_set]}
    response = world.client("athlete").post(_athlete_url(world, "sessions/"), body, format="json")
    assert _refused(response, before) == {"sets": {"0": {"tempo": ["Unknown field."]}}}


def test_an_unknown_field_of_a_login_is_400_naming_it(world):
    before = db_state()
    login = {"username": "newbie", "password": "a-long-passphrase-42", "is_staff": True}
    response = world.client("coach").post(
        "/api/v1/athletes/", {"name": "N", "sex": "male", "login": login}, format="json"
    )
    assert _refused(response, before) == {"login": {"is_staff": ["Unknown field."]}}


@pytest.mark.parametrize(
    "key", ["x" * 100_000, "line\nbreak", "\u202eright-to-left", "emoji \U0001f4aa", ""]
)
def test_hostile_unknown_keys_are_named_and_bounded(world, key):
    before = db_state()
    url = _athlete_url(world, f"check-ins/sleep/{TODAY}/")
    body = {**CHECK_IN_BODIES["sleep"], key: 1}
    errors = _refused(world.client("athlete").put(url, body, format="json"), before)
    assert list(errors) == [key[:64]]


def test_many_unknown_fields_are_reported_up_to_a_bound(world):
    before = db_state()
    url = _athlete_url(world, f"check-ins/sleep/{TODAY}/")
    body = {**CHECK_IN_BODIES["sleep"], **{f"k{i:05}": i for i in range(10_000)}}
    errors = _refused(world.client("athlete").put(url, body, format="json"), before)
    assert 1 <= len(errors) <= 20


# --- nested values are whole, even under PATCH -----------------------------------------------
def test_athlete_patch_with_half_a_login_is_400_not_500(world):
    before = db_state()
    url = f"/api/v1/athletes/{world.other_athlete.pk}/"
    world.other_athlete.user.delete()
    before = db_state()
    response = world.client("head").patch(url, {"login": {"username": "x"}}, format="json")
    assert _refused(response, before) == {"login": {"password": ["This field is required."]}}


def test_athlete_patch_with_a_whole_login_creates_it(world, api):
    athlete = f.AthleteFactory(organization=world.org, coaches=[world.coach])
    url = f"/api/v1/athletes/{athlete.pk}/"
    login = {"username": "late-login", "password": "a-long-passphrase-42"}
    response = world.client("coach").patch(url, {"login": login}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["has_login"] is True
    token = api.post("/api/v1/auth/token/", login, format="json")
    assert token.status_code == 200


def test_athlete_patch_with_a_login_for_an_athlete_who_has_one_is_400(world):
    before = db_state()
    login = {"username": "second-login", "password": "a-long-passphrase-42"}
    url = f"/api/v1/athletes/{world.athlete.pk}/"
    assert "login" in _refused(world.client("coach").patch(url, {"login": login}), before)


@pytest.mark.parametrize("login", [None, "x", 0, [], {}])
def test_athlete_patch_with_a_malformed_login_is_400(world, login):
    before = db_state()
    url = f"/api/v1/athletes/{world.athlete.pk}/"
    response = world.client("coach").patch(url, {"login": login}, format="json")
    assert "login" in _refused(response, before)


def test_session_patch_with_half_a_set_is_400_not_500(world):
    before = db_state()
    body = {"sets": [{"exercise": "back-squat", "reps": 5}]}
    response = world.client("athlete").patch(_session_url(world), body, format="json")
    assert _refused(response, before) == {"sets": {"0": {"load_kg": ["This field is required."]}}}


def test_session_patch_with_sets_null_is_400(world):
    before = db_state()
    response = world.client("athlete").patch(_session_url(world), {"sets": None}, format="json")
    assert "sets" in _refused(response, before)


# --- the PATCH service -----------------------------------------------------------------------
def test_a_patch_that_changes_nothing_writes_nothing(world):
    before = db_state()
    url = _athlete_url(world, f"symptoms/{world.records['symptom'].pk}/")
    response = world.client("athlete").patch(url, {"severity": 3}, format="json")
    assert response.status_code == 200 and response.json()["severity"] == 3
    assert db_state() == before


def test_patching_a_record_deleted_meanwhile_raises_does_not_exist(world):
    symptom = world.records["symptom"]
    SymptomReport.objects.filter(pk=symptom.pk).delete()
    with pytest.raises(SymptomReport.DoesNotExist):
        services.update_athlete_data(instance=symptom, values={"severity": 1})


# --- concurrency (PostgreSQL) ----------------------------------------------------------------
def _at_once(calls) -> list:
    """Run the calls in threads released together; their results in order."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_patches_of_different_fields_all_survive():
    coach = f.CoachFactory()
    athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach])
    row = f.NutritionCheckInFactory(athlete=athlete, date=TODAY)
    url = f"/api/v1/athletes/{athlete.pk}/check-ins/nutrition/{TODAY}/"
    changes = [{"protein_g": 151}, {"fat_g": 61}, {"carbohydrate_g": 301}, {"water_l": 3.5}]

    def patch(body):
        return lambda: client_for(coach.user).patch(url, body, format="json").status_code

    assert _at_once([patch(body) for body in changes]) == [200] * 4
    row.refresh_from_db()
    assert (row.protein_g, row.fat_g, row.carbohydrate_g, row.water_l) == (151, 61, 301, 3.5)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_patch_racing_a_delete_is_200_or_404_never_500():
    coach = f.CoachFactory()
    athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach])
    for _ in range(5):
        symptom = f.SymptomReportFactory(athlete=athlete, date=TODAY)
        url = f"/api/v1/athletes/{athlete.pk}/symptoms/{symptom.pk}/"
        patched, deleted = _at_once(
            [
                lambda url=url: client_for(coach.user).patch(url, {"severity": 9}).status_code,
                lambda url=url: client_for(coach.user).delete(url).status_code,
            ]
        )
        assert patched in (200, 404) and deleted == 204
        assert not SymptomReport.objects.filter(pk=symptom.pk).exists()
