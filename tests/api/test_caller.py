"""The caller's user, coach and athlete come in one query, equal to what the ORM loads."""

import pytest
from django.contrib.auth import get_user_model
from rest_framework_simplejwt.tokens import AccessToken

from coaching.api.authentication import JWTAuthentication, load_caller
from coaching.models import Athlete, Coach
from tests import factories as f

pytestmark = pytest.mark.django_db


def _fields(instance):
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


def _orm(user_id):
    return get_user_model().objects.select_related("coach", "athlete").get(pk=user_id)


@pytest.mark.parametrize("role", ["coach", "athlete"])
def test_a_member_comes_with_their_record_in_one_query(role, django_assert_num_queries):
    member = f.CoachFactory() if role == "coach" else f.AthleteFactory(user=f.UserFactory())
    with django_assert_num_queries(1):
        user = load_caller(member.user_id)
        loaded = getattr(user, role)
        assert loaded.user is user
    assert _fields(user) == _fields(_orm(member.user_id))
    assert _fields(loaded) == _fields(member)
    assert not user._state.adding and not loaded._state.adding


def test_a_missing_role_reads_as_absent_without_a_query(django_assert_num_queries):
    coach = f.CoachFactory()
    user = load_caller(coach.user_id)
    with django_assert_num_queries(0), pytest.raises(Athlete.DoesNotExist):
        user.athlete  # noqa: B018


def test_a_user_without_a_role():
    user = f.UserFactory()
    loaded = load_caller(user.pk)
    assert _fields(loaded) == _fields(user)
    with pytest.raises(Coach.DoesNotExist):
        loaded.coach  # noqa: B018


@pytest.mark.parametrize("user_id", [0, -1, 2**63, -(2**63) - 1, 10**30])
def test_no_such_user_is_none(user_id):
    assert load_caller(user_id) is None


def test_a_token_whose_user_id_is_not_a_number_is_refused():
    user = f.UserFactory()
    token = AccessToken.for_user(user)
    token["user_id"] = "not-a-number"
    from rest_framework_simplejwt.exceptions import InvalidToken

    with pytest.raises(InvalidToken):
        JWTAuthentication().get_user(token)
