"""OpenAPI schema tweaks: every documented operation also documents its error answers.

Errors share one shape, DRF's: `{"detail": "..."}` or `{field: [messages]}`. POST operations
document the Idempotency-Key header and its 409/422 answers.
"""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter

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

IDEMPOTENCY_KEY = OpenApiParameter(
    name="Idempotency-Key",
    type=str,
    location=OpenApiParameter.HEADER,
    required=False,
    description="Any unique string (a UUID): a retry with the same key and body replays "
    "the first response for 24 hours.",
)


class LegstrongAutoSchema(AutoSchema):
    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        if self.method == "POST" and getattr(self.view, "idempotent_posts", True):
            parameters.append(IDEMPOTENCY_KEY)
        return parameters

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


def allow_empty_query_values(result, generator, request, public):
    """Postprocessing hook: an empty query parameter (`?from=`) means "not given"."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "query":
                    parameter["allowEmptyValue"] = True
    return result
