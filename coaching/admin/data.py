"""Admin for the exercise catalogue, check-ins and the training log."""

from django import forms
from django.contrib import admin
from django.db.models import Q

from coaching.models import (
    Exercise,
    NutritionCheckIn,
    SleepCheckIn,
    StressCheckIn,
    TrainingSession,
    TrainingSet,
    WellnessCheckIn,
)
from coaching.scoping import Role, coach_of, exercises_for, role_of

from .base import CoachAccessMixin, ScopedAdmin, ScopedChoicesMixin, UniqueRaceMixin

SLUG_TAKEN = "An exercise with this slug already exists."


class ExerciseForm(forms.ModelForm):
    """Refuses a slug taken in any case in the exercise's organization or the shared
    catalogue (as the API does), also when the form has no organization field (a coach's
    new exercise belongs to the coach's organization, which ExerciseAdmin.get_form sets as
    `new_exercise_organization`)."""

    new_exercise_organization = None

    def clean(self):
        cleaned = super().clean()
        slug = cleaned.get("slug")
        if "organization" in cleaned:
            organization = cleaned["organization"]
        elif self.instance.pk is not None:
            organization = self.instance.organization
        else:
            organization = self.new_exercise_organization
        taken = Exercise.objects.filter(
            Q(organization=None) | Q(organization=organization), slug__iexact=slug
        )
        if slug and taken.exclude(pk=self.instance.pk).exists():
            self.add_error("slug", SLUG_TAKEN)
        return cleaned


@admin.register(Exercise)
class ExerciseAdmin(UniqueRaceMixin, CoachAccessMixin, admin.ModelAdmin):
    form = ExerciseForm
    list_display = ("name", "slug", "pattern", "kind", "unilateral", "organization")
    list_filter = ("kind", "pattern", "unilateral")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return exercises_for(request.user).select_related("organization")

    def _own(self, request, obj) -> bool:
        coach = coach_of(request.user)
        return obj is None or (coach is not None and obj.organization_id == coach.organization_id)

    def has_change_permission(self, request, obj=None):
        if self._is_coach(request):
            return self._own(request, obj)  # the shared catalogue is read-only for coaches
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self._is_coach(request):
            return self._own(request, obj)
        return super().has_delete_permission(request, obj)

    def get_exclude(self, request, obj=None):
        return () if role_of(request.user) is Role.STAFF else ("organization",)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        coach = coach_of(request.user)
        form.new_exercise_organization = coach.organization if coach is not None else None
        return form

    def save_model(self, request, obj, form, change):
        coach = coach_of(request.user)
        if not change and coach is not None:
            obj.organization = coach.organization
        super().save_model(request, obj, form, change)


class CheckInAdmin(ScopedAdmin):
    date_hierarchy = "date"
    search_fields = ("athlete__name",)
    list_select_related = ("athlete",)
    list_filter = ("date",)


@admin.register(SleepCheckIn)
class SleepCheckInAdmin(CheckInAdmin):
    list_display = ("athlete", "date", "hours", "quality")


@admin.register(NutritionCheckIn)
class NutritionCheckInAdmin(CheckInAdmin):
    list_display = ("athlete", "date", "calories_kcal", "protein_g", "water_l")


@admin.register(StressCheckIn)
class StressCheckInAdmin(CheckInAdmin):
    list_display = ("athlete", "date", "stress", "mood")


@admin.register(WellnessCheckIn)
class WellnessCheckInAdmin(CheckInAdmin):
    list_display = (
        "athlete", "date", "fatigue", "soreness", "perceived_leg_weakness", "urine_colour",
    )  # fmt: skip


class TrainingSetInline(CoachAccessMixin, ScopedChoicesMixin, admin.TabularInline):
    model = TrainingSet
    extra = 0
    fields = ("position", "exercise", "reps", "load_kg", "rpe", "rir", "side")


@admin.register(TrainingSession)
class TrainingSessionAdmin(CheckInAdmin):
    list_display = ("athlete", "date", "duration_min", "session_rpe", "load_au")
    readonly_fields = ("load_au",)
    inlines = (TrainingSetInline,)
