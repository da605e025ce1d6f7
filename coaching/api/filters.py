"""Query filters. Every list of athlete data takes `updated_since`, `from` and `to`."""

import datetime as dt

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field
from rest_framework.filters import OrderingFilter

from coaching.api.fields import PG_BIGINT_MAX
from coaching.models import Athlete, Exercise, TrainingPhase


class IdFilter(filters.Filter):
    """An object id: a whole number that fits the column, else a 400 (the schema says so)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", PG_BIGINT_MAX)
        super().__init__(*args, **kwargs)
        schema = {"type": "integer", "minimum": self.extra["min_value"]}
        schema["maximum"] = self.extra["max_value"]
        extend_schema_field({**schema, "description": self.label or ""})(self)


class StrictBooleanField(forms.Field):
    """`true`/`false` (or 1/0); anything else is a 400 rather than silently "not given"."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError("Give true or false.", code="invalid") from None


class BooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField


class TimestampField(IsoDateTimeField):
    """An ISO 8601 timestamp, moved to UTC here: PostgreSQL refuses offsets beyond +-15:59."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(dt.UTC)
        except OverflowError:
            raise forms.ValidationError("Give a timestamp between years 1 and 9999.") from None


class TimestampFilter(filters.IsoDateTimeFilter):
    field_class = TimestampField


class SearchFilter(filters.CharFilter):
    """Free text (Django's form field refuses NUL characters), bounded in length."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        super().__init__(*args, **kwargs)
        schema = {"type": "string", "maxLength": self.extra["max_length"]}
        schema["pattern"] = r"^[^\u0000]*$"
        extend_schema_field({**schema, "description": self.label or ""})(self)


class AthleteDataFilter(filters.FilterSet):
    """Delta sync: `updated_since` (timestamp), `from` and `to` (dates, inclusive)."""

    updated_since = TimestampFilter(
        field_name="updated_at", lookup_expr="gte", label="Changed at or after (ISO 8601)."
    )
    to = filters.DateFilter(field_name="date", lookup_expr="lte", label="On or before (date).")
    # `from` is a Python keyword, so it is declared through the class namespace.
    locals()["from"] = filters.DateFilter(
        field_name="date", lookup_expr="gte", label="On or after (date)."
    )


class AnalysisRunFilter(filters.FilterSet):
    """Runs are immutable: `updated_since` reads their creation time, `from`/`to` their day."""

    updated_since = TimestampFilter(field_name="created_at", lookup_expr="gte")
    to = filters.DateFilter(field_name="as_of", lookup_expr="lte")
    locals()["from"] = filters.DateFilter(field_name="as_of", lookup_expr="gte")


class TrainingPhaseFilter(filters.FilterSet):
    """Phases that reach into `from`..`to` (any shared day), or changed since `updated_since`."""

    updated_since = TimestampFilter(field_name="updated_at", lookup_expr="gte")
    to = filters.DateFilter(field_name="start", lookup_expr="lte", label="Starts on or before.")
    locals()["from"] = filters.DateFilter(
        field_name="end", lookup_expr="gte", label="Ends on or after (date)."
    )

    class Meta:
        model = TrainingPhase
        fields = []


def athlete_data_filterset(model):
    """A FilterSet class for one model of dated athlete records."""
    meta = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}Filter", (AthleteDataFilter,), {"Meta": meta})


class AthleteFilter(filters.FilterSet):
    coach = IdFilter(field_name="coaches", label="Assigned to this coach id.")
    has_open_flags = BooleanFilter(method="filter_open_flags", label="Has active flags.")
    search = SearchFilter(method="filter_search", label="Name contains.")
    updated_since = TimestampFilter(field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Athlete
        fields = []

    def filter_open_flags(self, queryset, name, value):
        from assessments.models import Flag

        active = Flag.objects.filter(athlete=OuterRef("pk"), status__in=Flag.ACTIVE)
        return queryset.filter(Exists(active) if value else ~Exists(active))

    def filter_search(self, queryset, name, value):
        return queryset.filter(name__icontains=value)


class ExerciseFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Exercise.Kind.choices)
    pattern = filters.ChoiceFilter(choices=Exercise.Pattern.choices)
    search = SearchFilter(method="filter_search", label="Name or slug contains.")

    class Meta:
        model = Exercise
        fields = []

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(slug__icontains=value))


UNIQUE_KEYS = frozenset({"pk", "-pk", "id", "-id"})


def ending_in_unique_key(ordering) -> list:
    """The ordering with the primary key appended, unless it already names it: rows that tie
    on every other term then keep one order, so pages never skip or repeat a row."""
    terms = list(ordering or ())
    if not any(isinstance(term, str) and term in UNIQUE_KEYS for term in terms):
        terms.append("pk")
    return terms


class Ordering(OrderingFilter):
    """`?ordering=` over the view's `ordering_fields` only; unknown fields are ignored.

    Whatever the order (the caller's, the view's or the model's default), it ends in the
    primary key, so paging through rows that tie (sessions on one date) is stable.
    """

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view) or queryset.model._meta.ordering
        return queryset.order_by(*ending_in_unique_key(ordering))
