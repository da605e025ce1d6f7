from django.db import models

from .athletes import AthleteDatedModel
from .base import TimeStampedModel, bounded, one_of
from .exercises import Exercise


class Side(models.TextChoices):
    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"


class TrainingSession(AthleteDatedModel):
    """One training session; its load is duration x session RPE (Foster 2001)."""

    duration_min = models.PositiveSmallIntegerField()
    session_rpe = models.PositiveSmallIntegerField(help_text="Session RPE, 1-10 (CR-10 scale).")
    notes = models.TextField(blank=True, max_length=4000)
    load_au = models.GeneratedField(
        expression=models.F("duration_min") * models.F("session_rpe"),
        output_field=models.PositiveIntegerField(),
        db_persist=True,
        verbose_name="session load (AU)",
    )

    class Meta(AthleteDatedModel.Meta):
        constraints = [bounded("duration_min", 1, 600), bounded("session_rpe", 1, 10)]


class TrainingSet(TimeStampedModel):
    """One set of a session, in the order it was done."""

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="sets")
    position = models.PositiveSmallIntegerField()
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    reps = models.PositiveSmallIntegerField()
    load_kg = models.FloatField()
    rpe = models.FloatField(null=True, blank=True)
    rir = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Reps in reserve.")
    side = models.CharField(max_length=5, choices=Side.choices, default=Side.BOTH)

    class Meta:
        ordering = ["session", "position"]
        constraints = [
            models.UniqueConstraint(fields=["session", "position"], name="set_position_unique"),
            bounded("reps", 1, 100),
            bounded("load_kg", 0, 1000),
            bounded("rpe", 1, 10, nullable=True),
            bounded("rir", 0, 10, nullable=True),
            one_of("side", Side.choices),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} {self.reps} x {self.load_kg} kg"
