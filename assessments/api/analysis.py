"""Analysis runs: ask for one, read the latest, read the history."""

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from assessments.models import AnalysisRun, Finding
from coaching.api.base import EVERYONE, STAFF_AND_COACHES, AthleteScopedViewSet
from coaching.api.filters import AnalysisRunFilter


class RecommendationSerializer(serializers.Serializer):
    """What to do; runs stored before ruleset 2 have no `monitor` or `retest_after_days`
    (null)."""

    code = serializers.CharField()
    text = serializers.CharField()
    monitor = serializers.CharField(required=False, allow_null=True, help_text="What to watch.")
    retest_after_days = serializers.IntegerField(
        required=False, allow_null=True, help_text="When to look again, in days."
    )


class FindingSerializer(serializers.ModelSerializer):
    """A finding: `level` is `cause` (a likely cause: ranked first, flagged, e-mailed) or
    `watch` (worth keeping an eye on, never flagged)."""

    recommendations = RecommendationSerializer(many=True)
    evidence = serializers.DictField()

    class Meta:
        model = Finding
        fields = ["rank", "cause", "category", "level", "score", "evidence", "recommendations"]


class PhaseUsedSerializer(serializers.Serializer):
    """A training phase the rules took into account: set by a coach or detected."""

    start = serializers.DateField()
    end = serializers.DateField()
    kind = serializers.CharField(help_text="A phase kind, or `break` (detected).")
    source = serializers.CharField(help_text="coach | detected")
    reason = serializers.CharField(allow_blank=True, required=False, default="")


class RedFlagSerializer(serializers.Serializer):
    code = serializers.CharField()
    severity = serializers.CharField(
        help_text="emergency | urgent | soon | warning (a note for the coach, no referral)"
    )
    evidence = serializers.DictField()
    advice = serializers.CharField(allow_blank=True)


class WindowSerializer(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()


class AnalysisRunSerializer(serializers.ModelSerializer):
    """API.md's analysis run: findings by rank, red flags and data gaps, the window."""

    window = serializers.SerializerMethodField()
    red_flags = RedFlagSerializer(many=True)
    findings = FindingSerializer(many=True)
    data_gaps = serializers.ListField(child=serializers.CharField())
    phases = PhaseUsedSerializer(many=True)
    updated_at = serializers.DateTimeField(source="created_at", help_text="Runs never change.")

    class Meta:
        model = AnalysisRun
        fields = [
            "id",
            "athlete",
            "created_at",
            "as_of",
            "ruleset_version",
            "window",
            "weakness_type",
            "training_advice_secondary",
            "red_flags",
            "findings",
            "data_gaps",
            "phases",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(WindowSerializer)
    def get_window(self, run) -> dict:
        return {"start": run.window_start.isoformat(), "end": run.window_end.isoformat()}


class AnalyzeResponseSerializer(serializers.Serializer):
    run_id = serializers.IntegerField(allow_null=True)
    task_id = serializers.UUIDField(allow_null=True)
    status = serializers.ChoiceField(choices=["queued", "completed"])


class _RunViewSet(AthleteScopedViewSet):
    model = AnalysisRun
    serializer_class = AnalysisRunSerializer

    def scoped_queryset(self):
        findings = Finding.objects.order_by("rank")
        return super().scoped_queryset().prefetch_related(Prefetch("findings", queryset=findings))


class AnalysisRunViewSet(_RunViewSet, mixins.ListModelMixin):
    """The athlete's analysis runs, newest first (coaches)."""

    read_roles = STAFF_AND_COACHES
    filterset_class = AnalysisRunFilter


class LatestAnalysisViewSet(_RunViewSet):
    """The athlete's latest analysis run; 404 before the first. Athletes may read their own."""

    read_roles = EVERYONE

    @extend_schema(responses=AnalysisRunSerializer)
    def latest(self, request, *args, **kwargs):
        run = self.get_queryset().order_by("-created_at", "-id").first()
        if run is None:
            raise Http404("No analysis yet.")
        return Response(self.get_serializer(run).data)


class AnalyzeViewSet(AthleteScopedViewSet):
    """Ask for a fresh analysis. Without a broker it runs at once and `run_id` is set."""

    model = AnalysisRun
    serializer_class = AnalyzeResponseSerializer
    read_roles = STAFF_AND_COACHES
    write_roles = STAFF_AND_COACHES

    @extend_schema(request=None, responses={202: AnalyzeResponseSerializer})
    def analyze(self, request, *args, **kwargs):
        from assessments.services import request_analysis_now

        data = request_analysis_now(athlete_id=self.athlete.pk)
        return Response(AnalyzeResponseSerializer(data).data, status=status.HTTP_202_ACCEPTED)
