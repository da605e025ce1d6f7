"""Benchmark the REST API against a bare Django JSON view on the same server.

Serves the app with gunicorn (2 sync workers) on PostgreSQL and loads it with wrk from a second
process, six runs: the athlete PUTting a sleep check-in, a bare view answering a PUT, and the
DRF floor answering it; a coach listing 50 athletes, the bare view and the floor answering a
GET. The bare view shows what Django (its full middleware), gunicorn and the network cost with
no API work; the floor is a DRF view with the API's authentication, permission and throttles
and nothing else, the most any endpoint could reach; the ratios say what the API adds.

    apt-get install -y wrk
    .venv/bin/python bench/api.py [--duration 10] [--connections 8] [--threads 2]

Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres:postgres@127.0.0.1:5432/
legstrong_bench; the database is dropped and created) and redis-server: as in production a
broker is configured, so a write only queues its analysis after commit (tasks never run in the
web process). The benchmark starts a throwaway Redis on a free port (or uses BENCH_REDIS_URL)
and no worker: the first PUT queues one analysis and the rest find it queued, as the writes of
a burst do in production. This module is also the server's settings and URLconf
(DJANGO_SETTINGS_MODULE=bench.api): production settings plus the bare views, which exist only
here.

The throttles stay on. One user PUTs hundreds of times a second here, far beyond production's
300/minute, so the rates are per second and above the load: every write is still counted in
Redis, as in production, and no request is refused.
"""

from __future__ import annotations

import json
import os

# --- settings and URLconf for the server (imported as bench.api) --------------------------
if __name__ != "__main__":
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    # On, but above what wrk can send: the cost of counting is measured, no request is refused.
    os.environ.setdefault("THROTTLE_AUTH_RATE", "100000/second")
    os.environ.setdefault("THROTTLE_WRITE_RATE", "100000/second")
    os.environ.setdefault("JWT_ACCESS_MINUTES", "120")

    from django.http import JsonResponse
    from django.views.decorators.csrf import csrf_exempt

    from config.settings import *  # noqa: F403

    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    ROOT_URLCONF = "bench.api"
    LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

    @csrf_exempt
    def bare(request):
        """The floor: parse a JSON body if there is one and answer with JSON, nothing else."""
        body = json.loads(request.body) if request.body else {}
        return JsonResponse({"ok": True, "echo": body})

    def floor():
        """The framework's floor: a DRF view with the API's own authentication (JWT, the
        caller loaded), permission and throttles, and nothing else. No endpoint can be
        cheaper; its ratio to the bare view is the most any endpoint could reach."""
        from rest_framework.response import Response
        from rest_framework.views import APIView

        class Floor(APIView):
            def get(self, request):
                return Response({"ok": True})

            def put(self, request):
                return Response({"ok": True, "echo": request.data})

        return Floor.as_view()

    def __getattr__(name: str):
        """The URLconf, built when Django first asks (the apps are not loaded at import)."""
        if name != "urlpatterns":
            raise AttributeError(name)
        from django.urls import include, path

        return [
            path("bench/bare/", bare),
            path("bench/floor/", floor()),
            path("", include("config.urls")),
        ]


# --- the benchmark (run as a script) -------------------------------------------------------
def main() -> int:
    import argparse
    import shutil
    import sys
    import tempfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--warmup", type=int, default=3, help="untimed seconds per path first")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed: apt-get install -y wrk", file=sys.stderr)
        return 2

    database_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/legstrong_bench"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.api", "DATABASE_URL": database_url}
    env["PYTHONPATH"] = str(root)
    python = str(root / ".venv" / "bin" / "python")
    broker = None
    if os.environ.get("BENCH_REDIS_URL"):
        env["REDIS_URL"] = os.environ["BENCH_REDIS_URL"]
    else:
        sys.path.insert(0, str(root))
        from tests.integration.services import RedisServer

        if not RedisServer.available():
            print("redis-server is not installed: apt-get install -y redis-server", file=sys.stderr)
            return 2
        broker = RedisServer(Path(tempfile.mkdtemp(prefix="legstrong-bench-redis-"))).start()
        env["REDIS_URL"] = broker.url()
    env.pop("CELERY_BROKER_URL", None)  # the broker is REDIS_URL's

    try:
        return _run(args, root, env, python, database_url)
    finally:
        if broker is not None:
            broker.kill()


