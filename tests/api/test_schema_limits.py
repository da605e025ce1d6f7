"""The served schema states the limits the API enforces, so a generated client agrees with it.

Issue 12, item 11: recorded dates run from 1900-01-01 to tomorrow (UTC), ids are 1 to 2**63-1,
the Idempotency-Key has a form, and text never holds NUL. Each test reads the schema the server
serves and checks it against what the server does.
"""

import datetime as dt
import re

import pytest
from django.core.validators import URLValidator

from coaching.api.fields import PG_BIGINT_MAX, latest_allowed_date
from coaching.api.idempotency import _VALID_KEY
from coaching.api.schema import recorded_date_pattern
from tests.api.endpoints import SESSION_BODY

pytestmark = pytest.mark.django_db


@pytest.fixture
def served(world):
    answer = world.client("coach").get(
        "/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json"
    )
    assert answer.status_code == 200
    return answer.json()


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def _request_properties(schema, component: str) -> dict:
    return schema["components"]["schemas"][component]["properties"]


def _text_branch(prop: dict) -> dict:
    """The non-blank branch of a text property (drf-spectacular adds a `oneOf` for blanks)."""
    return prop["oneOf"][0] if "oneOf" in prop else prop


@pytest.mark.parametrize(
    ("latest", "inside", "outside"),
    [
        (
            dt.date(2026, 3, 15),
            ["1900-01-01", "1999-12-31", "2025-12-31", "2026-02-28", "2026-03-15"],
            ["1899-12-31", "2026-03-16", "2026-04-01", "2027-01-01", "0001-01-01", "26-03-01"],
        ),
        (dt.date(2027, 1, 1), ["2026-12-31", "2027-01-01"], ["2027-01-02", "2027-02-01"]),
        (dt.date(2026, 12, 31), ["2026-12-31", "2026-11-30"], ["2027-01-01"]),
    ],
)
def test_recorded_date_pattern_spans_1900_to_the_latest_day(latest, inside, outside):
    pattern = re.compile(recorded_date_pattern(latest))
    assert all(pattern.search(day) for day in inside)
    assert not any(pattern.search(day) for day in outside)


def test_request_dates_state_1900_to_tomorrow_and_the_server_agrees(served, world):
    date = _request_properties(served, "TrainingSessionRequest")["date"]
    pattern = re.compile(date["pattern"])
    tomorrow = latest_allowed_date()
    after = tomorrow + dt.timedelta(days=1)
    assert pattern.search(tomorrow.isoformat()) and pattern.search("1900-01-01")
    assert not pattern.search(after.isoformat()) and not pattern.search("1899-12-31")
    url = f"/api/v1/athletes/{world.athlete.pk}/sessions/"
    client = world.client("athlete")
    for day, status in ((tomorrow, 201), (after, 400), (dt.date(1899, 12, 31), 400)):
        answer = client.post(url, {**SESSION_BODY, "date": day.isoformat()}, format="json")
        assert answer.status_code == status, (day, answer.content)


def test_check_in_put_path_states_the_date_range(served):
    put = served["paths"]["/api/v1/athletes/{athlete_pk}/check-ins/sleep/{date}/"]["put"]
    (date,) = [p for p in put["parameters"] if p["name"] == "date"]
    assert date["schema"]["format"] == "date"
    assert re.search(date["schema"]["pattern"], latest_allowed_date().isoformat())
    assert not re.search(date["schema"]["pattern"], "1899-12-31")


def test_every_id_in_a_path_is_from_1_to_bigint(served):
    seen = 0
    for path, _method, operation in _operations(served):
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path" and parameter["name"] != "date":
                seen += 1
                schema = parameter["schema"]
                assert schema["type"] == "integer", path
                assert (schema["minimum"], schema["maximum"]) == (1, PG_BIGINT_MAX), path
    assert seen > 20


