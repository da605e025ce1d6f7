"""JWT login, refresh, logout and revocation; throttles; lockout after repeated failed logins."""

import datetime as dt
import threading

import jwt
import pytest
from django.db import connection
from django.test import override_settings
from rest_framework.test import APIClient

from tests import factories as f

pytestmark = pytest.mark.django_db

TOKEN, REFRESH, ME = "/api/v1/auth/token/", "/api/v1/auth/token/refresh/", "/api/v1/me/"
LOGOUT = "/api/v1/auth/logout/"


def _login(client, username, password=f.PASSWORD, **headers):
    return client.post(TOKEN, {"username": username, "password": password}, **headers)


def _me(access):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client.get(ME)


@pytest.fixture
def coach():
    return f.CoachFactory()


def test_token_pair_authenticates_me(api, coach):
    tokens = _login(api, coach.user.username).json()
    response = _me(tokens["access"])
    assert response.status_code == 200
    assert response.json()["role"] == "coach"
    assert response.json()["organization"] == coach.organization_id


def test_wrong_password_is_401(api, coach):
    assert _login(api, coach.user.username, "wrong").status_code == 401


def test_refresh_rotates_and_a_spent_refresh_token_is_refused(api, coach):
    tokens = _login(api, coach.user.username).json()
    rotated = api.post(REFRESH, {"refresh": tokens["refresh"]})
    assert rotated.status_code == 200
    assert set(rotated.json()) == {"access", "refresh"}
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 401
    assert api.post(REFRESH, {"refresh": rotated.json()["refresh"]}).status_code == 200


def test_logout_spends_the_refresh_token(api, coach):
    tokens = _login(api, coach.user.username).json()
    response = api.post(LOGOUT, {"refresh": tokens["refresh"]})
    assert response.status_code == 204
    assert response.content == b""
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 401


def test_logout_with_a_spent_refresh_token_is_401(api, coach):
    tokens = _login(api, coach.user.username).json()
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 200
    again = api.post(LOGOUT, {"refresh": tokens["refresh"]})
    assert again.status_code == 401
    assert again.json()["code"] == "token_not_valid"
    assert api.post(LOGOUT, {"refresh": tokens["refresh"]}).status_code == 401


def test_logout_leaves_the_users_other_sessions_alone(api, coach):
    phone = _login(api, coach.user.username).json()
    tablet = _login(api, coach.user.username).json()
    assert api.post(LOGOUT, {"refresh": phone["refresh"]}).status_code == 204
    assert api.post(REFRESH, {"refresh": tablet["refresh"]}).status_code == 200


def test_logout_refuses_an_access_token_in_place_of_a_refresh_token(api, coach):
    tokens = _login(api, coach.user.username).json()
    assert api.post(LOGOUT, {"refresh": tokens["access"]}).status_code == 401
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 200


@pytest.mark.parametrize(
    "body", [{}, {"refresh": ""}, {"refresh": ["x"]}, {"refresh": "x\x00"}, {"token": "x"}]
)
def test_logout_with_a_malformed_body_is_400(api, body):
    assert api.post(LOGOUT, body, format="json").status_code == 400


@pytest.mark.parametrize("token", ["not.a.token", "é" * 5000, "a\nb"])
def test_logout_with_a_bad_token_is_401(api, token):
    assert api.post(LOGOUT, {"refresh": token}, format="json").status_code == 401


def test_deactivated_user_loses_access_and_refresh(api, coach):
    tokens = _login(api, coach.user.username).json()
    coach.user.is_active = False
    coach.user.save()
    assert _me(tokens["access"]).status_code == 401
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 401


def test_deleted_user_refresh_is_401_not_500(api, coach):
    tokens = _login(api, coach.user.username).json()
    coach.user.delete()
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 401


def test_password_change_ends_old_tokens(api, coach):
    tokens = _login(api, coach.user.username).json()
    coach.user.set_password("a-brand-new-passphrase")
    coach.user.save()
    assert _me(tokens["access"]).status_code == 401
    assert api.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 401
    fresh = _login(api, coach.user.username, "a-brand-new-passphrase").json()
    assert _me(fresh["access"]).status_code == 200


