"""Shared checks that the database itself (not Django validation) refuses a bad row."""

import pytest
from django.db import IntegrityError, transaction


def assert_rejected(factory, **fields) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        factory(**fields)


def bound_cases(table) -> list:
    """Expand (factory, field, low, high, step) rows into accepted and rejected cases."""
    return list(_bound_cases(table))


def _bound_cases(table):
    for factory, field, low, high, step in table:
        yield pytest.param(factory, field, low, True, id=f"{factory.__name__}-{field}-low-ok")
        yield pytest.param(factory, field, high, True, id=f"{factory.__name__}-{field}-high-ok")
        yield pytest.param(factory, field, low - step, False, id=f"{factory.__name__}-{field}-low")
        yield pytest.param(
            factory, field, high + step, False, id=f"{factory.__name__}-{field}-high"
        )


def check_bound(factory, field, value, accepted) -> None:
    if accepted:
        assert factory(**{field: value}).pk
    else:
        assert_rejected(factory, **{field: value})
