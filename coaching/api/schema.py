"""OpenAPI schema tweaks: every documented operation also documents its error answers, and the
limits the API enforces are stated in the schema, so generated clients agree with the server.

Errors share one shape, DRF's: `{"detail": "..."}` or `{field: [messages]}`. POST operations
document the Idempotency-Key header (its form) and its 409/422 answers. Stated limits: ids in
paths and bodies are 1 to 2**63-1; recorded dates run from 1900-01-01 to tomorrow (UTC); text
in request bodies never holds NUL (DRF refuses it).
"""

import datetime as dt
import re

from django.core.validators import RegexValidator
from django.utils import timezone
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter

from coaching.api.fields import EARLIEST_DATE, PG_BIGINT_MAX, latest_allowed_date

ERROR_SCHEMA = {
    "type": "object",
    "description": 'DRF error: {"detail": "..."} or {field: [messages]}.',
    "additionalProperties": {},
}

_ERRORS = {
    "400": "Invalid input: {field: [messages]}.",
    "401": "Missing, expired or revoked token.",
    "403": "Your role does not allow this.",
    "404": "Not found, or outside your scope.",
    "413": "Request body too large.",
    "415": "Only application/json bodies are accepted.",
    "429": "Throttled or locked out; retry later.",
}
_POST_ERRORS = {
    "409": "A request with this Idempotency-Key is still running.",
    "422": "This Idempotency-Key was used with a different request.",
}

# Patterns are ECMA 262, as JSON Schema reads them. Text never holds NUL; text that DRF trims
# must keep a character after trimming (Python's str.strip() whitespace, spelled out).
_STRIPPED = (
    r"\t\n\u000b\f\r\u001c-\u001f \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
)
NO_NUL = r"^[^\u0000]+$"
NO_NUL_NOT_BLANK = rf"^[^\u0000]*[^\u0000{_STRIPPED}][^\u0000]*$"
ID_SCHEMA = {"type": "integer", "minimum": 1, "maximum": PG_BIGINT_MAX}

IDEMPOTENCY_KEY = OpenApiParameter(
    name="Idempotency-Key",
    type={"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x21-\\x7e]+$"},
    location=OpenApiParameter.HEADER,
    required=False,
    description="1-255 visible ASCII characters (a UUID is ideal): a retry with the same key "
    "and body replays the first response for 24 hours.",
)

_PATH_VARIABLE = re.compile(r"{(\w+)}")


def recorded_date_pattern(latest: dt.date | None = None) -> str:
    """A regular expression for ISO dates from EARLIEST_DATE (1900-01-01) to `latest`
    (tomorrow in UTC by default), both included. `format: date` rules out impossible days."""
    latest = latest or latest_allowed_date()
    year, month, day = latest.year, latest.month, latest.day
    any_month, any_day = r"(?:0[1-9]|1[0-2])", r"(?:0[1-9]|[12]\d|3[01])"
    earlier_years = _numbers_from_to(EARLIEST_DATE.year, year - 1, width=4)
    choices = [f"{earlier_years}-{any_month}-{any_day}"] if year > EARLIEST_DATE.year else []
    if month > 1:
        choices.append(f"{year:04d}-{_numbers_from_to(1, month - 1, width=2)}-{any_day}")
    choices.append(f"{year:04d}-{month:02d}-{_numbers_from_to(1, day, width=2)}")
    return "^(?:" + "|".join(choices) + ")$"


def _numbers_from_to(low: int, high: int, *, width: int) -> str:
    """Zero-padded whole numbers from low to high as an alternation (at most a few hundred)."""
    return "(?:" + "|".join(f"{n:0{width}d}" for n in range(low, high + 1)) + ")"


class LegstrongAutoSchema(AutoSchema):
    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        for name in _PATH_VARIABLE.findall(self.path):
            parameters.append(self._path_parameter(name))
        if self.method == "POST" and getattr(self.view, "idempotent_posts", True):
            parameters.append(IDEMPOTENCY_KEY)
        return parameters

    def _path_parameter(self, name: str) -> OpenApiParameter:
        """Ids are 1 to 2**63-1; a day is a real date, and one written to is 1900 to tomorrow."""
        if name == "date":
            schema = {"type": "string", "format": "date"}
            if self.method in ("PUT", "PATCH"):
                schema["pattern"] = recorded_date_pattern()
            description = "The day (ISO 8601); a write takes 1900-01-01 to tomorrow (UTC)."
        else:
            schema, description = dict(ID_SCHEMA), "An id (a whole number from 1)."
        return OpenApiParameter(
            name, type=schema, location=OpenApiParameter.PATH, description=description
        )

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        errors = dict(_ERRORS)
        if self.method == "POST":
            errors.update(_POST_ERRORS)
        for code, description in errors.items():
            responses.setdefault(
                code,
                {
                    "description": description,
                    "content": {"application/json": {"schema": ERROR_SCHEMA}},
                },
            )
        return responses


