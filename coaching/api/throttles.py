"""Throttles whose rates are read at request time, so settings (and tests) can change them.

Each throttle counts requests in a window that opens with the first request and lasts the
rate's period: a counter per caller in the cache (Redis in production, shared by every
process; INCR and EXPIRE NX in one round trip, so Redis 7 or later). DRF's own throttles
keep every request's time in one cache value that each request reads, unpickles, extends and
writes back: hundreds of entries at 300 a minute, and a read-modify-write that two processes
can race.

When the cache cannot be reached the request goes through and the failure is logged: a
throttle protects the service, so it must never be what fails it. Logins stay guarded by
django-axes, which counts in the database.
"""

import logging

from django.core.cache.backends.redis import RedisCache
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

log = logging.getLogger(__name__)


class _WindowCountMixin:
    key: str | None = None

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def _counted(self, request, view) -> bool:
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        try:
            return self._count() <= self.num_requests
        except Exception:  # the cache backend's connection errors differ per backend
            log.warning("Throttle %r not counted: the cache is unavailable", self.scope,
                        exc_info=True)  # fmt: skip
            return True

    def _count(self) -> int:
        """This request's number in the current window (1 opens a new window)."""
        if isinstance(self.cache, RedisCache):
            return self._count_in_redis()
        try:
            return self.cache.incr(self.key)
        except ValueError:  # no open window: open one
            pass
        if self.cache.add(self.key, 1, self.duration):
            return 1
        return self.cache.incr(self.key)  # another request opened it meanwhile

    def _count_in_redis(self) -> int:
        """INCR, and EXPIRE NX to open the window: one round trip (Django's incr() is two)."""
        key = self.cache.make_and_validate_key(self.key)
        client = self.cache._cache.get_client(key, write=True)  # Django's own Redis client
        pipeline = client.pipeline()
        pipeline.incr(key)
        pipeline.expire(key, self.duration, nx=True)
        count, _ = pipeline.execute()
        return count

    def wait(self) -> float:
        """Seconds until the window closes (Retry-After); the whole period if unknown."""
        if isinstance(self.cache, RedisCache):
            try:
                key = self.cache.make_and_validate_key(self.key)
                left = self.cache._cache.get_client(key).ttl(key)
            except Exception:
                left = -1
            return float(left) if left > 0 else float(self.duration)
        return float(self.duration)


class WriteRateThrottle(_WindowCountMixin, UserRateThrottle):
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


class AuthRateThrottle(_WindowCountMixin, AnonRateThrottle):
    """Per client address on the token endpoints (X-Forwarded-For only behind NUM_PROXIES).

    A ceiling for everything one address sends to login, refresh and logout together: it
    bounds password guessing across usernames, while django-axes locks one username at one
    address. Its rate ("auth") is sized for a squad signing in behind one gym's address.
    """

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
