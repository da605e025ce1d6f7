"""E-mail outbox rows: what must be sent is recorded before it is sent, and claimed once.

An `AlertEmail` is written in the same transaction that opens a red flag, so a lost broker
message only delays it; the reconciliation job finds any that have not gone out. A row whose
send failed for good is `failed`, with the reason in `last_error`; one that failed for now
waits in `pending` until `next_attempt_at`.
"""

from django.db import models

from .base import one_of
from .organizations import Coach


class DeliveryStatus(models.TextChoices):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    SKIPPED = "skipped"
    FAILED = "failed"


class AlertEmail(models.Model):
    """One red-flag alert for one coach; sent at most once (the row is claimed first)."""

    Status = DeliveryStatus

    flag = models.ForeignKey("assessments.Flag", on_delete=models.CASCADE, related_name="emails")
    coach = models.ForeignKey(Coach, on_delete=models.CASCADE, related_name="alert_emails")
    status = models.CharField(max_length=8, choices=DeliveryStatus.choices, default="pending")
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(
        null=True, blank=True, help_text="After a failed attempt: when to try again."
    )
    last_error = models.TextField(blank=True, help_text="Why the last attempt failed.")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["flag", "coach"], name="one_alert_per_flag_and_coach"),
            one_of("status", DeliveryStatus.choices),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="alert_status_created")]

    def __str__(self) -> str:
        return f"Alert {self.flag_id} to {self.coach_id} ({self.status})"


class DigestEmail(models.Model):
    """The daily digest of one coach for one local date; the unique row is the claim.

    `window_start`..`window_end` is what it reported as new: the next digest's "new since
    your last digest" starts at the `window_end` of the last one actually sent.
    """

    Status = DeliveryStatus

    coach = models.ForeignKey(Coach, on_delete=models.CASCADE, related_name="digests")
    local_date = models.DateField()
    status = models.CharField(max_length=8, choices=DeliveryStatus.choices, default="sending")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    window_start = models.DateTimeField(null=True, blank=True)
    window_end = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-local_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["coach", "local_date"], name="one_digest_per_day"),
            one_of("status", DeliveryStatus.choices),
        ]

    def __str__(self) -> str:
        return f"Digest for {self.coach_id} on {self.local_date}"
