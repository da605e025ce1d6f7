"""Query-count helpers: a page is bounded when its query count does not grow with rows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(fn) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured.captured_queries)


def assert_queries_constant(fetch, grow) -> None:
    """`fetch()` runs as many queries after `grow()` adds rows as before."""
    fetch()  # warm caches (content types, sessions)
    before = count_queries(fetch)
    grow()
    after = count_queries(fetch)
    assert after == before, f"query count grew with rows: {before} -> {after}"
