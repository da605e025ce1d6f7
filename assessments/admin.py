"""The coach dashboard's assessment, analysis, flag and threshold pages, scoped per role."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format

from coaching.admin.base import CoachAccessMixin, ScopedAdmin
from coaching.scoping import Role, coach_of, organizations_for, role_of

from .analysis.thresholds import DEFAULTS, Thresholds
from .models import (
    ActivationRating,
    AnalysisRun,
    Finding,
    Flag,
    JumpTest,
    MobilityScreen,
    MovementScreen,
    StrengthTest,
    SymptomReport,
    ThresholdOverride,
)
from .services import FlagTransitionError, acknowledge_flag, resolve_flag


class DatedAdmin(ScopedAdmin):
    date_hierarchy = "date"
    search_fields = ("athlete__name",)
    list_select_related = ("athlete",)


@admin.register(StrengthTest)
class StrengthTestAdmin(DatedAdmin):
    list_display = ("athlete", "date", "exercise", "load_kg", "reps", "side", "e1rm_kg")
    list_select_related = ("athlete", "exercise")
    list_filter = ("side",)
    readonly_fields = ("e1rm_kg",)


@admin.register(MovementScreen)
class MovementScreenAdmin(DatedAdmin):
    list_display = ("athlete", "date", "exercise", "flaws", "compensations", "stability_issues")
    list_select_related = ("athlete", "exercise")


@admin.register(MobilityScreen)
class MobilityScreenAdmin(DatedAdmin):
    list_display = (
        "athlete", "date", "ankle_dorsiflexion_left_cm", "ankle_dorsiflexion_right_cm",
        "single_leg_balance_left_s", "single_leg_balance_right_s",
    )  # fmt: skip


@admin.register(JumpTest)
class JumpTestAdmin(DatedAdmin):
    list_display = ("athlete", "date", "countermovement_jump_cm")


@admin.register(ActivationRating)
class ActivationRatingAdmin(DatedAdmin):
    list_display = ("athlete", "date", "exercise", "mind_muscle_rating")
    list_select_related = ("athlete", "exercise")


@admin.register(SymptomReport)
class SymptomReportAdmin(DatedAdmin):
    """Symptom reports with their triage signs (side, swelling, back pain, saddle numbness,
    bladder or bowel change, progression, resolved, context)."""

    list_display = (
        "athlete", "date", "onset", "severity", "side", "numbness", "tingling",
        "loss_of_sensation", "pain", "swelling", "saddle_numbness", "bladder_bowel_change",
        "progression", "resolved",
    )  # fmt: skip
    list_filter = (
        "onset", "side", "progression", "resolved", "numbness", "tingling", "loss_of_sensation",
        "pain", "swelling", "back_pain", "saddle_numbness", "bladder_bowel_change",
    )  # fmt: skip
    fieldsets = (
        (None, {"fields": ("athlete", "date", "onset", "severity", "side", "progression",
                           "resolved")}),
        ("Sensation and pain", {"fields": ("numbness", "tingling", "loss_of_sensation",
                                           "saddle_numbness", "pain", "pain_days",
                                           "pain_improves_with_rest", "back_pain", "swelling",
                                           "bladder_bowel_change")}),
        ("In the athlete's words", {"fields": ("context", "explained_by", "suspected_condition",
                                               "notes")}),
    )  # fmt: skip


class FindingInline(CoachAccessMixin, admin.TabularInline):
    model = Finding
    extra = 0
    fields = ("rank", "level", "cause", "category", "score", "evidence", "recommendations")
    readonly_fields = fields
    coach_can_add = coach_can_change = coach_can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AnalysisRun)
class AnalysisRunAdmin(ScopedAdmin):
    """Runs are written by the engine only; coaches read them."""

    list_display = ("athlete", "created_at", "weakness_type", "ruleset_version")
    list_filter = ("weakness_type", "ruleset_version")
    list_select_related = ("athlete",)
    search_fields = ("athlete__name",)
    date_hierarchy = "created_at"
    inlines = (FindingInline,)
    coach_can_add = coach_can_change = coach_can_delete = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def short_datetime(value) -> str:
    """Like "24 Nov 21:33", in the current time zone; the year only when it is not this one."""
    if value is None:
        return "-"
    local = timezone.localtime(value)
    same_year = local.year == timezone.localtime().year
    day = date_format(local, "j M" if same_year else "j M Y").replace(" ", "\u00a0")
    return f"{day} {date_format(local, 'H:i')}"  # a narrow column breaks before the time


@admin.register(Flag)
class FlagAdmin(ScopedAdmin):
    """Flags with filters; a coach acknowledges or resolves one with a note."""

    # Kind is in the filters and follows from the code: the columns fit a 1280 px screen.
    list_display = ("athlete", "code", "severity", "status", "opened", "last_seen")
    list_filter = ("status", "kind", "severity", "code")
    list_select_related = ("athlete",)
    search_fields = ("athlete__name", "code")
    date_hierarchy = "opened_at"
    fields = (
        "athlete", "kind", "code", "severity", "status", "advice", "evidence", "opened_at",
        "last_seen_at", "opened_by_run", "acknowledged_at", "acknowledged_by",
        "acknowledge_note", "resolved_at", "resolved_by", "resolution_note",
    )  # fmt: skip
    readonly_fields = tuple(f for f in fields if f not in ("acknowledge_note", "resolution_note"))
    actions = ("acknowledge", "resolve")
    coach_can_add = coach_can_delete = False

    def has_add_permission(self, request):
        return False

    @admin.display(description="Opened", ordering="opened_at")
    def opened(self, flag):
        return short_datetime(flag.opened_at)

    @admin.display(description="Last seen", ordering="last_seen_at")
    def last_seen(self, flag):
        return short_datetime(flag.last_seen_at)

    def save_model(self, request, obj, form, change):
        """The buttons move the flag through its lifecycle; plain save keeps the notes."""
        note_field, transition = None, None
        if "_acknowledge" in request.POST:
            note_field, transition = "acknowledge_note", acknowledge_flag
        elif "_resolve" in request.POST:
            note_field, transition = "resolution_note", resolve_flag
        if transition is None:
            super().save_model(request, obj, form, change)
            return
        try:
            transition(flag_id=obj.pk, user=request.user, note=form.cleaned_data[note_field])
        except FlagTransitionError as error:
            self.message_user(request, str(error), messages.ERROR)
        obj.refresh_from_db()  # the confirmation names the flag's new status, not the old one

    @admin.action(description="Acknowledge the selected flags")
    def acknowledge(self, request, queryset):
        self._transition(request, queryset.filter(status=Flag.Status.OPEN), acknowledge_flag)

    @admin.action(description="Resolve the selected flags")
    def resolve(self, request, queryset):
        self._transition(request, queryset.filter(status__in=Flag.ACTIVE), resolve_flag)

    def _transition(self, request, queryset, change):
        done = 0
        for flag_id in queryset.values_list("pk", flat=True):
            try:
                change(flag_id=flag_id, user=request.user)
                done += 1
            except FlagTransitionError:
                pass
        self.message_user(request, f"Updated {done} flag(s).", messages.SUCCESS)


class ThresholdOverrideForm(forms.ModelForm):
    """Keys and values are checked against the engine's defaults table, and a key is set
    once per organization (the organization is not a form field, so check it here)."""

    class Meta:
        model = ThresholdOverride
        fields = ("organization", "key", "value", "note")

    def __init__(self, *args, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organization = organization
        if "key" in self.fields:
            self.fields["key"] = forms.ChoiceField(
                choices=[(k, f"{k} (default {d.value} {d.unit})") for k, d in DEFAULTS.items()]
            )

    def clean(self):
        cleaned = super().clean()
        key, value = cleaned.get("key"), cleaned.get("value")
        if key is not None and value is not None:
            try:
                Thresholds({key: value})
            except ValueError as error:
                self.add_error("value", str(error))
        organization = self.organization or cleaned.get("organization")
        duplicate = ThresholdOverride.objects.filter(organization=organization, key=key)
        if key and duplicate.exclude(pk=self.instance.pk).exists():
            self.add_error("key", "This organization already overrides this threshold.")
        return cleaned


@admin.register(ThresholdOverride)
class ThresholdOverrideAdmin(CoachAccessMixin, admin.ModelAdmin):
    """An organization's own engine thresholds; its head coach edits them."""

    form = ThresholdOverrideForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        coach = coach_of(request.user)
        organization = coach.organization if coach else None

        class ScopedForm(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, organization=organization, **inner)

        return ScopedForm

    list_display = ("key", "value", "organization", "note", "updated_at")
    list_filter = ("key",)
    search_fields = ("key", "note")
    list_select_related = ("organization",)

    def get_queryset(self, request):
        return (
            super().get_queryset(request).filter(organization__in=organizations_for(request.user))
        )

    def _head_coach(self, request) -> bool:
        return role_of(request.user) is Role.HEAD_COACH

    def has_add_permission(self, request):
        if self._is_coach(request):
            return self._head_coach(request)
        return super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        if self._is_coach(request):
            return self._head_coach(request)
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def get_exclude(self, request, obj=None):
        return ("updated_by",) if role_of(request.user) is Role.STAFF else (
            "organization", "updated_by",
        )  # fmt: skip

    def save_model(self, request, obj, form, change):
        coach = coach_of(request.user)
        if coach is not None:
            obj.organization = coach.organization
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
