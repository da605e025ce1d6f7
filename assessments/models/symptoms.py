from django.db import models

from coaching.models import AthleteDatedModel
from coaching.models.base import bounded, one_of


class Onset(models.TextChoices):
    SUDDEN = "sudden"
    GRADUAL = "gradual"


class SymptomReport(AthleteDatedModel):
    """What the athlete feels: the source of every medical red flag."""

    Onset = Onset

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

    class Meta(AthleteDatedModel.Meta):
        constraints = [
            one_of("onset", Onset.choices),
            bounded("severity", 0, 10),
            bounded("pain_days", 0, 3650, nullable=True),
        ]
