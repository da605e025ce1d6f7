"""The caller, organizations and their coaches, athletes, and the exercise catalogue."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status
from rest_framework.response import Response
from rest_framework.views import APIView

from coaching import services
from coaching.api.base import (
    COACHES,
    EVERYONE,
    STAFF,
    STAFF_AND_COACHES,
    ScopedViewSet,
)
from coaching.api.filters import AthleteFilter, ExerciseFilter, Ordering
from coaching.api.serializers.athlete_rows import (
    LIST_COLUMNS,
    preload_relations,
    represent_rows,
)
from coaching.api.serializers.people import (
    AthleteSerializer,
    CoachCreateSerializer,
    CoachSerializer,
    ExerciseSerializer,
    MeSerializer,
    OrganizationSerializer,
)
from coaching.models import Athlete, Coach
from coaching.scoping import (
    Role,
    athlete_of,
    athletes_for,
    coach_of,
    coaches_for,
    exercises_for,
    organization_of,
    organizations_for,
    role_of,
)


class MeView(APIView):
    """Who am I: role, organization and own athlete id, for the app to pick its screens."""

    permission_classes = [permissions.IsAuthenticated]

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        user = request.user
        organization, athlete, coach = organization_of(user), athlete_of(user), coach_of(user)
        role = role_of(user)
        data = {
            "id": user.pk,
            "username": user.get_username(),
            "role": None if role is Role.NONE else role.value,
            "organization": organization.pk if organization else None,
            "athlete": athlete.pk if athlete else None,
            "coach": coach.pk if coach else None,
        }
        return Response(MeSerializer(data).data)


class OrganizationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, ScopedViewSet
):
    """Organizations: each user sees their own; staff see and create all."""

    serializer_class = OrganizationSerializer
    read_roles = EVERYONE
    write_roles = STAFF
    filter_backends = [Ordering]
    ordering_fields = ["name", "updated_at"]

    def scoped_queryset(self):
        return organizations_for(self.request.user)

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.create_organization(
            name=data["name"], timezone_name=data.get("timezone", "UTC")
        )


class CoachViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, ScopedViewSet):
    """The coaches of one organization; staff or its head coach add them."""

    serializer_class = CoachSerializer
    read_roles = STAFF_AND_COACHES
    write_roles = STAFF | {Role.HEAD_COACH}
    filter_backends = [Ordering]
    ordering_fields = ["created_at"]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not getattr(self, "swagger_fake_view", False):
            self.organization = get_object_or_404(
                organizations_for(request.user), pk=kwargs["organization_pk"]
            )

    def scoped_queryset(self):
        return coaches_for(self.request.user).filter(organization=self.organization)

    def queryset_model(self):
        return Coach

    @extend_schema(request=CoachCreateSerializer, responses={201: CoachSerializer})
    def create(self, request, *args, **kwargs):
        serializer = CoachCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        coach = services.create_coach(organization=self.organization, **serializer.validated_data)
        return Response(CoachSerializer(coach).data, status=status.HTTP_201_CREATED)


class AthleteViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ScopedViewSet,
):
    """Athletes in the caller's scope. Athletes read their own profile; coaches manage them."""

    serializer_class = AthleteSerializer
    read_roles = EVERYONE
    write_roles = COACHES
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    filterset_class = AthleteFilter
    filter_backends = [*ScopedViewSet.filter_backends, Ordering]
    ordering_fields = ["name", "updated_at", "created_at"]

    def scoped_queryset(self):
        return athletes_for(self.request.user)

    def list(self, request, *args, **kwargs):
        athletes = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(athletes.values("user_id", *LIST_COLUMNS.values()))
        return self.get_paginated_response(represent_rows(page))

    def get_serializer(self, *args, **kwargs):
        if args and args[0] is not None:
            rows = args[0] if isinstance(args[0], list) else [args[0]]
            preload_relations([row for row in rows if isinstance(row, Athlete)])
        return super().get_serializer(*args, **kwargs)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.request is None or self.request.method in permissions.SAFE_METHODS:
            return context  # reads resolve nothing
        # Goal lifts resolve within the athlete's organization (the creator's, on create).
        organization = organization_of(self.request.user)
        if self.kwargs.get("pk") is not None and self.request.method == "PATCH":
            athlete = athletes_for(self.request.user).filter(pk=self.kwargs["pk"]).first()
            organization = athlete.organization if athlete else organization
        context["organization_id"] = organization.pk if organization else None
        return context

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        coach = coach_of(self.request.user)
        creator = coach if coach.role == Coach.Role.COACH or not data.get("coaches") else None
        serializer.instance = services.create_athlete(
            organization=coach.organization,
            created_by=creator,
            coaches=data.pop("coaches", ()),
            goal_lifts=data.pop("goal_lifts", ()),
            login=data.pop("login", None),
            fields=data,
        )

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.update_athlete(
            athlete=serializer.instance,
            coaches=data.pop("coaches", None),
            goal_lifts=data.pop("goal_lifts", None),
            login=data.pop("login", None),
            fields=data,
        )
        preload_relations([serializer.instance])  # the response shows the new relations

    def perform_destroy(self, instance):
        services.delete_athlete(athlete=instance)


class ExerciseViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, ScopedViewSet):
    """The shared catalogue plus the caller's organization's own exercises."""

    serializer_class = ExerciseSerializer
    read_roles = EVERYONE
    write_roles = COACHES
    filterset_class = ExerciseFilter
    filter_backends = [*ScopedViewSet.filter_backends, Ordering]
    ordering_fields = ["name", "slug"]

    def scoped_queryset(self):
        return exercises_for(self.request.user)

    def perform_create(self, serializer):
        serializer.instance = services.create_exercise(
            organization=coach_of(self.request.user).organization,
            fields=serializer.validated_data,
        )
