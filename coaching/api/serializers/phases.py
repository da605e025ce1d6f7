"""Training phases: the blocks of an athlete's plan a coach sets (coaches write, athletes read).

Dates may lie ahead (a taper is planned before it starts): from 1900-01-01 to two years after
today. `end` is on or after `start`, both days included. Overlaps with the athlete's other
phases are refused by the service (coaching.services.save_phase), which sees every phase.
"""

import datetime as dt

from django.utils import timezone
from rest_framework import serializers

from coaching.api.fields import EARLIEST_DATE, BoundedModelSerializer
from coaching.models import TrainingPhase

PLAN_AHEAD = dt.timedelta(days=2 * 366)


def latest_phase_date() -> dt.date:
    """Two years after today (UTC): as far ahead as a plan may reach."""
    return timezone.now().date() + PLAN_AHEAD


class PhaseDateField(serializers.DateField):
    """A day of a plan: no earlier than 1900 and no later than two years from today."""

    def to_internal_value(self, value):
        day = super().to_internal_value(value)
        if day < EARLIEST_DATE:
            raise serializers.ValidationError(f"Give a date on or after {EARLIEST_DATE}.")
        if day > latest_phase_date():
            raise serializers.ValidationError("Give a date at most two years ahead.")
        return day


class TrainingPhaseSerializer(BoundedModelSerializer):
    """A planned block of training: `kind` from accumulation, intensification, deload, taper,
    peaking, return (from a break), off_season, novice; `start` to `end`, both included."""

    start = PhaseDateField(help_text="First day of the phase.")
    end = PhaseDateField(help_text="Last day of the phase (included); on or after start.")

    class Meta:
        model = TrainingPhase
        fields = ["id", "athlete", "start", "end", "kind", "notes", "created_at", "updated_at"]
        read_only_fields = ["id", "athlete", "created_at", "updated_at"]

    def validate(self, attrs):
        instance = self.instance
        start = attrs.get("start", getattr(instance, "start", None))
        end = attrs.get("end", getattr(instance, "end", None))
        if start is not None and end is not None and end < start:
            raise serializers.ValidationError({"end": ["The end must be on or after the start."]})
        return attrs
