import datetime as dt

import pytest

from tests import factories as f


@pytest.fixture
def club():
    """An organization with a head coach, the athlete's coach, and a coach of someone else."""
    org = f.OrganizationFactory(timezone="Europe/London")
    head = f.HeadCoachFactory(organization=org)
    coach = f.CoachFactory(organization=org)
    other = f.CoachFactory(organization=org)
    athlete = f.AthleteFactory(organization=org, coaches=[coach], name="Nina Numb")
    return {"org": org, "head": head, "coach": coach, "other": other, "athlete": athlete}


def report_numbness(athlete, days_ago=1):
    return f.SymptomReportFactory(
        athlete=athlete, date=dt.date.today() - dt.timedelta(days=days_ago), numbness=True,
        severity=5,
    )  # fmt: skip
