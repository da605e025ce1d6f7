"""Playwright driving Debian's Chromium against pytest-django's live server, on the demo club.

Every test here is marked `browser` (skipped without Chromium or playwright locally, failed in
CI) and transactional: the live server runs in another thread and sees only committed data.

While a Playwright sync session is open, the test thread has Playwright's event loop marked as
running, and Django refuses ORM calls from a thread with a running loop. So the demo data is
built before the browser starts, and `orm()` runs database checks in a worker thread rather
than switching Django's guard off with DJANGO_ALLOW_ASYNC_UNSAFE.
"""

import importlib
import io
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.management import create_contenttypes
from django.core.management import call_command
from django.db import connections

from assessments.services import analyse_athletes
from coaching.demo.cast import DEMO_ORGANIZATION, DEMO_PASSWORD
from coaching.models import Athlete
from tests import factories as f
from tests.conftest import CHROMIUM

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"  # git-ignored
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium keeps calling home, and on a closed network that is a flood of
    # refused connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}


def seed_catalogue() -> None:
    """The shared exercise catalogue, as migration 0002 seeds it (idempotent)."""
    migration = importlib.import_module("coaching.migrations.0002_seed_exercise_catalogue")
    migration.seed(django_apps, None)


def restore_reference_data() -> None:
    """Put back the rows an earlier transactional test's flush may have removed.

    Every flush empties the exercise catalogue. A serialized-rollback test (tests/api) ends
    with a flush that skips post_migrate, which leaves no content types while Django's cache
    still holds their old ids, so the admin's change log would point at missing rows.
    """
    for app_config in django_apps.get_app_configs():
        create_contenttypes(app_config, verbosity=0)  # clears the content type cache first
    seed_catalogue()


@pytest.fixture(scope="session", autouse=True)
def _catalogue_survives_transactional_tests(django_db_setup, django_db_blocker):
    """These tests end with a flush that empties the catalogue; put it back for later tests
    and for a reused test database (as tests/api/conftest.py does)."""
    yield
    with django_db_blocker.unblock():
        seed_catalogue()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demo_club(transactional_db):
    """The demo club with every athlete analysed, plus a coach of another organization."""
    restore_reference_data()
    call_command("seed_demo", force=True, stdout=io.StringIO())
    athletes = Athlete.objects.filter(organization__name=DEMO_ORGANIZATION)
    analyse_athletes(athlete_ids=list(athletes.values_list("pk", flat=True)))
    stranger = f.CoachFactory(user__username="stranger-coach")
    return {
        "athletes": {athlete.name: athlete for athlete in athletes},
        "password": DEMO_PASSWORD,
        "stranger": stranger.user.username,
        "stranger_password": f.PASSWORD,
    }


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def browser(demo_club, live_server):
    """A headless Chromium for one test; closed before the test's database flush."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def new_page(browser, live_server):
    """Pages of fresh browser contexts (one per person, so sessions never mix)."""
    contexts = []

    def make():
        context = browser.new_context(base_url=live_server.url, viewport=VIEWPORT)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def orm(function, *args, **kwargs):
    """Run `function` in a thread without Playwright's event loop, where Django allows the ORM.

    The data is committed (transactional tests), so the thread's own connection sees it.
    """

    def call():
        try:
            return function(*args, **kwargs)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result()
