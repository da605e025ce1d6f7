"""A day's check-in created or replaced in one statement on PostgreSQL.

The check-in PUT is the call athletes make most. Through the ORM it is a transaction of four
statements (lock, write, mark the athlete, commit). Here INSERT ... ON CONFLICT writes the row
only when a value differs, and the same statement marks the athlete's data changed and claims
their debounced analysis (as `Athlete.mark_data_changed` does), all or nothing.
"""

import functools

from django.db import connection, models
from django.utils import timezone

from .models import Athlete
from .models.athletes import mark_and_claim_params, mark_and_claim_sql
from .rows import RowReader


def upsert_check_in_in_one_statement(
    *, model: type[models.Model], athlete: Athlete, date, values: dict
) -> tuple[models.Model, bool] | None:
    """(row, created), or None when nothing changed (the caller reads the unchanged row)."""
    now = timezone.now()
    sql, fields, reader = _statement(model, tuple(values))
    row = model(athlete=athlete, date=date, created_at=now, updated_at=now, **values)
    stamp = connection.ops.adapt_datetimefield_value(now)
    params = [field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields]
    params += [stamp, *mark_and_claim_params(athlete.pk, now)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        result = cursor.fetchone()
    if result is None:
        return None
    *columns, created, claimed = result
    athlete.data_changed_marked(now, claimed=claimed)
    return reader.instance(columns), created


@functools.cache
def _statement(model: type[models.Model], names: tuple[str, ...]):
    """The SQL for one model and set of written fields, the inserted fields, a row reader."""
    quote = connection.ops.quote_name
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    inserted = ", ".join(quote(field.column) for field in fields)
    written = [quote(model._meta.get_field(name).column) for name in names]
    updated_at = quote(model._meta.get_field("updated_at").column)
    created_at = quote(model._meta.get_field("created_at").column)
    key = [quote(model._meta.get_field(name).column) for name in ("athlete", "date")]
    reader = RowReader(model, "t")
    sql = f"""
        WITH upserted AS (
            INSERT INTO {quote(model._meta.db_table)} AS t ({inserted})
            VALUES ({", ".join(["%s"] * len(fields))})
            ON CONFLICT ({", ".join(key)}) DO UPDATE
            SET {", ".join(f"{column} = EXCLUDED.{column}" for column in written)},
                {updated_at} = EXCLUDED.{updated_at}
            WHERE ({", ".join(f"t.{column}" for column in written)})
                IS DISTINCT FROM ({", ".join(f"EXCLUDED.{column}" for column in written)})
            RETURNING {", ".join(reader.columns)}, t.{created_at} = %s AS created
        ), marked AS (
            {mark_and_claim_sql("AND EXISTS (SELECT 1 FROM upserted)")}
        )
        SELECT upserted.*, (SELECT claimed FROM marked) FROM upserted
    """
    return sql, fields, reader
