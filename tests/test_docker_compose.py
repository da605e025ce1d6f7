"""The deployment files, checked without Docker.

Docker does not run on the development machines, so docker-compose.yml, the Dockerfile,
.dockerignore and .env.example are verified here by parsing them: every service is wired to
the ones it needs, the app processes share one image and one environment, and every variable
the compose file sets is one config/settings.py actually reads, so the two cannot drift.
"""

import importlib.util
import json
import re
from importlib.metadata import packages_distributions
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"

WORKERS = ("worker", "worker-alerts")
APP_SERVICES = ("migrate", "web", *WORKERS, "beat")
LONG_RUNNING_SERVICES = ("postgres", "redis", "mailpit", "web", *WORKERS, "beat")

# ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ...; `$${...}` is an escape.
INTERPOLATION = re.compile(r"(?<!\$)\$\{(?P<name>\w+)(?:(?P<op>:?[-?+])(?P<arg>[^}]*))?\}")
# env("X"), env.bool("X"), env.list("X"), env.db_url("X"), ... in config/settings.py.
SETTINGS_ENV_READ = re.compile(r"""\benv(?:\.\w+)?\(\s*["'](?P<name>[A-Z][A-Z0-9_]*)["']""")


# --- helpers ----------------------------------------------------------------------------------


def with_defaults(value: str) -> str:
    """The value compose would use with no .env: defaults filled in, required ones marked."""

    def replace(match: re.Match) -> str:
        op = match["op"] or ""
        if op.endswith("-"):
            return match["arg"]
        return f"<{match['name']}>"

    return INTERPOLATION.sub(replace, value)


