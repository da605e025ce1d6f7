"""Model instances from rows read with hand-written SQL, converted exactly as the ORM would.

For the few statements on hot paths whose SQL is fixed: built once, run without the ORM's
per-call compilation, and read back through each field's own database converters.
"""

from django.db import connection
from django.db.models import Model


class RowReader:
    """Reads one model's concrete fields, in `_meta.concrete_fields` order, from a row."""

    def __init__(self, model: type[Model], alias: str):
        self.model = model
        fields = list(model._meta.concrete_fields)
        self.columns = [f"{alias}.{connection.ops.quote_name(field.column)}" for field in fields]
        self.attnames = [field.attname for field in fields]
        self.width = len(fields)
        self._pk_index = self.attnames.index(model._meta.pk.attname)
        self._converters = []
        for index, field in enumerate(fields):
            column = field.get_col(alias)
            functions = connection.ops.get_db_converters(column)
            functions += column.get_db_converters(connection)
            if functions:
                self._converters.append((index, column, functions))

    def instance(self, values) -> Model | None:
        """The instance these column values describe; None when its key is NULL (an outer
        join that found nothing)."""
        values = list(values)
        if values[self._pk_index] is None:
            return None
        for index, column, functions in self._converters:
            for convert in functions:
                values[index] = convert(values[index], column, connection)
        return self.model.from_db(connection.alias, self.attnames, values)
