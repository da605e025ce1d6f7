"""URLs of the assessments API, mounted at /api/v1/ next to the coaching API."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from .analysis import AnalysisRunViewSet, AnalyzeViewSet, LatestAnalysisViewSet
from .flags import FlagViewSet
from .thresholds import ThresholdViewSet
from .views import ASSESSMENT_VIEWSETS, SymptomReportViewSet

router = SimpleRouter()
router.register("flags", FlagViewSet, basename="flag")

LIST_CREATE = {"get": "list", "post": "create"}
ONE = {"get": "retrieve", "delete": "destroy"}
CHANGEABLE = {**ONE, "patch": "partial_update"}

athlete_data = [
    path("symptoms/", SymptomReportViewSet.as_view(LIST_CREATE), name="athlete-symptom-list"),
    path(
        "symptoms/<int:pk>/",
        SymptomReportViewSet.as_view(CHANGEABLE),
        name="athlete-symptom-detail",
    ),
    path("analyze/", AnalyzeViewSet.as_view({"post": "analyze"}), name="athlete-analyze"),
    path(
        "analysis/",
        LatestAnalysisViewSet.as_view({"get": "latest"}),
        name="athlete-analysis",
    ),
    path("analyses/", AnalysisRunViewSet.as_view({"get": "list"}), name="athlete-analyses"),
]
for kind, viewset in ASSESSMENT_VIEWSETS.items():
    athlete_data += [
        path(
            f"assessments/{kind}/",
            viewset.as_view(LIST_CREATE),
            name=f"athlete-{kind}-assessment-list",
        ),
        path(
            f"assessments/{kind}/<int:pk>/",
            viewset.as_view(ONE),
            name=f"athlete-{kind}-assessment-detail",
        ),
    ]

urlpatterns = [
    path(
        "organizations/<int:organization_pk>/thresholds/",
        ThresholdViewSet.as_view({"get": "effective", "patch": "override"}),
        name="organization-thresholds",
    ),
    path("athletes/<int:athlete_pk>/", include(athlete_data)),
    path("", include(router.urls)),
]
