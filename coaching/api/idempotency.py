"""Idempotency-Key for POST: a retry replays the first response and creates nothing new.

The key is claimed (unique per user) in the same transaction as the change it guards, so a
concurrent duplicate waits for the first to commit and then replays its response. Failed
requests (4xx raised as exceptions) roll the claim back with everything else: they are not
remembered, as with Stripe.
"""

import datetime as dt
import functools
import hashlib
import json
import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from coaching.models import IdempotencyKey

HEADER = "Idempotency-Key"
TTL = dt.timedelta(hours=24)
_VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")


class KeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_detail = "This Idempotency-Key was used for a different request."
    default_code = "idempotency_key_reused"


class KeyInFlight(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "A request with this Idempotency-Key is still being processed."
    default_code = "idempotency_key_in_flight"


def idempotent(handler):
    """Wrap a bound view handler (request, *args, **kwargs) with Idempotency-Key semantics."""

    @functools.wraps(handler)
    def wrapper(request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return handler(request, *args, **kwargs)
        if not _VALID_KEY.fullmatch(key):
            raise exceptions.ValidationError(
                {HEADER: ["Give 1-255 visible ASCII characters (a UUID is ideal)."]}
            )
        fingerprint = _fingerprint(request)
        with transaction.atomic():
            record, claimed = _claim(request, key, fingerprint)
            if not claimed:
                return _replay(record, fingerprint)
            response = handler(request, *args, **kwargs)
            if response.status_code >= 400:
                transaction.set_rollback(True)
                return response
            record.status_code = response.status_code
            record.response_body = _as_json(response.data)
            record.save(update_fields=["status_code", "response_body"])
            return response

    return wrapper


def _fingerprint(request) -> str:
    body = json.dumps(request.data, sort_keys=True, separators=(",", ":"), default=str)
    text = f"{request.method}\n{request.get_full_path()}\n{body}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _claim(request, key: str, fingerprint: str) -> tuple[IdempotencyKey, bool]:
    fields = {
        "fingerprint": fingerprint,
        "method": request.method,
        "path": request.get_full_path()[:500],
    }
    try:
        with transaction.atomic():
            return IdempotencyKey.objects.create(user=request.user, key=key, **fields), True
    except IntegrityError:
        pass
    record = IdempotencyKey.objects.select_for_update().get(user=request.user, key=key)
    if record.created_at < timezone.now() - TTL:  # expired: the key is free again
        record.delete()
        return IdempotencyKey.objects.create(user=request.user, key=key, **fields), True
    return record, False


def _replay(record: IdempotencyKey, fingerprint: str) -> Response:
    if record.fingerprint != fingerprint:
        raise KeyReused()
    if record.status_code is None:
        raise KeyInFlight()
    return Response(
        record.response_body, status=record.status_code, headers={"Idempotent-Replayed": "true"}
    )


def _as_json(data):
    return None if data is None else json.loads(JSONRenderer().render(data))
