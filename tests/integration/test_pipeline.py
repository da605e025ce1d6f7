"""The pipeline on real services: API writes in this process, a Celery worker process on
Redis, the committed test database on PostgreSQL, e-mails to an SMTP server.

Each test ends with the ledger check (ledger.py).
"""

import time

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from assessments.models import AnalysisRun, Flag, SymptomReport
from coaching.models import AlertEmail, Athlete, SleepCheckIn
from coaching.tasks import send_flag_alerts
from tests import factories as f

from .conftest import DEBOUNCE_SECONDS
from .services import wait_until

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.celery_worker,
    pytest.mark.smtp,
]


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def athlete_url(athlete, path: str) -> str:
    return f"/api/v1/athletes/{athlete.pk}/{path}"


def report_red_flag(client, athlete, ledger, **fields):
    body = {"date": timezone.localdate().isoformat(), "onset": "sudden", "severity": 8,
            "numbness": True, **fields}  # fmt: skip
    response = client.post(athlete_url(athlete, "symptoms/"), body, format="json")
    assert response.status_code == 201, response.content
    ledger.record(response, SymptomReport, athlete.pk)
    return response


def analysed(athlete_id: int) -> Athlete | None:
    """The athlete once a run has read all their data (None until then)."""
    athlete = Athlete.objects.get(pk=athlete_id)
    done = athlete.last_analysed_at and athlete.analysed_version >= athlete.data_version
    return athlete if done else None


