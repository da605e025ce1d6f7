"""Stored results of the cause-analysis engine, and per-organization threshold overrides."""

from django.conf import settings
from django.db import models

from coaching.models import Athlete, Organization, TimeStampedModel
from coaching.models.base import bounded, one_of


class WeaknessType(models.TextChoices):
    TRUE = "true"
    PERCEIVED = "perceived"
    NONE = "none"  # enough objective data, no marked weakness
    UNDETERMINED = "undetermined"  # too little data to tell


class CauseCategory(models.TextChoices):
    TRAINING = "training"
    TECHNIQUE = "technique"
    LIFESTYLE = "lifestyle"
    MEDICAL = "medical"
    NEUROMUSCULAR = "neuromuscular"


class FindingLevel(models.TextChoices):
    CAUSE = "cause"  # a likely cause: ranked, flagged, e-mailed
    WATCH = "watch"  # worth keeping an eye on: shown apart, never flagged


class AnalysisRun(models.Model):
    """One run of the engine for one athlete; immutable once stored."""

    WeaknessType = WeaknessType

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="analysis_runs")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    as_of = models.DateField(help_text="The date the analysis looks back from.")
    ruleset_version = models.CharField(max_length=16)
    window_start = models.DateField()
    window_end = models.DateField()
    weakness_type = models.CharField(max_length=12, choices=WeaknessType.choices)
    red_flags = models.JSONField(default=list, blank=True)
    data_gaps = models.JSONField(default=list, blank=True)
    training_advice_secondary = models.BooleanField(default=False)
    phases = models.JSONField(
        default=list,
        blank=True,
        help_text="The training phases the rules took into account: set by a coach or "
        "detected from the log ({start, end, kind, source, reason}).",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = ["created_at", "id"]
        indexes = [models.Index(fields=["athlete", "-created_at"], name="run_athlete_latest")]
        constraints = [
            one_of("weakness_type", WeaknessType.choices),
            models.CheckConstraint(
                condition=models.Q(window_start__lte=models.F("window_end")),
                name="run_window_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"Analysis of {self.athlete} on {self.as_of}"


class Finding(models.Model):
    """One finding of a run: a likely cause (level ``cause``) or a signal worth watching
    (``watch``), with the evidence behind it and what to do about it. Causes rank first."""

    Category = CauseCategory
    Level = FindingLevel

    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="findings")
    rank = models.PositiveSmallIntegerField(help_text="1 is the most likely cause.")
    cause = models.CharField(max_length=48, db_index=True)
    category = models.CharField(max_length=16, choices=CauseCategory.choices)
    level = models.CharField(
        max_length=8,
        choices=FindingLevel.choices,
        default=FindingLevel.CAUSE,
        help_text="cause: a likely cause; watch: worth keeping an eye on.",
    )
    score = models.FloatField()
    evidence = models.JSONField(default=dict)
    recommendations = models.JSONField(default=list)

    class Meta:
        ordering = ["run", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["run", "cause"], name="finding_cause_once_per_run"),
            models.UniqueConstraint(fields=["run", "rank"], name="finding_rank_unique"),
            one_of("category", CauseCategory.choices),
            one_of("level", FindingLevel.choices),
            bounded("score", 0, 1),
        ]

    def __str__(self) -> str:
        return f"{self.cause} ({self.score:.2f})"


class ThresholdOverride(TimeStampedModel):
    """An organization's own value for one engine threshold (defaults live in the engine)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="threshold_overrides"
    )
    key = models.CharField(max_length=64)
    value = models.FloatField()
    note = models.CharField(max_length=300, blank=True, help_text="Why this team differs.")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["organization", "key"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="threshold_once_per_org"),
        ]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"
