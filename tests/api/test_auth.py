"""JWT login, refresh and revocation; throttles; lockout after repeated failed logins."""

import datetime as dt

import jwt
import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from tests import factories as f

pytestmark = pytest.mark.django_db

TOKEN, REFRESH, ME = "/api/v1/auth/token/", "/api/v1/auth/token/refresh/", "/api/v1/me/"


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


def test_lockout_is_per_username_and_per_address(api, coach, settings):
    settings.AXES_FAILURE_LIMIT = 3
    other = f.CoachFactory()
    for _ in range(3):
        _login(api, coach.user.username, "wrong", REMOTE_ADDR="192.0.2.1")
    # Another username from another address is unaffected.
    assert _login(api, other.user.username, REMOTE_ADDR="192.0.2.2").status_code == 200
    # Any username from the locked address is refused.
    assert _login(api, other.user.username, REMOTE_ADDR="192.0.2.1").status_code == 429


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
