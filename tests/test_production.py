"""The production configuration, built and served for real: DEBUG off, collectstatic, gunicorn.

Nothing else in the suite takes the paths only production takes: the manifest static storage
(a file that names a missing one fails `collectstatic`, and every page that links it answers
500), the https redirect, secure cookies and CSRF over https, the error pages with DEBUG off.
So this module runs the deployment files' own commands (the Dockerfile's `collectstatic` and
gunicorn command line, the compose file's migration) against a database of its own, then talks
HTTP to gunicorn the way a TLS-terminating proxy does (`X-Forwarded-Proto: https`).

The served site's database is new and empty: a PostgreSQL database created and dropped here
when the suite runs on PostgreSQL (as in CI), otherwise an SQLite file. The subprocesses fill
it (`migrate`, `seed_demo --force`), so what the site serves is committed before it starts.
Every wait is bounded, and gunicorn is always stopped.
"""

import http.client
import json
import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
import pytest
import yaml
from psycopg import sql

from coaching.demo.cast import DEMO_PASSWORD, HEAD_COACH
from tests.conftest import redis_url
from tests.test_docker_compose import COMPOSE_FILE, ROOT, dockerfile_instructions

pytestmark = pytest.mark.production

COMMAND_TIMEOUT_S = 180
STARTUP_TIMEOUT_S = 30
REQUEST_TIMEOUT_S = 10
STOP_TIMEOUT_S = 10
TEMPLATE_DIRS = (ROOT / "templates", ROOT / "coaching" / "templates")
DISALLOWED_HOST = "evil.example"
STATIC_TAG = re.compile(r"""{%\s*static\s+['"](?P<path>[^'"]+)['"]\s*%}""")


# --- the deployment files' own commands ------------------------------------------------------


def python_command(args: list[str]) -> list[str]:
    """A documented command with this interpreter in place of `python` or an entry point."""
    if args[0] == "python":
        return [sys.executable, *args[1:]]
    return [sys.executable, "-m", args[0], *args[1:]]


def dockerfile_collectstatic() -> tuple[dict[str, str], list[str]]:
    """The Dockerfile's `RUN env NAME=value ... python manage.py collectstatic ...` step."""
    (step,) = [args for keyword, args in dockerfile_instructions() if "collectstatic" in args]
    words = shlex.split(step)
    assert words[0] == "env"
    assignments = [word for word in words[1:] if re.fullmatch(r"[A-Z_]+=.*", word)]
    command = words[1 + len(assignments) :]
    return dict(a.split("=", 1) for a in assignments), python_command(command)


def dockerfile_gunicorn(bind: str) -> list[str]:
    """The image's CMD, bound to `bind` instead of the container's 0.0.0.0:8000."""
    cmd = json.loads([args for keyword, args in dockerfile_instructions() if keyword == "CMD"][-1])
    assert cmd[0] == "gunicorn"
    args = [arg for arg in cmd if not arg.startswith(("--bind", "-b"))]
    return [*python_command(args), f"--bind={bind}"]


def compose_service(name: str) -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())["services"][name]


def compose_migrate() -> list[str]:
    return python_command(compose_service("migrate")["command"])


def compose_healthcheck(name: str) -> list[str]:
    """A service's `CMD python -c ...` healthcheck, run by this interpreter."""
    test = compose_service(name)["healthcheck"]["test"]
    assert test[:2] == ["CMD", "python"]
    return python_command(test[1:])


def run(command: list[str], env: dict[str, str]) -> str:
    """Run a command to completion within the time limit; its output, or a failure with it."""
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_S,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{shlex.join(command)} exited {done.returncode}:\n{output}"
    return output


# --- a database of the site's own --------------------------------------------------------------


