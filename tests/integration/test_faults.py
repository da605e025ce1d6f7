"""Fault injection on processes the tests start themselves (never the shared services):

* a worker SIGKILLed in the middle of an analysis, pool process or the whole worker;
* the broker stopped, or frozen with SIGSTOP, while the API takes writes;
* PostgreSQL restarted under a running worker.

An analysis is held "in the middle" deterministically: the test locks the flags table, so the
task stops after reading the snapshot and inserting its run, inside its transaction, exactly
where a crash must leave nothing behind. Each test ends with the ledger check.
"""

import contextlib
import os
import re
import signal
import time

import psycopg
import psycopg.conninfo
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from assessments.models import AnalysisRun, SymptomReport
from coaching.models import SleepCheckIn
from tests import factories as f

from .conftest import DEBOUNCE_SECONDS
from .services import database_url, wait_until
from .test_pipeline import analysed, athlete_url, client_for, report_red_flag

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.celery_worker,
    pytest.mark.smtp,
]

SWEEP_SECONDS = 2
WRITE_BUDGET_SECONDS = 1.0


def dsn(settings_dict: dict) -> str:
    return psycopg.conninfo.make_conninfo(
        host=settings_dict["HOST"] or "127.0.0.1", port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"], password=settings_dict["PASSWORD"] or None,
        dbname=settings_dict["NAME"],
    )  # fmt: skip


def lock_waiters(settings_dict: dict):
    """A function counting the database sessions that wait for a lock."""

    def waiting() -> int:
        with psycopg.connect(dsn(settings_dict), autocommit=True) as probe:
            row = probe.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                "AND wait_event_type = 'Lock'",
                [settings_dict["NAME"]],
            ).fetchone()
            return row[0]

    return waiting


@contextlib.contextmanager
def locked(settings_dict: dict, statement: str):
    """Hold the lock `statement` takes, from another connection, until the block ends;
    yields a function counting the database sessions stuck behind it."""
    conn = psycopg.connect(dsn(settings_dict))
    conn.execute(statement)
    try:
        yield lock_waiters(settings_dict)
    finally:
        with contextlib.suppress(psycopg.Error):
            conn.rollback()
            conn.close()


def flags_table_locked(settings_dict: dict):
    return locked(settings_dict, "LOCK TABLE assessments_flag IN ACCESS EXCLUSIVE MODE")


def task_ids(log: str, name: str, event: str) -> list[str]:
    return re.findall(rf"{re.escape(name)}\[([\w-]+)\] {event}", log)


ANALYSE = "assessments.tasks.analyse_athlete_task"


# --- a worker killed mid-analysis ---------------------------------------------------------
def test_a_pool_process_killed_mid_analysis_has_its_task_redelivered_and_finished(
    own_redis, publish_to, start_worker, team, ledger
):
    publish_to(own_redis.url())
    worker = start_worker(own_redis.url(), concurrency=1)
    athlete, settings_dict = team.athlete, dict(connection.settings_dict)
    with flags_table_locked(settings_dict) as waiting:
        report_red_flag(client_for(team.coach.user), athlete, ledger)
        wait_until(waiting, DEBOUNCE_SECONDS + 20, "the analysis to reach the flags table")
        [child] = worker.pool()
        worker_pid = worker.pid
        os.kill(child, signal.SIGKILL)
        wait_until(
            lambda: "WorkerLostError" in worker.log() or "SIGKILL" in worker.log(), 10,
            "the worker to notice its pool process died",
        )  # fmt: skip
    wait_until(lambda: analysed(athlete.pk), 30, "the redelivered analysis to finish")
    ledger.wait_for_alerts()

    log = worker.log()
    [received, *again] = task_ids(log, ANALYSE, "received")
    assert again == [received], "the same message is delivered a second time"
    assert task_ids(log, ANALYSE, "succeeded") == [received]
    assert worker.pid == worker_pid and worker.process.poll() is None  # no restart needed
    assert AnalysisRun.objects.filter(athlete=athlete).count() == 1  # the killed one rolled back
    ledger.check(red_flags=3)


