"""Admin changelists page through rows that tie on the sorted column without skip or repeat.

Django's ChangeList appends the primary key to any order that is not already total; this test
keeps that true for the coach dashboard's paged lists (CI runs it on PostgreSQL, where ties
otherwise come back in any order).
"""

import datetime as dt

import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 1, 1)


@pytest.mark.parametrize("sort", ["2", "-2"])  # the date column, ascending and descending
def test_sessions_on_two_dates_page_in_the_admin_without_skip_or_repeat(client, sort):
    coach = f.CoachFactory()
    athlete = f.AthleteFactory(organization=coach.organization, coaches=[coach])
    for i in range(120):
        f.TrainingSessionFactory(athlete=athlete, date=DAY + dt.timedelta(days=i % 2))
    client.force_login(coach.user)
    url = reverse("admin:coaching_trainingsession_changelist")
    seen = []
    for page in (1, 2, 3):
        answer = client.get(url, {"o": sort, "p": page})
        assert answer.status_code == 200
        seen += [session.pk for session in answer.context["cl"].result_list]
    assert len(seen) == len(set(seen)) == 120
