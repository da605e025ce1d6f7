"""JWT endpoints: throttled, locked out after repeated failures (django-axes), revocable.

A refresh token is single-use: a refresh or a logout spends it, and spending is a claim that
exactly one request wins (the blacklist row is unique per token), so concurrent requests with
the same token get one success between them. A refresh is also refused when the user is gone
or inactive, or their password changed since the token was issued (simplejwt's access-token
checks, applied to the refresh path too).

Lockouts count failed logins per (username, client address): one person mistyping never locks
out anyone else behind the same address, and the refusal says exactly what is locked. The API
and the admin's login page give the same answer (`lockout_response`, django-axes' callable).
"""

import math

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework_simplejwt import serializers as jwt_serializers
from rest_framework_simplejwt import views as jwt_views
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.utils import get_md5_hash_password

from .throttles import AuthRateThrottle


def lockout_message() -> str:
    """The refusal while a (username, address) pair is locked: what is locked, and how long."""
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return (
        "Too many failed logins for this account from your network address. "
        f"Try again in {minutes} minutes; other accounts can still sign in."
    )


class LockedOut(exceptions.Throttled):
    default_code = "locked_out"

    def __init__(self):
        super().__init__(detail=lockout_message(), code=self.default_code)
        self.wait = settings.AXES_COOLOFF_TIME.total_seconds()  # sent as Retry-After


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login (AXES_LOCKOUT_CALLABLE), on every path.

    429 with Retry-After (seconds of the cool-off): JSON `{"detail"}` under /api/ (what
    TokenObtainView's LockedOut gives), a page everywhere else (the admin's login).
    """
    retry_after = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"detail": lockout_message()}, status=status.HTTP_429_TOO_MANY_REQUESTS
        )
    else:
        body = render_to_string(
            "coaching/lockout.html", {"message": lockout_message()}, request=request
        )
        response = HttpResponse(body, status=status.HTTP_429_TOO_MANY_REQUESTS)
    response["Retry-After"] = retry_after
    return response


def spend_refresh_token(refresh: RefreshToken) -> None:
    """Claim a verified refresh token for this request alone, or raise TokenError.

    simplejwt's blacklist() is a get_or_create of the token's one-to-one BlacklistedToken
    row: the database lets exactly one caller create it, whoever else races it gets
    `created=False`. Only that caller may go on to use the token.
    """
    _row, created = refresh.blacklist()
    if not created:
        raise TokenError(_("Token is blacklisted"))


class TokenObtainPairSerializer(jwt_serializers.TokenObtainPairSerializer):
    """simplejwt's serializer with bounded credentials (the lockout log stores the username)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.username_field] = serializers.CharField(max_length=150, write_only=True)
        self.fields["password"] = jwt_serializers.PasswordField(max_length=4096)


class TokenRefreshSerializer(jwt_serializers.TokenRefreshSerializer):
    """Spends the refresh token and returns an access token and the next refresh token.

    Settings rotate and blacklist refresh tokens (ROTATE_REFRESH_TOKENS,
    BLACKLIST_AFTER_ROTATION); this serializer always does both.
    """

    def validate(self, attrs):
        refresh = RefreshToken(attrs["refresh"])  # checks signature, expiry and blacklist
        self._check_user(refresh)
        with transaction.atomic():  # a failure after the claim gives the token back
            spend_refresh_token(refresh)
            data = {"access": str(refresh.access_token)}
            refresh.set_jti()
            refresh.set_exp()
            refresh.set_iat()
            refresh.outstand()
            data["refresh"] = str(refresh)
        return data

    def _check_user(self, refresh: RefreshToken) -> None:
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


class LogoutSerializer(serializers.Serializer):
    """Spends a refresh token (ends the session it belongs to); nothing is returned."""

    refresh = serializers.CharField(write_only=True)

    def validate(self, attrs):
        spend_refresh_token(RefreshToken(attrs["refresh"]))  # verified, then claimed
        return {}


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
    """Exchange a refresh token for a new access token and the next refresh token.

    The refresh token sent is spent: of several requests with one token, exactly one
    succeeds; the others get 401.
    """

    throttle_classes = [AuthRateThrottle]
    idempotent_posts = False

    @extend_schema(responses={200: TokenRefreshResponse})
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)


class LogoutView(jwt_views.TokenViewBase):
    """Spend a refresh token: it can no longer be refreshed (204). Access tokens already
    issued from it stay valid until they expire (JWT_ACCESS_MINUTES).

    401 for a token that is invalid, expired or already spent (by a refresh or a logout).
    """

    serializer_class = LogoutSerializer
    throttle_classes = [AuthRateThrottle]
    idempotent_posts = False

    @extend_schema(request=LogoutSerializer, responses={204: None})
    def post(self, request, *args, **kwargs):
        super().post(request, *args, **kwargs)
        return Response(status=status.HTTP_204_NO_CONTENT)
