"""Schemathesis against the live server and the schema it serves, as a coach and an athlete.

Every operation gets generated valid and invalid requests (bounded and seeded, so the run is
short and repeatable). No response may be a 5xx or break the schema. The athlete and
organization in paths are the caller's own, so requests reach the code behind the scoping.

`positive_data_acceptance` is left out on purpose: some valid-looking input is refused by
rules a schema cannot state (dates no later than tomorrow, a slug from your catalogue, a
coach of your organization, unique names).
"""

import datetime as dt
import json

import pytest
import requests
import schemathesis
from django.core import signals
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import RefreshToken
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests import factories as f

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]


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
    max_examples=12,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def test_the_live_server_serves_this_schema(live_server):
    served = requests.get(
        f"{live_server.url}/api/v1/schema/",
        headers={"Accept": "application/vnd.oai.openapi+json"},
        timeout=10,
    )
    assert served.status_code == 200
    assert served.json() == json.loads(json.dumps(SCHEMA, default=str))


def _call_as(role, case, world, base_url):
    """Send the case as `role`, aimed at their own athlete and organization.

    A negative case keeps what it mutated: overriding it would turn it into a valid request
    that is then (rightly) accepted.
    """
    meta = case.meta
    negative_path = meta is not None and meta.is_negative_at(ParameterLocation.PATH)
    negative_header = meta is not None and meta.is_negative_at(ParameterLocation.HEADER)
    athlete_pk, organization_pk = world["ids"]
    if case.path_parameters and not negative_path:
        if "athlete_pk" in case.path_parameters:
            case.path_parameters["athlete_pk"] = athlete_pk
        if "organization_pk" in case.path_parameters:
            case.path_parameters["organization_pk"] = organization_pk
    headers = {"Authorization": f"Bearer {RefreshToken.for_user(world[role]).access_token}"}
    if negative_header and "Authorization" in (case.headers or {}):
        headers = {}
    case.call_and_validate(
        base_url=base_url, headers=headers, excluded_checks=[positive_data_acceptance]
    )


@schema.parametrize()
@FUZZ_SETTINGS
def test_api_survives_generated_requests_as_coach(case, fuzz_world, live_server):
    _call_as("coach", case, fuzz_world, live_server.url)


@schema.parametrize()
@FUZZ_SETTINGS
def test_api_survives_generated_requests_as_athlete(case, fuzz_world, live_server):
    _call_as("athlete", case, fuzz_world, live_server.url)
