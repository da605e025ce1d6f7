"""A newcomer's `make run`: links in e-mails point at the server it starts, and the log is quiet.

Settings are read once per process, so each case loads them in a fresh interpreter with the
environment it describes. Variables the case does not name are set empty, so neither the test
run's own environment (CI sets REDIS_URL) nor a developer's .env can decide the answer.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 60

SHOW_SETTINGS = """
import django, json
django.setup()
from django.conf import settings
print(json.dumps({name: getattr(settings, name) for name in NAMES}))
"""


OUTSIDE_VARIABLES = {"HOST", "PORT", "SITE_URL", "MAKEFLAGS", "MFLAGS", "MAKELEVEL"}


def environment(**variables: str) -> dict[str, str]:
    """This process's environment without what `make test` or the caller's shell set."""
    env = {k: v for k, v in os.environ.items() if k not in OUTSIDE_VARIABLES}
    env.update({"REDIS_URL": "", "CELERY_BROKER_URL": "", "CACHE_URL": ""})
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", **variables})
    return env


def python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done


def settings_in(env: dict[str, str], *names: str) -> dict:
    code = f"NAMES = {names!r}\n{SHOW_SETTINGS}"
    return json.loads(python(code, env).stdout.splitlines()[-1])


# --- SITE_URL follows the address `make run` serves -------------------------------------------


PRINT_SITE_URL = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps({'SITE_URL': settings.SITE_URL}))"
)


def test_make_run_on_another_port_links_emails_to_that_port():
    """Through the Makefile itself: the HOST and PORT it exports reach the processes it starts.

    A one-line makefile read from stdin adds a target that prints SITE_URL as settings see it.
    """
    extra_target = f'_site-url:\n\t@$(PY) -c "{PRINT_SITE_URL}"\n'
    command = ["make", "-s", "-f", "Makefile", "-f", "-", "_site-url", "PORT=8123"]
    done = subprocess.run(
        [*command, f"PY={sys.executable}"],
        cwd=ROOT,
        env=environment(),
        input=extra_target,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == '{"SITE_URL": "http://127.0.0.1:8123"}'


def test_site_url_follows_host_and_port():
    env = environment(HOST="localhost", PORT="8123")
    assert settings_in(env, "SITE_URL") == {"SITE_URL": "http://localhost:8123"}


def test_site_url_defaults_to_the_address_make_run_serves_by_default():
    assert settings_in(environment(), "SITE_URL") == {"SITE_URL": "http://127.0.0.1:8000"}


def test_a_site_url_that_is_set_wins_over_host_and_port():
    env = environment(SITE_URL="https://coach.example.com/", HOST="localhost", PORT="8123")
    assert settings_in(env, "SITE_URL") == {"SITE_URL": "https://coach.example.com"}


# --- no broker: tasks in-process, and nothing logged about a broker ----------------------------

RUN_A_TASK = """
import django
django.setup()
from config.celery import app

@app.task
def add(a, b):
    return a + b

print("result", add.apply_async((2, 3)).get())
"""


def test_a_task_run_in_process_without_a_broker_logs_no_kombu_warning():
    done = python(RUN_A_TASK, environment())
    assert "result 5" in done.stdout
    assert "kombu" not in done.stderr
    assert "WARNING" not in done.stderr


def test_without_a_broker_tasks_run_in_process():
    names = ("CELERY_TASK_ALWAYS_EAGER",)
    assert settings_in(environment(), *names) == {"CELERY_TASK_ALWAYS_EAGER": True}


@pytest.mark.parametrize("variable", ["REDIS_URL", "CELERY_BROKER_URL"])
def test_a_configured_broker_sends_tasks_to_it(variable):
    env = environment(**{variable: "redis://127.0.0.1:6379/13"})
    found = settings_in(env, "CELERY_BROKER_URL", "CELERY_TASK_ALWAYS_EAGER")
    assert found == {
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/13",
        "CELERY_TASK_ALWAYS_EAGER": False,
    }
