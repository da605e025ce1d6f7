"""Training phases through the API: coaches write, the athlete reads, nobody else sees them.

A phase covers start..end, both days included; an athlete's phases never share a day.
"""

import datetime as dt
import re

import pytest

from coaching.models import Athlete, TrainingPhase
from tests import factories as f
from tests.api.conftest import client_for
from tests.api.test_writes import _at_once
from tests.query_helpers import assert_queries_constant

pytestmark = pytest.mark.django_db

DAY = dt.date.today()


def url(athlete, phase=None) -> str:
    base = f"/api/v1/athletes/{athlete.pk}/phases/"
    return base if phase is None else f"{base}{phase.pk}/"


def body(start_in_days=30, days=7, kind="deload", **extra) -> dict:
    start = DAY + dt.timedelta(days=start_in_days)
    end = start + dt.timedelta(days=days - 1)
    return {"start": start.isoformat(), "end": end.isoformat(), "kind": kind, **extra}


def post(world, data, role="coach"):
    return world.client(role).post(url(world.athlete), data, format="json")


# --- create, read, replace, change, delete ---------------------------------------------------
def test_coach_creates_a_phase_and_reads_it_back(world):
    response = post(world, body(kind="taper", notes="Meet on the 20th"))
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["kind"] == "taper" and created["notes"] == "Meet on the 20th"
    assert created["athlete"] == world.athlete.pk and created["updated_at"]
    again = world.client("coach").get(url(world.athlete) + f"{created['id']}/").json()
    assert again == created


def test_the_athlete_reads_their_own_phases(world):
    phase = world.records["phase"]
    listed = world.client("athlete").get(url(world.athlete)).json()
    assert [p["id"] for p in listed["results"]] == [phase.pk]
    assert listed["results"][0]["kind"] == "deload"


def test_put_replaces_the_whole_phase_and_clears_omitted_notes(world):
    phase = world.records["phase"]
    phase.notes = "old note"
    phase.save()
    response = world.client("coach").put(url(world.athlete, phase), body(kind="peaking"))
    assert response.status_code == 200, response.json()
    phase.refresh_from_db()
    assert (phase.kind, phase.notes) == ("peaking", "")


def test_put_without_a_required_field_is_a_400(world):
    data = body()
    del data["kind"]
    response = world.client("coach").put(url(world.athlete, world.records["phase"]), data)
    assert response.status_code == 400
    assert "kind" in response.json()


def test_patch_changes_only_what_it_carries(world):
    phase = world.records["phase"]
    response = world.client("coach").patch(
        url(world.athlete, phase), {"notes": "Lighter week"}, format="json"
    )
    assert response.status_code == 200
    phase.refresh_from_db()
    assert (phase.kind, phase.notes, phase.end) == ("deload", "Lighter week", f.TODAY)


def test_delete_removes_the_phase(world):
    phase = world.records["phase"]
    assert world.client("head").delete(url(world.athlete, phase)).status_code == 204
    assert not TrainingPhase.objects.filter(pk=phase.pk).exists()


def test_a_write_marks_the_athletes_data_changed(world):
    Athlete.objects.filter(pk=world.athlete.pk).update(data_changed_at=None)
    assert post(world, body()).status_code == 201
    assert Athlete.objects.get(pk=world.athlete.pk).data_changed_at is not None


def test_a_patch_that_changes_nothing_marks_nothing(world):
    phase = world.records["phase"]
    Athlete.objects.filter(pk=world.athlete.pk).update(data_changed_at=None)
    response = world.client("coach").patch(url(world.athlete, phase), {"kind": "deload"})
    assert response.status_code == 200
    assert Athlete.objects.get(pk=world.athlete.pk).data_changed_at is None


# --- who may --------------------------------------------------------------------------------
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_athlete_may_not_write_phases(world, method):
    phase = world.records["phase"]
    target = url(world.athlete) if method == "post" else url(world.athlete, phase)
    response = getattr(world.client("athlete"), method)(target, body(), format="json")
    assert response.status_code == 403
    phase.refresh_from_db()
    assert phase.kind == "deload" and TrainingPhase.objects.count() == 1


@pytest.mark.parametrize("role", ["stranger", "colleague"])
def test_a_coach_without_the_athlete_gets_404_and_changes_nothing(world, role):
    phase = world.records["phase"]
    client = world.client(role)
    assert client.get(url(world.athlete)).status_code == 404
    assert client.patch(url(world.athlete, phase), {"kind": "taper"}).status_code == 404
    assert client.delete(url(world.athlete, phase)).status_code == 404
    phase.refresh_from_db()
    assert phase.kind == "deload"


def test_another_athletes_phase_id_under_my_athlete_is_404(world):
    foreign_phase = f.TrainingPhaseFactory(athlete=world.foreign)
    client = world.client("head")
    assert client.get(url(world.athlete, foreign_phase)).status_code == 404
    assert client.delete(url(world.athlete, foreign_phase)).status_code == 404
    assert TrainingPhase.objects.filter(pk=foreign_phase.pk).exists()


# --- bad input --------------------------------------------------------------------------------
def test_an_end_before_the_start_is_a_400(world):
    data = {**body(), "end": (DAY + dt.timedelta(days=29)).isoformat()}
    response = post(world, data)
    assert response.status_code == 400 and "end" in response.json()


def test_a_patch_that_would_end_before_the_start_is_a_400(world):
    phase = world.records["phase"]
    before = (phase.start - dt.timedelta(days=1)).isoformat()
    response = world.client("coach").patch(url(world.athlete, phase), {"end": before})
    assert response.status_code == 400 and "end" in response.json()


