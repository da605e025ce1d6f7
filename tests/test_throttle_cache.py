"""API throttle counters: one count across processes through Redis, and never a failed or
stalled request when the cache is down."""

import time
import uuid
from types import SimpleNamespace

import pytest
from django.core.cache.backends.redis import RedisCache
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from coaching.api.throttles import AuthRateThrottle, WriteRateThrottle
from config.settings import redis_cache
from tests.conftest import redis_url


def _backend(url: str) -> RedisCache:
    """A cache of its own, with its own connection pool: what another process would have."""
    params = redis_cache(url)
    return RedisCache(params["LOCATION"], params)


def _write(user_id):
    request = Request(APIRequestFactory().post("/api/v1/anything/"))
    request.user = SimpleNamespace(pk=user_id, is_authenticated=True)
    return request


def _throttle(cls, backend, settings, rate):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"write": rate, "auth": rate},
    }
    throttle = cls()
    throttle.cache = backend
    return throttle


@pytest.mark.redis
def test_two_processes_count_against_one_limit(settings):
    first, second = _backend(redis_url()), _backend(redis_url())
    user_id = f"throttle-test-{uuid.uuid4()}"  # a key no other test or run shares
    try:
        allowed = [
            _throttle(WriteRateThrottle, backend, settings, "3/minute").allow_request(
                _write(user_id), None
            )
            for backend in (first, second, first, second)
        ]
        assert allowed == [True, True, True, False]
    finally:
        first.delete(WriteRateThrottle.cache_format % {"scope": "write", "ident": user_id})


@pytest.mark.parametrize("cls", [WriteRateThrottle, AuthRateThrottle])
def test_an_unreachable_cache_lets_the_request_through_at_once(cls, settings, caplog):
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    throttle = _throttle(cls, _backend(f"redis://127.0.0.1:{port}/0"), settings, "1/minute")
    started = time.monotonic()
    assert all(throttle.allow_request(_write(7), None) for _ in range(3))
    assert time.monotonic() - started < 1.0
    assert "not counted: the cache is unavailable" in caplog.text


@pytest.mark.parametrize("where", ["memory", pytest.param("redis", marks=pytest.mark.redis)])
def test_a_window_opens_with_the_first_request_and_closes_after_the_period(where, settings):
    if where == "redis":
        backend = _backend(redis_url())
    else:
        from django.core.cache.backends.locmem import LocMemCache

        backend = LocMemCache(f"throttle-{uuid.uuid4()}", {})
    user_id = f"throttle-test-{uuid.uuid4()}"

    def attempt():
        throttle = _throttle(WriteRateThrottle, backend, settings, "2/second")
        return throttle.allow_request(_write(user_id), None), throttle

    assert [attempt()[0] for _ in range(2)] == [True, True]
    refused, throttle = attempt()
    assert refused is False
    assert 0 < throttle.wait() <= 1
    time.sleep(1.2)  # the window closes with its key
    assert attempt()[0] is True
