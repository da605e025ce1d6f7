"""Who's who: the caller, organizations, coaches, athletes and the exercise catalogue."""

from django.contrib.auth.validators import UnicodeUsernameValidator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from coaching.api.fields import (
    MAX_LIST_ITEMS,
    BirthDateField,
    BoundedModelSerializer,
    choice_list,
)
from coaching.api.strict import (
    NullableEmailField,
    StrictCharField,
    StrictEmailField,
    StrictSerializer,
)
from coaching.models import MUSCLES, Athlete, Coach, Exercise, Organization
from coaching.scoping import Role

from .related import ExerciseSlugField, ScopedCoachField


class MeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    role = serializers.ChoiceField(
        choices=[r.value for r in Role if r is not Role.NONE],
        allow_null=True,
        help_text="null for a user with no role (no coach or athlete membership).",
    )
    organization = serializers.IntegerField(allow_null=True, help_text="Organization id.")
    athlete = serializers.IntegerField(allow_null=True, help_text="Own athlete id, if any.")
    coach = serializers.IntegerField(allow_null=True, help_text="Own coach id, if any.")


class OrganizationSerializer(BoundedModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name", "timezone", "created_at", "updated_at"]
        read_only_fields = ["created_at", "updated_at"]
        extra_kwargs = {"name": {"validators": []}}  # uniqueness is the service's to check


class LoginSerializer(StrictSerializer):
    """A new user account: for a coach, or an athlete's own login for the mobile app.

    Nested in an athlete, it is a whole value even under PATCH: both keys, or a 400.
    """

    username = StrictCharField(max_length=150, validators=[UnicodeUsernameValidator()])
    password = StrictCharField(
        max_length=128, write_only=True, trim_whitespace=False, style={"input_type": "password"}
    )


class CoachSerializer(serializers.ModelSerializer):
    username = serializers.CharField(source="user.username", read_only=True)
    email = NullableEmailField(
        source="user.email", read_only=True, help_text="null when the coach gave no address."
    )
    name = serializers.CharField(source="user.get_full_name", read_only=True)

    class Meta:
        model = Coach
        fields = [
            "id",
            "username",
            "email",
            "name",
            "role",
            "organization",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class CoachCreateSerializer(LoginSerializer):
    """A new coach of the organization: their login, e-mail address and role."""

    email = StrictEmailField(
        max_length=254,
        required=False,
        allow_null=True,
        help_text="Where alerts and digests go; null or left out for none.",
    )
    role = serializers.ChoiceField(choices=Coach.Role.choices)

    def validate(self, attrs):
        attrs["email"] = attrs.get("email") or ""  # the user model stores "no address" as ""
        return attrs


class AthleteSerializer(BoundedModelSerializer):
    goal_lifts = ExerciseSlugField(
        many=True, required=False, help_text="Slugs of the lifts the athlete wants stronger."
    )
    coaches = ScopedCoachField(many=True, required=False, help_text="Ids of assigned coaches.")
    login = LoginSerializer(
        write_only=True, required=False, help_text="Creates the athlete's own account."
    )
    has_login = serializers.SerializerMethodField()
    date_of_birth = BirthDateField(
        required=False, allow_null=True, help_text="From 1900-01-01 to today; not in the future."
    )

    class Meta:
        model = Athlete
        fields = [
            "id",
            "organization",
            "name",
            "sex",
            "date_of_birth",
            "height_cm",
            "body_mass_kg",
            "fat_free_mass_kg",
            "training_age_years",
            "goal",
            "goal_lifts",
            "coaches",
            "login",
            "has_login",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["organization", "created_at", "updated_at"]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_has_login(self, athlete) -> bool:
        return athlete.user_id is not None

    def validate_goal_lifts(self, value):
        return _distinct(value, "goal lift")

    def validate_coaches(self, value):
        return _distinct(value, "coach")


def _distinct(items: list, what: str) -> list:
    if len(items) > MAX_LIST_ITEMS:
        raise serializers.ValidationError(f"Give at most {MAX_LIST_ITEMS} items.")
    if len({item.pk for item in items}) != len(items):
        raise serializers.ValidationError(f"Give each {what} once.")
    return items


class ExerciseSerializer(BoundedModelSerializer):
    muscles = choice_list(MUSCLES, min_length=1, max_length=len(MUSCLES))

    class Meta:
        model = Exercise
        fields = [
            "id",
            "slug",
            "name",
            "pattern",
            "kind",
            "muscles",
            "unilateral",
            "organization",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["organization", "created_at", "updated_at"]
        extra_kwargs = {"slug": {"validators": []}}  # uniqueness is the service's to check
