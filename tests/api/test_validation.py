"""Hostile and wrong input: always a 4xx with field-level errors, never a 500, nothing written.

Bounds are generated from the models' CheckConstraints, so a new constraint is tested too.
"""

import datetime as dt
import json

import pytest
from rest_framework import serializers

from assessments.api.serializers import ASSESSMENT_KINDS, SymptomReportSerializer
from coaching.api.fields import model_bounds
from coaching.api.serializers.checkins import CHECK_IN_KINDS
from coaching.api.serializers.people import AthleteSerializer
from coaching.api.serializers.training import TrainingSessionSerializer, TrainingSetSerializer
from tests import factories as f

from .endpoints import ASSESSMENT_BODIES, CHECK_IN_BODIES, SESSION_BODY, SYMPTOM_BODY
from .snapshot import db_state

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()
BIG = 2**63


def _targets():
    """(name, method, url suffix, serializer, valid body, nested-in) for every writer."""
    yield "athlete", "POST", "/api/v1/athletes/", AthleteSerializer, {"name": "N", "sex": "male"}
    for kind, serializer in CHECK_IN_KINDS.items():
        url = f"check-ins/{kind}/{TODAY}/"
        yield kind, "PUT", url, serializer, CHECK_IN_BODIES[kind]
    for kind, serializer in ASSESSMENT_KINDS.items():
        body = {"date": str(TODAY), **ASSESSMENT_BODIES[kind]}
        yield kind, "POST", f"assessments/{kind}/", serializer, body
    symptom = {"date": str(TODAY), **SYMPTOM_BODY}
    yield "symptom", "POST", "symptoms/", SymptomReportSerializer, symptom
    session = {"date": str(TODAY), **SESSION_BODY}
    yield "session", "POST", "sessions/", TrainingSessionSerializer, session


TARGETS = {name: rest for name, *rest in _targets()}


def _bound_cases():
    for name, (_, _, serializer, _) in TARGETS.items():
        writable = {k for k, v in serializer().fields.items() if not v.read_only}
        for field, (low, high) in model_bounds(serializer.Meta.model).items():
            if field not in writable:
                continue
            for label, value in (("low", low), ("high", high)):
                if value is None:
                    continue
                step = 1 if isinstance(value, int) else 0.5
                bad = value - step if label == "low" else value + step
                yield pytest.param(name, field, value, bad, id=f"{name}-{field}-{label}")
    for field, (low, high) in model_bounds(TrainingSetSerializer.Meta.model).items():
        if field in ("reps", "load_kg", "rpe", "rir"):
            yield pytest.param("session", f"sets.{field}", low, low - 1, id=f"set-{field}-low")
            yield pytest.param("session", f"sets.{field}", high, high + 1, id=f"set-{field}-high")


def _send(world, name, body, role="coach", raw=None):
    method, suffix, _, _ = TARGETS[name]
    url = suffix if suffix.startswith("/") else f"/api/v1/athletes/{world.athlete.pk}/{suffix}"
    client = world.client(role)
    call = getattr(client, method.lower())
    if raw is not None:
        return call(url, data=raw, content_type="application/json")
    return call(url, body, format="json")


def _with(name, field, value):
    body = json.loads(json.dumps(TARGETS[name][3]))
    if field.startswith("sets."):
        body["sets"][0][field[5:]] = value
    else:
        body[field] = value
    return body


def _assert_refused(response, before, field=None, status=400):
    assert response.status_code == status, response.content[:300]
    if field:
        assert field.split(".")[0] in response.json(), response.json()
    assert db_state() == before


@pytest.mark.parametrize(("name", "field", "edge", "bad"), list(_bound_cases()))
def test_every_bound_accepts_its_edge_and_refuses_beyond(world, name, field, edge, bad):
    before = db_state()
    _assert_refused(_send(world, name, _with(name, field, bad)), before, field)
    assert _send(world, name, _with(name, field, edge)).status_code in (200, 201)


def _numeric_fields():
    for name, (_, _, serializer, _) in TARGETS.items():
        for field, spec in serializer().fields.items():
            numeric = isinstance(spec, serializers.IntegerField | serializers.FloatField)
            if numeric and not spec.read_only:
                yield name, field


NUMERIC = list(_numeric_fields())


@pytest.mark.parametrize(("name", "field"), NUMERIC, ids=[f"{n}-{f}" for n, f in NUMERIC])
@pytest.mark.parametrize(
    "raw_value", ["NaN", "Infinity", "-Infinity", "1e999", str(BIG), str(10**30), '"abc"', "[]"]
)
def test_numbers_refuse_nan_infinity_overflow_and_wrong_types(world, name, field, raw_value):
    before = db_state()
    body = json.dumps(_with(name, field, "__VALUE__")).replace('"__VALUE__"', raw_value)
    response = _send(world, name, None, raw=body)
    assert response.status_code == 400, response.content[:300]
    assert db_state() == before