class RecordedDateFieldExtension(OpenApiSerializerFieldExtension):
    """A recorded day in a request: 1900-01-01 to tomorrow (UTC), as the field checks."""

    target_class = "coaching.api.fields.RecordedDateField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction == "request":
            schema["pattern"] = recorded_date_pattern()
            limit = f"From {EARLIEST_DATE.isoformat()} to tomorrow (UTC)."
            schema["description"] = " ".join(filter(None, [schema.get("description"), limit]))
        return schema


class PhaseDateFieldExtension(OpenApiSerializerFieldExtension):
    """A day of a training phase in a request: 1900-01-01 to two years ahead (UTC)."""

    target_class = "coaching.api.serializers.phases.PhaseDateField"

    def map_serializer_field(self, auto_schema, direction):
        from coaching.api.serializers.phases import latest_phase_date

        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction == "request":
            schema["pattern"] = recorded_date_pattern(latest_phase_date())
            limit = f"From {EARLIEST_DATE.isoformat()} to two years ahead (UTC)."
            schema["description"] = " ".join(filter(None, [schema.get("description"), limit]))
        return schema


class BirthDateFieldExtension(OpenApiSerializerFieldExtension):
    """A date of birth in a request: 1900-01-01 to today (UTC). The field arrives with the
    write rules (branch `writes`); until then this extension has no target and does nothing."""

    target_class = "coaching.api.fields.BirthDateField"
    optional = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction == "request":
            schema["pattern"] = recorded_date_pattern(timezone.now().date())
        return schema


class TextFieldExtension(OpenApiSerializerFieldExtension):
    """Text in a request never holds NUL (DRF's CharField refuses it), and a field that may not
    be blank needs a character that is not trimmed away: say so in the schema."""

    target_class = "rest_framework.fields.CharField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        shaped = {"pattern", "format", "enum"} & schema.keys() or any(
            isinstance(validator, RegexValidator) for validator in self.target.validators
        )
        if direction == "request" and schema.get("type") == "string" and not shaped:
            field = self.target
            trimmed_to_blank_is_refused = field.trim_whitespace and not field.allow_blank
            # A pattern that matches "" would break the `oneOf` drf-spectacular adds for blanks.
            schema["pattern"] = NO_NUL_NOT_BLANK if trimmed_to_blank_is_refused else NO_NUL
        return schema


class DistinctListFieldExtension(OpenApiSerializerFieldExtension):
    """A list whose items may not repeat says so (`uniqueItems`)."""

    target_class = "coaching.api.fields.DistinctListField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        schema["uniqueItems"] = True
        return schema


# Django's URLValidator: http(s) or ftp(s), a host name of labels and a top-level domain,
# short enough (at most 216 characters) to stay inside its 253-character host limit.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
URL_PATTERN = (
    r"^(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP][sS]?)://"
    rf"(?:{_LABEL}\.){{1,3}}[A-Za-z]{{2,24}}(?::\d{{1,5}})?(?:[/?#]\S*)?$"
)


class URLFieldExtension(OpenApiSerializerFieldExtension):
    """A URL in a request: the schemes and host length Django's URLValidator accepts."""

    target_class = "rest_framework.fields.URLField"
    match_subclasses = True
    priority = 1  # before TextFieldExtension, which matches every CharField

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction == "request":
            schema["pattern"] = URL_PATTERN
        return schema


class RelatedIdFieldExtension(OpenApiSerializerFieldExtension):
    """Related ids in bodies are 1 to 2**63-1, as their fields check."""

    target_class = "rest_framework.relations.PrimaryKeyRelatedField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if schema.get("type") == "integer":
            schema.update({key: value for key, value in ID_SCHEMA.items() if key != "type"})
        return schema


def allow_empty_query_values(result, generator, request, public):
    """Postprocessing hook: an empty query parameter (`?from=`) means "not given"."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True
    return result
