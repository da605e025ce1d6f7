"""Usernames, organization names and exercise slugs are unique in any case, in the database.

Issue 12 item 5: the `__iexact` checks ran in Python only, so five concurrent creations of
raceX, RACEX and RaceX gave three accounts. The database now refuses all but one, and the
loser gets the same 400 with a field message as a sequential duplicate.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.db.models.functions import Lower

from coaching.models import Exercise, Organization
from tests import factories as f
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSPHRASE = "a-long-passphrase-42"
EXERCISE = {"name": "Spanish squat hold", "pattern": "knee_flexion", "kind": "isolation",
            "muscles": ["hamstrings"]}  # fmt: skip


def _coach_body(username):
    return {"username": username, "password": PASSPHRASE, "role": "coach"}


# --- the database refuses -----------------------------------------------------------------
def test_database_refuses_a_username_differing_only_in_case():
    User.objects.create(username="raceX")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="RACEX")


def test_database_refuses_an_organization_name_differing_only_in_case():
    Organization.objects.create(name="Riverside Barbell")
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.create(name="RIVERSIDE barbell")


def test_database_refuses_an_exercise_slug_differing_only_in_case_in_one_organization():
    org = f.OrganizationFactory()
    f.ExerciseFactory(organization=org, slug="nordic-curl")
    with pytest.raises(IntegrityError), transaction.atomic():
        f.ExerciseFactory(organization=org, slug="Nordic-Curl")


def test_database_refuses_a_catalogue_slug_differing_only_in_case():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.ExerciseFactory(organization=None, slug="Back-Squat")


def test_two_organizations_may_use_one_slug_in_different_cases():
    f.ExerciseFactory(slug="sled-push")
    f.ExerciseFactory(slug="Sled-Push")
    assert Exercise.objects.filter(slug__iexact="sled-push").count() == 2


# --- the API answers 400 with a field message ---------------------------------------------
def test_coach_username_differing_only_in_case_is_400(world):
    url = f"/api/v1/organizations/{world.org.pk}/coaches/"
    assert world.client("staff").post(url, _coach_body("raceX")).status_code == 201
    response = world.client("staff").post(url, _coach_body("RACEX"))
    assert response.status_code == 400
    assert response.json() == {"username": ["This username is taken."]}


def test_athlete_login_differing_only_in_case_is_400_and_creates_no_athlete(world):
    body = {"name": "Sam", "sex": "male", "date_of_birth": "2000-01-01", "goal": "strength",
            "login": {"username": "ATHLETE-LOGIN", "password": PASSPHRASE}}  # fmt: skip
    before = world.org.athletes.count()
    response = world.client("coach").post("/api/v1/athletes/", body, format="json")
    assert response.status_code == 400
    assert "login" in response.json()
    assert world.org.athletes.count() == before


def test_organization_name_differing_only_in_case_is_400(world):
    body = {"name": world.org.name.upper(), "timezone": "UTC"}
    response = world.client("staff").post("/api/v1/organizations/", body)
    assert response.status_code == 400
    assert response.json() == {"name": ["An organization with this name already exists."]}


def test_exercise_slug_differing_only_in_case_is_400(world):
    client = world.client("coach")
    first = client.post("/api/v1/exercises/", {**EXERCISE, "slug": "spanish-squat-hold"})
    assert first.status_code == 201
    response = client.post("/api/v1/exercises/", {**EXERCISE, "slug": "SPANISH-squat-hold"})
    assert response.status_code == 400
    assert response.json() == {"slug": ["An exercise with this slug already exists."]}


def test_exercise_slug_of_the_catalogue_in_another_case_is_400(world):
    response = world.client("coach").post("/api/v1/exercises/", {**EXERCISE, "slug": "Back-Squat"})
    assert response.status_code == 400
    assert response.json() == {"slug": ["An exercise with this slug already exists."]}


@pytest.mark.parametrize("name", ["line\nbreak", "x" * 121, 42, "  "])
def test_hostile_organization_names_are_400_not_500(world, name):
    body = {"name": name, "timezone": "UTC"}
    response = world.client("staff").post("/api/v1/organizations/", body, format="json")
    assert response.status_code in (201, 400)


# --- concurrency (PostgreSQL: real parallel transactions) ---------------------------------
def _race(sends) -> list:
    """Run each of `sends` in its own thread, released at once; their results."""
    barrier, results = threading.Barrier(len(sends)), []

    def run(send):
        barrier.wait()
        try:
            results.append(send())
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(send,)) for send in sends]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _post(user, url, body):
    return lambda: client_for(user).post(url, body, format="json")


CASES = ["raceX", "RACEX", "RaceX", "racex", "rAcEx"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_coach_creations_in_several_cases_give_one_account():
    org = f.OrganizationFactory()
    staff = f.UserFactory(username="operator", is_staff=True)
    url = f"/api/v1/organizations/{org.pk}/coaches/"
    responses = _race([_post(staff, url, _coach_body(name)) for name in CASES])
    assert sorted(r.status_code for r in responses) == [201, 400, 400, 400, 400]
    refused = [r.json() for r in responses if r.status_code == 400]
    assert refused == [{"username": ["This username is taken."]}] * 4
    assert User.objects.annotate(folded=Lower("username")).filter(folded="racex").count() == 1
    assert org.coaches.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_organization_creations_in_several_cases_give_one_organization():
    staff = f.UserFactory(username="operator", is_staff=True)
    bodies = [{"name": f"{name} Gym", "timezone": "UTC"} for name in CASES]
    responses = _race([_post(staff, "/api/v1/organizations/", body) for body in bodies])
    assert sorted(r.status_code for r in responses) == [201, 400, 400, 400, 400]
    assert Organization.objects.filter(name__iexact="racex gym").count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_exercise_creations_in_several_cases_give_one_exercise():
    coach = f.CoachFactory()
    bodies = [{**EXERCISE, "slug": f"{name}-curl"} for name in CASES]
    responses = _race([_post(coach.user, "/api/v1/exercises/", body) for body in bodies])
    assert sorted(r.status_code for r in responses) == [201, 400, 400, 400, 400]
    assert Exercise.objects.filter(slug__iexact="racex-curl").count() == 1


@pytest.mark.postgres
def test_postgres_folds_non_ascii_case_too():
    User.objects.create(username="ÉLODIE")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(username="élodie")
