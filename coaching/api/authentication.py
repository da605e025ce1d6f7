"""JWT authentication that loads the caller's role with the user, in one query.

Its own module: DRF imports authentication classes while it builds its views, so this must
not import any view.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework_simplejwt import authentication as jwt_authentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.utils import get_md5_hash_password


class JWTAuthentication(jwt_authentication.JWTAuthentication):
    """simplejwt's checks (active user, password unchanged since the token) on a user loaded
    with their coach or athlete membership: one query tells who the caller is, their role and
    their scope (coaching.scoping reads what is loaded here).
    """

    def get_user(self, validated_token):
        try:
            user_id = validated_token[jwt_settings.USER_ID_CLAIM]
        except KeyError:
            raise InvalidToken(_("Token contained no recognizable user identification")) from None
        users = self.user_model.objects.select_related("coach", "athlete")
        try:
            user = users.get(**{jwt_settings.USER_ID_FIELD: user_id})
        except self.user_model.DoesNotExist:
            raise AuthenticationFailed(_("User not found"), code="user_not_found") from None
        if jwt_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if jwt_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            jwt_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise AuthenticationFailed(
                _("The user's password has been changed."), code="password_changed"
            )
        return user


class JWTScheme(SimpleJWTScheme):
    """The OpenAPI security scheme (`jwtAuth`) of simplejwt's class, for this subclass."""

    target_class = "coaching.api.authentication.JWTAuthentication"
