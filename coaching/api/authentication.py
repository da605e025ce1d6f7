"""JWT authentication that loads the caller's role with the user, in one query.

Its own module: DRF imports authentication classes while it builds its views, so this must
not import any view.
"""

import functools

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework_simplejwt import authentication as jwt_authentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.utils import get_md5_hash_password

from coaching.rows import RowReader


class JWTAuthentication(jwt_authentication.JWTAuthentication):
    """simplejwt's checks (active user, password unchanged since the token) on a user loaded
    with their coach or athlete membership: one query tells who the caller is, their role and
    their scope (coaching.scoping reads what is loaded here).
    """

    def get_user(self, validated_token):
        id_field = self.user_model._meta.get_field(jwt_settings.USER_ID_FIELD)
        try:
            user_id = id_field.to_python(validated_token[jwt_settings.USER_ID_CLAIM])
        except (KeyError, ValidationError):
            raise InvalidToken(_("Token contained no recognizable user identification")) from None
        user = load_caller(user_id)
        if user is None:
            raise AuthenticationFailed(_("User not found"), code="user_not_found")
        if jwt_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if jwt_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            jwt_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise AuthenticationFailed(
                _("The user's password has been changed."), code="password_changed"
            )
        return user


def load_caller(user_id):
    """The user with their coach and athlete records attached as select_related() attaches
    them, or None when there is no such user.

    Every API request runs this, so its SQL is built once per process and each column goes
    through its field's own database converters: the ORM spent longer compiling the same
    three-table join on every request than the database spent answering it.
    """
    if isinstance(user_id, int) and not -(2**63) <= user_id < 2**63:
        return None  # no key column holds it (and the database would refuse the parameter)
    sql, readers = _caller_query()
    with connection.cursor() as cursor:
        cursor.execute(sql, [user_id])
        row = cursor.fetchone()
    if row is None:
        return None
    instances, start = [], 0
    for reader in readers:
        instances.append(reader.instance(row[start : start + reader.width]))
        start += reader.width
    user, *memberships = instances
    for reader, member in zip(readers[1:], memberships, strict=True):
        link = reader.model._meta.get_field("user")
        user._state.fields_cache[link.remote_field.cache_name] = member  # None: no such role
        if member is not None:
            member._state.fields_cache[link.cache_name] = user
    return user


@functools.cache
def _caller_query() -> tuple[str, list[RowReader]]:
    """The SQL, and a reader per model: the user, their coach record, their athlete record."""
    from coaching.models import Athlete, Coach

    user_model = get_user_model()
    quote = connection.ops.quote_name
    user_pk = f"u.{quote(user_model._meta.pk.column)}"
    readers = [RowReader(user_model, "u")]
    joins = []
    for alias, model in (("c", Coach), ("a", Athlete)):
        readers.append(RowReader(model, alias))
        link = quote(model._meta.get_field("user").column)
        joins.append(
            f"LEFT JOIN {quote(model._meta.db_table)} {alias} ON {alias}.{link} = {user_pk}"
        )
    lookup = quote(user_model._meta.get_field(jwt_settings.USER_ID_FIELD).column)
    columns = ", ".join(column for reader in readers for column in reader.columns)
    sql = (
        f"SELECT {columns} FROM {quote(user_model._meta.db_table)} u "
        f"{' '.join(joins)} WHERE u.{lookup} = %s"
    )
    return sql, readers


class JWTScheme(SimpleJWTScheme):
    """The OpenAPI security scheme (`jwtAuth`) of simplejwt's class, for this subclass."""

    target_class = "coaching.api.authentication.JWTAuthentication"
