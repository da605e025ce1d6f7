"""Admin for organizations, coaches and athletes."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.html import format_html_join
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from assessments.models import Flag
from assessments.selectors import run_as_dict
from assessments.services import request_analysis_now
from coaching.charts import athlete_charts
from coaching.dashboard import run_history
from coaching.exports import as_csv, as_json
from coaching.models import (
    Athlete,
    Coach,
    NutritionCheckIn,
    Organization,
    SleepCheckIn,
    StressCheckIn,
    TrainingPhase,
    WellnessCheckIn,
)
from coaching.scoping import Role, coach_of, coaches_for, organizations_for, role_of

from .base import CoachAccessMixin, RecentInline, ScopedAdmin, UniqueRaceMixin
from .phases import PhaseInline

User = get_user_model()


class UserEditForm(UserChangeForm):
    """Django's change form, refusing a username that differs from another only in case
    (its creation form already does; the database refuses both)."""

    def clean_username(self):
        username = self.cleaned_data.get("username")
        others = User.objects.filter(username__iexact=username).exclude(pk=self.instance.pk)
        if username and others.exists():
            raise ValidationError(self.instance.unique_error_message(User, ["username"]))
        return username


admin.site.unregister(User)


@admin.register(User)
class LegstrongUserAdmin(UniqueRaceMixin, UserAdmin):
    """Django's user admin, with usernames unique in any case."""

    form = UserEditForm


@admin.register(Organization)
class OrganizationAdmin(UniqueRaceMixin, CoachAccessMixin, admin.ModelAdmin):
    list_display = ("name", "timezone", "created_at")
    search_fields = ("name",)
    coach_can_add = False
    coach_can_delete = False

    def get_queryset(self, request):
        return organizations_for(request.user)

    def has_change_permission(self, request, obj=None):
        if self._is_coach(request):
            return role_of(request.user) is Role.HEAD_COACH
        return super().has_change_permission(request, obj)


@admin.register(Coach)
class CoachAdmin(CoachAccessMixin, admin.ModelAdmin):
    list_display = ("__str__", "organization", "role", "digest_enabled", "digest_hour")
    list_filter = ("role", "digest_enabled")
    list_select_related = ("user", "organization")
    search_fields = ("user__username", "user__first_name", "user__last_name")
    coach_can_add = False
    coach_can_delete = False

    def get_queryset(self, request):
        if role_of(request.user) is Role.COACH:
            return coaches_for(request.user).filter(user=request.user)
        return coaches_for(request.user)

    def get_readonly_fields(self, request, obj=None):
        if role_of(request.user) is Role.STAFF:
            return ()
        if role_of(request.user) is Role.HEAD_COACH:
            return ("user", "organization")
        return ("user", "organization", "role")


class SleepInline(RecentInline):
    model = SleepCheckIn
    fields = ("date", "hours", "quality")


class NutritionInline(RecentInline):
    model = NutritionCheckIn
    fields = ("date", "calories_kcal", "protein_g", "water_l", "micronutrient_concerns")


class StressInline(RecentInline):
    model = StressCheckIn
    fields = ("date", "stress", "mood")


class WellnessInline(RecentInline):
    model = WellnessCheckIn
    fields = (
        "date", "fatigue", "soreness", "perceived_leg_weakness", "motivation", "urine_colour",
    )  # fmt: skip


WEAKNESS_WORDS = {
    "true": "objective strength has dropped.",
    "perceived": "the legs feel weak while measured strength holds: look at fatigue, recovery "
    "and lifestyle.",
    "none": "enough objective data, and neither measured nor felt weakness.",
    "undetermined": "not enough objective data to tell.",
}


def analysis_sections(run: dict | None) -> dict:
    """The latest run split as the athlete page shows it: likely causes (level ``cause``),
    the items worth watching, the red flags that refer the athlete and the notes that do
    not (severity ``warning``), and the weakness type in words."""
    if run is None:
        return {}
    findings = run["findings"]
    return {
        "likely_causes": [f for f in findings if f.get("level", "cause") == "cause"],
        "watch_items": [f for f in findings if f.get("level") == "watch"],
        "red_flag_notes": [r for r in run["red_flags"] if r["severity"] == "warning"],
        "weakness_words": WEAKNESS_WORDS.get(run["weakness_type"], ""),
    }