def _text_fields():
    for name, (_, _, serializer, _) in TARGETS.items():
        for field, spec in serializer().fields.items():
            if isinstance(spec, serializers.CharField) and not spec.read_only:
                yield name, field
    yield "athlete", "goal_lifts"
    yield "session", "sets.exercise"
    yield "strength", "exercise"


TEXT = list(_text_fields())


@pytest.mark.parametrize(("name", "field"), TEXT, ids=[f"{n}-{f}" for n, f in TEXT])
@pytest.mark.parametrize("value", ["nul\x00char", "x" * 100_000, {"a": 1}, 0, 1.5, True, ["text"]])
def test_text_refuses_nul_huge_and_wrong_types(world, name, field, value):
    before = db_state()
    if field == "goal_lifts":
        value = [value]
    _assert_refused(_send(world, name, _with(name, field, value)), before, field)


@pytest.mark.parametrize("name", [n for n in TARGETS if "date" in TARGETS[n][3]])
@pytest.mark.parametrize("value", [str(TODAY + dt.timedelta(days=2)), "1899-12-31", "2026-02-30"])
def test_dates_must_be_real_and_no_later_than_tomorrow(world, name, value):
    before = db_state()
    _assert_refused(_send(world, name, _with(name, "date", value)), before, "date")


def test_tomorrow_is_accepted_for_clients_ahead_of_utc(world):
    body = _with("symptom", "date", str(TODAY + dt.timedelta(days=1)))
    assert _send(world, "symptom", body).status_code == 201


@pytest.mark.parametrize("kind", list(CHECK_IN_KINDS))
def test_check_in_put_for_a_future_day_is_400(world, kind):
    before = db_state()
    url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/{kind}/{TODAY + dt.timedelta(days=3)}/"
    response = world.client("athlete").put(url, CHECK_IN_BODIES[kind], format="json")
    _assert_refused(response, before, "date")


@pytest.mark.parametrize(
    ("name", "field", "value"),
    [
        ("session", "sets", [SESSION_BODY["sets"][0]] * 101),
        ("athlete", "goal_lifts", ["back-squat"] * 10_000),
        ("athlete", "coaches", [1] * 10_000),
        ("nutrition", "micronutrient_concerns", ["iron"] * 1000),
        ("movement", "flaws", ["knee_valgus", "knee_valgus"]),
        ("movement", "compensations", ["nonsense"]),
        ("athlete", "goal_lifts", ["back-squat", "back-squat"]),
        ("session", "sets", {"not": "a list"}),
        ("session", "sets", ["not an object"]),
    ],
    ids=lambda v: v if isinstance(v, str) else type(v).__name__,
)
def test_lists_are_bounded_distinct_and_typed(world, name, field, value):
    before = db_state()
    _assert_refused(_send(world, name, _with(name, field, value)), before, field)


def test_other_tenants_ids_in_bodies_are_refused(world):
    before = db_state()
    foreign_lift = f.ExerciseFactory(organization=world.other_org, slug="their-lift")
    before = db_state()
    cases = [
        ("athlete", "coaches", [world.stranger.pk]),
        ("athlete", "goal_lifts", [foreign_lift.slug]),
        ("strength", "exercise", foreign_lift.slug),
        ("session", "sets.exercise", foreign_lift.slug),
        ("activation", "exercise", foreign_lift.slug),
    ]
    for name, field, value in cases:
        _assert_refused(_send(world, name, _with(name, field, value)), before, field)
    response = world.client("head").patch(
        f"/api/v1/athletes/{world.athlete.pk}/",
        {"coaches": [world.stranger.pk], "organization": world.other_org.pk},
        format="json",
    )
    _assert_refused(response, before, "coaches")


def test_athlete_cannot_mass_assign_protected_fields(world):
    before = db_state()
    url = f"/api/v1/athletes/{world.athlete.pk}/"
    response = world.client("athlete").patch(
        url, {"organization": world.other_org.pk, "coaches": [], "name": "Me"}, format="json"
    )
    _assert_refused(response, before, status=403)
    body = _with("symptom", "athlete", world.other_athlete.pk)
    response = _send(world, "symptom", body, role="athlete")
    _assert_refused(response, before, "athlete")
    assert response.json()["athlete"] == ["This field is read-only."]


