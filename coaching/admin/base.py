"""Admin building blocks that scope every page to what the signed-in user may see."""

import datetime as dt

from django.contrib import admin
from django.db import IntegrityError
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from coaching.scoping import Role, athletes_for, coaches_for, exercises_for, role_of


class CoachAccessMixin:
    """Coaches are not `is_staff`: grant them the dashboard by role, not by Django perms."""

    coach_can_add = True
    coach_can_change = True
    coach_can_delete = True

    def _is_coach(self, request) -> bool:
        return role_of(request.user) in (Role.COACH, Role.HEAD_COACH)

    def has_module_permission(self, request):
        return self._is_coach(request) or super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._is_coach(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        if self._is_coach(request):
            return self.coach_can_add
        return super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        if self._is_coach(request):
            return self.coach_can_change
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if self._is_coach(request):
            return self.coach_can_delete
        return super().has_delete_permission(request, obj)


class UniqueRaceMixin:
    """A save that loses a uniqueness race shows the form error instead of a 500.

    The form checks uniqueness before saving, but another request may take the name between
    that check and the insert; the database refuses the second (IntegrityError) and the
    admin's transaction rolls back. Running the view once more validates again, now against
    the committed row, so the form comes back with its field error.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError:
            if request.method != "POST":
                raise
            return super().changeform_view(request, object_id, form_url, extra_context)


class ScopedChoicesMixin:
    """Related-object choices offer only what the user may see (athletes, exercises, coaches)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model._meta.model_name
        if related == "athlete":
            kwargs["queryset"] = athletes_for(request.user)
        elif related == "exercise":
            kwargs["queryset"] = exercises_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        related = db_field.related_model._meta.model_name
        if related == "coach":
            kwargs["queryset"] = coaches_for(request.user)
        elif related == "exercise":
            kwargs["queryset"] = exercises_for(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class ScopedAdmin(CoachAccessMixin, ScopedChoicesMixin, admin.ModelAdmin):
    """A model admin whose rows belong to athletes; `athlete_path` leads from row to athlete.

    Rows outside the user's scope do not exist for them: lists omit them and their pages 404.
    """

    athlete_path = "athlete"
    list_per_page = 50

    def get_queryset(self, request) -> QuerySet:
        queryset = super().get_queryset(request)
        if role_of(request.user) is Role.STAFF:
            return queryset
        field = f"{self.athlete_path}__in" if self.athlete_path else "pk__in"
        return queryset.filter(**{field: athletes_for(request.user).values("pk")})

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404("No such record in your scope.")
        return obj


class RecentInline(CoachAccessMixin, ScopedChoicesMixin, admin.TabularInline):
    """An inline that shows only the last `days` of dated rows, newest first."""

    days = 14
    extra = 0
    ordering = ("-date",)

    def get_queryset(self, request):
        since = timezone.localdate() - dt.timedelta(days=self.days)
        return super().get_queryset(request).filter(date__gte=since)
