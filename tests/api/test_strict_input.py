"""Schema and data agree (issue 12, item 11, serializer side): text is text, dates of birth are
in the past, a coach without an address is null, and the schema states the write rules."""

import datetime as dt
import importlib
import inspect

import pytest
from drf_spectacular.generators import SchemaGenerator
from rest_framework import serializers

from coaching.api.strict import StrictInputMixin, StrictTextMixin
from coaching.models import Athlete, Coach
from tests import factories as f

from .snapshot import db_state

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()

# Serializers that only shape responses (their fields are not declared read-only).
RESPONSE_ONLY = {"MeSerializer", "ThresholdSerializer"}
API_MODULES = [
    "coaching.api.serializers.people",
    "coaching.api.serializers.checkins",
    "coaching.api.serializers.training",
    "assessments.api.serializers",
    "assessments.api.flags",
    "assessments.api.thresholds",
]


def _input_serializers():
    """Every serializer class of the API modules that takes input (has a writable field).

    coaching.api.auth is left out: its serializers are simplejwt's token forms.
    """
    for module_name in API_MODULES:
        module = importlib.import_module(module_name)
        for name, cls in vars(module).items():
            if not (inspect.isclass(cls) and issubclass(cls, serializers.Serializer)):
                continue
            if cls.__module__ != module_name or name.startswith("_") or name in RESPONSE_ONLY:
                continue
            if issubclass(cls, serializers.ModelSerializer) and not hasattr(cls.Meta, "model"):
                continue  # an abstract base (CheckInSerializer, RecordSerializer)
            fields = cls().fields
            if any(not field.read_only for field in fields.values()):
                yield pytest.param(cls, id=name)


INPUT_SERIALIZERS = list(_input_serializers())


def test_the_api_has_input_serializers():
    assert len(INPUT_SERIALIZERS) >= 15


@pytest.mark.parametrize("serializer_class", INPUT_SERIALIZERS)
def test_every_input_serializer_follows_the_write_rules(serializer_class):
    assert issubclass(serializer_class, StrictInputMixin)
    for name, field in serializer_class().fields.items():
        nested = getattr(field, "child", field)
        if isinstance(nested, serializers.BaseSerializer) and not field.read_only:
            assert isinstance(nested, StrictInputMixin), name


@pytest.mark.parametrize("serializer_class", INPUT_SERIALIZERS)
def test_every_writable_text_field_is_strict(serializer_class):
    def walk(fields, prefix=""):
        for name, field in fields.items():
            if field.read_only:
                continue
            nested = getattr(field, "child", field)
            if isinstance(nested, serializers.Serializer):
                yield from walk(nested.fields, f"{prefix}{name}.")
            elif isinstance(nested, serializers.CharField):
                yield f"{prefix}{name}", nested

    for name, field in walk(serializer_class().fields):
        assert isinstance(field, StrictTextMixin), f"{serializer_class.__name__}.{name}"


# --- text is text ----------------------------------------------------------------------------
@pytest.mark.parametrize("value", [0, 12.5, True, None])
def test_session_notes_refuse_non_strings(world, value):
    before = db_state()
    url = f"/api/v1/athletes/{world.athlete.pk}/sessions/{world.records['session'].pk}/"
    response = world.client("athlete").patch(url, {"notes": value}, format="json")
    assert response.status_code == 400, response.content[:300]
    assert "notes" in response.json()
    assert db_state() == before


@pytest.mark.parametrize("field", ["username", "password"])
@pytest.mark.parametrize("value", [0, 123456789012, False])
def test_a_nested_login_refuses_numbers(world, field, value):
    before = db_state()
    login = {"username": "newbie", "password": "a-long-passphrase-42", field: value}
    body = {"name": "N", "sex": "male", "login": login}
    response = world.client("coach").post("/api/v1/athletes/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()["login"]) == [field]
    assert db_state() == before


@pytest.mark.parametrize(("field", "value"), [("username", 42), ("email", 0), ("password", 1)])
def test_coach_creation_refuses_numbers_for_text(world, field, value):
    before = db_state()
    body = {"username": "numbers", "password": "a-long-passphrase-42", "role": "coach"}
    body[field] = value
    url = f"/api/v1/organizations/{world.org.pk}/coaches/"
    response = world.client("head").post(url, body, format="json")
    assert response.status_code == 400 and field in response.json()
    assert db_state() == before


def test_a_flag_note_refuses_a_number(world):
    before = db_state()
    url = f"/api/v1/flags/{world.records['flag'].pk}/acknowledge/"
    response = world.client("coach").post(url, {"note": 7}, format="json")
    assert response.status_code == 400 and "note" in response.json()
    assert db_state() == before


# --- dates of birth --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "born",
    [TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=400), dt.date(1899, 12, 31)],
    ids=["tomorrow", "next-year", "before-1900"],
)
def test_an_impossible_date_of_birth_is_400(world, born):
    before = db_state()
    body = {"name": "Unborn", "sex": "female", "date_of_birth": born.isoformat()}
    response = world.client("coach").post("/api/v1/athletes/", body, format="json")
    assert response.status_code == 400 and "date_of_birth" in response.json()
    url = f"/api/v1/athletes/{world.athlete.pk}/"
    response = world.client("coach").patch(url, {"date_of_birth": born.isoformat()}, format="json")
    assert response.status_code == 400 and "date_of_birth" in response.json()
    assert db_state() == before


