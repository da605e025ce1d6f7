"""Fixtures that run the background pipeline for real: a Celery worker process on Redis, the
committed test database on PostgreSQL, an SMTP server in this process, and the test itself
publishing to the same broker. Every process a test starts is stopped in teardown.

Shared services (REDIS_URL, the test database) are only read and written; the fault tests
break, freeze or restart servers they started themselves (services.py).
"""

import importlib
import os
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection

from config.celery import app as celery_app
from config.settings import redis_cache
from tests import factories as f
from tests.conftest import IN_CI, redis_url

from .ledger import Ledger
from .services import Beat, PostgresCluster, RedisServer, SmtpServer, Worker, database_url

# Short enough for quick tests, long enough that a burst of API writes fits in one window.
DEBOUNCE_SECONDS = 2


def _missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI requires this: {reason}", pytrace=False)
    pytest.skip(reason)


def _seed_catalogue() -> None:
    migration = importlib.import_module("coaching.migrations.0002_seed_exercise_catalogue")
    migration.seed(django_apps, None)


@pytest.fixture(scope="session", autouse=True)
def _catalogue_survives_transactional_tests(django_db_setup, django_db_blocker):
    """These tests end with a flush that empties the seeded exercise catalogue; put it back
    so a reused test database stays complete."""
    yield
    if connection.vendor == "postgresql":
        with django_db_blocker.unblock():
            _seed_catalogue()


@pytest.fixture
def test_database_url(transactional_db):
    """The committed test database, as a URL a worker process can use."""
    if connection.vendor != "postgresql":
        _missing("a worker process needs PostgreSQL: set DATABASE_URL=postgres://...")
    _seed_catalogue()  # a previous transactional test may have flushed it
    return database_url(connection.settings_dict)


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def ledger(smtp):
    return Ledger(smtp.mailbox)


@pytest.fixture
def shared_redis():
    """The REDIS_URL database, emptied before and after (each engineer uses their own db)."""
    import redis

    url = redis_url()
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()


@pytest.fixture
def own_redis(tmp_path):
    """A throwaway redis-server on a free port, for tests that kill or freeze the broker."""
    if not RedisServer.available():
        _missing("redis-server is not installed")
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.kill()


@pytest.fixture
def own_postgres(tmp_path):
    """A throwaway PostgreSQL cluster on a free port, for tests that restart the database."""
    if not PostgresCluster.available():
        _missing("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    cluster = PostgresCluster(tmp_path / "pg").start()
    yield cluster
    cluster.stop()


@pytest.fixture
def publish_to(settings):
    """Point this process's Celery app and cache at a Redis, eager mode off, like a web process."""
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}

    def reset_pools():
        from kombu import pools

        pools.reset()  # closes and forgets every pooled broker connection of this process
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    def point(url: str) -> None:
        reset_pools()
        settings.CACHES = {"default": redis_cache(url)}  # one Redis for both, as in production
        settings.CELERY_BROKER_URL = url
        settings.CELERY_TASK_ALWAYS_EAGER = False
        settings.ANALYSIS_DEBOUNCE_SECONDS = DEBOUNCE_SECONDS
        celery_app.conf.update(broker_url=url, task_always_eager=False)

    yield point
    from assessments.pipeline import wait_for_publishing

    wait_for_publishing(timeout=15)
    reset_pools()
    celery_app.conf.update(saved)


@pytest.fixture
def celery_env(test_database_url, smtp):
    """The environment of worker and beat processes, minus the broker."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CELERY_", "PYTEST"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=test_database_url,
        EMAIL_URL=smtp.url,
        EMAIL_TIMEOUT="5",
        DEBUG="true",
        ANALYSIS_DEBOUNCE_SECONDS=str(DEBOUNCE_SECONDS),
        PYTHONUNBUFFERED="1",
    )
    return env


@pytest.fixture
def start_worker(celery_env, tmp_path):
    """start_worker(broker_url, **env) -> a ready Worker; every one is killed in teardown."""
    started = []

    def start(broker: str, *, concurrency: int = 2, wait: bool = True, **env) -> Worker:
        number = len(started) + 1
        worker = Worker(
            {**celery_env, "REDIS_URL": broker, **{k: str(v) for k, v in env.items()}},
            tmp_path / f"worker{number}.log", concurrency=concurrency, name=f"w{number}",
        )  # fmt: skip
        started.append(worker)
        return worker.start(wait=wait)

    yield start
    for worker in started:
        worker.stop(timeout=5)
        print(f"--- {worker.log_path.name} (tail) ---\n{worker.log()[-6000:]}")


@pytest.fixture
def start_beat(celery_env, tmp_path):
    """start_beat(broker_url, **env) -> a running Beat, stopped in teardown."""
    started = []

    def start(broker: str, **env) -> Beat:
        directory = tmp_path / f"beat{len(started) + 1}"
        directory.mkdir()
        beat = Beat(
            {**celery_env, "REDIS_URL": broker, **{k: str(v) for k, v in env.items()}},
            directory / "beat.log", directory,
        )  # fmt: skip
        started.append(beat)
        return beat.start()

    yield start
    for beat in started:
        beat.stop(timeout=5)
        print(f"--- beat log (tail) ---\n{beat.log()[-3000:]}")


@pytest.fixture
def pipeline(shared_redis, publish_to, start_worker):
    """One worker on every queue, on the shared Redis, and this process publishing there."""
    publish_to(shared_redis)
    return start_worker(shared_redis)


@pytest.fixture
def team(transactional_db):
    """An organization with a head coach, the athlete's coach, and a coach of someone else."""
    org = f.OrganizationFactory(timezone="UTC")
    head = f.HeadCoachFactory(organization=org)
    coach = f.CoachFactory(organization=org)
    other = f.CoachFactory(organization=org)
    athlete = f.AthleteFactory(organization=org, coaches=[coach], name="Nina Numb")
    return SimpleNamespace(org=org, head=head, coach=coach, other=other, athlete=athlete)
