"""One set of write rules for every serializer of the API (issue 12, items 6, 9 and 11).

- **Unknown fields are a 400 that names them.** A key that is not a field of the serializer
  answers `{"key": ["Unknown field."]}`; a key of a read-only field (`id`, `created_at`, ...)
  answers `{"key": ["This field is read-only."]}`. Nested serializers (a session's sets, an
  athlete's login) refuse theirs the same way, so the request schema can say
  `additionalProperties: false` and mean it.
- **A whole write replaces the whole representation.** POST and PUT fill every optional field
  the body left out with its empty value (the field's default, the model's default, null, "" or
  []); a missing required field or list is a 400. PATCH (`partial=True`) changes only what it
  carries.
- **A nested value is always whole**, even under PATCH: DRF makes nested serializers partial
  with their root, so a PATCH of `{"login": {"username": "x"}}` reached the service without a
  password (a 500). Here a nested object must carry its required fields, or it is a 400.
- **Text is text**: `StrictCharField` and its kin refuse numbers and booleans (`"notes": 0` was
  stored as "0").
"""

from collections.abc import Mapping

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.extensions import OpenApiSerializerExtension
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.relations import ManyRelatedField

MAX_REPORTED_KEYS = 20
MAX_KEY_LENGTH = 64
UNKNOWN_FIELD = "Unknown field."
READ_ONLY_FIELD = "This field is read-only."
REQUIRED_FIELD = "This field is required."


class StrictInputMixin:
    """Mixed into every API serializer (before DRF's Serializer class): the rules above."""

    def to_internal_value(self, data):
        errors = {}
        if isinstance(data, Mapping):
            errors.update(self._unexpected_keys(data))
            if self.root is not self and getattr(self.root, "partial", False):
                errors.update(self._missing_required(data))
        try:
            value = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if errors and isinstance(exc.detail, Mapping):
                raise serializers.ValidationError({**exc.detail, **errors}) from None
            raise
        if errors:
            raise serializers.ValidationError(errors)
        if self.root is not self or not self.partial:  # a whole value: POST, PUT or nested
            self._fill_omitted(data, value)
        return value

    def _field_names(self) -> tuple[frozenset, frozenset, tuple, tuple]:
        """(writable, read-only, required, optional) field names, worked out once per class:
        a serializer's fields depend on its class only."""
        names = type(self).__dict__.get("_strict_field_names")
        if names is None:
            fields = self.fields
            writable = [name for name, field in fields.items() if not field.read_only]
            names = (
                frozenset(writable),
                frozenset(fields) - frozenset(writable),
                tuple(name for name in writable if fields[name].required),
                tuple(name for name in writable if not fields[name].required),
            )
            type(self)._strict_field_names = names
        return names

    def _unexpected_keys(self, data: Mapping) -> dict[str, list[str]]:
        writable, read_only, _, _ = self._field_names()
        unexpected = [key for key in data if key not in writable]
        errors = {}
        for key in sorted(unexpected, key=str)[:MAX_REPORTED_KEYS]:
            message = READ_ONLY_FIELD if key in read_only else UNKNOWN_FIELD
            errors[str(key)[:MAX_KEY_LENGTH]] = [message]
        return errors

    def _missing_required(self, data: Mapping) -> dict[str, list[str]]:
        _, _, required, _ = self._field_names()
        return {name: [REQUIRED_FIELD] for name in required if name not in data}

    def _fill_omitted(self, data: Mapping, value: dict) -> None:
        _, _, _, optional = self._field_names()
        for name in optional:
            if name in data:
                continue
            field = self.fields[name]
            if field.source == "*" or "." in field.source or field.source in value:
                continue
            value[field.source] = self._empty_value(field)

    def _empty_value(self, field):
        """What an omitted optional field means in a whole write."""
        if field.default is not empty:
            default = field.default
            if callable(default):
                return default(field) if getattr(default, "requires_context", False) else default()
            return default
        if isinstance(field, ManyRelatedField | serializers.ListField | serializers.ListSerializer):
            return []
        model = getattr(getattr(self, "Meta", None), "model", None)
        if model is not None:
            try:
                return model._meta.get_field(field.source).get_default()
            except FieldDoesNotExist:
                pass
        if isinstance(field, serializers.CharField) and field.allow_blank:
            return ""
        return None


class StrictSerializer(StrictInputMixin, serializers.Serializer):
    """A plain serializer of request bodies under the API's write rules."""


class StrictTextMixin:
    """Text only: a number or a boolean is refused, not stored as its string form."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(StrictTextMixin, serializers.CharField):
    """A string field that refuses non-strings (DRF's CharField turns 0 into "0")."""


class StrictEmailField(StrictTextMixin, serializers.EmailField):
    pass


class StrictSlugField(StrictTextMixin, serializers.SlugField):
    pass


class StrictURLField(StrictTextMixin, serializers.URLField):
    pass


class NullableEmailField(StrictEmailField):
    """An e-mail address or null: a stored "" (no address) is served as null, never as an
    invalid e-mail string."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


class StrictInputSchema(OpenApiSerializerExtension):
    """Request bodies in the schema state `additionalProperties: false`, as the API enforces."""

    target_class = StrictInputMixin
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        if direction == "request":
            schema["additionalProperties"] = False
        return schema
