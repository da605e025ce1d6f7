"""Suite-wide fixtures: service detection, API clients and the people of two organizations.

Tests that need a real service carry a marker (postgres, redis, celery_worker, smtp, browser).
On a developer's machine without that service they skip with the reason; with CI=true they fail.
"""

import importlib.util
import os

import pytest
from django.db import connection

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI requires this service: {reason}", pytrace=False)
    pytest.skip(reason)


def redis_url() -> str:
    return os.environ.get("REDIS_URL", "")


CHROMIUM = "/usr/bin/chromium"  # Debian's Chromium; Playwright's own browser download is not used


def _browser_missing() -> str:
    if importlib.util.find_spec("playwright") is None:
        return "needs the playwright package: pip install -r requirements-dev.txt"
    if not os.access(CHROMIUM, os.X_OK):
        return f"needs Debian's Chromium at {CHROMIUM}: apt-get install chromium"
    return ""


def _redis_available() -> bool:
    url = redis_url()
    if not url:
        return False
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.fixture(autouse=True)
def _require_services(request):
    if request.node.get_closest_marker("postgres") and connection.vendor != "postgresql":
        _missing("needs PostgreSQL: set DATABASE_URL=postgres://...")
    needs_redis = request.node.get_closest_marker("redis") or request.node.get_closest_marker(
        "celery_worker"
    )
    if needs_redis and not _redis_available():
        _missing("needs Redis: set REDIS_URL=redis://127.0.0.1:6379/15")
    if request.node.get_closest_marker("browser") and (reason := _browser_missing()):
        _missing(reason)


@pytest.fixture(autouse=True)
def _cache_in_memory(request, settings):
    """Throttle counters in this process's memory, fresh per test. Tests marked `redis` keep
    the configured cache (Redis, when REDIS_URL names one, as in CI)."""
    if not request.node.get_closest_marker("redis"):
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _tasks_in_process(request, settings):
    """Unit tests run Celery tasks in-process even when REDIS_URL names a broker (as in CI).

    Only tests marked `celery_worker` talk to a real broker and worker; their fixtures (in
    tests/integration) switch eager mode off again.
    """
    if request.node.get_closest_marker("celery_worker"):
        yield
        return
    from config.celery import app

    saved = app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = True
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = saved
