"""Benchmark the nightly re-analysis on real services, against a bare read of the same rows.

Generates 10,000 athletes with 90 days of data in PostgreSQL (people by COPY, the dated series
by INSERT ... SELECT over generate_series, all server-side), then, with real Celery workers on a
throwaway Redis (analysis: one worker, `-Q analysis -c 2`; alerts: a separate `-Q alerts`
worker; the fan-out task itself on a `-Q celery` worker):

1. times a bare read of the rows one nightly analysis reads: the loader's SELECTs as raw tuples,
   and `load_snapshots` itself, in chunks, with as many processes as the analysis worker has;
2. times the nightly re-analysis end to end: `nightly_reanalysis` published until every
   athlete has a new run stored;
3. while that nightly runs, posts a new red-flag symptom through the API for an athlete already
   analysed in it, and times until its e-mail reaches an SMTP server (aiosmtpd, in process).

Not part of the test run. Needs PostgreSQL (NIGHTLY_DATABASE_URL, default
postgres://postgres:postgres@127.0.0.1:5432/legstrong_nightly; created and migrated here, data
regenerated when the athlete count differs or with --regenerate) and the redis-server binary.

    .venv/bin/python bench/nightly.py [--athletes 10000] [--days 90] [--nights 2]

Targets: >= 500 athletes/s end to end, within 4x the bare read, red-flag e-mail < 30 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres:postgres@127.0.0.1:5432/legstrong_nightly"
ATHLETES_PER_ORG = 100
COACHES_PER_ORG = 4  # plus one head coach
TARGET_RATE, TARGET_RATIO, TARGET_LATENCY = 500, 4.0, 30.0
# Exercises of the generated sessions: a balanced leg day, or isolation work only.
BALANCED = ["back-squat", "romanian-deadlift", "bulgarian-split-squat", "leg-press", "hip-thrust"]
ISOLATION = ["leg-extension", "hamstring-curl", "calf-raise", "leg-extension", "seated-leg-curl"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=10_000)
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--nights", type=int, default=2, help="nightly runs to time")
    parser.add_argument("--concurrency", type=int, default=2, help="analysis worker processes")
    parser.add_argument("--chunk-size", type=int, default=None, help="ANALYSIS_CHUNK_SIZE")
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--seed", type=float, default=0.42)
    args = parser.parse_args()

    warnings.filterwarnings("ignore", message="No directory at")  # whitenoise, DEBUG off
    print(
        f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start; "
        f"PostgreSQL, Redis, workers and this script share them"
    )
    url = os.environ.get("NIGHTLY_DATABASE_URL", DEFAULT_URL)
    _create_database(url)
    _migrate(url)

    from tests.integration.services import RedisServer, SmtpServer

    work = Path(tempfile.mkdtemp(prefix="legstrong-nightly-"))
    redis = RedisServer(work / "redis").start()
    smtp = SmtpServer().start()
    env = {  # production-like: DEBUG off (no query log), plain http for the in-process client
        "DATABASE_URL": url, "REDIS_URL": redis.url(), "EMAIL_URL": smtp.url,
        "DEBUG": "false", "SECRET_KEY": "bench-only-" + "x" * 50, "SECURE_SSL_REDIRECT": "false",
    }  # fmt: skip
    if args.chunk_size:
        env["ANALYSIS_CHUNK_SIZE"] = str(args.chunk_size)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.conf import settings

    workers = []
    try:
        generated = _ensure_data(url, args.athletes, args.days, args.seed, args.regenerate)
        print(f"data: {args.athletes:,} athletes, {args.days} days; {generated}")
        _print_table_sizes(url)

        chunk = settings.ANALYSIS_CHUNK_SIZE
        raw1 = _bare_read(url, chunk, processes=1, loader=False)
        # The best of two: the floor the nightly is held to.
        raw = min(_bare_read(url, chunk, processes=args.concurrency, loader=False) for _ in "ab")
        snap = _bare_read(url, chunk, processes=args.concurrency, loader=True)
        print(f"bare read, raw SELECTs, 1 process:  {raw1:6.2f} s  ({args.athletes / raw1:,.0f}/s)")
        print(
            f"bare read, raw SELECTs, {args.concurrency} processes: {raw:6.2f} s  "
            f"({args.athletes / raw:,.0f}/s)"
        )
        print(
            f"bare read, load_snapshots, {args.concurrency} processes: {snap:6.2f} s  "
            f"({args.athletes / snap:,.0f}/s)"
        )

        workers = _start_workers(env, work, args.concurrency)
        results = []
        for night in range(1, args.nights + 1):
            result = _nightly(args.athletes, smtp.mailbox, redis, url)
            results.append(result)
            rate = args.athletes / result["seconds"]
            latency = result["latency"]
            print(
                f"night {night}: {result['seconds']:6.2f} s end to end = {rate:,.0f} athletes/s; "
                f"{rate and result['seconds'] / raw:.2f}x the bare read ({raw:.2f} s); "
                f"red-flag e-mail {latency:.1f} s after the write "
                f"(debounce {settings.ANALYSIS_DEBOUNCE_SECONDS} s, write {result['write']:.3f} s"
                f"{', arrived while the nightly ran' if result['during'] else ''})"
            )
            print(
                f"  stored {result['runs']:,} runs, {result['findings']:,} findings, "
                f"{result['flags']:,} new flags, {result['emails']:,} e-mails; "
                f"peak {result['connections']} PostgreSQL connections, peak Redis memory "
                f"{result['redis_memory'] / 1024:,.0f} KiB, longest queue {result['queue']}"
            )
        best = min(r["seconds"] for r in results)
        worst_latency = max(r["latency"] for r in results)
        rate, ratio = args.athletes / best, best / raw
        print("\nsummary")
        print(f"  end to end:   {rate:,.0f} athletes/s (target >= {TARGET_RATE})")
        print(f"  bare read:    {args.athletes / raw:,.0f} athletes/s ({raw:.2f} s)")
        print(f"  ratio:        {ratio:.2f}x the bare read (target <= {TARGET_RATIO:.0f}x)")
        print(f"  red-flag e-mail during the nightly: {worst_latency:.1f} s (target < 30 s)")
        ok = rate >= TARGET_RATE and ratio <= TARGET_RATIO and worst_latency < TARGET_LATENCY
        print("  targets met" if ok else "  TARGETS MISSED")
        return 0 if ok else 1
    finally:
        for worker in workers:
            worker.stop(timeout=10)
        smtp.stop()
        redis.kill()


# --- database ------------------------------------------------------------------------------
def _create_database(url: str) -> None:
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def _migrate(url: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": url}, check=True,
    )  # fmt: skip


def _ensure_data(url: str, athletes: int, days: int, seed: float, regenerate: bool) -> str:
    import psycopg

    with psycopg.connect(url) as conn:
        have = conn.execute("SELECT count(*) FROM coaching_athlete").fetchone()[0]
        if have == athletes and not regenerate:
            return "reused (--regenerate to rebuild)"
        started = time.perf_counter()
        # Every athlete, coach and dated row goes; so does the catalogue (TRUNCATE cascades
        # over the exercises' organization key), which the migration's seed puts back.
        conn.execute("TRUNCATE coaching_organization, auth_user RESTART IDENTITY CASCADE")
        conn.commit()
        _seed_catalogue()
        rows = _generate(conn, athletes, days, seed)
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    seconds = time.perf_counter() - started
    return f"generated {rows:,} rows in {seconds:.1f} s ({rows / seconds:,.0f} rows/s)"


def _seed_catalogue() -> None:
    import importlib

    from django.apps import apps

    importlib.import_module("coaching.migrations.0002_seed_exercise_catalogue").seed(apps, None)


def _generate(conn, athletes: int, days: int, seed: float) -> int:
    """Everything in one transaction: people by COPY, dated series server-side."""
    today = dt.date.today()
    start = today - dt.timedelta(days=days - 1)
    now = dt.datetime.now(dt.UTC)
    conn.execute("SELECT setseed(%s)", [seed])
    orgs = -(-athletes // ATHLETES_PER_ORG)
    zones = ["UTC", "Europe/London", "Europe/Berlin", "America/New_York", "Australia/Sydney"]
    with conn.cursor() as cur:
        with cur.copy("COPY coaching_organization (id, created_at, updated_at, name, timezone) "
                      "FROM STDIN") as copy:  # fmt: skip
            for org in range(1, orgs + 1):
                copy.write_row((org, now, now, f"Bench team {org:05d}", zones[org % len(zones)]))
        per_org = COACHES_PER_ORG + 1
        with cur.copy(
            "COPY auth_user (id, password, is_superuser, username, first_name, last_name, email,"
            " is_staff, is_active, date_joined) FROM STDIN"
        ) as copy:
            for user in range(1, orgs * per_org + 1):
                name = f"bench-coach-{user:06d}"
                copy.write_row(
                    (user, "!", False, name, "", "", f"{name}@example.com", False, True, now)
                )
        with cur.copy(
            "COPY coaching_coach (id, created_at, updated_at, user_id, organization_id, role,"
            " digest_enabled, digest_hour, alerts_enabled) FROM STDIN"
        ) as copy:
            for user in range(1, orgs * per_org + 1):
                org, position = divmod(user - 1, per_org)
                role = "head_coach" if position == 0 else "coach"
                copy.write_row((user, now, now, user, org + 1, role, True, 7, True))
        sexes, goals = ["female", "male"], ["strength", "hypertrophy", "power", "general"]
        with cur.copy(
            "COPY coaching_athlete (id, created_at, updated_at, organization_id, name, sex,"
            " date_of_birth, height_cm, body_mass_kg, training_age_years, goal) FROM STDIN"
        ) as copy:
            for athlete in range(1, athletes + 1):
                org = (athlete - 1) // ATHLETES_PER_ORG + 1
                copy.write_row((
                    athlete, now, now, org, f"Bench athlete {athlete:06d}", sexes[athlete % 2],
                    dt.date(1985 + athlete % 20, 1 + athlete % 12, 1 + athlete % 28),
                    160 + athlete % 35, 55 + athlete % 45, athlete % 12, goals[athlete % 4],
                ))  # fmt: skip
        with cur.copy("COPY coaching_athlete_coaches (athlete_id, coach_id) FROM STDIN") as copy:
            for athlete in range(1, athletes + 1):
                org = (athlete - 1) // ATHLETES_PER_ORG
                copy.write_row((athlete, org * per_org + 2 + athlete % COACHES_PER_ORG))
    for table in ("organization", "coach", "athlete"):
        conn.execute(
            f"SELECT setval(pg_get_serial_sequence('coaching_{table}', 'id'), "
            f"(SELECT max(id) FROM coaching_{table}))"
        )
    conn.execute("SELECT setval(pg_get_serial_sequence('auth_user', 'id'), "
                 "(SELECT max(id) FROM auth_user))")  # fmt: skip

    exercise = dict(
        conn.execute("SELECT slug, id FROM coaching_exercise WHERE organization_id IS NULL")
    )
    params = {
        "start": start, "today": today,
        "balanced": [exercise[slug] for slug in BALANCED],
        "isolation": [exercise[slug] for slug in ISOLATION],
        "squat": exercise["back-squat"],
    }  # fmt: skip
    conn.execute(
        "INSERT INTO coaching_athlete_goal_lifts (athlete_id, exercise_id) "
        "SELECT id, %(squat)s FROM coaching_athlete",
        params,
    )
    for statement in SERIES:
        conn.execute(statement, params)
    counted = 0
    for table in COUNTED_TABLES:
        counted += conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return counted


# Dated data, per athlete and day (d); a share of athletes get a problem, by id.
DAYS = "generate_series(%(start)s::date, %(today)s::date, interval '1 day') AS g(d)"
NOW = "now(), now()"
SERIES = [
    f"""INSERT INTO coaching_sleepcheckin (created_at, updated_at, athlete_id, date, hours,
        quality)
    SELECT {NOW}, a.id, d::date,
        round((CASE WHEN a.id %% 10 = 0 THEN 5 + random() * 1.5 ELSE 6.5 + random() * 2.5
               END)::numeric, 1),
        1 + floor(random() * 5)::int
    FROM coaching_athlete a CROSS JOIN {DAYS} WHERE random() < 0.92""",
    f"""INSERT INTO coaching_nutritioncheckin (created_at, updated_at, athlete_id, date,
        calories_kcal, protein_g, carbohydrate_g, fat_g, water_l, micronutrient_concerns)
    SELECT {NOW}, a.id, d::date, 1800 + floor(random() * 1600)::int,
        round((CASE WHEN a.id %% 13 = 0 THEN 50 + random() * 30 ELSE 100 + random() * 100
               END)::numeric, 1),
        round((150 + random() * 300)::numeric, 1), round((50 + random() * 70)::numeric, 1),
        round((CASE WHEN a.id %% 21 = 0 THEN 1 + random() * 0.8 ELSE 1.8 + random() * 2
               END)::numeric, 1),
        CASE WHEN a.id %% 37 = 0 THEN '["magnesium"]'::jsonb ELSE '[]'::jsonb END
    FROM coaching_athlete a CROSS JOIN {DAYS} WHERE random() < 0.8""",
    f"""INSERT INTO coaching_stresscheckin (created_at, updated_at, athlete_id, date, stress, mood)
    SELECT {NOW}, a.id, d::date,
        CASE WHEN a.id %% 17 = 0 THEN 7 + floor(random() * 4)::int
             ELSE 1 + floor(random() * 6)::int END,
        2 + floor(random() * 4)::int
    FROM coaching_athlete a CROSS JOIN {DAYS} WHERE random() < 0.85""",
    f"""INSERT INTO coaching_wellnesscheckin (created_at, updated_at, athlete_id, date, fatigue,
        soreness, perceived_leg_weakness, motivation, urine_colour, body_mass_kg)
    SELECT {NOW}, a.id, d::date, 1 + floor(random() * 7)::int, 1 + floor(random() * 7)::int,
        CASE WHEN a.id %% 29 = 0 THEN 5 + floor(random() * 4)::int
             ELSE floor(random() * 4)::int END,
        2 + floor(random() * 4)::int, 1 + floor(random() * 5)::int,
        round((a.body_mass_kg - 1 + random() * 2)::numeric, 1)
    FROM coaching_athlete a CROSS JOIN {DAYS} WHERE random() < 0.9""",
    f"""INSERT INTO coaching_trainingsession (created_at, updated_at, athlete_id, date,
        duration_min, session_rpe, notes)
    SELECT {NOW}, a.id, d::date,
        CASE WHEN a.id %% 11 = 0 AND d > %(today)s::date - 7 THEN 120
             ELSE 45 + floor(random() * 50)::int END,
        CASE WHEN a.id %% 11 = 0 AND d > %(today)s::date - 7 THEN 9 + floor(random() * 2)::int
             ELSE 5 + floor(random() * 5)::int END,
        ''
    FROM coaching_athlete a CROSS JOIN {DAYS}
    WHERE (d::date - %(start)s::date + a.id) %% 7 IN (0, 2, 4)""",
    f"""INSERT INTO coaching_trainingset (created_at, updated_at, session_id, position,
        exercise_id, reps, load_kg, rpe, rir, side)
    SELECT {NOW}, s.id, p,
        (CASE WHEN s.athlete_id %% 19 = 0 THEN %(isolation)s::bigint[]
              ELSE %(balanced)s::bigint[] END)[p],
        3 + floor(random() * 8)::int,
        round((40 + random() * 100 + (s.date - %(start)s::date) * 0.3)::numeric, 1),
        6 + floor(random() * 8)::int * 0.5, NULL, 'both'
    FROM coaching_trainingsession s CROSS JOIN generate_series(1, 5) AS p""",
    f"""INSERT INTO assessments_strengthtest (created_at, updated_at, athlete_id, date,
        exercise_id, load_kg, reps, side, e1rm_kg)
    SELECT {NOW}, athlete_id, day, %(squat)s, load, reps, 'both',
        round((load * (1 + reps / 30.0))::numeric, 1)
    FROM (SELECT a.id AS athlete_id, d::date AS day, 3 + floor(random() * 3)::int AS reps,
                 round((90 + (a.id %% 60) + (d::date - %(start)s::date) *
                        CASE WHEN a.id %% 9 = 0 THEN 0 ELSE 0.4 END
                        + random() * 5)::numeric, 1) AS load
          FROM coaching_athlete a CROSS JOIN {DAYS}
          WHERE (d::date - %(start)s::date) %% 14 = a.id %% 14) AS tests""",
    f"""INSERT INTO assessments_jumptest (created_at, updated_at, athlete_id, date,
        countermovement_jump_cm)
    SELECT {NOW}, a.id, d::date, round((30 + random() * 20)::numeric, 1)
    FROM coaching_athlete a CROSS JOIN {DAYS}
    WHERE (d::date - %(start)s::date) %% 7 = a.id %% 7""",
    f"""INSERT INTO assessments_mobilityscreen (created_at, updated_at, athlete_id, date,
        ankle_dorsiflexion_left_cm, ankle_dorsiflexion_right_cm, single_leg_balance_left_s,
        single_leg_balance_right_s, y_balance_left_pct, y_balance_right_pct)
    SELECT {NOW}, a.id, d::date, round((7 + random() * 7)::numeric, 1),
        round((7 + random() * 7)::numeric, 1), round((15 + random() * 30)::numeric, 1),
        round((15 + random() * 30)::numeric, 1), round((80 + random() * 30)::numeric, 1),
        round((80 + random() * 30)::numeric, 1)
    FROM coaching_athlete a CROSS JOIN {DAYS}
    WHERE (d::date - %(start)s::date) %% 30 = a.id %% 30""",
    f"""INSERT INTO assessments_movementscreen (created_at, updated_at, athlete_id, date,
        exercise_id, flaws, compensations, stability_issues, notes, video_url)
    SELECT {NOW}, a.id, d::date, %(squat)s,
        CASE WHEN a.id %% 23 = 0 THEN '["knee_valgus", "heel_lift"]'::jsonb ELSE '[]'::jsonb END,
        '[]'::jsonb,
        CASE WHEN a.id %% 31 = 0 THEN '["hip", "ankle"]'::jsonb ELSE '[]'::jsonb END, '', ''
    FROM coaching_athlete a CROSS JOIN {DAYS}
    WHERE (d::date - %(start)s::date) %% 30 = (a.id + 15) %% 30""",
    f"""INSERT INTO assessments_activationrating (created_at, updated_at, athlete_id, date,
        exercise_id, mind_muscle_rating)
    SELECT {NOW}, a.id, d::date, %(squat)s,
        CASE WHEN a.id %% 27 = 0 THEN 1 + floor(random() * 2)::int
             ELSE 3 + floor(random() * 3)::int END
    FROM coaching_athlete a CROSS JOIN {DAYS}
    WHERE (d::date - %(start)s::date) %% 14 = (a.id + 7) %% 14""",
    f"""INSERT INTO assessments_symptomreport (created_at, updated_at, athlete_id, date, onset,
        severity, numbness, tingling, loss_of_sensation, pain, pain_days,
        pain_improves_with_rest, explained_by, suspected_condition, notes)
    SELECT {NOW}, a.id, %(today)s::date - (a.id %% 7)::int,
        CASE WHEN a.id %% 66 = 0 THEN 'sudden' ELSE 'gradual' END, 3 + a.id %% 6,
        a.id %% 99 = 0, a.id %% 45 = 0, false, a.id %% 50 = 0,
        CASE WHEN a.id %% 50 = 0 THEN 20 END, CASE WHEN a.id %% 50 = 0 THEN false END, '', '', ''
    FROM coaching_athlete a WHERE a.id %% 33 = 0""",
]
COUNTED_TABLES = [
    "coaching_athlete", "coaching_sleepcheckin", "coaching_nutritioncheckin",
    "coaching_stresscheckin", "coaching_wellnesscheckin", "coaching_trainingsession",
    "coaching_trainingset", "assessments_strengthtest", "assessments_jumptest",
    "assessments_mobilityscreen", "assessments_movementscreen", "assessments_activationrating",
    "assessments_symptomreport",
]  # fmt: skip
GROWING_TABLES = ["assessments_analysisrun", "assessments_finding", "assessments_flag",
                  "coaching_alertemail"]  # fmt: skip


def _print_table_sizes(url: str) -> None:
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables "
            "WHERE relname = ANY(%s) ORDER BY pg_total_relation_size(relid) DESC",
            [COUNTED_TABLES + GROWING_TABLES],
        ).fetchall()
        total = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    print(f"database size {total / 2**20:,.0f} MiB; largest tables (rows, with indexes):")
    for name, live, size in rows[:8]:
        print(f"  {name:32} {live:>10,} rows {size / 2**20:8,.1f} MiB")


# --- the bare read -------------------------------------------------------------------------
def _chunks(ids: list[int], size: int) -> list[list[int]]:
    return [ids[start : start + size] for start in range(0, len(ids), size)]


def _read_part(url: str, chunks: list[list[int]], loader: bool, since: dt.date) -> int:
    """Read every chunk (a child process: its own connection); returns rows or snapshots."""
    if loader:  # as the worker calls it: garbage collection paused per chunk
        from django.db import connection

        from assessments.selectors import load_snapshots
        from assessments.services.analysis import gc_paused

        connection.close()
        loaded = 0
        for chunk in chunks:
            with gc_paused():
                loaded += len(load_snapshots(chunk))
        return loaded
    import psycopg

    rows = 0
    with psycopg.connect(url) as conn:
        for chunk in chunks:
            for query in RAW_QUERIES:
                rows += len(conn.execute(query, {"ids": chunk, "since": since}).fetchall())
            sessions = conn.execute(SESSIONS, {"ids": chunk, "since": since}).fetchall()
            sets = conn.execute(SETS, {"ids": [row[0] for row in sessions]}).fetchall()
            rows += len(sessions) + len(sets)
    return rows


# The rows load_snapshots reads, as plain SELECTs (the same columns, filters and indexes).
RAW_QUERIES = [
    "SELECT a.*, o.timezone FROM coaching_athlete a JOIN coaching_organization o "
    "ON o.id = a.organization_id WHERE a.id = ANY(%(ids)s)",
    "SELECT athlete_id, exercise_id FROM coaching_athlete_goal_lifts "
    "WHERE athlete_id = ANY(%(ids)s)",
    *(
        f"SELECT athlete_id, {columns} FROM {table} "
        "WHERE athlete_id = ANY(%(ids)s) AND date >= %(since)s"
        for table, columns in [
            ("coaching_sleepcheckin", "date, hours, quality"),
            ("coaching_nutritioncheckin", "date, calories_kcal, protein_g, carbohydrate_g, "
             "fat_g, water_l, micronutrient_concerns"),
            ("coaching_stresscheckin", "date, stress, mood"),
            ("coaching_wellnesscheckin", "date, fatigue, soreness, perceived_leg_weakness, "
             "motivation, urine_colour, body_mass_kg"),
            ("assessments_strengthtest", "date, exercise_id, load_kg, reps, side"),
            ("assessments_movementscreen", "date, exercise_id, flaws, compensations, "
             "stability_issues"),
            ("assessments_mobilityscreen", "date, ankle_dorsiflexion_left_cm, "
             "ankle_dorsiflexion_right_cm, single_leg_balance_left_s, "
             "single_leg_balance_right_s, y_balance_left_pct, y_balance_right_pct"),
            ("assessments_jumptest", "date, countermovement_jump_cm"),
            ("assessments_activationrating", "date, exercise_id, mind_muscle_rating"),
            ("assessments_symptomreport", "date, onset, severity, numbness, tingling, "
             "loss_of_sensation, pain, pain_days, pain_improves_with_rest, explained_by, "
             "suspected_condition"),
        ]
    ),
    "SELECT id, organization_id, slug, name, pattern, kind, muscles, unilateral "
    "FROM coaching_exercise WHERE organization_id IS NULL",
]  # fmt: skip


# Sessions, then their sets by session id, one index probe each (as the loader does).
SESSIONS = (
    "SELECT id, athlete_id, date, duration_min, session_rpe FROM coaching_trainingsession "
    "WHERE athlete_id = ANY(%(ids)s) AND date >= %(since)s"
)
SETS = (
    "SELECT t.session_id, t.exercise_id, t.reps, t.load_kg, t.rpe, t.rir, t.side "
    "FROM unnest(%(ids)s::bigint[]) AS s(id) CROSS JOIN LATERAL (SELECT * FROM "
    "coaching_trainingset WHERE session_id = s.id ORDER BY position OFFSET 0) AS t"
)


def _bare_read(url: str, chunk: int, *, processes: int, loader: bool) -> float:
    from assessments.analysis.thresholds import Thresholds
    from assessments.selectors import history_start
    from coaching.models import Athlete, Organization

    ids = list(Athlete.objects.order_by("pk").values_list("pk", flat=True))
    # The loader's window: the engine's lookback, from the earliest local day of any team.
    zones = set(Organization.objects.values_list("timezone", flat=True))
    since = history_start(min(dt.datetime.now(ZoneInfo(z)).date() for z in zones), [Thresholds()])
    parts = [_chunks(ids, chunk)[i::processes] for i in range(processes)]
    from django.db import connection

    connection.close()  # not inherited by the forked readers
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        started = time.perf_counter()
        pool.starmap(_read_part, [(url, part, loader, since) for part in parts])
        return time.perf_counter() - started


# --- workers and the nightly ---------------------------------------------------------------
def _start_workers(env: dict, work: Path, concurrency: int) -> list:
    from tests.integration.services import Worker

    base = {k: v for k, v in os.environ.items() if not k.startswith("CELERY_")}
    base.update(env, PYTHONUNBUFFERED="1")
    workers = [
        Worker(base, work / "analysis.log", queues="analysis", concurrency=concurrency,
               name="analysis"),
        Worker(base, work / "alerts.log", queues="alerts", concurrency=1, name="alerts"),
        Worker(base, work / "default.log", queues="celery", concurrency=1, name="default"),
    ]  # fmt: skip
    for worker in workers:
        worker.start(wait=False)
    for worker in workers:
        worker.wait_ready(timeout=60)
    print(f"workers: analysis -c {concurrency}, alerts -c 1, default -c 1 (logs in {work})")
    return workers


def _nightly(athletes: int, mailbox, redis, url: str) -> dict:
    from django.db import connection

    from assessments import models as am
    from assessments.tasks import nightly_reanalysis
    from coaching.models import AlertEmail, Athlete

    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        [since] = cursor.fetchone()
    before = {model: model.objects.count() for model in (am.AnalysisRun, am.Finding, am.Flag)}
    emails_before = len(mailbox.messages)
    peaks = {"connections": 0, "redis_memory": 0, "queue": 0}
    stop = threading.Event()
    sampler = threading.Thread(target=_sample, args=(url, redis, peaks, stop), daemon=True)
    sampler.start()

    started = time.perf_counter()
    nightly_reanalysis.delay()
    done = Athlete.objects.filter(last_analysed_at__gte=since)
    probe = None
    while (count := done.count()) < athletes:
        if probe is None and count >= athletes // 5:
            probe = _post_red_flag(done)
        if time.perf_counter() - started > 1800:
            raise RuntimeError(f"nightly unfinished after 30 min: {count}/{athletes}")
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    if probe is None:  # the nightly outran the probe: post it now, it still measures the path
        probe = _post_red_flag(done)
    deadline = time.perf_counter() + 300
    while not (arrived := [m.at for m in mailbox.messages if probe["name"] in m.subject]):
        if time.perf_counter() > deadline:
            raise RuntimeError("the red-flag e-mail never arrived")
        time.sleep(0.05)
    latency = min(arrived) - probe["posted"]
    during = min(arrived) < started + seconds
    stop.set()
    sampler.join()
    deadline = time.perf_counter() + 120
    while AlertEmail.objects.exclude(status__in=["sent", "skipped", "failed"]).exists():
        if time.perf_counter() > deadline:  # let the nightly's alerts drain before the next
            raise RuntimeError("red-flag alerts of the nightly still pending after 2 min")
        time.sleep(0.2)
    return {
        "seconds": seconds,
        "latency": latency,
        "write": probe["write"],
        "during": during,
        "runs": am.AnalysisRun.objects.count() - before[am.AnalysisRun],
        "findings": am.Finding.objects.count() - before[am.Finding],
        "flags": am.Flag.objects.count() - before[am.Flag],
        "emails": len(mailbox.messages) - emails_before,
        **peaks,
    }


def _post_red_flag(analysed) -> dict:
    """A coach posts a sudden-weakness report for an athlete the nightly already analysed."""
    from rest_framework.test import APIClient

    from assessments.models import Flag

    flagged = Flag.objects.filter(code="sudden_weakness").values("athlete_id")
    athlete = analysed.exclude(pk__in=flagged).order_by("pk").first()
    coach = athlete.coaches.select_related("user").first()
    client = APIClient()
    client.force_authenticate(coach.user)
    body = {"date": dt.date.today().isoformat(), "onset": "sudden", "severity": 6}
    posted = time.perf_counter()
    response = client.post(f"/api/v1/athletes/{athlete.pk}/symptoms/", body, format="json")
    write = time.perf_counter() - posted
    assert response.status_code == 201, response.content
    return {"name": athlete.name, "posted": posted, "write": write}


def _sample(url: str, redis, peaks: dict, stop: threading.Event) -> None:
    """Peak PostgreSQL connections, Redis memory and queue length while the nightly runs."""
    import psycopg
    import redis as redis_client

    client = redis_client.Redis(port=redis.port)
    name = urlparse(url).path.lstrip("/")
    with psycopg.connect(url, autocommit=True) as conn:
        while not stop.is_set():
            [connections] = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [name]
            ).fetchone()
            peaks["connections"] = max(peaks["connections"], connections - 1)  # not this one
            peaks["redis_memory"] = max(peaks["redis_memory"], client.info("memory")["used_memory"])
            queued = sum(client.llen(key) for key in client.scan_iter("analysis*"))
            peaks["queue"] = max(peaks["queue"], queued)
            time.sleep(0.2)


if __name__ == "__main__":
    sys.exit(main())
