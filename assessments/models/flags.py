from django.conf import settings
from django.db import models

from coaching.models import Athlete
from coaching.models.base import one_of

from .analysis import AnalysisRun


class FlagKind(models.TextChoices):
    RED_FLAG = "red_flag", "Red flag"
    OVERTRAINING = "overtraining", "Overtraining"


class FlagStatus(models.TextChoices):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"


class FlagSeverity(models.TextChoices):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    SOON = "soon"
    WARNING = "warning"


class Flag(models.Model):
    """Something a coach must look at: a medical red flag or overtraining.

    Lifecycle: open -> acknowledged -> resolved, with who and when. At most one active
    (open or acknowledged) flag per athlete and code; the database enforces it.
    """

    Kind = FlagKind
    Status = FlagStatus
    Severity = FlagSeverity

    ACTIVE = (FlagStatus.OPEN, FlagStatus.ACKNOWLEDGED)

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(max_length=16, choices=FlagKind.choices)
    code = models.CharField(max_length=48)
    severity = models.CharField(max_length=12, choices=FlagSeverity.choices)
    status = models.CharField(max_length=16, choices=FlagStatus.choices, default=Status.OPEN)
    evidence = models.JSONField(default=dict, blank=True)
    advice = models.TextField(blank=True)
    opened_at = models.DateTimeField(auto_now_add=True, db_index=True)
    last_seen_at = models.DateTimeField()
    opened_by_run = models.ForeignKey(
        AnalysisRun,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opened_flags",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledge_note = models.TextField(blank=True, max_length=2000)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution_note = models.TextField(blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["athlete", "status"], name="flag_athlete_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "code"],
                condition=models.Q(status__in=["open", "acknowledged"]),
                name="one_active_flag_per_athlete_code",
            ),
            one_of("kind", FlagKind.choices),
            one_of("status", FlagStatus.choices),
            one_of("severity", FlagSeverity.choices),
            models.CheckConstraint(
                condition=~models.Q(status="resolved") | models.Q(resolved_at__isnull=False),
                name="resolved_flag_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.code} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE
