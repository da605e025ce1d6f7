"""Assessments (coaches record them) and symptom reports (athletes too), per athlete."""

from rest_framework import mixins

from coaching import services
from coaching.api.base import EVERYONE, STAFF_AND_COACHES
from coaching.api.views.athlete_data import AthleteDataViewSet

from .serializers import ASSESSMENT_KINDS, SymptomReportSerializer


class RecordViewSet(
    AthleteDataViewSet,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
):
    """List, add, read and remove one kind of dated record."""

    def perform_create(self, serializer):
        serializer.instance = services.record_athlete_data(
            model=self.model, athlete=self.athlete, values=serializer.validated_data
        )


class AssessmentViewSet(RecordViewSet):
    read_roles = STAFF_AND_COACHES
    write_roles = STAFF_AND_COACHES


def assessment_viewset(kind: str) -> type[AssessmentViewSet]:
    serializer_class = ASSESSMENT_KINDS[kind]
    model = serializer_class.Meta.model
    related = ("exercise",) if any(f.name == "exercise" for f in model._meta.fields) else ()
    return type(
        f"{model.__name__}ViewSet",
        (AssessmentViewSet,),
        {
            "__doc__": f"The athlete's {kind} assessments.",
            "model": model,
            "serializer_class": serializer_class,
            "related": related,
        },
    )


ASSESSMENT_VIEWSETS = {kind: assessment_viewset(kind) for kind in ASSESSMENT_KINDS}


class SymptomReportViewSet(RecordViewSet, mixins.UpdateModelMixin):
    """Symptom reports: what the athlete feels, the source of every medical red flag.

    PATCH corrects or completes a report (e.g. `resolved`); only the fields sent change.
    """

    model = SymptomReportSerializer.Meta.model
    serializer_class = SymptomReportSerializer
    read_roles = EVERYONE
    write_roles = EVERYONE

    def perform_update(self, serializer):
        self.perform_partial_change(serializer)
