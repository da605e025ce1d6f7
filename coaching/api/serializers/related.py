"""Related-object fields that only accept what the caller may see (DRF #1985).

An id or slug outside the caller's scope is refused exactly like one that does not exist.
"""

from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS

from coaching.api.fields import MAX_LIST_ITEMS, PG_BIGINT_MAX
from coaching.models import Exercise
from coaching.scoping import coaches_for

PRELOADED = "_api_preloaded"


class BoundedManyRelatedField(serializers.ManyRelatedField):
    """A list of related objects, refused before any lookup when it is too long.

    When a view has preloaded the related keys onto the instance (`PRELOADED`, a dict by
    source), they are served from there without building model instances.
    """

    def get_attribute(self, instance):
        preloaded = getattr(instance, PRELOADED, None)
        if preloaded is not None and self.source in preloaded:
            return preloaded[self.source]
        return super().get_attribute(instance)

    def to_internal_value(self, data):
        if isinstance(data, list) and len(data) > MAX_LIST_ITEMS:
            raise serializers.ValidationError(f"Give at most {MAX_LIST_ITEMS} items.")
        return super().to_internal_value(data)


class BoundedManyMixin:
    """`many=True` builds a BoundedManyRelatedField (DRF's many_init, with our list class)."""

    @classmethod
    def many_init(cls, *args, **kwargs):
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        list_kwargs.update({k: v for k, v in kwargs.items() if k in MANY_RELATION_KWARGS})
        return BoundedManyRelatedField(**list_kwargs)


def exercises_by_slug(context: dict) -> dict[str, Exercise]:
    """The exercises of the organization in context by slug (its own win over the catalogue).

    Loaded once per request, so a session with many sets costs one query.
    """
    if "_exercises_by_slug" not in context:
        organization_id = context.get("organization_id")
        visible = Exercise.objects.filter(
            Q(organization__isnull=True) | Q(organization_id=organization_id)
        ).order_by("organization_id")  # NULLs sort one way or the other: resolve below
        found: dict[str, Exercise] = {}
        for exercise in visible:
            if exercise.slug not in found or exercise.organization_id is not None:
                found[exercise.slug] = exercise
        context["_exercises_by_slug"] = found
    return context["_exercises_by_slug"]


@extend_schema_field(OpenApiTypes.STR)
class ExerciseSlugField(BoundedManyMixin, serializers.RelatedField):
    """An exercise by slug, from the shared catalogue or the athlete's organization."""

    default_error_messages = {
        "does_not_exist": "No exercise with slug '{slug}'.",
        "invalid": "Give an exercise slug.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Exercise.objects.none())  # resolved per request instead
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not data or len(data) > 64:
            self.fail("invalid")
        exercise = exercises_by_slug(self.context).get(data)
        if exercise is None:
            self.fail("does_not_exist", slug=data[:64])
        return exercise

    def to_representation(self, value):
        return value.slug


class ScopedCoachField(BoundedManyMixin, serializers.PrimaryKeyRelatedField):
    """A coach id among the coaches the caller may see (their organization's)."""

    def __init__(self, **kwargs):
        kwargs["pk_field"] = serializers.IntegerField(min_value=1, max_value=PG_BIGINT_MAX)
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        if request is None:
            return coaches_for(None)
        return coaches_for(request.user)