def test_id_filters_and_related_ids_state_their_bounds(served):
    athletes = served["paths"]["/api/v1/athletes/"]["get"]["parameters"]
    (coach,) = [p for p in athletes if p["name"] == "coach"]
    assert (coach["schema"]["minimum"], coach["schema"]["maximum"]) == (1, PG_BIGINT_MAX)
    assert coach["description"]  # the filter's label survives
    coaches = _request_properties(served, "AthleteRequest")["coaches"]["items"]
    assert (coaches["minimum"], coaches["maximum"]) == (1, PG_BIGINT_MAX)


def test_the_idempotency_key_form_matches_what_the_server_accepts(served):
    post = served["paths"]["/api/v1/athletes/{athlete_pk}/sessions/"]["post"]
    (key,) = [p for p in post["parameters"] if p["name"] == "Idempotency-Key"]
    schema = key["schema"]
    pattern = re.compile(schema["pattern"])
    for value in ("a", "550e8400-e29b-41d4-a716-446655440000", "~" * 255, "k y", "é", "\x00"):
        states = bool(pattern.search(value)) and 1 <= len(value) <= schema["maxLength"]
        assert states == bool(_VALID_KEY.fullmatch(value)), repr(value)


def test_text_in_request_bodies_states_no_nul_and_the_server_refuses_it(served, world):
    notes = _text_branch(_request_properties(served, "SymptomReportRequest")["notes"])
    name = _request_properties(served, "AthleteRequest")["name"]
    for prop in (notes, name):
        assert not re.search(prop["pattern"], "legs\x00weak")
        assert re.search(prop["pattern"], "legs weak")
    assert not re.search(name["pattern"], "   ")  # trimmed to blank: refused
    url = f"/api/v1/athletes/{world.athlete.pk}/symptoms/"
    body = {"date": str(latest_allowed_date()), "onset": "gradual", "severity": 2}
    client = world.client("athlete")
    assert client.post(url, {**body, "notes": "legs\x00weak"}, format="json").status_code == 400
    assert client.post(url, {**body, "notes": ""}, format="json").status_code == 201


def test_patterns_keep_validator_patterns_and_allow_blank_text(served):
    """A field's own regex (usernames, slugs) is kept, and a blank optional text stays valid:
    exactly one branch of drf-spectacular's blank `oneOf` matches ""."""
    username = _request_properties(served, "CoachCreateRequest")["username"]
    assert username["pattern"] == r"^[\w.@+-]+$"
    notes = _request_properties(served, "SymptomReportRequest")["notes"]
    matching = [
        branch
        for branch in notes["oneOf"]
        if len("") <= branch.get("maxLength", 10**9)
        and ("pattern" not in branch or re.search(branch["pattern"], ""))
    ]
    assert len(matching) == 1


def test_search_parameters_state_their_length_and_no_nul(served, world):
    athletes = served["paths"]["/api/v1/athletes/"]["get"]["parameters"]
    (search,) = [p for p in athletes if p["name"] == "search"]
    assert search["schema"]["maxLength"] == 100
    assert not re.search(search["schema"]["pattern"], "a\x00")
    answer = world.client("coach").get("/api/v1/athletes/", {"search": "a\x00"})
    assert answer.status_code == 400


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/video?id=1",
        "FTP://files.example.org:2121/a",
        "https://" + ".".join(["a" * 63] * 4) + ".com",  # a host beyond 253 characters
        "https://localhost0/x",
        "javascript:alert(1)",
        "https://-bad-.com",
    ],
)
def test_url_pattern_never_calls_valid_what_django_refuses(served, url):
    video = _text_branch(_request_properties(served, "MovementScreenRequest")["video_url"])
    if re.search(video["pattern"], url):
        URLValidator()(url)  # raises if the schema promised too much


def test_lists_of_distinct_items_state_unique_items(served, world):
    concerns = _request_properties(served, "NutritionCheckInRequest")["micronutrient_concerns"]
    assert concerns["uniqueItems"] is True
    url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/nutrition/{latest_allowed_date()}/"
    body = {"calories_kcal": 2000, "protein_g": 100, "water_l": 2}
    client = world.client("athlete")
    twice = client.put(url, {**body, "micronutrient_concerns": ["iron", "iron"]}, format="json")
    assert twice.status_code == 400
