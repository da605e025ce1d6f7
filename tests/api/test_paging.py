"""Paging never skips or repeats a row: every order ends in the primary key.

The instance (issue 12, item 7): 60 sessions on two dates walked seven at a time with
`?ordering=date` came back as 47 distinct ids on PostgreSQL. Rows that tie on the chosen
order must keep one order from page to page, on every list a caller may order.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver

from coaching.api.filters import UNIQUE_KEYS, Ordering, ending_in_unique_key
from tests import factories as f

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 1, 1)
MOMENT = dt.datetime(2026, 1, 1, 6, 0, tzinfo=dt.UTC)


def _walk(client, url: str, params: dict, page_size: int = 7) -> list[int]:
    """Every id the pages give, in order, following `next` to the end."""
    ids, page = [], 1
    while True:
        answer = client.get(url, {**params, "page_size": page_size, "page": page})
        assert answer.status_code == 200, answer.content
        body = answer.json()
        ids += [row["id"] for row in body["results"]]
        if not body["next"]:
            return ids
        page += 1


def _sessions_on_two_dates(world, n=60):
    for i in range(n):
        f.TrainingSessionFactory(athlete=world.athlete, date=DAY + dt.timedelta(days=i % 2))


def test_sixty_sessions_on_two_dates_page_by_date_without_skip_or_repeat(world):
    _sessions_on_two_dates(world)
    url = f"/api/v1/athletes/{world.athlete.pk}/sessions/"
    ids = _walk(world.client("athlete"), url, {"ordering": "date"})
    expected = set(world.athlete.trainingsessions.values_list("pk", flat=True))
    assert len(ids) == len(set(ids)) == len(expected)
    assert set(ids) == expected


@pytest.mark.postgres
def test_sixty_sessions_page_without_skip_or_repeat_on_postgresql(world):
    _sessions_on_two_dates(world)
    url = f"/api/v1/athletes/{world.athlete.pk}/sessions/"
    for ordering in ("date", "-date"):
        ids = _walk(world.client("athlete"), url, {"ordering": ordering})
        assert len(ids) == len(set(ids)) == world.athlete.trainingsessions.count()


def test_the_caller_s_order_ends_in_the_primary_key_in_sql(world):
    """SQLite happens to keep ties in insertion order; the SQL shows the tie-breaker itself."""
    url = f"/api/v1/athletes/{world.athlete.pk}/sessions/"
    with CaptureQueriesContext(connection) as captured:
        world.client("athlete").get(url, {"ordering": "date"})
    sqls = [query["sql"] for query in captured]
    page_sql = [sql for sql in sqls if "ORDER BY" in sql and "trainingsession" in sql]
    assert page_sql
    order_by = page_sql[0].rsplit("ORDER BY", 1)[1]
    assert '"date" ASC' in order_by
    assert order_by.index('"date" ASC') < order_by.index('"id" ASC')


def _tie_everything(model, queryset, **values):
    queryset.update(**values)
    assert queryset.count() >= 15, model


def _sleep(world):
    for i in range(15):
        f.SleepCheckInFactory(athlete=world.athlete, date=DAY + dt.timedelta(days=i))
    qs = world.athlete.sleepcheckins.all()
    _tie_everything("sleep", qs, updated_at=MOMENT)
    return f"/api/v1/athletes/{world.athlete.pk}/check-ins/sleep/", "updated_at"


def _symptoms(world):
    for _ in range(15):
        f.SymptomReportFactory(athlete=world.athlete, date=DAY)
    return f"/api/v1/athletes/{world.athlete.pk}/symptoms/", "-date"


def _strength(world):
    for _ in range(15):
        f.StrengthTestFactory(athlete=world.athlete, date=DAY)
    qs = world.athlete.strengthtests.all()
    _tie_everything("strength", qs, created_at=MOMENT)
    return f"/api/v1/athletes/{world.athlete.pk}/assessments/strength/", "created_at"


def _athletes(world):
    for _ in range(15):
        f.AthleteFactory(organization=world.org, coaches=[world.coach], name="Same Name")
    return "/api/v1/athletes/", "name"


def _flags(world):
    for i in range(15):
        f.FlagFactory(athlete=world.athlete, code=f"code-{i}")
    qs = world.athlete.flags.all()
    _tie_everything("flags", qs, opened_at=MOMENT)
    return "/api/v1/flags/", "opened_at"


def _exercises(world):
    for _ in range(15):
        f.ExerciseFactory(organization=world.org, name="Same lift")
    return "/api/v1/exercises/", "name"


def _exercises_default_order(world):
    """No `?ordering=`: the model's default (by name) gets the tie-breaker too."""
    for _ in range(15):
        f.ExerciseFactory(organization=world.org, name="Same lift")
    return "/api/v1/exercises/", None


def _coaches(world):
    for _ in range(15):
        f.CoachFactory(organization=world.org)
    coaches = world.org.coaches.all()
    _tie_everything("coaches", coaches, created_at=MOMENT)
    return f"/api/v1/organizations/{world.org.pk}/coaches/", "created_at"


@pytest.mark.parametrize(
    "grow",
    [
        _sleep,
        _symptoms,
        _strength,
        _athletes,
        _flags,
        _exercises,
        _exercises_default_order,
        _coaches,
    ],
)
def test_every_list_pages_through_tied_rows_without_skip_or_repeat(world, grow):
    url, ordering = grow(world)
    role = "head" if "coaches" in url else "coach"
    params = {"ordering": ordering} if ordering else {}
    client = world.client(role)
    ids = _walk(client, url, params, page_size=4)
    everything = client.get(url, {**params, "page_size": 200}).json()
    assert len(ids) == len(set(ids)) == everything["count"]
    with CaptureQueriesContext(connection) as captured:
        client.get(url, {**params, "page_size": 4, "page": 2})
    ordered = [q["sql"].rsplit("ORDER BY", 1)[1] for q in captured if "ORDER BY" in q["sql"]]
    assert any('"id"' in clause for clause in ordered), ordered


def test_ordering_that_names_the_key_is_kept_as_given():
    assert ending_in_unique_key(["-date", "-id"]) == ["-date", "-id"]
    assert ending_in_unique_key(["date"]) == ["date", "pk"]
    assert ending_in_unique_key(()) == ["pk"]


def _list_views():
    """(route, view class) of every API route whose GET lists rows."""

    def walk(patterns, prefix=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                actions = getattr(entry.callback, "actions", None) or {}
                if actions.get("get") == "list":
                    yield prefix + str(entry.pattern), entry.callback.cls

    return list(walk(get_resolver().url_patterns))


def test_every_list_route_ends_its_order_in_a_unique_key():
    """A list either orders through `Ordering` (which appends the key) or its model's default
    order already names it: a new list endpoint without either fails here."""
    views = _list_views()
    assert len(views) >= 10
    for route, view in views:
        if Ordering in view.filter_backends:
            continue
        model = getattr(view, "model", None) or view.serializer_class.Meta.model
        assert UNIQUE_KEYS & set(model._meta.ordering), f"{route}: order may tie"
