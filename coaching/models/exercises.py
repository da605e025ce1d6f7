from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from .base import TimeStampedModel, one_of
from .organizations import Organization

MUSCLES = ("quadriceps", "hamstrings", "glutes", "calves", "adductors", "core")


def validate_muscles(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError("Give at least one muscle.")
    unknown = [m for m in value if m not in MUSCLES]
    if unknown:
        raise ValidationError(f"Unknown muscles: {', '.join(map(str, unknown))}.")


class ExerciseKind(models.TextChoices):
    COMPOUND = "compound"
    ISOLATION = "isolation"
    PLYOMETRIC = "plyometric"


class MovementPattern(models.TextChoices):
    SQUAT = "squat"
    HINGE = "hinge"
    LUNGE = "lunge"
    LEG_PRESS = "leg_press"
    KNEE_EXTENSION = "knee_extension"
    KNEE_FLEXION = "knee_flexion"
    HIP_EXTENSION = "hip_extension"
    CALF_RAISE = "calf_raise"
    JUMP = "jump"
    OTHER = "other"


class Exercise(TimeStampedModel):
    """The exercise catalogue: global entries (no organization) plus each organization's own."""

    Kind = ExerciseKind
    Pattern = MovementPattern

    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="exercises",
        help_text="Empty for the shared catalogue.",
    )
    slug = models.SlugField(max_length=64)
    name = models.CharField(max_length=120)
    pattern = models.CharField(max_length=24, choices=MovementPattern.choices)
    kind = models.CharField(max_length=16, choices=ExerciseKind.choices)
    muscles = models.JSONField(default=list, validators=[validate_muscles])
    unilateral = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            # Slugs are unique whatever their case, within an organization and in the catalogue.
            models.UniqueConstraint(
                models.F("organization"),
                Lower("slug"),
                name="exercise_slug_per_org_any_case",
                violation_error_message="An exercise with this slug already exists.",
            ),
            models.UniqueConstraint(
                Lower("slug"),
                condition=models.Q(organization__isnull=True),
                name="exercise_slug_global_any_case",
                violation_error_message="An exercise with this slug already exists.",
            ),
            one_of("kind", ExerciseKind.choices),
            one_of("pattern", MovementPattern.choices),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_leg_exercise(self) -> bool:
        return any(m != "core" for m in self.muscles)