def test_a_whole_worker_killed_mid_analysis_is_redelivered_to_the_next_worker(
    own_redis, publish_to, start_worker, team, ledger
):
    """SIGKILL of the main process too: nothing requeues the message, so it waits in Redis's
    unacked set until the visibility timeout (here 3 s, 1 h in production) and then goes to
    the next worker."""
    import redis

    visibility = 3
    publish_to(own_redis.url())
    first = start_worker(own_redis.url(), concurrency=1)
    athlete, settings_dict = team.athlete, dict(connection.settings_dict)
    with flags_table_locked(settings_dict) as waiting:
        report_red_flag(client_for(team.coach.user), athlete, ledger)
        wait_until(waiting, DEBOUNCE_SECONDS + 20, "the analysis to reach the flags table")
        first.kill()
    broker = redis.Redis.from_url(own_redis.url())
    [(_, delivered_at)] = broker.zrange("unacked_index", 0, -1, withscores=True)
    time.sleep(max(0.0, delivered_at + visibility + 0.5 - time.time()))

    second = start_worker(
        own_redis.url(), concurrency=1, CELERY_BROKER_VISIBILITY_TIMEOUT=visibility
    )
    wait_until(lambda: analysed(athlete.pk), 30, "the next worker to finish the analysis")
    ledger.wait_for_alerts()

    [received] = task_ids(first.log(), ANALYSE, "received")
    assert task_ids(second.log(), ANALYSE, "succeeded") == [received]
    assert AnalysisRun.objects.filter(athlete=athlete).count() == 1
    assert broker.zcard("unacked_index") == 0
    ledger.check(red_flags=3)


# --- the broker down or frozen while the API takes writes ---------------------------------
def write_during_outage(team, ledger) -> list[float]:
    """A red-flag report and five check-ins through the API; returns each write's seconds."""
    client, athlete, today = client_for(team.coach.user), team.athlete, timezone.localdate()
    durations = []
    started = time.monotonic()
    report_red_flag(client, athlete, ledger)
    durations.append(time.monotonic() - started)
    for days_ago in range(5):
        day = today - timezone.timedelta(days=days_ago)
        started = time.monotonic()
        response = client.put(
            athlete_url(athlete, f"check-ins/sleep/{day}/"), {"hours": 6, "quality": 3},
            format="json",
        )  # fmt: skip
        durations.append(time.monotonic() - started)
        assert response.status_code == 201, response.content
        ledger.record(response, SleepCheckIn, athlete.pk, date=day)
    return durations


@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_writes_stay_fast_without_a_broker_and_the_sweep_catches_up(
    fault, own_redis, publish_to, start_worker, start_beat, team, ledger
):
    publish_to(own_redis.url())
    worker = start_worker(own_redis.url())
    beat = start_beat(own_redis.url(), SWEEP_INTERVAL_SECONDS=SWEEP_SECONDS)
    if fault == "stopped":
        own_redis.kill()
    else:
        own_redis.freeze()

    durations = write_during_outage(team, ledger)
    assert max(durations) < WRITE_BUDGET_SECONDS, f"writes took {durations}"
    time.sleep(3)  # the outage outlasts the broker socket timeouts
    assert analysed(team.athlete.pk) is None  # nothing could be queued meanwhile

    if fault == "stopped":
        own_redis.start()  # same port, empty: every message of the outage is gone
    else:
        own_redis.thaw()
    wait_until(lambda: analysed(team.athlete.pk), 60, "the sweep to analyse the athlete")
    ledger.wait_for_alerts(timeout=60)

    assert worker.process.poll() is None and beat.process.poll() is None
    assert "sweep_changed_athletes" in worker.log()

    # Writes after the outage queue their own analysis again (no stale broker connection).
    late = f.AthleteFactory(organization=team.org, coaches=[team.coach])
    report_red_flag(client_for(team.coach.user), late, ledger)

    def queued_run():  # a run stored by the write's own analyse_athlete_task, not the sweep
        own = re.findall(rf"{re.escape(ANALYSE)}\[[\w-]+\] succeeded in \S+: (\d+)", worker.log())
        return set(map(int, own)) & set(
            AnalysisRun.objects.filter(athlete=late).values_list("pk", flat=True)
        )

    wait_until(queued_run, DEBOUNCE_SECONDS + 20, "the write after the outage to be analysed")
    ledger.wait_for_alerts()
    ledger.check(red_flags=6)


