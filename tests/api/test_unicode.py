"""Text that is not valid Unicode never reaches a response: a 400 (or 404), never a 500.

The instance (issue 12, item 8): a symptom with `"onset": "\\udfff"` (raw JSON text) was echoed
in "is not a valid choice" and the JSON renderer failed. The parser now refuses any lone
surrogate anywhere in a body; the other ways into a request (query string, path, headers)
reach Django as bytes decoded with replacement or as Latin-1, and are covered here too.
"""

import pytest

from tests.api.endpoints import SESSION_BODY, TODAY

pytestmark = pytest.mark.django_db

LONE = "\\udfff"  # as the six characters a client sends inside a JSON string


def _post_raw(world, role: str, path: str, text: str, content_type="application/json", **extra):
    client = world.client(role)
    return client.generic("POST", path, text.encode("utf-8"), content_type=content_type, **extra)


def _sessions(world) -> str:
    return f"/api/v1/athletes/{world.athlete.pk}/sessions/"


def _symptoms(world) -> str:
    return f"/api/v1/athletes/{world.athlete.pk}/symptoms/"


def test_lone_surrogate_in_an_echoed_choice_is_400(world):
    body = f'{{"date": "{TODAY}", "onset": "{LONE}", "severity": 3}}'
    before = world.athlete.symptomreports.count()
    answer = _post_raw(world, "athlete", _symptoms(world), body)
    assert answer.status_code == 400
    assert "valid Unicode" in answer.json()["detail"]
    assert world.athlete.symptomreports.count() == before


@pytest.mark.parametrize(
    "text",
    [
        f'{{"date": "{TODAY}", "onset": "gradual", "severity": 3, "notes": "a{LONE}b"}}',
        f'{{"date": "{TODAY}", "onset": "gradual", "severity": 3, "{LONE}": 1}}',
        f'{{"date": "{TODAY}", "onset": "gradual", "severity": 3, "notes": "\\ud83d"}}',
        f'[["{LONE}"]]',
    ],
    ids=["free-text", "key", "high-surrogate-alone", "nested-list"],
)
def test_lone_surrogate_anywhere_in_a_body_is_400(world, text):
    answer = _post_raw(world, "athlete", _symptoms(world), text)
    assert answer.status_code == 400
    assert "valid Unicode" in answer.json()["detail"]


def test_lone_surrogate_in_a_nested_field_is_400(world):
    text = (
        f'{{"date": "{TODAY}", "duration_min": 60, "session_rpe": 8, '
        f'"sets": [{{"exercise": "squat{LONE}", "reps": 5, "load_kg": 100, "side": "both"}}]}}'
    )
    before = world.athlete.trainingsessions.count()
    answer = _post_raw(world, "athlete", _sessions(world), text)
    assert answer.status_code == 400
    assert world.athlete.trainingsessions.count() == before


def test_surrogate_spelled_by_a_charset_is_400(world):
    """UTF-7 can spell a lone surrogate without any JSON escape."""
    answer = _post_raw(
        world,
        "athlete",
        _symptoms(world),
        f'{{"date": "{TODAY}", "onset": "+3/8-", "severity": 3}}',
        content_type="application/json; charset=utf-7",
    )
    assert answer.status_code == 400


def test_a_valid_surrogate_pair_is_one_character_and_accepted(world):
    text = (
        f'{{"date": "{TODAY}", "onset": "gradual", "severity": 3, "notes": "legs \\ud83d\\udcaa"}}'
    )
    answer = _post_raw(world, "athlete", _symptoms(world), text)
    assert answer.status_code == 201, answer.content
    assert answer.json()["notes"] == "legs \U0001f4aa"


def test_invalid_utf8_in_a_query_parameter_is_never_a_500(world):
    client = world.client("coach")
    answer = client.get("/api/v1/athletes/?search=%ED%BF%BF")
    assert answer.status_code == 200
    flags = client.get("/api/v1/flags/?status=%ED%BF%BF")
    assert flags.status_code == 400
    flags.json()  # the echoed value is valid JSON text (a replacement character)


def test_invalid_utf8_in_a_path_is_404(world):
    client = world.client("coach")
    for path in (
        "/api/v1/athletes/%ED%BF%BF/",
        f"/api/v1/athletes/{world.athlete.pk}/check-ins/sleep/%ED%BF%BF/",
        "/api/v1/%ED%BF%BF/",
    ):
        answer = client.get(path)
        assert answer.status_code == 404, path
        answer.json()


@pytest.mark.parametrize("key", ["\udfff", "\xed\xbf\xbf", "k\u00e9y"])
def test_idempotency_key_that_is_not_visible_ascii_is_400(world, key):
    """WSGI hands headers over as Latin-1 text; a surrogate can only come from a test client,
    and is refused the same way."""
    client = world.client("athlete")
    body = {"date": str(TODAY), **SESSION_BODY}
    before = world.athlete.trainingsessions.count()
    answer = client.post(_sessions(world), body, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert answer.status_code == 400
    assert "Idempotency-Key" in answer.json()
    assert world.athlete.trainingsessions.count() == before
