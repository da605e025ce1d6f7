"""URLs of the v1 API (mounted at /api/v1/): auth, people, athlete data, the assessments app's
routes, schema and docs, and a JSON 404 for anything else under the prefix."""

from django.http import JsonResponse
from django.urls import include, path, re_path, register_converter
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from .auth import LogoutView, TokenObtainView, TokenRefreshView
from .converters import IsoDateConverter
from .views.athlete_data import CHECK_IN_VIEWSETS, TrainingSessionViewSet
from .views.people import (
    AthleteViewSet,
    CoachViewSet,
    ExerciseViewSet,
    MeView,
    OrganizationViewSet,
)
from .views.phases import TrainingPhaseViewSet

register_converter(IsoDateConverter, "isodate")


@csrf_exempt
def not_found(request, path=""):
    """Unknown API paths (and malformed ids or dates in paths) get a JSON 404, like the rest."""
    return JsonResponse({"detail": "Not found."}, status=404)


router = SimpleRouter()
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("athletes", AthleteViewSet, basename="athlete")
router.register("exercises", ExerciseViewSet, basename="exercise")

LIST = {"get": "list"}
LIST_CREATE = {"get": "list", "post": "create"}
ONE = {"get": "retrieve", "put": "update", "patch": "partial_update", "delete": "destroy"}

athlete_data = [
    path(
        "sessions/",
        TrainingSessionViewSet.as_view(LIST_CREATE),
        name="athlete-session-list",
    ),
    path(
        "sessions/<int:pk>/",
        TrainingSessionViewSet.as_view(ONE),
        name="athlete-session-detail",
    ),
    path("phases/", TrainingPhaseViewSet.as_view(LIST_CREATE), name="athlete-phase-list"),
    path("phases/<int:pk>/", TrainingPhaseViewSet.as_view(ONE), name="athlete-phase-detail"),
]
for kind, viewset in CHECK_IN_VIEWSETS.items():
    athlete_data += [
        path(f"check-ins/{kind}/", viewset.as_view(LIST), name=f"athlete-{kind}-list"),
        path(
            f"check-ins/{kind}/<isodate:date>/",
            viewset.as_view(ONE),
            name=f"athlete-{kind}-detail",
        ),
    ]

urlpatterns = [
    path("auth/token/", TokenObtainView.as_view(), name="token-obtain"),
    path("auth/token/refresh/", TokenRefreshView.as_view(), name="token-refresh"),
    path("auth/logout/", LogoutView.as_view(), name="logout"),
    path("me/", MeView.as_view(), name="me"),
    path(
        "organizations/<int:organization_pk>/coaches/",
        CoachViewSet.as_view(LIST_CREATE),
        name="organization-coach-list",
    ),
    path("athletes/<int:athlete_pk>/", include(athlete_data)),
    path("", include(router.urls)),
    path("", include("assessments.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    re_path(r"^(?P<path>.*/)$", not_found),  # last: after every API route
]