# --- PostgreSQL restarted under the worker ------------------------------------------------
@contextlib.contextmanager
def default_database(overrides: dict):
    """Point this process's default connection at another database for the block."""
    connection.close()
    saved = dict(connection.settings_dict)
    connection.settings_dict.update(overrides)
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def test_postgres_restarted_under_the_worker_needs_no_worker_restart(
    own_redis, own_postgres, publish_to, start_worker, start_beat, ledger, tmp_path
):
    own_postgres.create_database("legstrong_fault")
    target = own_postgres.settings("legstrong_fault")
    with default_database(target):
        call_command("migrate", verbosity=0)
        org = f.OrganizationFactory(timezone="UTC")
        head = f.HeadCoachFactory(organization=org)
        coach = f.CoachFactory(organization=org)
        athlete = f.AthleteFactory(organization=org, coaches=[coach])
        publish_to(own_redis.url())
        env = {"DATABASE_URL": database_url(connection.settings_dict)}
        worker = start_worker(own_redis.url(), **env)
        start_beat(own_redis.url(), SWEEP_INTERVAL_SECONDS=SWEEP_SECONDS, **env)
        pids = (worker.pid, sorted(worker.pool()))
        client = client_for(coach.user)

        # 1. Working normally.
        report_red_flag(client, athlete, ledger, onset="gradual", severity=3)
        wait_until(lambda: analysed(athlete.pk), 30, "the first analysis")
        ledger.wait_for_alerts()

        # 2. The database restarts (immediate: like a crash) while an analysis is under way.
        with flags_table_locked(dict(connection.settings_dict)) as waiting:
            report_red_flag(client, athlete, ledger, numbness=False, severity=5)
            wait_until(waiting, DEBOUNCE_SECONDS + 20, "the analysis to reach the flags table")
            own_postgres.restart(mode="immediate")
        connection.close()

        # 3. The sweep redoes the interrupted analysis on the same worker; a new report after
        # the restart is analysed and e-mailed as usual.
        wait_until(lambda: analysed(athlete.pk), 60, "the analysis after the restart")
        response = client.put(
            athlete_url(athlete, f"check-ins/sleep/{timezone.localdate()}/"),
            {"hours": 8, "quality": 5}, format="json",
        )  # fmt: skip
        assert response.status_code == 201, response.content
        ledger.record(response, SleepCheckIn, athlete.pk, date=timezone.localdate())
        wait_until(lambda: analysed(athlete.pk), 30, "an analysis of a write after the restart")
        ledger.wait_for_alerts()

        assert (worker.pid, sorted(worker.pool())) == pids, "the worker was restarted"
        assert worker.process.poll() is None
        assert SymptomReport.objects.filter(athlete=athlete).count() == 2
        codes = set(ledger.red_flags().values_list("code", flat=True))
        assert codes == {"sensory_symptoms", "sudden_weakness"}
        ledger.check(red_flags=2)
        assert {to for _, to in ledger.mailbox.alerts()} == {coach.user.email, head.user.email}


def test_postgres_restarted_while_an_alert_is_being_sent_the_alert_still_goes_out_at_once(
    own_redis, own_postgres, publish_to, start_worker, ledger
):
    """The alert task meets a dead connection: it retries in seconds instead of leaving the
    e-mail to the reconciliation job minutes later."""
    from assessments.models import Flag
    from coaching.models import AlertEmail
    from coaching.tasks import send_flag_alerts

    own_postgres.create_database("legstrong_fault")
    with default_database(own_postgres.settings("legstrong_fault")):
        call_command("migrate", verbosity=0)
        org = f.OrganizationFactory(timezone="UTC")
        head = f.HeadCoachFactory(organization=org)
        coach = f.CoachFactory(organization=org)
        athlete = f.AthleteFactory(organization=org, coaches=[coach])
        ledger.athletes.add(athlete.pk)
        flag = Flag.objects.create(
            athlete=athlete, kind=Flag.Kind.RED_FLAG, code="sudden_weakness",
            severity="urgent", last_seen_at=timezone.now(),
        )  # fmt: skip
        for recipient in (coach, head):
            AlertEmail.objects.create(flag=flag, coach=recipient)
        publish_to(own_redis.url())
        worker = start_worker(own_redis.url(), DATABASE_URL=database_url(connection.settings_dict))
        pids = (worker.pid, sorted(worker.pool()))

        claim_blocked = "SELECT * FROM coaching_alertemail FOR UPDATE"
        with locked(dict(connection.settings_dict), claim_blocked) as waiting:
            send_flag_alerts.apply_async(args=[flag.pk])
            wait_until(waiting, 20, "the alert task to wait for its claim")
            own_postgres.restart(mode="immediate")
        connection.close()

        ledger.wait_for_alerts(timeout=30)
        assert (worker.pid, sorted(worker.pool())) == pids
        ledger.check(red_flags=1)
