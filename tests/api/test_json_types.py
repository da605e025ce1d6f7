"""Numbers and booleans are what the schema says: found by schemathesis (`"water_l": false`
was stored as 0.0). A boolean is not a number, and "yes" or 1 is not a boolean."""

import pytest

from tests.api.endpoints import TODAY

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", [False, True])
def test_a_boolean_is_not_a_number(world, value):
    url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/nutrition/{TODAY}/"
    body = {"calories_kcal": 2000, "protein_g": 100, "water_l": value}
    answer = world.client("athlete").put(url, body, format="json")
    assert answer.status_code == 400
    assert "water_l" in answer.json()


@pytest.mark.parametrize("value", ["yes", "true", 1, 0, "on", None])
def test_a_boolean_field_takes_only_true_or_false(world, value):
    url = f"/api/v1/athletes/{world.athlete.pk}/symptoms/"
    body = {"date": str(TODAY), "onset": "gradual", "severity": 2, "numbness": value}
    answer = world.client("athlete").post(url, body, format="json")
    assert answer.status_code == 400
    assert "numbness" in answer.json()


def test_json_booleans_and_numbers_are_accepted(world):
    url = f"/api/v1/athletes/{world.athlete.pk}/symptoms/"
    body = {"date": str(TODAY), "onset": "gradual", "severity": 2, "numbness": True}
    assert world.client("athlete").post(url, body, format="json").status_code == 201
    url = f"/api/v1/athletes/{world.athlete.pk}/check-ins/nutrition/{TODAY}/"
    body = {"calories_kcal": 2000, "protein_g": 100, "water_l": 2}
    assert world.client("athlete").put(url, body, format="json").status_code in (200, 201)


def test_a_threshold_override_refuses_a_boolean(world):
    url = f"/api/v1/organizations/{world.org.pk}/thresholds/"
    answer = world.client("head").patch(url, {"sleep_min_hours": True}, format="json")
    assert answer.status_code == 400