@contextmanager
def database_of_its_own(directory: Path) -> Iterator[str]:
    """The DATABASE_URL of a new, empty database, removed afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        yield f"sqlite:///{directory / 'production.sqlite3'}"
        return
    parts = urlsplit(url)
    name = f"test_{parts.path.lstrip('/') or 'legstrong'}_production"
    conninfo = parts._replace(scheme="postgresql", path="/postgres").geturl()
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(conninfo, autocommit=True) as maintenance:
        maintenance.execute(drop)
        maintenance.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(conninfo, autocommit=True) as maintenance:
            maintenance.execute(drop)


# --- HTTP as the proxy in front of gunicorn speaks it ------------------------------------------


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


@dataclass
class Browser:
    """Plain http to gunicorn with `X-Forwarded-Proto: https`, as a TLS proxy forwards it.

    It keeps cookies itself: the site's cookies are `Secure`, which Python's cookie jars only
    return over https, while a browser behind the proxy does send them.
    """

    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, *, https: bool = True, **options) -> Reply:
        headers = dict(options.get("headers", {}))
        if https:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = options.get("form")
        if body is not None:
            body = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_S)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            reply = Reply(response.status, response.headers, response.read())
        finally:
            connection.close()
        for header in reply.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return reply

    def get(self, path: str, **options) -> Reply:
        return self.request("GET", path, **options)

    def login_form(self, username: str, password: str) -> dict[str, str]:
        """The admin login form as its page fills it in, CSRF token included."""
        page = self.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert page.status == 200 and token, page.text[:500]
        return {
            "csrfmiddlewaretoken": token[1],
            "username": username,
            "password": password,
            "next": "/admin/",
        }

    def post_form(self, path: str, form: dict[str, str]) -> Reply:
        headers = {"Origin": self.origin, "Referer": f"{self.origin}{path}"}
        return self.request("POST", path, form=form, headers=headers)

    def sign_in(self, username: str, password: str) -> Reply:
        return self.post_form("/admin/login/", self.login_form(username, password))


# --- the served site ---------------------------------------------------------------------------


@dataclass
class Site:
    port: int
    static_root: Path
    env: dict[str, str]
    log: Path

    def browser(self) -> Browser:
        return Browser(self.port)

    def manifest(self) -> dict[str, str]:
        return json.loads((self.static_root / "staticfiles.json").read_text())["paths"]

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def production_environment(*, port: int, static_root: Path, database_url: str) -> dict:
    """What an operator sets (docs/deployment.md), on this machine, with no broker.

    Broker and cache are set empty on purpose: tasks then run in-process, and a REDIS_URL of
    the test run (or of a developer's .env) cannot leak this site's messages into it.
    """
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"https://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(static_root),
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
        "CACHE_URL": "",
        "EMAIL_URL": "consolemail://",
        "LOG_LEVEL": "INFO",
    }


def wait_until_serving(process: subprocess.Popen, browser: Browser, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            if browser.get("/admin/login/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"gunicorn did not serve within {STARTUP_TIMEOUT_S} s:\n{log.read_text()[-4000:]}")


def stop(process: subprocess.Popen) -> None:
    """TERM gunicorn's master (it stops its workers); KILL its process group if it hangs."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=STOP_TIMEOUT_S)


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    """The Dockerfile's collectstatic step, into a directory of this run."""
    root = tmp_path_factory.mktemp("static")
    build_env, command = dockerfile_collectstatic()
    run(command, {**os.environ, **build_env, "STATIC_ROOT": str(root)})
    return root


@pytest.fixture(scope="module")
def site(static_root, tmp_path_factory) -> Iterator[Site]:
    directory = tmp_path_factory.mktemp("site")
    listener = socket.create_server(("127.0.0.1", 0))  # gunicorn inherits it: no port race
    port = listener.getsockname()[1]
    log = directory / "gunicorn.log"
    with listener, database_of_its_own(directory) as database_url:
        env = production_environment(port=port, static_root=static_root, database_url=database_url)
        run(compose_migrate(), env)
        run([sys.executable, "manage.py", "seed_demo", "--force"], env)
        command = dockerfile_gunicorn(f"fd://{listener.fileno()}")
        with log.open("w") as output:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env={**env, "XDG_RUNTIME_DIR": str(directory)},  # its control socket, not ~'s
                stdout=output,
                stderr=subprocess.STDOUT,
                pass_fds=(listener.fileno(),),
                start_new_session=True,
            )
        try:
            wait_until_serving(process, Browser(port), log)
            yield Site(port=port, static_root=static_root, env=env, log=log)
        finally:
            stop(process)
    # Every 500 logs an ERROR line (django.request), and gunicorn logs [ERROR] or [CRITICAL]
    # for a crashed worker; the refused Host of the test that sends one is expected.
    errors = [
        line
        for line in log.read_text().splitlines()
        if re.search(r"\b(ERROR|CRITICAL)\b", line) and DISALLOWED_HOST not in line
    ]
    assert errors == [], f"the site logged errors:\n{log.read_text()[-4000:]}"


