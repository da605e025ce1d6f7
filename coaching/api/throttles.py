"""Throttles whose rates are read at request time, so settings (and tests) can change them.

The counters live in the cache (Redis in production). When it cannot be reached the request
goes through and the failure is logged: a throttle exists to protect the service, so it must
never be the part that fails it. Logins stay guarded by django-axes, which counts in the
database.
"""

import logging

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

log = logging.getLogger(__name__)


class _LiveRateMixin:
    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def _counted(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception:  # the cache backend's connection errors differ per backend
            log.warning("Throttle %r not counted: the cache is unavailable", self.scope,
                        exc_info=True)  # fmt: skip
            return True


class WriteRateThrottle(_LiveRateMixin, UserRateThrottle):
    """Per user (or address, anonymously): limits writes; reads are never throttled here."""

    scope = "write"

    def allow_request(self, request, view):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return True
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return self._counted(request, view)


class AuthRateThrottle(_LiveRateMixin, AnonRateThrottle):
    """Per client address on the token endpoints (X-Forwarded-For only behind NUM_PROXIES)."""

    scope = "auth"

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return self._counted(request, view)

    def get_cache_key(self, request, view):
        # Anonymous or not, the token endpoints are limited per address.
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
