"""Athletes as the list serves them: plain rows in, the serializer's output out.

A list of athletes is the coaches' most frequent call. It reads `LIST_COLUMNS` with values()
and formats them with `AthleteSerializer`'s own fields, so it skips model instances and DRF's
per-field attribute lookups but answers exactly what the serializer would (a test compares
the two). Coach ids and goal-lift slugs of a page come in one query each.
"""

import functools
from collections import defaultdict
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import connection
from rest_framework.relations import PKOnlyObject, RelatedField

from coaching.models import Athlete, Coach, Exercise

from .people import AthleteSerializer
from .related import PRELOADED

# The columns a list of athletes reads, by serializer field (the rest are computed).
LIST_COLUMNS = {
    "id": "id",
    "organization": "organization_id",
    "name": "name",
    "sex": "sex",
    "date_of_birth": "date_of_birth",
    "height_cm": "height_cm",
    "body_mass_kg": "body_mass_kg",
    "fat_free_mass_kg": "fat_free_mass_kg",
    "training_age_years": "training_age_years",
    "goal": "goal",
    "created_at": "created_at",
    "updated_at": "updated_at",
}


def represent_rows(rows: list[dict]) -> list[dict]:
    """What AthleteSerializer(many=True) gives for these rows of plain column values."""
    names, columns = _list_format()
    coaches, lifts = related_keys([row["id"] for row in rows])
    results = []
    for row in rows:
        values = {
            "coaches": coaches[row["id"]],
            "goal_lifts": lifts[row["id"]],
            "has_login": row["user_id"] is not None,
        }
        for name, column, represent in columns:
            value = row[column]
            values[name] = None if value is None else represent(value)
        results.append({name: values[name] for name in names})
    return results


@functools.cache
def _list_format() -> tuple[list[str], list[tuple]]:
    """The serializer's output keys in order, and (key, column, formatter) of plain columns.

    Built once: formatting a value depends on nothing but the field (and the current time
    zone, which DRF reads at call time).
    """
    fields = AthleteSerializer().fields
    names = [name for name, field in fields.items() if not field.write_only]
    columns = [(name, column, _formatter(fields[name])) for name, column in LIST_COLUMNS.items()]
    return names, columns


def _formatter(field):
    """The field's own to_representation, fed what DRF's get_attribute would give it."""
    if isinstance(field, RelatedField):  # DRF hands a related key over as a PKOnlyObject
        return lambda pk: field.to_representation(PKOnlyObject(pk=pk))
    return field.to_representation


def related_keys(ids: list[int]) -> tuple[dict[int, list[int]], dict[int, list[str]]]:
    """Coach ids (by username) and goal-lift slugs (by exercise name) of many athletes.

    Plain SQL over the two link tables: the ORM spent five times longer building these two
    fixed queries than the database spent answering them.
    """
    coaches, lifts = defaultdict(list), defaultdict(list)
    if not ids:
        return coaches, lifts
    with connection.cursor() as cursor:
        cursor.execute(_sql(_COACHES_SQL, len(ids)), ids)
        for athlete_id, coach_id in cursor.fetchall():
            coaches[athlete_id].append(coach_id)
        cursor.execute(_sql(_GOAL_LIFTS_SQL, len(ids)), ids)
        for athlete_id, slug in cursor.fetchall():
            lifts[athlete_id].append(slug)
    return coaches, lifts


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _sql(template: str, count: int) -> str:
    names = {
        "athlete_coaches": _table(Athlete.coaches.through),
        "coach": _table(Coach),
        "user": _table(get_user_model()),
        "athlete_goal_lifts": _table(Athlete.goal_lifts.through),
        "exercise": _table(Exercise),
    }
    return template.format(ids=", ".join(["%s"] * count), **names)


_COACHES_SQL = """
    SELECT link.athlete_id, link.coach_id FROM {athlete_coaches} link
    JOIN {coach} coach ON coach.id = link.coach_id
    JOIN {user} login ON login.id = coach.user_id
    WHERE link.athlete_id IN ({ids}) ORDER BY login.username
"""
_GOAL_LIFTS_SQL = """
    SELECT link.athlete_id, exercise.slug FROM {athlete_goal_lifts} link
    JOIN {exercise} exercise ON exercise.id = link.exercise_id
    WHERE link.athlete_id IN ({ids}) ORDER BY exercise.name
"""


def preload_relations(athletes: list[Athlete]) -> None:
    """Coach ids and goal-lift slugs of athletes, served to the serializer without instances."""
    coaches, lifts = related_keys([athlete.pk for athlete in athletes])
    for athlete in athletes:
        preloaded = {
            "coaches": [SimpleNamespace(pk=pk) for pk in coaches[athlete.pk]],
            "goal_lifts": [SimpleNamespace(slug=slug) for slug in lifts[athlete.pk]],
        }
        setattr(athlete, PRELOADED, preloaded)