def test_a_one_day_phase_is_fine(world):
    assert post(world, body(days=1)).status_code == 201


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "holiday"),
        ("kind", 3),
        ("start", "2026-02-30"),
        ("start", "1899-12-31"),
        ("end", (DAY + dt.timedelta(days=3 * 366)).isoformat()),
        ("notes", 42),
        ("notes", "x" * 2001),
        ("notes", "nul \x00 inside"),
    ],
)
def test_bad_values_are_a_400_naming_the_field(world, field, value):
    response = post(world, {**body(), field: value})
    assert response.status_code == 400
    assert field in response.json()
    assert TrainingPhase.objects.count() == 1


def test_unknown_and_read_only_fields_are_a_400(world):
    response = post(world, {**body(), "sets": 3, "athlete": world.foreign.pk})
    assert response.status_code == 400
    assert response.json() == {"athlete": ["This field is read-only."], "sets": ["Unknown field."]}


def test_hostile_notes_with_line_breaks_and_unicode_round_trip(world):
    notes = "Line one\r\nline two\u2028— taper før meet 🏋️"
    response = post(world, body(notes=notes))
    assert response.status_code == 201
    assert TrainingPhase.objects.get(pk=response.json()["id"]).notes == notes


# --- no overlaps --------------------------------------------------------------------------------
def test_a_phase_sharing_a_day_with_another_is_a_400(world):
    assert post(world, body(start_in_days=30, days=7)).status_code == 201
    response = post(world, body(start_in_days=36, days=7, kind="taper"))
    assert response.status_code == 400
    assert "overlaps the deload phase" in response.json()["start"][0]


def test_back_to_back_phases_are_fine(world):
    assert post(world, body(start_in_days=30, days=7)).status_code == 201
    assert post(world, body(start_in_days=37, days=7, kind="taper")).status_code == 201


def test_moving_a_phase_onto_another_is_a_400(world):
    later = f.TrainingPhaseFactory(
        athlete=world.athlete, start=f.TODAY + dt.timedelta(days=10),
        end=f.TODAY + dt.timedelta(days=20), kind="peaking",
    )  # fmt: skip
    response = world.client("coach").patch(
        url(world.athlete, later), {"start": f.TODAY.isoformat()}
    )
    assert response.status_code == 400
    later.refresh_from_db()
    assert later.start == f.TODAY + dt.timedelta(days=10)


def test_other_athletes_phases_do_not_count_as_overlaps(world):
    f.TrainingPhaseFactory(
        athlete=world.other_athlete, start=DAY + dt.timedelta(days=30),
        end=DAY + dt.timedelta(days=40),
    )  # fmt: skip
    assert post(world, body(start_in_days=30)).status_code == 201


def test_a_duplicate_post_is_refused_as_an_overlap(world):
    assert post(world, body()).status_code == 201
    assert post(world, body()).status_code == 400
    assert TrainingPhase.objects.filter(athlete=world.athlete).count() == 2


# --- lists -------------------------------------------------------------------------------------
def test_from_and_to_select_the_phases_that_reach_into_the_range(world):
    old = world.records["phase"]  # TODAY-6 .. TODAY (factories' fixed TODAY)
    later = f.TrainingPhaseFactory(
        athlete=world.athlete, start=f.TODAY + dt.timedelta(days=10),
        end=f.TODAY + dt.timedelta(days=20), kind="taper",
    )  # fmt: skip
    client = world.client("coach")

    def ids(**params):
        return [p["id"] for p in client.get(url(world.athlete), params).json()["results"]]

    assert ids(**{"from": f.TODAY.isoformat()}) == [later.pk, old.pk]
    assert ids(**{"from": (f.TODAY + dt.timedelta(days=1)).isoformat()}) == [later.pk]
    assert ids(to=(f.TODAY + dt.timedelta(days=9)).isoformat()) == [old.pk]
    assert client.get(url(world.athlete), {"from": "not-a-date"}).status_code == 400


def test_list_queries_do_not_grow_with_phases(world):
    client = world.client("coach")

    def grow():
        for i in range(20):
            start = f.TODAY + dt.timedelta(days=100 + 10 * i)
            f.TrainingPhaseFactory(athlete=world.athlete, start=start, end=start)

    assert_queries_constant(lambda: client.get(url(world.athlete)), grow)


# --- concurrency (PostgreSQL) ------------------------------------------------------------------
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_overlapping_phases_posted_at_once_store_only_one():
    coach = f.CoachFactory()
    athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach])

    def create(kind):
        data = body(kind=kind)
        return lambda: client_for(coach.user).post(url(athlete), data, format="json").status_code

    statuses = _at_once([create("deload"), create("taper"), create("peaking")])
    assert sorted(statuses) == [201, 400, 400]
    assert TrainingPhase.objects.filter(athlete=athlete).count() == 1


# --- the schema says what the API accepts -----------------------------------------------------
def test_the_schema_states_the_phase_date_range_and_the_server_agrees(world):
    from coaching.api.serializers.phases import latest_phase_date

    served = (
        world.client("coach")
        .get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
        .json()
    )
    start = served["components"]["schemas"]["TrainingPhaseRequest"]["properties"]["start"]
    pattern = re.compile(start["pattern"])
    latest, after = latest_phase_date(), latest_phase_date() + dt.timedelta(days=1)
    assert pattern.search(latest.isoformat()) and pattern.search("1900-01-01")
    assert not pattern.search(after.isoformat()) and not pattern.search("1899-12-31")
    for day, status in ((latest, 201), (after, 400)):
        data = {"start": day.isoformat(), "end": day.isoformat(), "kind": "peaking"}
        assert post(world, data).status_code == status, day
