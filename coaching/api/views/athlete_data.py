"""Check-ins (upserted per day) and training sessions (with their sets), per athlete."""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from coaching import services
from coaching.api.base import EVERYONE, AthleteScopedViewSet
from coaching.api.fields import validate_recorded_date
from coaching.api.filters import Ordering, athlete_data_filterset
from coaching.api.serializers.checkins import CHECK_IN_KINDS
from coaching.api.serializers.training import TrainingSessionSerializer
from coaching.models import TrainingSession, TrainingSet


class AthleteDataViewSet(AthleteScopedViewSet):
    """Shared by everything dated an athlete records: filters, ordering, write marking.

    Subclasses list this base first, then DRF's mixins, so its perform_* hooks win.
    """

    read_roles = EVERYONE
    write_roles = EVERYONE
    filter_backends = [*AthleteScopedViewSet.filter_backends, Ordering]
    ordering_fields = ["date", "updated_at", "created_at"]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.model is not None and "filterset_class" not in cls.__dict__:
            cls.filterset_class = athlete_data_filterset(cls.model)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        athlete = context.get("athlete")
        context["organization_id"] = athlete.organization_id if athlete else None
        return context

    def perform_destroy(self, instance):
        services.delete_athlete_data(instance=instance)

    def perform_partial_change(self, serializer) -> None:
        """PATCH of one dated record: only the fields the body carried change."""
        try:
            serializer.instance = services.update_athlete_data(
                instance=serializer.instance, values=serializer.validated_data
            )
        except ObjectDoesNotExist:  # deleted meanwhile
            raise Http404("Not found.") from None


class CheckInViewSet(
    AthleteDataViewSet, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin
):
    """One kind of daily check-in: PUT upserts the day's entry whole (fields left out are
    cleared); repeating it changes nothing. PATCH changes some fields of an existing entry."""

    lookup_field = "date"

    def update(self, request, *args, **kwargs):
        date = kwargs["date"]
        try:
            validate_recorded_date(date)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({"date": exc.detail}) from None
        serializer = self.get_serializer(data=request.data)  # whole: omitted fields cleared
        serializer.is_valid(raise_exception=True)
        row, created = services.upsert_check_in(
            model=self.model, athlete=self.athlete, date=date, values=serializer.validated_data
        )
        serializer.instance = row  # answer with the stored row, as save() would
        status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(serializer.data, status=status_code)

    def partial_update(self, request, *args, **kwargs):
        serializer = self.get_serializer(self.get_object(), data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        self.perform_partial_change(serializer)
        return Response(serializer.data)


def check_in_viewset(kind: str) -> type[CheckInViewSet]:
    serializer_class = CHECK_IN_KINDS[kind]

    @extend_schema(
        request=serializer_class,
        responses={200: serializer_class, 201: serializer_class},
        summary=f"Create or replace the {kind} check-in of one day",
    )
    def update(self, request, *args, **kwargs):
        return CheckInViewSet.update(self, request, *args, **kwargs)

    return type(
        f"{kind.title()}CheckInViewSet",
        (CheckInViewSet,),
        {
            "__doc__": f"The athlete's daily {kind} check-ins.",
            "model": serializer_class.Meta.model,
            "serializer_class": serializer_class,
            "update": update,
        },
    )


CHECK_IN_VIEWSETS = {kind: check_in_viewset(kind) for kind in CHECK_IN_KINDS}


class TrainingSessionViewSet(
    AthleteDataViewSet,
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
):
    """Training sessions; a session and all its sets are created or replaced at once.

    PATCH changes what it carries: without `sets` the sets stay, with `sets` they are replaced.
    """

    model = TrainingSession
    serializer_class = TrainingSessionSerializer

    def scoped_queryset(self):
        sets = TrainingSet.objects.select_related("exercise").order_by("position")
        return super().scoped_queryset().prefetch_related(Prefetch("sets", queryset=sets))

    def perform_create(self, serializer):
        self._save(serializer, session=None)

    def perform_update(self, serializer):
        self._save(serializer, session=serializer.instance)

    def _save(self, serializer, session):
        data = dict(serializer.validated_data)
        sets = data.pop("sets", None)  # absent only in a PATCH: keep the sets
        saved = services.save_session(athlete=self.athlete, values=data, sets=sets, session=session)
        serializer.instance = self.get_queryset().get(pk=saved.pk)