@pytest.fixture
def signed_in(site) -> Browser:
    browser = site.browser()
    reply = browser.sign_in(HEAD_COACH[0], DEMO_PASSWORD)
    assert reply.status == 302, f"{reply.status}: {reply.text[:500]}\n{site.log_tail()}"
    assert reply.headers["Location"] == "/admin/"
    return browser


def static_path(site: Site, name: str) -> str:
    return f"/static/{site.manifest()[name]}"


# --- building --------------------------------------------------------------------------------


def test_collectstatic_hashes_the_vendored_chart_library_and_the_swagger_ui(static_root):
    paths = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    for name in (
        "coaching/vendor/chartjs-4.6.1/chart.umd.min.js",
        "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "admin/css/base.css",
    ):
        assert paths[name] != name
        assert (static_root / paths[name]).is_file()


def test_every_static_file_a_template_names_is_collected(static_root):
    paths = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    named = {
        match["path"]
        for directory in TEMPLATE_DIRS
        for template in directory.rglob("*.html")
        for match in STATIC_TAG.finditer(template.read_text())
    }
    assert named, "no {% static %} tag found: the pattern no longer matches the templates"
    assert named - set(paths) == set()


def test_the_production_settings_pass_the_deployment_checks(site):
    command = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    assert "no issues" in run(command, site.env)


# --- serving ---------------------------------------------------------------------------------


def test_the_compose_web_healthcheck_passes_against_the_served_site(site):
    command = compose_healthcheck("web")
    command[-1] = command[-1].replace("127.0.0.1:8000", f"127.0.0.1:{site.port}")
    run(command, site.env)


@pytest.mark.redis
def test_the_compose_beat_healthcheck_passes_while_its_broker_answers(site):
    run(compose_healthcheck("beat"), {**site.env, "REDIS_URL": redis_url()})


def test_the_compose_beat_healthcheck_fails_while_its_broker_is_down(site):
    with socket.create_server(("127.0.0.1", 0)) as closed:
        port = closed.getsockname()[1]
    env = {**site.env, "REDIS_URL": f"redis://127.0.0.1:{port}/0"}
    done = subprocess.run(
        compose_healthcheck("beat"), cwd=ROOT, env=env, capture_output=True, timeout=60
    )
    assert done.returncode != 0


def test_the_admin_login_page_answers_200(site):
    reply = site.browser().get("/admin/login/")
    assert reply.status == 200
    assert 'name="csrfmiddlewaretoken"' in reply.text


def test_https_responses_carry_hsts_and_secure_cookies(site):
    reply = site.browser().get("/admin/login/")
    assert "max-age=31536000" in reply.headers["Strict-Transport-Security"]
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["X-Frame-Options"] == "DENY"
    cookies = reply.headers.get_all("Set-Cookie") or []
    assert cookies and all("Secure" in cookie for cookie in cookies)


def test_plain_http_is_redirected_to_https(site):
    reply = site.browser().get("/admin/login/", https=False)
    assert reply.status == 301
    assert reply.headers["Location"] == f"https://127.0.0.1:{site.port}/admin/login/"


