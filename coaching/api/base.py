"""The scoped viewsets every endpoint builds on: scoping and roles cannot be forgotten.

A subclass never writes `get_queryset`, `get_object` or `get_permissions` (PostHog's rule):
it names the roles that may read and write, and either says how its rows hang off the
caller's scope (`scoped_queryset`) or, for athlete data, only names its model. The athlete in
the URL is resolved through `athletes_for(user)` before anything else runs, so an athlete
outside the caller's scope is a 404 for every method, and nothing is read or written.
"""

from django.db.models import QuerySet
from django.http import Http404
from rest_framework import permissions, viewsets

from coaching.models import Athlete
from coaching.scoping import Role, athlete_in_scope, role_of

from .idempotency import idempotent

STAFF = frozenset({Role.STAFF})
COACHES = frozenset({Role.HEAD_COACH, Role.COACH})
STAFF_AND_COACHES = STAFF | COACHES
EVERYONE = STAFF_AND_COACHES | {Role.ATHLETE}
NOBODY: frozenset[Role] = frozenset()


class RolePermission(permissions.BasePermission):
    """Reads need a role in `view.read_roles`; anything else needs one in `view.write_roles`."""

    message = "Your role does not allow this."

    def has_permission(self, request, view) -> bool:
        role = role_of(request.user)
        if request.method in permissions.SAFE_METHODS:
            return role in view.read_roles
        return role in view.write_roles


class ScopedViewSet(viewsets.GenericViewSet):
    """Base of every resource viewset: authenticated, role-checked, scoped before lookup."""

    permission_classes = [permissions.IsAuthenticated, RolePermission]
    read_roles: frozenset[Role] = NOBODY
    write_roles: frozenset[Role] = NOBODY

    _FORBIDDEN = ("get_queryset", "get_object", "get_permissions")

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in cls._FORBIDDEN:
            if name in cls.__dict__:
                raise TypeError(f"{cls.__name__} must not override {name}(): use scoped_queryset()")

    def scoped_queryset(self) -> QuerySet:
        """The rows the caller may see, built from a coaching.scoping selector."""
        raise NotImplementedError

    def get_queryset(self) -> QuerySet:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user, no rows
            return self.queryset_model().objects.none()
        return self.scoped_queryset()

    def queryset_model(self):
        return self.get_serializer_class().Meta.model

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # Every POST honours Idempotency-Key: the handler is wrapped once the caller is known.
        if request.method == "POST" and hasattr(self, "post"):
            self.post = idempotent(self.post)


class AthleteScopedViewSet(ScopedViewSet):
    """Base of everything under /athletes/{athlete_pk}/: the athlete comes from the caller's scope.

    Subclasses set `model` and may set `related` (select_related) and `prefetch`.
    """

    model = None
    related: tuple[str, ...] = ()
    prefetch: tuple = ()
    athlete: Athlete

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # authentication, roles, throttles first
        if getattr(self, "swagger_fake_view", False):
            return
        athlete = athlete_in_scope(request.user, kwargs["athlete_pk"])
        if athlete is None:  # the answer get_object_or_404() gives
            raise Http404("No Athlete matches the given query.")
        self.athlete = athlete

    def queryset_model(self):
        return self.model

    def scoped_queryset(self) -> QuerySet:
        queryset = self.model.objects.filter(athlete=self.athlete)
        if self.related:
            queryset = queryset.select_related(*self.related)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["athlete"] = getattr(self, "athlete", None)
        return context
