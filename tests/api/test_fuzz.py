"""Schemathesis against the live server and the schema it serves, as a coach and an athlete.

All phases run: the schema's examples, coverage (boundary and type-violating values for every
parameter and property), fuzzing (generated valid and invalid requests), and stateful
sequences along the links schemathesis infers (create, then read, change, delete what was
created). Every built-in check runs, `positive_data_acceptance` included: no response may be
a 5xx or break the schema, a request the schema calls invalid must be refused, and one it
calls valid must be accepted (or be a 401/403/404 for someone outside its scope).

The schema states what a schema can (bounds, date ranges, patterns). The rest lives in the
database, so valid requests are pointed at real things: the caller's own athlete and
organization in paths, catalogue slugs for exercises, the caller's coach id, fresh names for
things that must be unique and a fresh Idempotency-Key. A negative part of a request is never
touched: overriding it would turn it into a valid request that is then (rightly) accepted.

Bounded and repeatable: examples per operation are capped, data generation is derandomized,
and the stateful run has a fixed number of scenarios and steps (about two minutes in all).
"""

import datetime as dt
import itertools
import json
import uuid

import pytest
import requests
import schemathesis
from django.core import signals
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, settings
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis.core.parameters import ParameterLocation

from tests import factories as f

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

CATALOGUE_SLUG = "back-squat"
STRONG_PASSWORD = "fuzz-Correct-Horse-Battery-9"


@pytest.fixture(autouse=True)
def _keep_live_server_connection():
    """The live server closes its connection after each response; when that lands after the
    test's teardown, pytest-django's database blocker turns it into noisy tracebacks."""
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_world(transactional_db):
    coach = f.CoachFactory()
    athlete = f.AthleteFactory(
        organization=coach.organization,
        coaches=[coach],
        user=f.UserFactory(username="fuzz-athlete"),
    )
    today = dt.date.today()
    session = f.TrainingSessionFactory(athlete=athlete, date=today)
    f.TrainingSetFactory(session=session, position=1)
    f.SleepCheckInFactory(athlete=athlete, date=today)
    f.FlagFactory(athlete=athlete)
    run = f.AnalysisRunFactory(athlete=athlete)
    f.FindingFactory(run=run, rank=1)
    return {
        "coach": coach.user,
        "athlete": athlete.user,
        "ids": (athlete.pk, coach.organization_id),
        "coach_id": coach.pk,
    }


# The schema the app serves, loaded without a server so each operation is its own test;
# `test_the_live_server_serves_this_schema` proves it is the one the live server serves.
SCHEMA = SchemaGenerator().get_schema(request=None, public=True)
schema = schemathesis.openapi.from_dict(SCHEMA).exclude(
    # Deleting the fuzzed athlete would turn every later request into a 404.
    method="DELETE",
    path_regex=r"^/api/v1/athletes/\{id\}/$",
)


FUZZ_SETTINGS = settings(
    max_examples=6,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def test_the_live_server_serves_this_schema(live_server):
    """The served schema is the one the cases below come from. It is generated again here, not
    taken from SCHEMA: date ranges end "tomorrow", so a run that crosses midnight UTC would
    otherwise compare two days' schemas (the ranges only grow, so the cases stay valid)."""
    served = requests.get(
        f"{live_server.url}/api/v1/schema/",
        headers={"Accept": "application/vnd.oai.openapi+json"},
        timeout=10,
    )
    assert served.status_code == 200
    now = SchemaGenerator().get_schema(request=None, public=True)
    assert served.json() == json.loads(json.dumps(now, default=str))


def _negative_at(case, location) -> bool:
    return case.meta is not None and case.meta.is_negative_at(location)


PHASE_DAYS_FROM, PHASE_DAYS = dt.date(1950, 1, 1), itertools.count()


def _real_references(body, world, path: str):
    """A valid body, pointed at things that exist and names that are free (in place)."""
    if isinstance(body, list):
        for item in body:
            _real_references(item, world, path)
        return
    if not isinstance(body, dict):
        return
    fresh = uuid.uuid4().hex[:12]
    if isinstance(body.get("exercise"), str):
        body["exercise"] = CATALOGUE_SLUG
    if body.get("goal_lifts"):
        body["goal_lifts"] = [CATALOGUE_SLUG]
    if body.get("coaches"):
        body["coaches"] = [world["coach_id"]]
    if isinstance(body.get("login"), dict):
        body["login"] = {"username": f"fuzz-{fresh}", "password": STRONG_PASSWORD}
    if path.endswith("/exercises/") and "slug" in body:
        body.update(slug=f"fuzz-{fresh}", name=f"Fuzz lift {fresh}")
    if "/phases/" in path and ("start" in body or "end" in body):
        # A phase's days must be free (no overlap) and in order: a day of its own.
        day = (PHASE_DAYS_FROM + dt.timedelta(days=next(PHASE_DAYS))).isoformat()
        body.update(start=day, end=day)
    for value in body.values():
        if isinstance(value, list | dict):
            _real_references(value, world, path)


def _aim_at_own_things(case, world) -> None:
    """Point the valid parts of a case at the caller's own athlete, organization and data."""
    athlete_pk, organization_pk = world["ids"]
    if case.path_parameters and not _negative_at(case, ParameterLocation.PATH):
        if "athlete_pk" in case.path_parameters:
            case.path_parameters["athlete_pk"] = athlete_pk
        if "organization_pk" in case.path_parameters:
            case.path_parameters["organization_pk"] = organization_pk
        if case.path == "/api/v1/athletes/{id}/":
            case.path_parameters["id"] = athlete_pk
    if not _negative_at(case, ParameterLocation.BODY):
        _real_references(case.body, world, case.path)
        if case.method == "PATCH" and isinstance(case.body, dict):
            case.body.pop("login", None)  # the fuzzed athlete already has one
    keyed = case.headers and "Idempotency-Key" in case.headers
    if keyed and not _negative_at(case, ParameterLocation.HEADER):
        case.headers["Idempotency-Key"] = str(uuid.uuid4())


def _auth_headers(case, role, world) -> dict:
    headers = {"Authorization": f"Bearer {RefreshToken.for_user(world[role]).access_token}"}
    if _negative_at(case, ParameterLocation.HEADER) and "Authorization" in (case.headers or {}):
        return {}
    return headers


def _call_as(role, case, world, base_url):
    """Send the case as `role`, aimed at their own athlete and organization."""
    _aim_at_own_things(case, world)
    case.call_and_validate(base_url=base_url, headers=_auth_headers(case, role, world))


@schema.parametrize()
@FUZZ_SETTINGS
def test_api_survives_generated_requests_as_coach(case, fuzz_world, live_server):
    _call_as("coach", case, fuzz_world, live_server.url)


@schema.parametrize()
@FUZZ_SETTINGS
def test_api_survives_generated_requests_as_athlete(case, fuzz_world, live_server):
    _call_as("athlete", case, fuzz_world, live_server.url)


STATEFUL_SETTINGS = settings(
    max_examples=6,
    stateful_step_count=6,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.parametrize("role", ["coach", "athlete"])
def test_api_survives_linked_request_sequences(role, fuzz_world, live_server):
    """Stateful phase: sequences along the links schemathesis infers from the schema."""

    class Workflow(schema.as_state_machine()):
        def before_call(self, case):
            _aim_at_own_things(case, fuzz_world)

        def get_call_kwargs(self, case):
            return {
                "base_url": live_server.url,
                "headers": _auth_headers(case, role, fuzz_world),
            }

    Workflow.run(settings=STATEFUL_SETTINGS)