def _run(args, root, env: dict, python: str, database_url: str) -> int:
    import re
    import subprocess
    import tempfile
    import time
    import urllib.request
    from pathlib import Path

    _recreate_database(database_url)
    subprocess.run(
        [python, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=root, env=env, check=True
    )
    seeded = subprocess.run(
        [python, "-c", SEED], cwd=root, env=env, check=True, capture_output=True, text=True
    )
    ids = json.loads(seeded.stdout.strip().splitlines()[-1])

    base = f"http://127.0.0.1:{args.port}"
    server = subprocess.Popen(
        [
            str(root / ".venv" / "bin" / "gunicorn"),
            "config.wsgi:application",
            "--workers=2",
            f"--bind=127.0.0.1:{args.port}",
            "--log-level=warning",
        ],
        cwd=root,
        env=env,
    )
    try:
        _wait_until_up(f"{base}/bench/bare/", urllib.request)
        with tempfile.TemporaryDirectory() as scratch:
            scripts = {}
            for name, first in (("put", 0), ("warm_put", 5000)):  # warm-up PUTs other days
                scripts[name] = Path(scratch) / f"{name}.lua"
                scripts[name].write_text(PUT_LUA % {"athlete": ids["athlete"], "first": first})
            scripts["bare_put"] = Path(scratch) / "bare_put.lua"
            scripts["bare_put"].write_text(BARE_PUT_LUA)
            put, bare, athletes = base, f"{base}/bench/bare/", f"{base}/api/v1/athletes/"
            floor = f"{base}/bench/floor/"
            runs = [
                ("PUT sleep check-in", ids["athlete_token"], "put", put),
                ("  bare PUT", None, "bare_put", bare),
                ("  DRF floor PUT", ids["athlete_token"], "bare_put", floor),
                ("GET 50 athletes", ids["coach_token"], None, athletes),
                ("  bare GET", None, None, bare),
                ("  DRF floor GET", ids["coach_token"], None, floor),
            ]
            # Every worker answers every path before anything is timed (imports, first
            # connection, the broker's first publish): production servers are warm.
            for _name, token, script, url in runs:
                script = "warm_put" if script == "put" else script
                _wrk(args, args.warmup, token, scripts.get(script), url, subprocess)
            results = {}
            for name, token, script, url in runs:
                _check(url, token, script, urllib.request)
                output = _wrk(args, args.duration, token, scripts.get(script), url, subprocess)
                results[name] = _parse(output, re)
                time.sleep(1)
    finally:
        server.terminate()
        server.wait(timeout=30)

    queued = _broker_queue_length(env["REDIS_URL"])
    print(
        f"\ngunicorn 2 workers, PostgreSQL, Redis broker ({queued} analyses queued), "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, "
        f"{os.cpu_count()} cores shared by server, database and wrk\n"
    )
    print(f"{'run':<22}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'non-2xx':>10}")
    for name, r in results.items():
        print(f"{name:<22}{r['rps']:>10.0f}{r['p50']:>10.1f}{r['p99']:>10.1f}{r['errors']:>10}")
    pairs = (("PUT sleep check-in", "PUT"), ("GET 50 athletes", "GET"))
    for api, method in pairs:
        a, b, f = results[api], results[f"  bare {method}"], results[f"  DRF floor {method}"]
        print(
            f"{api}: {a['rps'] / b['rps']:.2f}x the bare view's throughput, "
            f"p99 {a['p99']:.1f} ms vs {b['p99']:.1f} ms "
            f"(the DRF floor: {f['rps'] / b['rps']:.2f}x)"
        )
    return 0


def _broker_queue_length(url: str) -> int:
    """Messages waiting on the analysis queue: proof the PUTs published and ran nothing."""
    import redis

    connection = redis.Redis.from_url(url)
    return connection.llen("analysis")


def _recreate_database(url: str) -> None:
    from urllib.parse import urlparse

    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _wait_until_up(url: str, request_module) -> None:
    import time

    for _ in range(100):
        try:
            request_module.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _wrk(args, seconds: int, token: str | None, script, url: str, subprocess) -> str:
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command.append(f"--script={script}")
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    return subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout


def _check(url: str, token: str | None, script, request_module) -> None:
    """One plain request first, so a misconfigured run fails loudly instead of timing 4xx."""
    if script:
        return  # PUT runs are checked by their non-2xx count
    request = request_module.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with request_module.urlopen(request, timeout=10) as response:
        assert response.status == 200, response.status


def _parse(output: str, re) -> dict:
    def latency(label: str) -> float:
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": rps,
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


SEED = """
import django, json
django.setup()
from rest_framework_simplejwt.tokens import RefreshToken
from django.contrib.auth import get_user_model
from coaching.models import Athlete, Coach, Exercise, Organization
User = get_user_model()
org = Organization.objects.create(name="Bench club", timezone="Europe/London")
coach_user = User.objects.create_user("bench-coach", password="bench-passphrase-1")
coach = Coach.objects.create(user=coach_user, organization=org, role="head_coach")
squat = Exercise.objects.get(organization=None, slug="back-squat")
athletes = Athlete.objects.bulk_create(
    Athlete(organization=org, name=f"Athlete {i:02d}", sex="female", height_cm=170,
            body_mass_kg=70, training_age_years=3)
    for i in range(50)
)
for athlete in athletes:
    athlete.coaches.set([coach])
    athlete.goal_lifts.set([squat])
mine = athletes[0]
mine.user = User.objects.create_user("bench-athlete", password="bench-passphrase-2")
mine.save()
print(json.dumps({
    "athlete": mine.pk,
    "coach_token": str(RefreshToken.for_user(coach_user).access_token),
    "athlete_token": str(RefreshToken.for_user(mine.user).access_token),
}))
"""

# Each wrk thread PUTs its own 300 days (back from 2026-11-01, after `first` days), one day per
# request: the first pass creates the rows, every later pass changes their values.
PUT_LUA = """
wrk.headers["Content-Type"] = "application/json"  -- with the -H Authorization header
local threads = 0
function setup(thread)
  thread:set("id", threads)  -- a global of that thread's script
  threads = threads + 1
end
function init(args)
  first = %(first)d + id * 300
  counter = 0
end
request = function()
  local pass = math.floor(counter / 300)
  local day = os.date("!%%Y-%%m-%%d", 1793491200 - (first + counter %% 300) * 86400)
  counter = counter + 1
  local body = string.format('{"hours": %%d, "quality": %%d}', 6 + pass %% 3, 1 + pass %% 5)
  return wrk.format("PUT", "/api/v1/athletes/%(athlete)s/check-ins/sleep/" .. day .. "/",
                    nil, body)
end
"""

BARE_PUT_LUA = """
wrk.method = "PUT"
wrk.body = '{"hours": 7, "quality": 4}'
wrk.headers["Content-Type"] = "application/json"
"""


if __name__ == "__main__":
    raise SystemExit(main())
