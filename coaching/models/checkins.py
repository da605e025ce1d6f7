"""Daily check-ins: one per athlete, kind and date (PUT upserts them)."""

from django.core.exceptions import ValidationError
from django.db import models

from .athletes import AthleteDatedModel
from .base import bounded

MICRONUTRIENTS = ("magnesium", "potassium", "b_vitamins", "iron", "vitamin_d")


def validate_micronutrients(value) -> None:
    if not isinstance(value, list) or any(item not in MICRONUTRIENTS for item in value):
        raise ValidationError(f"Give a list of: {', '.join(MICRONUTRIENTS)}.")


class CheckIn(AthleteDatedModel):
    class Meta(AthleteDatedModel.Meta):
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["athlete", "date"], name="%(app_label)s_%(class)s_one_per_day"
            ),
        ]


class SleepCheckIn(CheckIn):
    hours = models.FloatField(help_text="Hours slept (0-24).")
    quality = models.PositiveSmallIntegerField(help_text="1 (very poor) to 5 (excellent).")

    class Meta(CheckIn.Meta):
        constraints = [
            *CheckIn.Meta.constraints,
            bounded("hours", 0, 24),
            bounded("quality", 1, 5),
        ]


class NutritionCheckIn(CheckIn):
    calories_kcal = models.PositiveIntegerField()
    protein_g = models.FloatField()
    carbohydrate_g = models.FloatField(null=True, blank=True)
    fat_g = models.FloatField(null=True, blank=True)
    water_l = models.FloatField(help_text="Litres of water and other fluids.")
    micronutrient_concerns = models.JSONField(
        default=list, blank=True, validators=[validate_micronutrients]
    )

    class Meta(CheckIn.Meta):
        constraints = [
            *CheckIn.Meta.constraints,
            bounded("calories_kcal", 0, 15000),
            bounded("protein_g", 0, 1000),
            bounded("carbohydrate_g", 0, 2000, nullable=True),
            bounded("fat_g", 0, 1000, nullable=True),
            bounded("water_l", 0, 20),
        ]


class StressCheckIn(CheckIn):
    stress = models.PositiveSmallIntegerField(help_text="1 (none) to 10 (extreme).")
    mood = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 to 5.")

    class Meta(CheckIn.Meta):
        constraints = [
            *CheckIn.Meta.constraints,
            bounded("stress", 1, 10),
            bounded("mood", 1, 5, nullable=True),
        ]


class WellnessCheckIn(CheckIn):
    fatigue = models.PositiveSmallIntegerField(help_text="1 to 10.")
    soreness = models.PositiveSmallIntegerField(help_text="1 to 10.")
    perceived_leg_weakness = models.PositiveSmallIntegerField(help_text="0 (none) to 10.")
    motivation = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 to 5.")
    urine_colour = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="1 (pale) to 8 (dark) on the urine colour chart.",
    )
    body_mass_kg = models.FloatField(null=True, blank=True)

    class Meta(CheckIn.Meta):
        constraints = [
            *CheckIn.Meta.constraints,
            bounded("fatigue", 1, 10),
            bounded("soreness", 1, 10),
            bounded("perceived_leg_weakness", 0, 10),
            bounded("motivation", 1, 5, nullable=True),
            bounded("urine_colour", 1, 8, nullable=True),
            bounded("body_mass_kg", 30, 300, nullable=True),
        ]