def test_a_check_in_through_the_api_leads_to_a_stored_run_and_its_flags(pipeline, team, ledger):
    client, athlete, today = client_for(team.coach.user), team.athlete, timezone.localdate()
    response = client.put(
        athlete_url(athlete, f"check-ins/sleep/{today}/"), {"hours": 5, "quality": 2},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201, response.content
    ledger.record(response, SleepCheckIn, athlete.pk, date=today)
    report_red_flag(client, athlete, ledger)

    wait_until(lambda: analysed(athlete.pk), 30, "a run that read both writes")
    run = AnalysisRun.objects.filter(athlete=athlete).latest("created_at")
    assert run.as_of == today
    assert run.findings.exists() or run.data_gaps
    raised = {flag["code"] for flag in run.red_flags}
    assert {"sudden_weakness", "severe_weakness", "sensory_symptoms"} <= raised
    open_flags = Flag.objects.filter(athlete=athlete, status=Flag.Status.OPEN)
    assert set(open_flags.filter(kind=Flag.Kind.RED_FLAG).values_list("code", flat=True)) == (
        raised
    )
    assert {flag.opened_by_run.athlete_id for flag in open_flags} == {athlete.pk}
    response = client.get(athlete_url(athlete, "analysis/"))
    assert response.status_code == 200 and response.json()["id"] == run.pk

    ledger.wait_for_alerts()
    ledger.check(red_flags=len(raised))
    # The coach and the head coach were e-mailed; the other coach was not.
    addresses = {to for _, to in ledger.mailbox.alerts()}
    assert addresses == {team.coach.user.email, team.head.user.email}


def test_a_red_flag_is_emailed_once_per_coach_even_when_tasks_run_twice(pipeline, team, ledger):
    athlete = team.athlete
    report_red_flag(client_for(team.coach.user), athlete, ledger, severity=5, numbness=False)
    wait_until(lambda: analysed(athlete.pk), 30, "the analysis of the report")
    ledger.wait_for_alerts()
    flag = Flag.objects.get(athlete=athlete, code="sudden_weakness")

    # Every message delivered again: the analysis twice more, the alert task three times,
    # all at once on a worker with two processes.
    results = [send_flag_alerts.apply_async(args=[flag.pk]) for _ in range(3)]
    from assessments.tasks import analyse_athlete_task

    results += [analyse_athlete_task.apply_async(args=[athlete.pk]) for _ in range(2)]
    wait_until(
        lambda: all(f"[{r.id}] succeeded" in pipeline.log() for r in results), 30,
        "the repeated tasks to finish",
    )  # fmt: skip
    assert AnalysisRun.objects.filter(athlete=athlete).count() >= 3
    assert Flag.objects.filter(athlete=athlete, code="sudden_weakness").count() == 1

    # A flag whose e-mails are still pending when its task is delivered three times at once.
    other = f.AthleteFactory(organization=team.org, coaches=[team.coach, team.other])
    ledger.athletes.add(other.pk)
    pending = Flag.objects.create(
        athlete=other, kind=Flag.Kind.RED_FLAG, code="severe_weakness", severity="urgent",
        last_seen_at=timezone.now(),
    )  # fmt: skip
    for coach in (team.coach, team.other, team.head):
        AlertEmail.objects.create(flag=pending, coach=coach)
    task_id = f"duplicate-{pending.pk}"
    for _ in range(3):
        send_flag_alerts.apply_async(args=[pending.pk], task_id=task_id)
    wait_until(
        lambda: pipeline.log().count(f"[{task_id}] succeeded") == 3, 30,
        "the three deliveries of one alert task",
    )  # fmt: skip

    ledger.wait_for_alerts()
    ledger.check(red_flags=2)
    assert len(ledger.mailbox.alerts()) == 2 + 3


def test_a_burst_of_20_writes_gives_one_run(pipeline, team, ledger):
    client, athlete, today = client_for(team.coach.user), team.athlete, timezone.localdate()
    started = time.monotonic()
    for days_ago in range(20):
        day = today - timezone.timedelta(days=days_ago)
        response = client.put(
            athlete_url(athlete, f"check-ins/sleep/{day}/"), {"hours": 7, "quality": 4},
            format="json",
        )  # fmt: skip
        ledger.record(response, SleepCheckIn, athlete.pk, date=day)
    burst = time.monotonic() - started
    assert burst < DEBOUNCE_SECONDS, f"the burst took {burst:.1f} s, longer than the debounce"

    wait_until(lambda: analysed(athlete.pk), 30, "the run after the burst")
    time.sleep(DEBOUNCE_SECONDS + 1)  # a second run, if one had been queued, would be done
    assert AnalysisRun.objects.filter(athlete=athlete).count() == 1
    assert pipeline.log().count("analyse_athlete_task[") == 2  # received, succeeded
    assert Athlete.objects.get(pk=athlete.pk).analysis_queued_at is None
    assert ledger.check_writes() == 20
    ledger.check(red_flags=0)


def pending_chunks(broker_url: str) -> int:
    """Chunk messages waiting in the analysis queue (bulk ones sit in its priority-9 list)."""
    import redis

    client = redis.Redis.from_url(broker_url)
    return sum(client.llen(key) for key in client.scan_iter("analysis*"))


NO_SUCH_ATHLETES = range(10**9, 10**9 + 120_000)  # chunks of these do nothing, quickly


def test_the_nightly_fan_out_queues_every_chunk_at_100k_athletes(shared_redis, publish_to):
    """Regression: the fan-out went through the request-path publisher, whose backlog limit
    silently dropped 342 of these 600 chunks."""
    from assessments.tasks import _fan_out

    publish_to(shared_redis)
    assert _fan_out(list(NO_SUCH_ATHLETES)) == 120_000
    assert pending_chunks(shared_redis) == 120_000 // 200


def test_a_red_flag_reported_during_the_nightly_is_analysed_ahead_of_its_backlog(
    shared_redis, publish_to, start_worker, team, ledger
):
    from assessments.tasks import _fan_out

    publish_to(shared_redis)
    _fan_out(list(NO_SUCH_ATHLETES))  # 600 chunks queued ahead of the report
    worker = start_worker(shared_redis, concurrency=1)
    report_red_flag(client_for(team.coach.user), team.athlete, ledger)
    wait_until(lambda: analysed(team.athlete.pk), DEBOUNCE_SECONDS + 20, "the analysis")
    ledger.wait_for_alerts()
    assert pending_chunks(shared_redis) > 100, "the report waited for the nightly backlog"
    assert worker.process.poll() is None
    ledger.check(red_flags=3)
