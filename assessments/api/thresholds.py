"""An organization's effective engine thresholds: defaults with their sources, and overrides.

The serializers are built from the engine's defaults table, so every key is a documented
field with its bounds, and an unknown key is refused.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from assessments import services
from assessments.analysis.thresholds import DEFAULTS, Thresholds
from assessments.models import ThresholdOverride
from coaching.api import strict
from coaching.api.base import STAFF_AND_COACHES, ScopedViewSet
from coaching.api.fields import StrictFloatField
from coaching.models import Organization
from coaching.scoping import Role, organizations_for


class ThresholdSerializer(serializers.Serializer):
    value = serializers.FloatField(help_text="The value in force for this organization.")
    default = serializers.FloatField(help_text="The engine's default.")
    overridden = serializers.BooleanField()
    unit = serializers.CharField()
    description = serializers.CharField()
    source = serializers.CharField(help_text="Where the default comes from.")


# Ceilings for values the table leaves open, so no override can push a window past the
# calendar or a number past what the engine's arithmetic expects.
_CEILINGS = {"days": 3650, "weeks": 520}
_CEILING = 10_000


def _number_field(row) -> serializers.Field:
    kwargs = {"required": False, "allow_null": True, "help_text": f"{row.description} ({row.unit})"}
    if row.minimum is not None:
        kwargs["min_value"] = row.minimum
    kwargs["max_value"] = (
        row.maximum if row.maximum is not None else _CEILINGS.get(row.unit, _CEILING)
    )
    if row.integral:
        return serializers.IntegerField(**kwargs)
    return StrictFloatField(**kwargs)


EffectiveThresholdsSerializer = type(
    "EffectiveThresholdsSerializer",
    (serializers.Serializer,),
    {key: ThresholdSerializer() for key in DEFAULTS},
)


class _OverridesBase(strict.StrictSerializer):
    """Each key a number to override its default, or null to go back to the default.

    A PATCH: keys left out keep their value; an unknown key is a 400 (the shared write rules).
    """

    def validate(self, attrs):
        errors = {}
        for key, value in attrs.items():
            try:
                Thresholds({} if value is None else {key: value})
            except ValueError as exc:
                errors[key] = [str(exc)]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


ThresholdOverridesSerializer = type(
    "ThresholdOverridesSerializer",
    (_OverridesBase,),
    {key: _number_field(row) for key, row in DEFAULTS.items()},
)


def effective_thresholds(organization: Organization) -> dict:
    overrides = dict(
        ThresholdOverride.objects.filter(organization=organization).values_list("key", "value")
    )
    return {
        key: {
            "value": overrides.get(key, row.value),
            "default": row.value,
            "overridden": key in overrides,
            "unit": row.unit,
            "description": row.description,
            "source": row.source,
        }
        for key, row in DEFAULTS.items()
    }


class ThresholdViewSet(ScopedViewSet):
    """GET: every threshold in force. PATCH (head coach): override some, null resets one."""

    serializer_class = ThresholdOverridesSerializer
    read_roles = STAFF_AND_COACHES
    write_roles = frozenset({Role.HEAD_COACH})

    def scoped_queryset(self):
        return organizations_for(self.request.user)

    def queryset_model(self):
        return Organization

    def _organization(self) -> Organization:
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["organization_pk"])

    @extend_schema(responses=EffectiveThresholdsSerializer)
    def effective(self, request, *args, **kwargs):
        return Response(effective_thresholds(self._organization()))

    @extend_schema(request=ThresholdOverridesSerializer, responses=EffectiveThresholdsSerializer)
    def override(self, request, *args, **kwargs):
        organization = self._organization()
        body = ThresholdOverridesSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        services.set_threshold_overrides(
            organization=organization, values=body.validated_data, user=request.user
        )
        return Response(effective_thresholds(organization))
