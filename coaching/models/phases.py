"""Training phases: the blocks of an athlete's plan that a coach sets (a deload, a taper, ...).

The engine leaves planned light weeks out of its trends and volume windows; it also detects
phases from the log when nobody set them. A phase covers `start` to `end`, both days included;
an athlete's phases never overlap (the service checks it with the athlete's row locked).
"""

from django.db import models

from .athletes import Athlete
from .base import TimeStampedModel, one_of


class PhaseKind(models.TextChoices):
    """The engine's PHASE_KINDS (assessments.analysis.snapshot), in its order."""

    ACCUMULATION = "accumulation"
    INTENSIFICATION = "intensification"
    DELOAD = "deload"
    TAPER = "taper"
    PEAKING = "peaking"
    RETURN = "return", "Return from a break"
    OFF_SEASON = "off_season", "Off-season"
    NOVICE = "novice"


class TrainingPhase(TimeStampedModel):
    """One planned block of an athlete's training, from `start` to `end` (both included)."""

    Kind = PhaseKind

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="phases")
    start = models.DateField(help_text="First day of the phase.")
    end = models.DateField(help_text="Last day of the phase (included).")
    kind = models.CharField(max_length=16, choices=PhaseKind.choices)
    notes = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [models.Index(fields=["athlete", "end"], name="phase_athlete_end")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__lte=models.F("end")), name="phase_dates_ordered"
            ),
            one_of("kind", PhaseKind.choices),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start} to {self.end}"

    @property
    def days(self) -> int:
        """How many days the phase covers, both ends included."""
        return (self.end - self.start).days + 1
