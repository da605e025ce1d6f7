"""JWT endpoints: throttled, locked out after repeated failures (django-axes), revocable.

A refresh is refused when the user is gone or inactive, or their password changed since the
token was issued (simplejwt's access-token checks, applied to the refresh path too).
"""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework_simplejwt import serializers as jwt_serializers
from rest_framework_simplejwt import views as jwt_views
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.utils import get_md5_hash_password

from .throttles import AuthRateThrottle


class LockedOut(exceptions.Throttled):
    default_detail = "Too many failed logins for this account. Try again later."
    default_code = "locked_out"


class TokenObtainPairSerializer(jwt_serializers.TokenObtainPairSerializer):
    """simplejwt's serializer with bounded credentials (the lockout log stores the username)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.username_field] = serializers.CharField(max_length=150, write_only=True)
        self.fields["password"] = jwt_serializers.PasswordField(max_length=4096)


class TokenRefreshSerializer(jwt_serializers.TokenRefreshSerializer):
    def validate(self, attrs):
        refresh = RefreshToken(attrs["refresh"])  # checks signature, expiry and blacklist
        user_id = refresh.payload.get(jwt_settings.USER_ID_CLAIM)
        user = get_user_model().objects.filter(**{jwt_settings.USER_ID_FIELD: user_id}).first()
        if user is None or not jwt_settings.USER_AUTHENTICATION_RULE(user):
            raise exceptions.AuthenticationFailed(
                self.error_messages["no_active_account"], "no_active_account"
            )
        if jwt_settings.CHECK_REVOKE_TOKEN and refresh.payload.get(
            jwt_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise exceptions.AuthenticationFailed(
                "The user's password has been changed.", "password_changed"
            )
        return super().validate(attrs)


class TokenPairResponse(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


class TokenRefreshResponse(serializers.Serializer):
    access = serializers.CharField()
    refresh = serializers.CharField(help_text="The next refresh token: the one sent is spent.")


class TokenObtainView(jwt_views.TokenObtainPairView):
    """Exchange a username and password for an access and a refresh token."""

    throttle_classes = [AuthRateThrottle]
    idempotent_posts = False  # nothing is created: the schema offers no Idempotency-Key

    @extend_schema(responses={200: TokenPairResponse})
    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except exceptions.AuthenticationFailed:
            # django-axes marks the request when this failure (or an earlier one) locked it.
            if getattr(request, "axes_locked_out", False):
                raise LockedOut() from None
            raise


class TokenRefreshView(jwt_views.TokenRefreshView):
    """Exchange a refresh token for a new access token and the next refresh token."""

    throttle_classes = [AuthRateThrottle]
    idempotent_posts = False

    @extend_schema(responses={200: TokenRefreshResponse})
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
