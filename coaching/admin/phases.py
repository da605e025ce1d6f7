"""Admin for training phases: a section of the athlete's page and a scoped list of their own.

Coaches set an athlete's planned blocks here (deload, taper, peaking, ...). The forms refuse
an end before the start and a phase that shares a day with another of the athlete's phases,
as the API does; every change marks the athlete's data changed so the analysis re-runs.
"""

import datetime as dt

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils import timezone

from coaching.models import TrainingPhase
from coaching.services import overlapping_phase

from .base import CoachAccessMixin, ScopedAdmin, ScopedChoicesMixin

SHOWN_ON_ATHLETE_PAGE_DAYS = 56  # the phases that reach into the last eight weeks, or ahead


def _overlap_message(phase: TrainingPhase) -> str:
    return f"This overlaps the {phase.kind} phase of {phase.start} to {phase.end}."


class TrainingPhaseForm(forms.ModelForm):
    """One phase; checked against the athlete's stored phases (the list's change form)."""

    check_stored_phases = True  # the athlete page's formset checks its rows together instead

    class Meta:
        model = TrainingPhase
        fields = ("athlete", "kind", "start", "end", "notes")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            return cleaned
        if end < start:
            self.add_error("end", "The end must be on or after the start.")
            return cleaned
        athlete = cleaned.get("athlete")
        athlete_id = athlete.pk if athlete is not None else self.instance.athlete_id
        if self.check_stored_phases and athlete_id is not None:
            other = overlapping_phase(
                athlete_id=athlete_id, start=start, end=end, exclude_pk=self.instance.pk
            )
            if other is not None:
                self.add_error("start", _overlap_message(other))
        return cleaned


class InlinePhaseForm(TrainingPhaseForm):
    check_stored_phases = False


class PhaseFormSet(BaseInlineFormSet):
    """The athlete page's phases, checked together: against each other and against the
    athlete's stored phases that the page does not show (older ones)."""

    def clean(self):
        super().clean()
        kept, shown = [], set()
        for form in self.forms:
            if form.instance.pk is not None:
                shown.add(form.instance.pk)
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or form.errors:
                continue
            if data.get("start") and data.get("end"):
                kept.append((data["start"], data["end"], data.get("kind", ""), form))
        stored = []
        if self.instance.pk is not None:
            stored = TrainingPhase.objects.filter(athlete=self.instance).exclude(pk__in=shown)
        for phase in stored:
            kept.append((phase.start, phase.end, phase.kind, None))
        for index, (start, end, _, form) in enumerate(kept):
            if form is None:
                continue
            for other_index, (other_start, other_end, kind, _) in enumerate(kept):
                if other_index != index and other_start <= end and start <= other_end:
                    form.add_error(
                        "start", f"This overlaps the {kind} phase of {other_start} to {other_end}."
                    )
                    break


class PhaseInline(CoachAccessMixin, ScopedChoicesMixin, admin.TabularInline):
    """The athlete's phases that reach into the last eight weeks or lie ahead."""

    model = TrainingPhase
    form = InlinePhaseForm
    formset = PhaseFormSet
    fields = ("kind", "start", "end", "notes")
    extra = 0
    ordering = ("start",)
    verbose_name_plural = "Training phases (the last eight weeks and ahead)"

    def get_queryset(self, request):
        since = timezone.localdate() - dt.timedelta(days=SHOWN_ON_ATHLETE_PAGE_DAYS)
        return super().get_queryset(request).filter(end__gte=since)


@admin.register(TrainingPhase)
class TrainingPhaseAdmin(ScopedAdmin):
    """Every phase in the coach's scope; a change marks the athlete's data changed."""

    form = TrainingPhaseForm
    list_display = ("athlete", "kind", "start", "end", "days")
    list_filter = ("kind",)
    list_select_related = ("athlete",)
    search_fields = ("athlete__name", "notes")
    date_hierarchy = "start"

    @admin.display(description="Days")
    def days(self, phase):
        return phase.days

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.athlete.mark_data_changed()

    def delete_model(self, request, obj):
        athlete = obj.athlete
        super().delete_model(request, obj)
        athlete.mark_data_changed()

    def delete_queryset(self, request, queryset):
        athletes = {phase.athlete for phase in queryset.select_related("athlete")}
        super().delete_queryset(request, queryset)
        for athlete in athletes:
            athlete.mark_data_changed()