def option_value(args: list[str], *names: str) -> str | None:
    """The value of a command-line option written as `--opt value` or `--opt=value`."""
    for index, arg in enumerate(args):
        for name in names:
            if arg == name and index + 1 < len(args):
                return args[index + 1]
            if arg.startswith(f"{name}="):
                return arg.split("=", 1)[1]
    return None


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuations joined."""
    instructions, pending = [], ""
    for line in DOCKERFILE.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        keyword, _, arguments = (pending + stripped).partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
        pending = ""
    return instructions


def distribution_key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names() -> set[str]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    pins = (re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", line) for line in lines)
    return {distribution_key(pin[0]) for pin in pins if pin}


def settings_env_names() -> set[str]:
    return set(SETTINGS_ENV_READ.findall((ROOT / "config" / "settings.py").read_text()))


def assert_gunicorn_serves_config_wsgi(args: list[str]) -> None:
    assert args[0] == "gunicorn"
    assert "config.wsgi:application" in args
    assert option_value(args, "--bind", "-b") == "0.0.0.0:8000"
    assert int(with_defaults(option_value(args, "--workers", "-w") or "1")) >= 2
    assert option_value(args, "--access-logfile") == "-", "access log goes to stdout"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


@pytest.fixture(scope="module")
def app_env(services) -> dict:
    return services["web"]["environment"]


# --- services and their wiring ----------------------------------------------------------------


def test_compose_file_defines_the_stack_without_a_version_key(compose, services):
    assert "version" not in compose, "the Compose Specification has no top-level version"
    assert set(services) == {
        "postgres",
        "redis",
        "mailpit",
        "migrate",
        "web",
        "worker",
        "worker-alerts",
        "beat",
    }


@pytest.mark.parametrize("name", LONG_RUNNING_SERVICES)
def test_long_running_service_has_a_healthcheck_and_restarts(services, name):
    service = services[name]
    test = service.get("healthcheck", {}).get("test")
    assert isinstance(test, list), f"{name} needs a healthcheck with a test"
    assert test[0] in {"CMD", "CMD-SHELL"} and len(test) > 1
    assert service.get("restart") == "unless-stopped"


def test_migrate_runs_once_after_postgres_is_healthy(services):
    migrate = services["migrate"]
    assert migrate["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"] == {"postgres": {"condition": "service_healthy"}}


@pytest.mark.parametrize("name", ["web", *WORKERS, "beat"])
def test_app_process_waits_for_healthy_services_and_finished_migrations(services, name):
    assert services[name]["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
        "mailpit": {"condition": "service_healthy"},
        "migrate": {"condition": "service_completed_successfully"},
    }


def test_app_services_share_one_image_and_one_environment(compose, services):
    shared = compose["x-app"]
    for name in APP_SERVICES:
        assert services[name]["image"] == shared["image"], name
        assert services[name]["environment"] == shared["environment"], name


def test_the_shared_image_is_built_once_from_the_repository_dockerfile(compose, services):
    builders = [name for name, service in services.items() if "build" in service]
    assert builders == ["migrate"], "one service builds the image the others run"
    build = services["migrate"]["build"]
    assert (ROOT / build["context"] / build.get("dockerfile", "Dockerfile")).is_file()


def test_database_url_points_at_the_postgres_service(services, app_env):
    url = urlsplit(app_env["DATABASE_URL"])
    postgres = services["postgres"]["environment"]
    assert (url.scheme, url.hostname, url.port) == ("postgres", "postgres", 5432)
    assert url.username == postgres["POSTGRES_USER"]
    assert url.password == postgres["POSTGRES_PASSWORD"]
    assert url.path.lstrip("/") == postgres["POSTGRES_DB"]


def test_redis_url_points_at_the_redis_service(app_env):
    url = urlsplit(app_env["REDIS_URL"])
    assert (url.scheme, url.hostname, url.port) == ("redis", "redis", 6379)


def test_email_url_points_at_mailpit_smtp(app_env):
    url = urlsplit(app_env["EMAIL_URL"])
    assert (url.scheme, url.hostname, url.port) == ("smtp", "mailpit", 1025)


def test_data_services_keep_their_data_in_named_volumes(compose, services):
    assert services["redis"]["command"] == ["redis-server", "--appendonly", "yes"]
    mounts = {
        "postgres": "/var/lib/postgresql/data",
        "redis": "/data",
    }
    for name, target in mounts.items():
        volume = next(v.split(":")[0] for v in services[name]["volumes"] if v.endswith(target))
        assert volume in compose["volumes"], f"{name} data must survive `docker compose down`"


def test_ports_published_for_the_api_and_the_mailpit_ui(services):
    assert any(port.endswith(":8000") for port in services["web"]["ports"])
    assert any(port.endswith(":8025") for port in services["mailpit"]["ports"])


# --- processes --------------------------------------------------------------------------------


def test_web_runs_gunicorn_on_config_wsgi(services):
    assert_gunicorn_serves_config_wsgi(services["web"]["command"])


def test_web_healthcheck_requests_the_admin_login_on_an_allowed_host(services, app_env):
    check = " ".join(services["web"]["healthcheck"]["test"])
    url = re.search(r"http://[^\"']+", check)[0]
    assert urlsplit(url).path == "/admin/login/" and urlsplit(url).port == 8000
    assert "curl" not in check and "urllib" in check
    allowed_hosts = with_defaults(app_env["ALLOWED_HOSTS"]).split(",")
    assert urlsplit(url).hostname in allowed_hosts, "Django would answer the check with 400"


def queues_of(service: dict) -> set[str]:
    command = service["command"]
    assert command[:4] == ["celery", "-A", "config", "worker"]
    return set(option_value(command, "-Q", "--queues").split(","))


def test_workers_serve_every_queue_the_tasks_are_routed_to(services):
    routed = {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
    served = set().union(*(queues_of(services[name]) for name in WORKERS))
    assert served == routed | {settings.CELERY_TASK_DEFAULT_QUEUE}


def test_red_flag_alerts_have_a_worker_of_their_own(services):
    """A nightly backlog of analyses on one worker cannot delay a red-flag e-mail."""
    assert queues_of(services["worker-alerts"]) == {"alerts"}
    assert "alerts" not in queues_of(services["worker"])


@pytest.mark.parametrize("name", WORKERS)
def test_worker_healthcheck_pings_its_own_node(services, name):
    check = " ".join(services[name]["healthcheck"]["test"])
    assert "celery -A config inspect ping" in check
    assert "celery@$$HOSTNAME" in check, "$$ so the container's shell expands it, not compose"


def test_beat_runs_the_config_celery_app(services):
    assert services["beat"]["command"][:4] == ["celery", "-A", "config", "beat"]


@pytest.mark.parametrize(
    ("module", "attribute"),
    [("config.wsgi", "application"), ("config.celery", "app")],
)
def test_entry_points_named_in_the_commands_exist(module, attribute):
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin, f"{module} is missing"
    source = Path(spec.origin).read_text()
    assert re.search(rf"^{attribute} = ", source, re.MULTILINE), f"{module}.{attribute}"


# --- configuration ----------------------------------------------------------------------------


def test_compose_sets_only_variables_that_settings_reads(app_env):
    read_by_settings = settings_env_names()
    assert {"SECRET_KEY", "DATABASE_URL", "EMAIL_URL"} <= read_by_settings, "regex broke"
    unknown = set(app_env) - read_by_settings
    assert not unknown, f"config/settings.py never reads {sorted(unknown)}"


def test_compose_runs_the_app_in_production_mode_with_a_required_secret_key(app_env):
    assert app_env["DEBUG"] == "false"
    secret = INTERPOLATION.fullmatch(app_env["SECRET_KEY"])
    assert secret and secret["name"] == "SECRET_KEY" and secret["op"] == ":?"
    assert with_defaults(app_env["SECURE_SSL_REDIRECT"]) == "false", "local stack is plain http"


def test_env_example_documents_exactly_the_compose_variables():
    in_compose = {m["name"] for m in INTERPOLATION.finditer(COMPOSE_FILE.read_text())}
    example = (ROOT / ".env.example").read_text()
    documented = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", example, re.MULTILINE))
    assert documented == in_compose
    assert re.search(r"^SECRET_KEY=\S+", example, re.MULTILINE), "SECRET_KEY left uncommented"


def test_deployment_doc_lists_every_variable_settings_reads():
    doc = (ROOT / "docs" / "deployment.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", doc, re.MULTILINE))
    missing = settings_env_names() - documented
    assert not missing, f"docs/deployment.md has no row for {sorted(missing)}"


# --- Dockerfile and build context -------------------------------------------------------------


def test_dockerfile_builds_on_python_311_slim():
    assert dockerfile_instructions()[0] == ("FROM", "python:3.11-slim")


def test_dockerfile_installs_requirements_without_pip_cache():
    instructions = dockerfile_instructions()
    copy_index = instructions.index(("COPY", "requirements.txt ./"))
    installs = [
        index
        for index, (keyword, args) in enumerate(instructions)
        if keyword == "RUN" and "pip install" in args and "-r requirements.txt" in args
    ]
    assert installs and installs[0] > copy_index
    assert "--no-cache-dir" in instructions[installs[0]][1]


def test_requirements_cover_every_installed_app_and_the_process_runners():
    """The image installs requirements.txt only: a package missing there breaks the build."""
    required = requirement_names()
    assert {"gunicorn", "celery", "redis", "psycopg", "whitenoise"} <= required
    owners = packages_distributions()
    missing = set()
    for app in settings.INSTALLED_APPS:
        package = app.split(".")[0]
        if (ROOT / package).is_dir():
            continue  # the project's own apps are copied into the image
        distributions = {distribution_key(d) for d in owners.get(package, [package])}
        if not distributions & required:
            missing.add(package)
    assert not missing, f"INSTALLED_APPS needs packages absent from requirements.txt: {missing}"


def test_dockerfile_collects_static_with_a_build_only_secret_key():
    instructions = dockerfile_instructions()
    collect = [args for keyword, args in instructions if "collectstatic" in args]
    assert len(collect) == 1
    assert collect[0].startswith("env ") and "DEBUG=false" in collect[0]
    assert "SECRET_KEY=" in collect[0]
    for keyword, args in instructions:
        if keyword in {"ENV", "ARG"}:
            assert "SECRET_KEY" not in args, "the build key must not stay in the image"


def test_dockerfile_runs_as_a_non_root_user():
    users = [args for keyword, args in dockerfile_instructions() if keyword == "USER"]
    assert users, "no USER instruction: the container would run as root"
    assert users[-1].split(":")[0] not in {"root", "0"}


def test_dockerfile_serves_gunicorn_on_port_8000():
    instructions = dockerfile_instructions()
    assert ("EXPOSE", "8000") in instructions
    cmd = [args for keyword, args in instructions if keyword == "CMD"][-1]
    assert_gunicorn_serves_config_wsgi(json.loads(cmd))


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    expected = {".git", ".venv", ".env", "db.sqlite3", "staticfiles", "screenshots"}
    assert expected <= ignored
    assert "**/__pycache__" in ignored