def test_coach_cannot_move_an_athlete_to_another_organization(world):
    url = f"/api/v1/athletes/{world.athlete.pk}/"
    world.client("head").patch(url, {"organization": world.other_org.pk}, format="json")
    world.athlete.refresh_from_db()
    assert world.athlete.organization == world.org


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (
            "/api/v1/exercises/",
            {
                "slug": "back-squat",
                "name": "Mine",
                "pattern": "squat",
                "kind": "compound",
                "muscles": ["glutes"],
            },
        ),
        ("/api/v1/organizations/", "duplicate-org"),
        (
            "coaches",
            {"username": "athlete-login", "password": "a-long-passphrase-42", "role": "coach"},
        ),
        (
            "/api/v1/athletes/",
            {
                "name": "A",
                "sex": "male",
                "login": {"username": "ATHLETE-login", "password": "long-pass-99x"},
            },
        ),
    ],
    ids=["exercise-slug", "organization-name", "coach-username", "athlete-login-username"],
)
def test_duplicates_are_400(world, path, body):
    role = "head"
    if path == "/api/v1/organizations/":
        role, body = "staff", {"name": world.org.name.upper()}
    if path == "coaches":
        path = f"/api/v1/organizations/{world.org.pk}/coaches/"
    before = db_state()
    response = world.client(role).post(path, body, format="json")
    _assert_refused(response, before)


def test_weak_password_is_400_on_field(world):
    before = db_state()
    response = world.client("head").post(
        f"/api/v1/organizations/{world.org.pk}/coaches/",
        {"username": "newbie", "password": "123", "role": "coach"},
        format="json",
    )
    _assert_refused(response, before, "password")


@pytest.mark.parametrize(
    ("raw", "content_type", "status"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "application/json", 400),
        (b'{"hours": 7', "application/json", 400),
        (b"[1, 2]", "application/json", 400),
        (b"\xff\xfe", "application/json", 400),
        (b"hours=7&quality=3", "application/x-www-form-urlencoded", 415),
        (b'{"notes": "' + b"x" * (2 * 1024 * 1024) + b'"}', "application/json", 413),
    ],
    ids=["deep-nesting", "truncated", "list-body", "bad-encoding", "form", "too-large"],
)
def test_malformed_bodies(world, raw, content_type, status):
    before = db_state()
    url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/sleep/{TODAY}/"
    response = world.client("athlete").put(url, data=raw, content_type=content_type)
    _assert_refused(response, before, status=status)


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"page_size": 100_000}, 200),
        ({"page_size": -1}, 400),
        ({"page_size": "ten"}, 400),
        ({"page": 0}, 404),
        ({"page": BIG}, 404),
        ({"page": "abc"}, 404),
        ({"ordering": "bogus,-nope"}, 200),
        ({"updated_since": "yesterday"}, 400),
        ({"updated_since": "\x00"}, 400),
        ({"from": "2026-13-01"}, 400),
        ({"to": "99999-01-01"}, 400),
        ({"search": "a\x00b"}, 400),
        ({"search": "x" * 1000}, 400),
        ({"coach": BIG}, 400),
        ({"coach": "1.5"}, 400),
        ({"has_open_flags": "maybe"}, 400),
    ],
    ids=lambda v: str(v)[:30],
)
def test_query_parameters(world, params, status):
    url = "/api/v1/athletes/"
    if not {"search", "coach", "has_open_flags"} & set(params):
        url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/sleep/"
    response = world.client("head").get(url, params)
    assert response.status_code == status, response.content[:300]


def test_page_size_is_clamped_to_200(world):
    for i in range(205):
        f.SleepCheckInFactory(athlete=world.athlete, date=TODAY - dt.timedelta(days=i + 1))
    url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/sleep/"
    body = world.client("coach").get(url, {"page_size": 100_000}).json()
    assert body["count"] == 206 and len(body["results"]) == 200


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/athletes/{BIG}/",
        f"/api/v1/athletes/{10**30}/sessions/",
        "/api/v1/athletes/abc/",
        "/api/v1/athletes/1/check-ins/sleep/2026-02-30/",
        "/api/v1/athletes/1/check-ins/sleep/0000-01-01/",
        f"/api/v1/flags/{BIG}/",
        f"/api/v1/organizations/{BIG}/thresholds/",
    ],
)
def test_out_of_range_and_malformed_ids_in_paths_are_404(world, path):
    assert world.client("staff").get(path).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {"sleep_min_hours": -1},
        {"sleep_min_hours": "seven"},
        {"min_checkin_days": 2.5},
        {"min_checkin_days": BIG},
        {"no_such_threshold": 1},
        {"sleep_min_hours\x00": 1},
    ],
)
def test_threshold_overrides_are_validated(world, body):
    before = db_state()
    url = f"/api/v1/organizations/{world.org.pk}/thresholds/"
    response = world.client("head").patch(url, body, format="json")
    _assert_refused(response, before)


@pytest.mark.parametrize(
    "value",
    ["0014-04-07T21:21:16+17:50", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"],
)
def test_timestamps_with_extreme_offsets_are_normalised_or_refused(world, value):
    url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/sleep/"
    response = world.client("coach").get(url, {"updated_since": value})
    assert response.status_code in (200, 400)
