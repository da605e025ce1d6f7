"""Training phases of one athlete: coaches set them, the athlete reads them."""

from django.http import Http404
from rest_framework import mixins

from coaching import services
from coaching.api.base import EVERYONE, STAFF_AND_COACHES
from coaching.api.filters import TrainingPhaseFilter
from coaching.api.serializers.phases import TrainingPhaseSerializer
from coaching.api.views.athlete_data import AthleteDataViewSet
from coaching.models import TrainingPhase


class TrainingPhaseViewSet(
    AthleteDataViewSet,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
):
    """The athlete's planned training phases (deload, taper, peaking, ...), newest first.

    PUT replaces a phase whole, PATCH changes what it carries. A phase may not share a day
    with another of the athlete's phases (400). Athletes read their own; coaches write.
    """

    model = TrainingPhase
    serializer_class = TrainingPhaseSerializer
    filterset_class = TrainingPhaseFilter
    ordering_fields = ["start", "end", "updated_at", "created_at"]
    read_roles = EVERYONE
    write_roles = STAFF_AND_COACHES

    def perform_create(self, serializer):
        serializer.instance = services.save_phase(
            athlete=self.athlete, values=serializer.validated_data
        )

    def perform_update(self, serializer):
        try:
            serializer.instance = services.save_phase(
                athlete=self.athlete, values=serializer.validated_data, phase=serializer.instance
            )
        except TrainingPhase.DoesNotExist:  # deleted meanwhile
            raise Http404("Not found.") from None