@pytest.mark.parametrize("forge", ["none-alg", "wrong-key", "expired", "garbage"])
def test_forged_or_expired_tokens_are_401(api, coach, forge, settings):
    tokens = _login(api, coach.user.username).json()
    claims = jwt.decode(tokens["access"], options={"verify_signature": False})
    if forge == "none-alg":
        token = jwt.encode(claims, key=None, algorithm="none")
    elif forge == "wrong-key":
        token = jwt.encode(claims, key="not-the-key-" * 4, algorithm="HS256")
    elif forge == "expired":
        claims["exp"] = int((dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)).timestamp())
        token = jwt.encode(claims, key=settings.SIMPLE_JWT["SIGNING_KEY"], algorithm="HS256")
    else:
        token = "not.a.token"
    assert _me(token).status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {"username": "nul\x00user", "password": "x"},
        {"username": "u" * 10_000, "password": "x"},
        {"username": ["list"], "password": "x"},
        {"refresh": "x\x00"},
    ],
)
def test_malformed_credentials_are_400(api, body):
    url = REFRESH if "refresh" in body else TOKEN
    assert api.post(url, body, format="json").status_code == 400


def test_lockout_after_failures_ignores_forged_forwarded_for(api, coach, settings):
    settings.AXES_FAILURE_LIMIT = 3
    username = coach.user.username
    statuses = [
        _login(api, username, "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code
        for i in range(6)
    ]
    assert statuses[:2] == [401, 401]
    assert statuses[-1] == 429
    # The right password is refused while locked out, from any claimed address.
    assert _login(api, username, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429


def test_lockout_wears_off_after_the_cool_off(api, coach, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(3):
        _login(api, coach.user.username, "wrong")
    assert _login(api, coach.user.username).status_code == 429
    from axes.models import AccessAttempt

    past = dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=past)
    assert _login(api, coach.user.username).status_code == 200


def _rates(settings, **rates):
    return override_settings(
        REST_FRAMEWORK={**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    )


def test_token_endpoint_is_throttled_per_address(api, coach, settings):
    with _rates(settings, auth="3/minute", write=None):
        statuses = [_login(api, coach.user.username).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        forged = _login(api, coach.user.username, HTTP_X_FORWARDED_FOR="203.0.113.9")
        assert forged.status_code == 429
        assert _login(api, coach.user.username, REMOTE_ADDR="192.0.2.9").status_code == 200


def test_refresh_and_logout_share_the_address_limit_of_logins(api, coach, settings):
    with _rates(settings, auth="2/minute", write=None):
        tokens = _login(api, coach.user.username).json()
        assert api.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 200
        assert api.post(LOGOUT, {"refresh": tokens["refresh"]}).status_code == 429


def test_writes_are_throttled_per_user_but_reads_are_not(coach, settings):
    athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach])
    client = APIClient()
    client.force_authenticate(coach.user)
    url = f"/api/v1/athletes/{athlete.pk}/symptoms/"
    body = {"date": str(dt.date.today()), "onset": "gradual", "severity": 2}
    with _rates(settings, auth=None, write="2/minute"):
        statuses = [client.post(url, body, format="json").status_code for _ in range(3)]
        assert statuses == [201, 201, 429]
        assert client.get(url).status_code == 200


def _race(count: int, send) -> list:
    """Run `send()` from `count` threads released at once; their results, in any order."""
    barrier, results = threading.Barrier(count), []

    def run():
        barrier.wait()
        try:
            results.append(send())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_refresh_token_spent_from_8_threads_gives_exactly_one_200():
    coach = f.CoachFactory()
    tokens = _login(APIClient(), coach.user.username).json()
    responses = _race(8, lambda: APIClient().post(REFRESH, {"refresh": tokens["refresh"]}))
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [401] * 7
    (winner,) = [response.json() for response in responses if response.status_code == 200]
    assert _me(winner["access"]).status_code == 200
    assert APIClient().post(REFRESH, {"refresh": winner["refresh"]}).status_code == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_refresh_token_raced_by_refreshes_and_logouts_is_spent_once():
    coach = f.CoachFactory()
    tokens = _login(APIClient(), coach.user.username).json()
    paths = iter([REFRESH, LOGOUT] * 4)
    lock = threading.Lock()

    def send():
        with lock:
            path = next(paths)
        return APIClient().post(path, {"refresh": tokens["refresh"]}).status_code

    statuses = _race(8, send)
    assert sorted(statuses).count(401) == 7
    assert len([s for s in statuses if s in (200, 204)]) == 1