def test_a_coach_signs_in_through_the_admin_form_and_gets_the_dashboard(signed_in):
    reply = signed_in.get("/admin/")
    assert reply.status == 200
    assert "Legstrong coach dashboard" in reply.text
    assert 'class="athlete-link"' in reply.text  # the demo's flags need attention


def test_an_athlete_page_after_sign_in_loads_its_scripts_by_hashed_name(site, signed_in):
    index = signed_in.get("/admin/").text
    athlete_page = re.search(
        r'class="athlete-link" href="(/admin/coaching/athlete/\d+/change/)"', index
    )
    assert athlete_page, index[:1000]
    reply = signed_in.get(athlete_page[1])
    assert reply.status == 200, site.log_tail()
    for name in ("coaching/vendor/chartjs-4.6.1/chart.umd.min.js", "coaching/athlete_charts.js"):
        assert f'src="{static_path(site, name)}"' in reply.text
        assert signed_in.get(static_path(site, name)).status == 200


STATIC_LINK = re.compile(r'(?:src|href)="(/static/[^"]+)"')


def test_every_static_file_the_pages_link_is_served(site, signed_in):
    index = signed_in.get("/admin/").text
    athlete_page = re.search(r'href="(/admin/coaching/athlete/\d+/change/)"', index)[1]
    pages = ("/admin/", athlete_page, "/admin/assessments/flag/", "/api/v1/docs/")
    linked = set(STATIC_LINK.findall(site.browser().get("/admin/login/").text))
    for page in pages:
        reply = signed_in.get(page)
        assert reply.status == 200, f"{page}: {reply.status}"
        linked |= set(STATIC_LINK.findall(reply.text))
    assert len(linked) >= 5, linked
    failed = {path: status for path in linked if (status := signed_in.get(path).status) != 200}
    assert failed == {}


def test_a_host_that_is_not_allowed_is_a_400(site):
    reply = site.browser().get("/admin/login/", headers={"Host": DISALLOWED_HOST})
    assert reply.status == 400


def test_a_wrong_password_shows_the_form_again_with_an_error(site):
    reply = site.browser().sign_in("coach", "not-the-password")
    assert reply.status == 200
    assert "Please enter the correct username and password" in reply.text


def test_a_login_post_without_the_csrf_cookie_is_refused(site):
    browser = site.browser()
    form = browser.login_form(HEAD_COACH[0], DEMO_PASSWORD)
    del browser.cookies["csrftoken"]
    reply = browser.post_form("/admin/login/", form)
    assert reply.status == 403
    assert "sessionid" not in browser.cookies


def test_the_swagger_ui_answers_200_and_its_bundle_is_served(site):
    browser = site.browser()
    reply = browser.get("/api/v1/docs/")
    assert reply.status == 200, site.log_tail()
    bundle = static_path(site, "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert bundle in reply.text
    assert browser.get(bundle).status == 200


def test_the_openapi_schema_the_swagger_ui_reads_answers_200(site):
    reply = site.browser().get("/api/v1/schema/", headers={"Accept": "application/json"})
    assert reply.status == 200, site.log_tail()
    assert json.loads(reply.body)["info"]["title"] == "Legstrong API"


def test_a_hashed_static_file_is_served_compressed_and_cached_for_good(site):
    reply = site.browser().get(
        static_path(site, "coaching/dashboard.css"), headers={"Accept-Encoding": "gzip"}
    )
    assert reply.status == 200
    assert reply.headers["Content-Encoding"] == "gzip"
    assert "immutable" in reply.headers["Cache-Control"]


def test_a_missing_static_file_is_a_404(site):
    assert site.browser().get("/static/coaching/no-such-file.js").status == 404


def test_an_unknown_page_is_the_404_page(site):
    reply = site.browser().get("/no-such-page/")
    assert reply.status == 404
    assert "Page not found" in reply.text


def test_an_unknown_api_address_is_a_json_404(site):
    reply = site.browser().get("/api/v1/no-such-resource/")
    assert reply.status == 404
    assert json.loads(reply.body) == {"detail": "Not found."}
