"""Failed logins lock out one account from one address, on the API and the admin alike.

Issue 12 item 4: the lock once covered every account behind the address (a gym's Wi-Fi), and
told people whose account did nothing that theirs was locked.
"""

import json

import pytest
from axes.models import AccessAttempt
from django.test import Client
from rest_framework.test import APIClient

from tests import factories as f

pytestmark = pytest.mark.django_db

TOKEN, ADMIN_LOGIN = "/api/v1/auth/token/", "/admin/login/"
GYM, HOME = "198.51.100.20", "203.0.113.40"
LOCKED = "Too many failed logins for this account from your network address."


def api_login(username, password=f.PASSWORD, address=GYM):
    body = {"username": username, "password": password}
    return APIClient().post(TOKEN, body, format="json", REMOTE_ADDR=address)


def admin_login(username, password=f.PASSWORD, address=GYM):
    body = {"username": username, "password": password, "next": "/admin/"}
    return Client().post(ADMIN_LOGIN, body, REMOTE_ADDR=address)


def signed_in(path: str, response) -> bool:
    if path == "api":
        return response.status_code == 200 and "access" in response.json()
    return response.status_code == 302 and response["Location"] == "/admin/"


LOGIN = {"api": api_login, "admin": admin_login}


@pytest.fixture
def production_rates(settings):
    """The shipped throttle on the token endpoints (tests otherwise run unthrottled)."""
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "auth": "60/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}


@pytest.mark.parametrize("path", ["api", "admin"])
def test_twenty_failures_leave_another_account_on_the_address_free(path, production_rates):
    failing, teammate = f.CoachFactory(), f.CoachFactory()
    login = LOGIN[path]
    statuses = [login(failing.user.username, "wrong").status_code for _ in range(20)]
    assert statuses[-1] == 429
    assert signed_in(path, login(teammate.user.username))


@pytest.mark.parametrize("path", ["api", "admin"])
def test_locked_account_is_refused_with_an_accurate_message(path, production_rates):
    failing = f.CoachFactory()
    login = LOGIN[path]
    for _ in range(20):
        login(failing.user.username, "wrong")
    refused = login(failing.user.username)  # the right password
    assert refused.status_code == 429
    assert LOCKED in refused.content.decode()
    assert "15 minutes" in refused.content.decode()
    assert int(refused["Retry-After"]) == 15 * 60


def test_api_lockout_answers_drf_shaped_json():
    failing = f.CoachFactory()
    for _ in range(5):
        api_login(failing.user.username, "wrong")
    body = api_login(failing.user.username).json()
    assert list(body) == ["detail"]
    assert body["detail"].startswith(LOCKED)


@pytest.mark.parametrize("path", ["api", "admin"])
def test_locked_account_still_signs_in_from_another_address(path):
    failing = f.CoachFactory()
    login = LOGIN[path]
    for _ in range(5):
        login(failing.user.username, "wrong", address=GYM)
    assert login(failing.user.username, address=GYM).status_code == 429
    assert signed_in(path, login(failing.user.username, address=HOME))


@pytest.mark.parametrize("path", ["api", "admin"])
def test_failures_under_the_limit_lock_nobody(path, settings):
    failing = f.CoachFactory()
    login = LOGIN[path]
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(failing.user.username, "wrong").status_code in (200, 401)
    assert signed_in(path, login(failing.user.username))


def test_api_and_admin_failures_count_toward_one_lock(settings):
    failing = f.CoachFactory()
    for _ in range(3):
        api_login(failing.user.username, "wrong")
    for _ in range(2):
        admin_login(failing.user.username, "wrong")
    assert api_login(failing.user.username).status_code == 429
    assert admin_login(failing.user.username).status_code == 429


def test_many_usernames_from_one_address_lock_only_those_usernames():
    sprayed = [f"nobody{i}" for i in range(8)]
    for username in sprayed:
        for _ in range(5):
            api_login(username, "guess")
    teammate = f.CoachFactory()
    assert signed_in("api", api_login(teammate.user.username))
    assert AccessAttempt.objects.filter(ip_address=GYM).count() == len(sprayed)


def test_spraying_from_one_address_is_capped_by_the_address_throttle(production_rates):
    statuses = [api_login(f"nobody{i}", "guess").status_code for i in range(61)]
    assert statuses[:60] == [401] * 60
    assert statuses[60] == 429


@pytest.mark.parametrize(
    "username", ["line\nbreak", "é" * 150, "\u202eevil", "RTL\u200fmark", "emoji🏋️"]
)
def test_hostile_usernames_lock_out_cleanly(username):
    for _ in range(5):
        assert api_login(username, "wrong").status_code in (401, 429)
    refused = api_login(username, "wrong")
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith(LOCKED)


def test_admin_sign_ins_share_the_address_throttle_with_the_api(production_rates):
    for i in range(30):
        api_login(f"nobody{i}", "guess")
    statuses = [admin_login(f"someone{i}", "guess").status_code for i in range(31)]
    assert statuses[:30] == [200] * 30  # the login form again, with its error
    assert statuses[30] == 429
    refused = admin_login("someone", "guess")
    assert "Too many sign-in attempts from your network address." in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert signed_in("admin", admin_login(f.CoachFactory().user.username, address=HOME))


def test_admin_login_page_is_never_throttled(production_rates):
    for i in range(60):
        api_login(f"nobody{i}", "guess")
    assert Client().get(ADMIN_LOGIN, REMOTE_ADDR=GYM).status_code == 200


def test_lockout_response_under_the_api_is_json_like_the_token_view(rf):
    from coaching.api.auth import lockout_response

    response = lockout_response(rf.post(TOKEN))
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["detail"].startswith(LOCKED)
    assert response["Retry-After"] == "900"
