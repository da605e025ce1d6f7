"""Training sessions with their sets, written and replaced as one document.

`sets` is required in a POST or PUT (an empty list for a session without sets). A PATCH
without `sets` keeps them; a PATCH with `sets` replaces them all, each set whole.
"""

from rest_framework import serializers

from coaching.api.fields import BoundedModelSerializer
from coaching.models import TrainingSession, TrainingSet

from .related import ExerciseSlugField

MAX_SETS_PER_SESSION = 100


class TrainingSetSerializer(BoundedModelSerializer):
    """One set, always whole (also inside a PATCH of its session)."""

    exercise = ExerciseSlugField()

    class Meta:
        model = TrainingSet
        fields = ["position", "exercise", "reps", "load_kg", "rpe", "rir", "side"]
        read_only_fields = ["position"]


class TrainingSessionSerializer(BoundedModelSerializer):
    """A session with all its sets; load_au is duration_min x session_rpe (Foster 2001)."""

    sets = TrainingSetSerializer(
        many=True,
        max_length=MAX_SETS_PER_SESSION,
        help_text="In the order done; [] for none. Always the whole list, even in a PATCH.",
    )

    class Meta:
        model = TrainingSession
        fields = [
            "id",
            "athlete",
            "date",
            "duration_min",
            "session_rpe",
            "load_au",
            "notes",
            "sets",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["athlete", "load_au", "created_at", "updated_at"]

    def validate_sets(self, value):
        if len(value) > MAX_SETS_PER_SESSION:  # also enforced before parsing each set
            raise serializers.ValidationError(f"Give at most {MAX_SETS_PER_SESSION} sets.")
        return value
