"""Flags for coaches: list them, acknowledge them, resolve them."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from assessments import services
from assessments.models import Flag
from coaching.api.base import STAFF_AND_COACHES, ScopedViewSet
from coaching.api.filters import Ordering
from coaching.api.strict import StrictCharField, StrictSerializer
from coaching.scoping import athletes_for

from .filters import FlagFilter

CONFLICT = OpenApiResponse(description="The flag's status does not allow this change.")


class FlagSerializer(serializers.ModelSerializer):
    athlete_name = serializers.CharField(source="athlete.name", read_only=True)
    evidence = serializers.DictField(read_only=True)

    class Meta:
        model = Flag
        fields = [
            "id",
            "athlete",
            "athlete_name",
            "kind",
            "code",
            "severity",
            "status",
            "evidence",
            "advice",
            "opened_at",
            "last_seen_at",
            "acknowledged_at",
            "acknowledged_by",
            "acknowledge_note",
            "resolved_at",
            "resolved_by",
            "resolution_note",
            "updated_at",
        ]
        read_only_fields = fields


class FlagNoteSerializer(StrictSerializer):
    """An optional note on acknowledging or resolving a flag."""

    note = StrictCharField(max_length=2000, required=False, allow_blank=True, default="")


class FlagViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Flags of the athletes in the caller's scope (coaches, head coaches, staff)."""

    serializer_class = FlagSerializer
    read_roles = STAFF_AND_COACHES
    write_roles = STAFF_AND_COACHES
    filterset_class = FlagFilter
    filter_backends = [*ScopedViewSet.filter_backends, Ordering]
    ordering_fields = ["opened_at", "updated_at", "severity"]
    lookup_value_regex = r"\d+"

    def scoped_queryset(self):
        scope = athletes_for(self.request.user).values("pk")
        return Flag.objects.filter(athlete__in=scope).select_related("athlete")

    @extend_schema(request=FlagNoteSerializer, responses={200: FlagSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        return self._transition(services.acknowledge_flag)

    @extend_schema(request=FlagNoteSerializer, responses={200: FlagSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        return self._transition(services.resolve_flag)

    def _transition(self, change):
        flag = self.get_object()
        body = FlagNoteSerializer(data=self.request.data)
        body.is_valid(raise_exception=True)
        try:
            flag = change(flag_id=flag.pk, user=self.request.user, note=body.validated_data["note"])
        except services.FlagTransitionError as error:
            # A valid request that the flag's current state refuses: a conflict, not bad input.
            return Response({"status": [str(error)]}, status=status.HTTP_409_CONFLICT)
        return Response(FlagSerializer(flag).data)