def test_a_date_of_birth_of_today_or_earlier_is_accepted(world):
    url = f"/api/v1/athletes/{world.athlete.pk}/"
    for born in (TODAY, dt.date(1960, 2, 29), None):
        value = born.isoformat() if born else None
        response = world.client("coach").patch(url, {"date_of_birth": value}, format="json")
        assert response.status_code == 200, response.json()
        assert Athlete.objects.get(pk=world.athlete.pk).date_of_birth == born


# --- a coach's e-mail ------------------------------------------------------------------------
def test_a_coach_without_an_address_is_served_with_null(world):
    url = f"/api/v1/organizations/{world.org.pk}/coaches/"
    body = {"username": "no-mail", "password": "a-long-passphrase-42", "role": "coach"}
    created = world.client("head").post(url, body, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["email"] is None
    assert Coach.objects.get(pk=created.json()["id"]).user.email == ""
    listed = world.client("head").get(url, {"page_size": 200}).json()["results"]
    assert {c["email"] for c in listed if c["username"] == "no-mail"} == {None}


def test_a_coach_with_an_address_is_served_with_it(world):
    url = f"/api/v1/organizations/{world.org.pk}/coaches/"
    body = {
        "username": "mail",
        "password": "a-long-passphrase-42",
        "role": "coach",
        "email": "c@example.com",
    }
    created = world.client("head").post(url, body, format="json")
    assert created.json()["email"] == "c@example.com"


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b\nBcc: x@y.z"])
def test_an_invalid_coach_address_is_400(world, email):
    before = db_state()
    url = f"/api/v1/organizations/{world.org.pk}/coaches/"
    body = {"username": "bad-mail", "password": "a-long-passphrase-42", "role": "coach"}
    response = world.client("head").post(url, {**body, "email": email}, format="json")
    assert response.status_code == 400 and "email" in response.json()
    assert db_state() == before


# --- the schema says the same ----------------------------------------------------------------
@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _request_components(schema) -> set[str]:
    """Request-body components of every operation but the token endpoints (simplejwt's forms
    in coaching/api/auth.py, not covered yet), with the components they nest."""
    components = schema["components"]["schemas"]
    names, todo = set(), []
    for path, operations in schema["paths"].items():
        if path.startswith("/api/v1/auth/"):
            continue
        for operation in operations.values():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                todo.append(body["schema"])
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref and ref.rsplit("/", 1)[1] not in names:
                name = ref.rsplit("/", 1)[1]
                if name.endswith("Request"):
                    names.add(name)
                    todo.append(components[name])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    return names


def test_every_request_body_forbids_unknown_fields(schema):
    components = schema["components"]["schemas"]
    requests = _request_components(schema)
    assert {"TrainingSetRequest", "LoginRequest", "PatchedTrainingSessionRequest"} <= requests
    assert len(requests) >= 15
    for name in requests:
        assert components[name].get("additionalProperties") is False, name


def test_the_schema_offers_patch_where_the_api_does(schema):
    paths = schema["paths"]
    for path in [
        "/api/v1/athletes/{id}/",
        "/api/v1/athletes/{athlete_pk}/sessions/{id}/",
        "/api/v1/athletes/{athlete_pk}/symptoms/{id}/",
        "/api/v1/athletes/{athlete_pk}/phases/{id}/",
        "/api/v1/athletes/{athlete_pk}/check-ins/sleep/{date}/",
    ]:
        assert "patch" in paths[path], path


def test_the_schema_requires_sets_and_keeps_nested_values_whole_under_patch(schema):
    components = schema["components"]["schemas"]
    assert "sets" in components["TrainingSessionRequest"]["required"]
    patched = components["PatchedTrainingSessionRequest"]
    assert "required" not in patched
    set_ref = patched["properties"]["sets"]["items"]["$ref"]
    assert set_ref.endswith("/TrainingSetRequest")
    assert {"exercise", "reps", "load_kg"} <= set(components["TrainingSetRequest"]["required"])
    login = components["PatchedAthleteRequest"]["properties"]["login"]
    login_ref = login.get("$ref") or login["allOf"][0]["$ref"]
    assert set(components[login_ref.rsplit("/", 1)[1]]["required"]) == {"username", "password"}


def test_the_schema_serves_a_coach_email_as_nullable(schema):
    email = schema["components"]["schemas"]["Coach"]["properties"]["email"]
    assert email["format"] == "email" and email["nullable"] is True


def test_a_stored_blank_email_matches_the_schema(world):
    coach = f.CoachFactory(organization=world.org, user=f.UserFactory(email=""))
    listed = world.client("head").get(f"/api/v1/organizations/{world.org.pk}/coaches/").json()
    assert [c["email"] for c in listed["results"] if c["id"] == coach.pk] == [None]
