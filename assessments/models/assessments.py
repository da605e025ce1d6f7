"""Objective tests a coach records: strength, movement, mobility, jump and activation."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

from assessments.analysis import metrics
from coaching.models import AthleteDatedModel, Exercise, Side
from coaching.models.base import bounded, one_of

FORM_FLAWS = (
    "knee_valgus",
    "heel_lift",
    "forward_lean",
    "butt_wink",
    "hip_shift",
    "knees_forward",
    "bar_path_drift",
)
COMPENSATIONS = (
    "lumbar_extension",
    "hip_hike",
    "weight_shift",
    "early_knee_break",
    "trunk_rotation",
    "foot_turn_out",
    "hip_drop",
)
STABILITY_AREAS = ("core", "hip", "knee", "ankle")


@deconstructible
class ChoiceListValidator:
    """Validates a JSON list whose items must come from a fixed vocabulary."""

    def __init__(self, allowed: tuple[str, ...], what: str):
        self.allowed = tuple(allowed)
        self.what = what

    def __call__(self, value) -> None:
        if not isinstance(value, list) or any(item not in self.allowed for item in value):
            raise ValidationError(f"Give a list of {self.what}: {', '.join(self.allowed)}.")

    def __eq__(self, other) -> bool:
        return isinstance(other, ChoiceListValidator) and other.allowed == self.allowed


def epley_e1rm_kg(load_kg: float, reps: int) -> float | None:
    """The stored estimate: the engine's one e1RM (``metrics.e1rm_kg``: Epley up to 10 reps)
    to 0.1 kg; None beyond that range or for an empty set."""
    value = metrics.e1rm_kg(load_kg, reps)
    return None if value is None else round(value, 1)


class StrengthTest(AthleteDatedModel):
    """A tested set to near failure; stores its estimated one-rep max."""

    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    load_kg = models.FloatField()
    reps = models.PositiveSmallIntegerField()
    side = models.CharField(max_length=5, choices=Side.choices, default=Side.BOTH)
    e1rm_kg = models.FloatField(
        null=True,
        editable=False,
        help_text="Epley estimate up to 10 reps, computed on save; empty beyond that range.",
    )

    class Meta(AthleteDatedModel.Meta):
        constraints = [
            bounded("load_kg", 0, 1000),
            bounded("reps", 1, 30),
            one_of("side", Side.choices),
            bounded("e1rm_kg", 0, 2000),
        ]

    def save(self, *args, **kwargs):
        self.e1rm_kg = epley_e1rm_kg(self.load_kg, self.reps)
        super().save(*args, **kwargs)


class MovementScreen(AthleteDatedModel):
    """A coach-rated screen of one lift: form flaws, compensations and stability issues."""

    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    flaws = models.JSONField(
        default=list,
        blank=True,
        validators=[ChoiceListValidator(FORM_FLAWS, "form flaws")],
    )
    compensations = models.JSONField(
        default=list,
        blank=True,
        validators=[ChoiceListValidator(COMPENSATIONS, "compensations")],
    )
    stability_issues = models.JSONField(
        default=list,
        blank=True,
        validators=[ChoiceListValidator(STABILITY_AREAS, "stability areas")],
    )
    notes = models.TextField(blank=True, max_length=4000)
    video_url = models.URLField(blank=True, max_length=500)

    class Meta(AthleteDatedModel.Meta):
        pass


class MobilityScreen(AthleteDatedModel):
    """Ankle mobility (knee-to-wall), single-leg balance and Y-balance, per side."""

    ankle_dorsiflexion_left_cm = models.FloatField(null=True, blank=True)
    ankle_dorsiflexion_right_cm = models.FloatField(null=True, blank=True)
    single_leg_balance_left_s = models.FloatField(null=True, blank=True)
    single_leg_balance_right_s = models.FloatField(null=True, blank=True)
    y_balance_left_pct = models.FloatField(null=True, blank=True)
    y_balance_right_pct = models.FloatField(null=True, blank=True)

    class Meta(AthleteDatedModel.Meta):
        constraints = [
            bounded("ankle_dorsiflexion_left_cm", 0, 30, nullable=True),
            bounded("ankle_dorsiflexion_right_cm", 0, 30, nullable=True),
            bounded("single_leg_balance_left_s", 0, 600, nullable=True),
            bounded("single_leg_balance_right_s", 0, 600, nullable=True),
            bounded("y_balance_left_pct", 0, 200, nullable=True),
            bounded("y_balance_right_pct", 0, 200, nullable=True),
        ]


class JumpTest(AthleteDatedModel):
    """Countermovement jump height, a marker of neuromuscular readiness."""

    countermovement_jump_cm = models.FloatField()

    class Meta(AthleteDatedModel.Meta):
        constraints = [bounded("countermovement_jump_cm", 1, 150)]


class ActivationRating(AthleteDatedModel):
    """How well the athlete feels the target muscle work (1-5)."""

    exercise = models.ForeignKey(
        Exercise, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    mind_muscle_rating = models.PositiveSmallIntegerField()

    class Meta(AthleteDatedModel.Meta):
        constraints = [bounded("mind_muscle_rating", 1, 5)]
