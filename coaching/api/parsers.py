"""A JSON parser that refuses oversized bodies, hostile nesting and text that is not valid
Unicode with a 4xx, never a 500."""

import codecs
import json
import re

from django.conf import settings
from rest_framework import exceptions, parsers, status
from rest_framework.parsers import get_encoding


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "Request body too large."
    default_code = "payload_too_large"


class JSONParser(parsers.JSONParser):
    """Reads at most DATA_UPLOAD_MAX_MEMORY_SIZE bytes; NaN/Infinity literals are refused.

    Text that is not valid Unicode (a lone surrogate such as `"\\udfff"`, which JSON's escapes
    and some charsets can spell) is a 400 here, before any field, error message or stored row
    can carry it to a response that cannot be encoded (RFC 8259, section 8.2).
    """

    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if limit is not None else stream.read()
        if limit is not None and len(raw) > limit:
            raise PayloadTooLarge()
        encoding = get_encoding(parser_context)
        try:
            text = codecs.decode(raw, encoding)
            data = json.loads(text, parse_constant=_refuse_constant)
        except (ValueError, RecursionError) as exc:
            raise exceptions.ParseError(f"JSON parse error - {_short(exc)}") from None
        if _holds_lone_surrogate(data):
            raise exceptions.ParseError(
                "JSON parse error - text must be valid Unicode (a lone surrogate was sent)."
            )
        return data


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _holds_lone_surrogate(data) -> bool:
    """Any key or string anywhere in the parsed body holds a surrogate code point (a valid
    pair has already been joined into one character by the decoder)."""
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return True
        elif isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return False


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _short(exc: Exception) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)[:200]
