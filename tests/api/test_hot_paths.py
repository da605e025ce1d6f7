"""The two calls clients make most — an athlete's check-in PUT and a coach's athlete list — stay
cheap: bounded queries with a real JWT, and the list's fast path answers exactly what the
serializer would."""

import datetime as dt

import pytest
from django.test import RequestFactory
from rest_framework.request import Request
from rest_framework_simplejwt.tokens import RefreshToken

from coaching.api.serializers.athlete_rows import preload_relations
from coaching.api.serializers.people import AthleteSerializer
from coaching.models import Athlete
from tests import factories as f

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 1, 1)


def _bearer(client, user):
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


def _sleep(world, day=DAY, hours=7.5):
    url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/sleep/{day}/"
    return url, {"hours": hours, "quality": 4}


def test_athlete_put_of_a_new_day_is_one_query_for_who_and_the_write(
    world, api, django_assert_max_num_queries
):
    """The user, their role and their own athlete come in one query; then the upsert."""
    client = _bearer(api, world.athlete.user)
    url, body = _sleep(world)
    with django_assert_max_num_queries(8):  # user; savepoints, select, insert, mark changed
        assert client.put(url, body).status_code == 201


def test_athlete_put_that_changes_a_day_is_bounded(world, api, django_assert_max_num_queries):
    client = _bearer(api, world.athlete.user)
    url, body = _sleep(world)
    client.put(url, body)
    with django_assert_max_num_queries(6):  # user; savepoint, select, update, mark changed
        response = client.put(url, {**body, "hours": 6.0})
    assert response.status_code == 200
    assert response.json()["hours"] == 6.0


@pytest.mark.postgres
def test_on_postgres_an_athlete_put_is_two_statements(world, api, django_assert_num_queries):
    """The caller, then one upsert statement; an unchanged day adds the read of the row."""
    client = _bearer(api, world.athlete.user)
    url, body = _sleep(world)
    with django_assert_num_queries(2):
        assert client.put(url, body).status_code == 201
    with django_assert_num_queries(2):
        assert client.put(url, {**body, "hours": 6.0}).status_code == 200
    with django_assert_num_queries(3):
        assert client.put(url, {**body, "hours": 6.0}).status_code == 200


def test_coach_put_adds_only_the_scoped_athlete_lookup(world, api, django_assert_max_num_queries):
    client = _bearer(api, world.coach.user)
    url, body = _sleep(world)
    client.put(url, body)
    with django_assert_max_num_queries(7):
        assert client.put(url, {**body, "quality": 2}).status_code == 200


def test_put_answers_with_the_stored_row(world, api):
    client = _bearer(api, world.athlete.user)
    url, body = _sleep(world)
    created = client.put(url, body).json()
    repeated = client.put(url, body)
    assert repeated.status_code == 200
    assert repeated.json() == created  # repeating it changes nothing, not even updated_at
    changed = client.put(url, {**body, "hours": 8.0}).json()
    assert changed["id"] == created["id"]
    assert changed["created_at"] == created["created_at"]
    assert changed["updated_at"] > created["updated_at"]


def test_athlete_cannot_put_another_athletes_check_in(world, api):
    client = _bearer(api, world.athlete.user)
    url = f"/api/v1/athletes/{world.other_athlete.pk}/check-ins/sleep/{DAY}/"
    response = client.put(url, {"hours": 7, "quality": 3})
    assert response.status_code == 404
    assert response.json() == {"detail": "No Athlete matches the given query."}
    assert not world.other_athlete.sleepcheckins.exists()


@pytest.mark.parametrize("role", ["head", "coach"])
def test_athlete_list_is_four_queries_whatever_its_length(
    world, api, role, django_assert_num_queries
):
    """User with role; the page with its count; coach ids; goal-lift slugs."""
    coach = world.head if role == "head" else world.coach
    for _ in range(30):
        f.AthleteFactory(organization=world.org, coaches=[world.coach, world.colleague])
    client = _bearer(api, coach.user)
    with django_assert_num_queries(4):
        response = client.get("/api/v1/athletes/", {"page_size": 200})
    assert response.status_code == 200
    scope = Athlete.objects.filter(organization=world.org)
    expected = scope if role == "head" else scope.filter(coaches=world.coach)
    assert response.json()["count"] == expected.count() == len(response.json()["results"])


def _serialized(athletes, user) -> list[dict]:
    """The reference answer: AthleteSerializer(many=True) on model instances."""
    request = Request(RequestFactory().get("/"))
    request.user = user
    preload_relations(athletes)
    return AthleteSerializer(athletes, many=True, context={"request": request}).data


def test_athlete_list_matches_the_serializer_exactly(world):
    org = world.org
    # Coaches whose ids and usernames sort differently; lifts whose ids and names do too.
    late = f.CoachFactory(organization=org, user=f.UserFactory(username="aaa-first-by-name"))
    lifts = [
        f.ExerciseFactory(organization=org, slug="zz-step-up", name="A step-up"),
        f.catalogue("back-squat"),
        f.catalogue("deadlift"),
    ]
    f.AthleteFactory(
        organization=org,
        name="Édith with nulls",
        date_of_birth=None,
        height_cm=None,
        body_mass_kg=None,
        training_age_years=None,
        goal=Athlete.Goal.POWER,
        sex=Athlete.Sex.OTHER,
        coaches=[world.coach, late, world.colleague],
        goal_lifts=lifts,
    )
    f.AthleteFactory(organization=org, name="Fractions", height_cm=171.25, body_mass_kg=80.5)
    client = world.client("head")
    for params in ({}, {"ordering": "-updated_at"}, {"page_size": 2, "page": 2}):
        body = client.get("/api/v1/athletes/", params).json()
        ids = [row["id"] for row in body["results"]]
        by_id = Athlete.objects.in_bulk(ids)
        expected = _serialized([by_id[pk] for pk in ids], world.head.user)
        assert body["results"] == expected, params
    everyone = client.get("/api/v1/athletes/", {"page_size": 200}).json()["results"]
    edith = next(row for row in everyone if row["name"] == "Édith with nulls")
    assert edith["coaches"] == [late.pk, *_by_username(world.coach, world.colleague)]
    assert edith["goal_lifts"] == ["zz-step-up", "back-squat", "deadlift"]


def _by_username(*coaches) -> list[int]:
    return [c.pk for c in sorted(coaches, key=lambda c: c.user.username)]


PAGES = [{}, {"page": 2, "page_size": 3}, {"page": 3, "page_size": 3}]


@pytest.mark.parametrize("params", [*PAGES, {"page": "last", "page_size": 3}])
def test_pages_count_and_link_as_before(world, params):
    for _ in range(6):
        f.AthleteFactory(organization=world.org)
    total = Athlete.objects.filter(organization=world.org).count()
    body = world.client("head").get("/api/v1/athletes/", params).json()
    assert body["count"] == total
    size = params.get("page_size", 50)
    page = params.get("page", 1)
    last = -(-total // size)
    number = last if page == "last" else page
    assert len(body["results"]) == min(size, total - (number - 1) * size)
    assert (body["next"] is None) == (number == last)
    assert (body["previous"] is None) == (number == 1)


@pytest.mark.parametrize("page", ["99", "0", "-1", "x", "1.5", "9" * 30, "²"])
def test_a_page_that_does_not_exist_is_404(world, page):
    response = world.client("head").get("/api/v1/athletes/", {"page": page})
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}


def test_an_empty_list_has_one_empty_page(world):
    body = world.client("stranger").get("/api/v1/flags/").json()
    assert body == {"count": 0, "next": None, "previous": None, "results": []}
