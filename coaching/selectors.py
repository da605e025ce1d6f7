"""Reads shared by the dashboard and the digest."""

import datetime as dt

from django.db.models import OuterRef, QuerySet, Subquery

from .models import Athlete, NutritionCheckIn, SleepCheckIn, StressCheckIn, WellnessCheckIn

CHECK_INS = (SleepCheckIn, NutritionCheckIn, StressCheckIn, WellnessCheckIn)
QUIET_DAYS = 3


def _latest_date(model) -> Subquery:
    return Subquery(
        model.objects.filter(athlete=OuterRef("pk")).order_by("-date").values("date")[:1]
    )


def with_last_check_in(athletes: QuerySet[Athlete]) -> QuerySet[Athlete]:
    """Annotate each athlete with the date of their latest check-in of each kind (one query)."""
    return athletes.annotate(
        **{f"last_{model._meta.model_name}": _latest_date(model) for model in CHECK_INS}
    )


def last_check_in(athlete: Athlete) -> dt.date | None:
    dates = [getattr(athlete, f"last_{m._meta.model_name}", None) for m in CHECK_INS]
    return max((d for d in dates if d), default=None)


def quiet_athletes(
    athletes: QuerySet[Athlete], *, today: dt.date, days: int = QUIET_DAYS
) -> list[dict]:
    """Athletes with no check-in of any kind for `days` days or more, quietest first."""
    quiet = []
    for athlete in with_last_check_in(athletes):
        last = last_check_in(athlete)
        if last is None or (today - last).days >= days:
            quiet.append({"athlete": athlete, "last_check_in": last})
    return sorted(quiet, key=lambda row: row["last_check_in"] or dt.date.min)
