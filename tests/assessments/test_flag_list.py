"""The flag list fits a coach's screen: short local times, kind left to the filters."""

import datetime as dt

import pytest
from django.utils import timezone

from assessments.admin import short_datetime
from tests import factories as f


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (dt.datetime(2026, 11, 24, 21, 33, tzinfo=dt.UTC), "24\u00a0Nov 21:33"),
        (dt.datetime(2025, 3, 2, 7, 5, tzinfo=dt.UTC), "2\u00a0Mar\u00a02025 07:05"),
        (None, "-"),
    ],
)
def test_short_datetime(value, shown, settings):
    settings.TIME_ZONE = "UTC"
    now = dt.datetime(2026, 11, 24, 22, 0, tzinfo=dt.UTC)
    with timezone.override("UTC"), pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: now)
        assert short_datetime(value) == shown


def test_short_datetime_is_in_the_current_time_zone():
    value = dt.datetime(2026, 6, 1, 23, 30, tzinfo=dt.UTC)
    with timezone.override("Europe/London"):
        assert short_datetime(value).endswith("00:30")


@pytest.mark.django_db
def test_the_flag_list_shows_the_short_columns(admin_client):
    flag = f.FlagFactory()
    response = admin_client.get("/admin/assessments/flag/")
    assert response.status_code == 200
    page = response.content.decode()
    for heading in ("Athlete", "Code", "Severity", "Status", "Opened", "Last seen"):
        assert heading in page
    assert short_datetime(flag.opened_at) in page
