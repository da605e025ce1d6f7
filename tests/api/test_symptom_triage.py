"""Symptom reports' triage signs through the API: optional, bounded, round-tripped."""

import pytest

from assessments.models import SymptomReport
from tests.api.endpoints import TODAY

pytestmark = pytest.mark.django_db

TRIAGE = {
    "side": "left",
    "swelling": True,
    "back_pain": True,
    "saddle_numbness": False,
    "bladder_bowel_change": False,
    "progression": "worsening",
    "resolved": False,
    "context": "Calf sore and swollen since a long flight.",
}


def post(world, body, role="athlete"):
    url = f"/api/v1/athletes/{world.athlete.pk}/symptoms/"
    data = {"date": TODAY.isoformat(), "onset": "gradual", "severity": 3, **body}
    return world.client(role).post(url, data, format="json")


def test_every_triage_sign_round_trips(world):
    response = post(world, TRIAGE)
    assert response.status_code == 201, response.json()
    served = response.json()
    assert {key: served[key] for key in TRIAGE} == TRIAGE
    stored = SymptomReport.objects.get(pk=served["id"])
    assert {key: getattr(stored, key) for key in TRIAGE} == TRIAGE


def test_left_out_signs_read_as_not_said(world):
    served = post(world, {}).json()
    assert (served["side"], served["progression"], served["context"]) == (None, None, "")
    assert not any(served[k] for k in ("swelling", "back_pain", "saddle_numbness",
                                       "bladder_bowel_change", "resolved"))  # fmt: skip


def test_side_and_progression_may_be_null(world):
    response = post(world, {"side": None, "progression": None})
    assert response.status_code == 201
    assert response.json()["side"] is None


def test_a_patch_marks_a_report_resolved_and_keeps_the_rest(world):
    report = post(world, TRIAGE).json()
    url = f"/api/v1/athletes/{world.athlete.pk}/symptoms/{report['id']}/"
    response = world.client("coach").patch(url, {"resolved": True}, format="json")
    assert response.status_code == 200
    assert response.json()["resolved"] is True and response.json()["side"] == "left"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("side", "middle"),
        ("side", ""),
        ("progression", ""),
        ("side", 1),
        ("progression", "sideways"),
        ("swelling", "maybe"),
        ("saddle_numbness", 2),
        ("context", 7),
        ("context", "x" * 2001),
        ("context", "nul \x00 inside"),
    ],
)
def test_bad_triage_values_are_a_400_naming_the_field(world, field, value):
    response = post(world, {field: value})
    assert response.status_code == 400
    assert field in response.json()
    assert (
        not SymptomReport.objects.filter(athlete=world.athlete)
        .exclude(pk=world.records["symptom"].pk)
        .exists()
    )


def test_context_keeps_line_breaks_and_any_script(world):
    context = "Long drive\r\n3 h — tight boots\u2028then numb toes 🦶"
    response = post(world, {"context": context})
    assert response.status_code == 201
    assert SymptomReport.objects.get(pk=response.json()["id"]).context == context