def _download(body: str, athlete, extension: str, content_type: str) -> HttpResponse:
    response = HttpResponse(body, content_type=f"{content_type}; charset=utf-8")
    filename = f"{slugify(athlete.name) or 'athlete'}-{athlete.pk}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@admin.register(Athlete)
class AthleteAdmin(ScopedAdmin):
    athlete_path = None
    list_display = (
        "name", "goal", "coach_names", "open_flags", "data_changed_at", "last_analysed_at",
    )  # fmt: skip
    list_filter = ("goal", "sex", ("coaches", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name",)
    filter_horizontal = ("coaches", "goal_lifts")
    readonly_fields = (
        "data_changed_at", "data_version", "last_analysed_at", "analysed_version",
        "analysis_queued_at", "created_at", "updated_at",
    )  # fmt: skip
    inlines = (PhaseInline, SleepInline, NutritionInline, StressInline, WellnessInline)

    def get_queryset(self, request):
        active = Q(flags__status__in=["open", "acknowledged"])
        return (
            super()
            .get_queryset(request)
            .annotate(open_flag_count=Count("flags", filter=active, distinct=True))
            .prefetch_related("coaches__user")
        )

    def get_exclude(self, request, obj=None):
        return () if role_of(request.user) is Role.STAFF else ("organization", "user")

    def save_model(self, request, obj, form, change):
        coach = coach_of(request.user)
        if not change and coach is not None:
            obj.organization = coach.organization
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is TrainingPhase and formset.has_changed():
            form.instance.mark_data_changed()  # the plan changed: analyse again

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        coach = coach_of(request.user)
        if not change and coach is not None and role_of(request.user) is Role.COACH:
            form.instance.coaches.add(coach)  # a coach's new athlete is theirs

    # --- the athlete page: analysis, history, charts, actions ---------------------------
    def change_view(self, request, object_id, form_url="", extra_context=None):
        athlete = self.get_object(request, object_id)  # 404 outside the coach's scope
        history = run_history(athlete.pk)
        latest = run_as_dict(history[0]["run"]) if history else None
        extra_context = {
            **(extra_context or {}),
            "latest": latest,
            **analysis_sections(latest),
            "history": history,
            "charts": athlete_charts(athlete.pk),
            "active_flags": list(athlete.flags.filter(status__in=Flag.ACTIVE)),
            "chartjs": "coaching/vendor/chartjs-4.6.1/chart.umd.min.js",
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/analyse/", view(self.analyse_view),
                 name="coaching_athlete_analyse"),
            path("<path:object_id>/export.json", view(self.export_json_view),
                 name="coaching_athlete_export_json"),
            path("<path:object_id>/export.csv", view(self.export_csv_view),
                 name="coaching_athlete_export_csv"),
            *super().get_urls(),
        ]  # fmt: skip

    @method_decorator(require_POST)
    def analyse_view(self, request, object_id):
        """Re-run the analysis in the background; in-process when no broker is configured."""
        athlete = self.get_object(request, object_id)
        if request_analysis_now(athlete_id=athlete.pk)["status"] == "completed":
            self.message_user(request, f"{athlete} analysed again.", messages.SUCCESS)
        else:
            self.message_user(
                request, f"Analysis of {athlete} queued: refresh in a few seconds.", messages.INFO
            )
        return redirect("admin:coaching_athlete_change", athlete.pk)

    def export_json_view(self, request, object_id):
        athlete = self.get_object(request, object_id)
        return _download(as_json(athlete), athlete, "json", "application/json")

    def export_csv_view(self, request, object_id):
        athlete = self.get_object(request, object_id)
        return _download(as_csv(athlete), athlete, "csv", "text/csv")

    @admin.display(description="Coaches")
    def coach_names(self, athlete):
        return format_html_join(", ", "{}", ((str(c),) for c in athlete.coaches.all()))

    @admin.display(description="Open flags", ordering="open_flag_count")
    def open_flags(self, athlete):
        return athlete.open_flag_count
