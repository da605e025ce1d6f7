from django.core.paginator import Page
from django.db.models import Count, QuerySet, Window
from django.db.models.query import ModelIterable, ValuesIterable
from rest_framework import pagination, serializers

_TOTAL = "_page_total"  # the annotation that carries the row count on every row of a page


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=` and `?page_size=`: a page size above 200 is clamped to 200, never refused;
    one that is not a whole number of at least 1 is a 400.

    A page is one query: its rows carry the total (`COUNT(*) OVER ()`), so no separate COUNT
    runs. Anything unusual (`?page=last`, a page past the end, a DISTINCT queryset) takes DRF's
    own path, which answers it exactly as before.
    """

    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if not raw:  # absent or empty: the default
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if size < 1:
            raise serializers.ValidationError(
                {"page_size": [f"Give a whole number from 1 to {self.max_page_size}."]}
            )
        return min(size, self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        page_size = self.get_page_size(request)
        number = self._plain_page_number(request)
        if not page_size or number is None or not _countable_by_window(queryset):
            return super().paginate_queryset(queryset, request, view)
        offset = (number - 1) * page_size
        counted = queryset.annotate(**{_TOTAL: Window(Count("*"))})
        rows = list(counted[offset : offset + page_size])
        if not rows and number > 1:  # past the end: DRF's "Invalid page." 404
            return super().paginate_queryset(queryset, request, view)
        totals = [_pop_total(row) for row in rows]
        self.request = request
        paginator = self.django_paginator_class(queryset, page_size)
        paginator.count = totals[0] if totals else 0  # a cached_property: no COUNT query
        self.page = Page(rows, number, paginator)
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        return rows

    def _plain_page_number(self, request) -> int | None:
        """The page asked for when it is a plain number of at most 9 digits, else None."""
        raw = request.query_params.get(self.page_query_param) or "1"
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 9) or int(raw) < 1:
            return None
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = (
                    f"Results per page (larger values give {self.max_page_size})."
                )
        return parameters


def _countable_by_window(queryset) -> bool:
    """A window count equals COUNT(*) of the queryset (rows of models or of values())."""
    if not isinstance(queryset, QuerySet):
        return False
    query = queryset.query
    if query.distinct or query.combinator or query.is_sliced:
        return False
    return queryset._iterable_class in (ModelIterable, ValuesIterable)


def _pop_total(row) -> int:
    if isinstance(row, dict):
        return row.pop(_TOTAL)
    return getattr(row, _TOTAL)
