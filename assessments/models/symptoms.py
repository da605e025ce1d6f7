from django.db import models

from coaching.models import AthleteDatedModel
from coaching.models.base import bounded, one_of


class Onset(models.TextChoices):
    SUDDEN = "sudden"
    GRADUAL = "gradual"


class SymptomSide(models.TextChoices):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class Progression(models.TextChoices):
    WORSENING = "worsening"
    STABLE = "stable"
    IMPROVING = "improving"


class SymptomReport(AthleteDatedModel):
    """What the athlete feels: the source of every medical red flag."""

    Onset = Onset
    Side = SymptomSide
    Progression = Progression

    onset = models.CharField(max_length=8, choices=Onset.choices)
    severity = models.PositiveSmallIntegerField(help_text="Weakness severity, 0-10.")
    numbness = models.BooleanField(default=False)
    tingling = models.BooleanField(default=False)
    loss_of_sensation = models.BooleanField(default=False)
    pain = models.BooleanField(default=False)
    pain_days = models.PositiveIntegerField(null=True, blank=True)
    pain_improves_with_rest = models.BooleanField(null=True, blank=True)
    explained_by = models.TextField(blank=True, max_length=2000)
    suspected_condition = models.TextField(blank=True, max_length=2000)
    notes = models.TextField(blank=True, max_length=4000)
    # Triage signs (science.md, "Triage, with the emergency tier"); all optional.
    side = models.CharField(
        max_length=5,
        choices=SymptomSide.choices,
        null=True,
        blank=True,
        help_text="Which leg: left, right or both; empty when not said.",
    )
    swelling = models.BooleanField(default=False)
    back_pain = models.BooleanField(default=False)
    saddle_numbness = models.BooleanField(default=False)
    bladder_bowel_change = models.BooleanField(
        default=False, help_text="A new change in bladder or bowel control."
    )
    progression = models.CharField(
        max_length=9,
        choices=Progression.choices,
        null=True,
        blank=True,
        help_text="Worsening, stable or improving; empty when not said.",
    )
    resolved = models.BooleanField(default=False, help_text="The symptoms have gone.")
    context = models.TextField(
        blank=True,
        max_length=2000,
        help_text="What the athlete was doing when it began (a long drive, tight boots, ...).",
    )

    class Meta(AthleteDatedModel.Meta):
        constraints = [
            one_of("onset", Onset.choices),
            bounded("severity", 0, 10),
            bounded("pain_days", 0, 3650, nullable=True),
            one_of("side", SymptomSide.choices, nullable=True),
            one_of("progression", Progression.choices, nullable=True),
        ]
