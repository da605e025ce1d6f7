"""Serializer building blocks that keep API bounds equal to the database's own checks."""

import copy
import datetime as dt

from django.db import models
from django.utils import timezone
from rest_framework import serializers

from .strict import (
    StrictCharField,
    StrictEmailField,
    StrictInputMixin,
    StrictSlugField,
    StrictURLField,
)

EARLIEST_DATE = dt.date(1900, 1, 1)
MAX_LIST_ITEMS = 50
PG_BIGINT_MAX = 2**63 - 1


def model_bounds(model: type[models.Model]) -> dict[str, tuple[float | None, float | None]]:
    """Each field's (low, high) from the model's `bounded()` CheckConstraints."""
    bounds: dict[str, list] = {}
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.CheckConstraint):
            for lookup, value in _leaves(constraint.condition):
                field, _, op = lookup.rpartition("__")
                if op in ("gte", "lte") and not isinstance(value, models.F):
                    bounds.setdefault(field, [None, None])[op == "lte"] = value
    return {field: (low, high) for field, (low, high) in bounds.items()}


def _leaves(q):
    for child in q.children:
        if isinstance(child, models.Q):
            yield from _leaves(child)
        else:
            yield child


def latest_allowed_date() -> dt.date:
    """Tomorrow in UTC: a client a few time zones ahead may already be on the next day."""
    return timezone.now().date() + dt.timedelta(days=1)


def validate_recorded_date(value: dt.date) -> dt.date:
    if value < EARLIEST_DATE:
        raise serializers.ValidationError(f"Give a date on or after {EARLIEST_DATE}.")
    if value > latest_allowed_date():
        raise serializers.ValidationError("Give a date no later than tomorrow.")
    return value


class RecordedDateField(serializers.DateField):
    """The day a record is about: no earlier than 1900 and no later than tomorrow."""

    def to_internal_value(self, value):
        return validate_recorded_date(super().to_internal_value(value))


class StrictFloatField(serializers.FloatField):
    """A JSON number only: `true`/`false` are refused, not stored as 1.0/0.0 (DRF's float())."""

    def to_internal_value(self, data):
        if isinstance(data, bool):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictBooleanField(serializers.BooleanField):
    """A JSON `true` or `false` only, as the schema says: not "yes", "on", 1 or "1"."""

    default_error_messages = {"invalid": "Give true or false."}

    def to_internal_value(self, data):
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


class BoundedModelSerializer(StrictInputMixin, serializers.ModelSerializer):
    """A model serializer whose numeric fields carry the model's CheckConstraint bounds.

    The `date` of dated records is checked too. Text fields keep DRF's NUL-character check
    and the model's max_length; floats refuse NaN and infinity (DRF >= 3.18.3).
    """

    # Writes follow coaching.api.strict: strings only for text, unknown fields are a 400,
    # POST/PUT replace the whole representation, PATCH changes what it carries.

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.SlugField: StrictSlugField,
        models.URLField: StrictURLField,
        models.EmailField: StrictEmailField,
        models.DateField: RecordedDateField,
        models.FloatField: StrictFloatField,
        models.BooleanField: StrictBooleanField,
    }

    def get_fields(self):
        """Built from the model once per class, then copied (DRF rebuilds them from the model
        on every instantiation, which was most of a small request's cost)."""
        built = type(self).__dict__.get("_built_fields")
        if built is None:
            built = super().get_fields()
            type(self)._built_fields = built
        return copy.deepcopy(built)

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        low, high = model_bounds(self.Meta.model).get(field_name, (None, None))
        numeric = issubclass(field_class, serializers.IntegerField | serializers.FloatField)
        if numeric and (low is not None or high is not None):
            if low is not None:
                kwargs["min_value"] = low
            if high is not None:
                kwargs["max_value"] = high
        return field_class, kwargs


class DistinctListField(serializers.ListField):
    """A bounded list whose items may not repeat."""

    def to_internal_value(self, data):
        items = super().to_internal_value(data)
        if len(set(map(str, items))) != len(items):
            raise serializers.ValidationError("Give each item once.")
        return items


def choice_list(choices, *, max_length: int = MAX_LIST_ITEMS, **kwargs) -> DistinctListField:
    """A list of distinct values from a fixed vocabulary (stored in a JSON column)."""
    return DistinctListField(
        child=serializers.ChoiceField(choices=list(choices)),
        max_length=max_length,
        **kwargs,
    )


class BirthDateField(serializers.DateField):
    """A date of birth: no earlier than 1900 and not in the future (today in UTC at most)."""

    def to_internal_value(self, value):
        born = super().to_internal_value(value)
        if born < EARLIEST_DATE:
            raise serializers.ValidationError(f"Give a date on or after {EARLIEST_DATE}.")
        if born > timezone.now().date():
            raise serializers.ValidationError("A date of birth cannot be in the future.")
        return born
