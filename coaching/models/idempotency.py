"""Idempotency keys: a retried POST replays its first response instead of creating again."""

from django.conf import settings
from django.db import models


class IdempotencyKey(models.Model):
    """One client key per user, claimed before the request runs and kept for a day.

    The unique (user, key) pair is the claim: a concurrent duplicate waits on the index and then
    reads the stored response. The fingerprint (method, path, body) tells a retry from a misuse.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="idempotency_keys"
    )
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of method, path and body.")
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=500)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_per_user"),
        ]

    def __str__(self) -> str:
        return f"{self.method} {self.path} ({self.key})"
