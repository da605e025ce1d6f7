"""The access matrix: every endpoint, as each role, gets the status API.md promises.

Anything outside the caller's scope is a 404 that changes nothing in the database.
"""

import re

import pytest
from django.urls import get_resolver
from drf_spectacular.generators import SchemaGenerator

from coaching.api.base import ScopedViewSet
from coaching.scoping import athletes_for
from tests import factories as f

from .conftest import ROLES
from .endpoints import ENDPOINTS
from .snapshot import db_state

pytestmark = pytest.mark.django_db

CASES = [
    pytest.param(endpoint, role, id=f"{endpoint.name}-{role}")
    for endpoint in ENDPOINTS
    for role in ROLES
]


@pytest.mark.parametrize(("endpoint", "role"), CASES)
def test_access_matrix(world, endpoint, role):
    expected = endpoint.expect[role]
    before = db_state() if expected >= 400 else None
    response = endpoint.call(world, role)
    assert response.status_code == expected, response.content[:500]
    if before is not None:
        assert db_state() == before, "a refused request changed the database"


def test_matrix_covers_every_operation_of_the_schema(world):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    missing = []
    for path, operations in schema["paths"].items():
        if path.startswith("/api/v1/auth/"):
            continue
        pattern = re.compile("^" + re.sub(r"\{\w+\}", r"[^/]+", path) + "$")
        for method in operations:
            if not any(
                e.method == method.upper() and pattern.match(e.url(world)) for e in ENDPOINTS
            ):
                missing.append(f"{method.upper()} {path}")
    assert not missing, f"endpoints missing from the access matrix: {missing}"


@pytest.mark.parametrize("role", ROLES[1:])
def test_athlete_list_is_exactly_the_callers_scope(world, role):
    user = world.users[role]
    expected = set(athletes_for(user).values_list("pk", flat=True))
    body = world.client(role).get("/api/v1/athletes/", {"page_size": 200}).json()
    assert {a["id"] for a in body["results"]} == expected
    assert body["count"] == len(expected)


@pytest.mark.parametrize("role", ["coach", "colleague", "head", "stranger"])
@pytest.mark.parametrize("params", [{}, {"athlete": "{athlete}"}, {"ordering": "-opened_at"}])
def test_flags_never_leak_across_scope(world, role, params):
    f.FlagFactory(athlete=world.foreign, code="overtraining", kind="overtraining")
    params = {k: v.format(athlete=world.athlete.pk) for k, v in params.items()}
    body = world.client(role).get("/api/v1/flags/", {**params, "page_size": 200}).json()
    visible = set(athletes_for(world.users[role]).values_list("pk", flat=True))
    assert {flag["athlete"] for flag in body["results"]} <= visible
    assert body["count"] == len(body["results"])


def test_every_api_view_is_scoped_or_explicitly_public():
    """A new endpoint that does not build on ScopedViewSet fails here (PostHog's rule)."""
    allowed = {
        "MeView",
        "TokenObtainView",
        "TokenRefreshView",
        "LogoutView",
        "SpectacularAPIView",
        "SpectacularSwaggerView",
    }
    unscoped = []
    for pattern in _api_patterns(get_resolver().url_patterns):
        view = getattr(pattern.callback, "cls", None)
        if view is None:
            continue  # the JSON 404 catch-all
        if not issubclass(view, ScopedViewSet) and view.__name__ not in allowed:
            unscoped.append(view.__name__)
    assert not unscoped, f"views not built on ScopedViewSet: {unscoped}"


def _api_patterns(patterns, prefix=""):
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from _api_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif (prefix + str(pattern.pattern)).startswith("api/"):
            yield pattern


@pytest.mark.parametrize("name", ["get_queryset", "get_object", "get_permissions"])
def test_a_viewset_cannot_override_the_scoping(name):
    with pytest.raises(TypeError, match=name):
        type("Sneaky", (ScopedViewSet,), {name: lambda self: None})
