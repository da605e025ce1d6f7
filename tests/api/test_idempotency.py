"""Idempotency-Key on POST and upserts by PUT: a retry never creates a second row."""

import datetime as dt
import threading

import pytest
from django.db import connection
from django.utils import timezone

from assessments.models import StrengthTest, SymptomReport
from coaching.models import IdempotencyKey, SleepCheckIn
from coaching.services import purge_expired_idempotency_keys
from tests import factories as f

from .conftest import client_for
from .endpoints import ENDPOINTS
from .snapshot import db_state

pytestmark = pytest.mark.django_db

TODAY = dt.date.today().isoformat()
SYMPTOM = {"date": TODAY, "onset": "sudden", "severity": 7, "numbness": True}


def _symptoms_url(world) -> str:
    return f"/api/v1/athletes/{world.athlete.pk}/symptoms/"


def test_retry_with_same_key_replays_first_response_and_creates_nothing(world):
    client = world.client("athlete")
    first = client.post(_symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    count = SymptomReport.objects.count()
    for _ in range(3):
        retry = client.post(
            _symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="k-1"
        )
        assert retry.status_code == first.status_code == 201
        assert retry.json() == first.json()
        assert retry.headers["Idempotent-Replayed"] == "true"
    assert SymptomReport.objects.count() == count


def test_same_key_with_another_body_is_422_and_creates_nothing(world):
    client = world.client("athlete")
    client.post(_symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    count = SymptomReport.objects.count()
    other = {**SYMPTOM, "severity": 2}
    response = client.post(_symptoms_url(world), other, format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    assert response.status_code == 422
    assert SymptomReport.objects.count() == count


def test_same_key_on_another_route_is_422_not_500(world):
    client = world.client("coach")
    client.post(_symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="k-3")
    url = f"/api/v1/athletes/{world.athlete.pk}/assessments/jump/"
    body = {"date": TODAY, "countermovement_jump_cm": 40}
    response = client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="k-3")
    assert response.status_code == 422


def test_another_users_same_key_is_independent(world):
    world.athlete.coaches.add(world.colleague)
    mine = world.client("coach").post(
        _symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="shared"
    )
    theirs = world.client("colleague").post(
        _symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="shared"
    )
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]
    assert "Idempotent-Replayed" not in theirs.headers


def test_failed_request_is_not_remembered(world):
    client = world.client("athlete")
    bad = client.post(
        _symptoms_url(world), {**SYMPTOM, "severity": 11}, format="json", HTTP_IDEMPOTENCY_KEY="k"
    )
    assert bad.status_code == 400
    good = client.post(_symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="k")
    assert good.status_code == 201


@pytest.mark.parametrize("key", ["", "x" * 256, "bad\x00key", "ключ", "two words"])
def test_malformed_key_is_400(world, key):
    response = world.client("athlete").post(
        _symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()
    assert not IdempotencyKey.objects.exists()


def test_expired_key_is_free_again(world):
    client = world.client("athlete")
    client.post(_symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="old")
    IdempotencyKey.objects.update(created_at=timezone.now() - dt.timedelta(hours=25))
    again = client.post(_symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="old")
    assert "Idempotent-Replayed" not in again.headers
    assert SymptomReport.objects.filter(athlete=world.athlete).count() == 3  # world's + 2


def test_purge_forgets_keys_older_than_a_day(world):
    client = world.client("athlete")
    client.post(_symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="a")
    client.post(_symptoms_url(world), SYMPTOM, format="json", HTTP_IDEMPOTENCY_KEY="b")
    IdempotencyKey.objects.filter(key="a").update(
        created_at=timezone.now() - dt.timedelta(hours=25)
    )
    assert purge_expired_idempotency_keys() == 1
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["b"]


@pytest.mark.parametrize(
    "endpoint",
    [e for e in ENDPOINTS if e.method == "POST"],
    ids=lambda e: e.name,
)
def test_every_creating_post_honours_the_key(world, endpoint):
    role = "head" if endpoint.expect["head"] < 300 else "staff"
    first = endpoint.call_with_key(world, role, "retry-me")
    assert first.status_code < 300
    before = db_state()
    retry = endpoint.call_with_key(world, role, "retry-me")
    assert (retry.status_code, retry.json()) == (first.status_code, first.json())
    assert db_state() == before


def test_put_twice_leaves_one_row_and_changes_nothing(world):
    client = world.client("athlete")
    url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/sleep/2026-01-05/"
    first = client.put(url, {"hours": 8, "quality": 4}, format="json")
    again = client.put(url, {"hours": 8, "quality": 4}, format="json")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["updated_at"] == first.json()["updated_at"]
    assert SleepCheckIn.objects.filter(athlete=world.athlete, date="2026-01-05").count() == 1
    changed = client.put(url, {"hours": 6, "quality": 2}, format="json")
    assert changed.status_code == 200 and changed.json()["hours"] == 6


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_posts_with_one_key_create_one_object():
    coach = f.CoachFactory()
    athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach])
    url = f"/api/v1/athletes/{athlete.pk}/assessments/strength/"
    body = {"date": TODAY, "exercise": "back-squat", "load_kg": 100, "reps": 5}
    barrier, results = threading.Barrier(4), []

    def post():
        barrier.wait()
        try:
            response = client_for(coach.user).post(
                url, body, format="json", HTTP_IDEMPOTENCY_KEY="race"
            )
            results.append((response.status_code, response.json()["id"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert StrengthTest.objects.filter(athlete=athlete).count() == 1
    assert {status for status, _ in results} == {201}
    assert len({pk for _, pk in results}) == 1
