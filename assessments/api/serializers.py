"""Assessments and symptom reports: dated athlete records with bounds from the models."""

from rest_framework import serializers

from assessments.models import (
    COMPENSATIONS,
    FORM_FLAWS,
    STABILITY_AREAS,
    ActivationRating,
    JumpTest,
    MobilityScreen,
    MovementScreen,
    StrengthTest,
    SymptomReport,
)
from coaching.api.fields import BoundedModelSerializer, choice_list
from coaching.api.serializers.related import ExerciseSlugField

_META_FIELDS = ["id", "athlete", "date", "created_at", "updated_at"]


class RecordSerializer(BoundedModelSerializer):
    """A dated record of the athlete in the URL."""

    class Meta:
        read_only_fields = ["id", "athlete", "created_at", "updated_at"]


class StrengthTestSerializer(RecordSerializer):
    exercise = ExerciseSlugField()

    class Meta(RecordSerializer.Meta):
        model = StrengthTest
        fields = [*_META_FIELDS, "exercise", "load_kg", "reps", "side", "e1rm_kg"]
        read_only_fields = [*RecordSerializer.Meta.read_only_fields, "e1rm_kg"]


class MovementScreenSerializer(RecordSerializer):
    exercise = ExerciseSlugField()
    flaws = choice_list(FORM_FLAWS, max_length=len(FORM_FLAWS), required=False)
    compensations = choice_list(COMPENSATIONS, max_length=len(COMPENSATIONS), required=False)
    stability_issues = choice_list(STABILITY_AREAS, max_length=len(STABILITY_AREAS), required=False)

    class Meta(RecordSerializer.Meta):
        model = MovementScreen
        fields = [
            *_META_FIELDS,
            "exercise",
            "flaws",
            "compensations",
            "stability_issues",
            "notes",
            "video_url",
        ]


class MobilityScreenSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = MobilityScreen
        fields = [
            *_META_FIELDS,
            "ankle_dorsiflexion_left_cm",
            "ankle_dorsiflexion_right_cm",
            "single_leg_balance_left_s",
            "single_leg_balance_right_s",
            "y_balance_left_pct",
            "y_balance_right_pct",
        ]


class JumpTestSerializer(RecordSerializer):
    class Meta(RecordSerializer.Meta):
        model = JumpTest
        fields = [*_META_FIELDS, "countermovement_jump_cm"]


class ActivationRatingSerializer(RecordSerializer):
    exercise = ExerciseSlugField(required=False, allow_null=True)

    class Meta(RecordSerializer.Meta):
        model = ActivationRating
        fields = [*_META_FIELDS, "exercise", "mind_muscle_rating"]


class SymptomReportSerializer(RecordSerializer):
    """What the athlete feels. The triage signs (`side`, `swelling`, `back_pain`,
    `saddle_numbness`, `bladder_bowel_change`, `progression`, `resolved`, `context`) are
    optional: booleans default to false, `side` and `progression` to null."""

    class Meta(RecordSerializer.Meta):
        model = SymptomReport
        fields = [
            *_META_FIELDS,
            "onset",
            "severity",
            "numbness",
            "tingling",
            "loss_of_sensation",
            "pain",
            "pain_days",
            "pain_improves_with_rest",
            "explained_by",
            "suspected_condition",
            "notes",
            "side",
            "swelling",
            "back_pain",
            "saddle_numbness",
            "bladder_bowel_change",
            "progression",
            "resolved",
            "context",
        ]
        # Not said is null, never "": the database accepts only the choices or NULL.
        extra_kwargs = {"side": {"allow_blank": False}, "progression": {"allow_blank": False}}


ASSESSMENT_KINDS: dict[str, type[serializers.ModelSerializer]] = {
    "strength": StrengthTestSerializer,
    "movement": MovementScreenSerializer,
    "mobility": MobilityScreenSerializer,
    "jump": JumpTestSerializer,
    "activation": ActivationRatingSerializer,
}
