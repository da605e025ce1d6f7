"""The admin refuses names that differ only in case with a form error, never a 500."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models.signals import pre_save
from django.urls import reverse

from coaching.models import Exercise, Organization
from tests import factories as f

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def operator(client):
    client.force_login(f.UserFactory(username="operator", is_staff=True, is_superuser=True))
    return client


def add_organization(client, name):
    body = {"name": name, "timezone": "UTC"}
    return client.post(reverse("admin:coaching_organization_add"), body)


def test_organization_name_differing_only_in_case_is_a_form_error(operator):
    Organization.objects.create(name="Riverside Barbell")
    response = add_organization(operator, "riverside BARBELL")
    assert response.status_code == 200
    assert "An organization with this name already exists." in response.content.decode()
    assert Organization.objects.filter(name__iexact="riverside barbell").count() == 1


def test_head_coach_renaming_to_another_organizations_name_gets_a_form_error(client):
    Organization.objects.create(name="Riverside Barbell")
    head = f.HeadCoachFactory()
    client.force_login(head.user)
    url = reverse("admin:coaching_organization_change", args=[head.organization.pk])
    response = client.post(url, {"name": "RIVERSIDE BARBELL", "timezone": "UTC"})
    assert response.status_code == 200
    assert "An organization with this name already exists." in response.content.decode()
    head.organization.refresh_from_db()
    assert head.organization.name != "RIVERSIDE BARBELL"


def test_renaming_a_user_to_another_username_in_another_case_is_a_form_error(operator):
    f.UserFactory(username="rita")
    other = f.UserFactory(username="sam")
    url = reverse("admin:auth_user_change", args=[other.pk])
    body = {"username": "RITA", "is_active": "on", "date_joined_0": "2026-11-01",
            "date_joined_1": "08:00:00"}  # fmt: skip
    response = operator.post(url, body)
    assert response.status_code == 200
    assert "A user with that username already exists." in response.content.decode()
    other.refresh_from_db()
    assert other.username == "sam"


def test_renaming_a_user_to_their_own_name_in_another_case_is_allowed(operator):
    user = f.UserFactory(username="sam")
    url = reverse("admin:auth_user_change", args=[user.pk])
    body = {"username": "Sam", "is_active": "on", "date_joined_0": "2026-11-01",
            "date_joined_1": "08:00:00"}  # fmt: skip
    assert operator.post(url, body).status_code == 302
    user.refresh_from_db()
    assert user.username == "Sam"


def test_adding_a_user_in_another_case_is_a_form_error(operator):
    f.UserFactory(username="rita")
    body = {"username": "Rita", "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42", "usable_password": "true"}  # fmt: skip
    response = operator.post(reverse("admin:auth_user_add"), body)
    assert response.status_code == 200
    assert User.objects.filter(username__iexact="rita").count() == 1


EXERCISE = {"name": "Spanish squat hold", "pattern": "knee_flexion", "kind": "isolation",
            "muscles": '["hamstrings"]'}  # fmt: skip


@pytest.mark.parametrize("slug", ["spanish-squat-hold", "SPANISH-Squat-Hold"])
def test_coach_adding_an_exercise_with_a_taken_slug_gets_a_form_error(client, slug):
    coach = f.CoachFactory()
    f.ExerciseFactory(organization=coach.organization, slug="spanish-squat-hold")
    client.force_login(coach.user)
    response = client.post(reverse("admin:coaching_exercise_add"), {**EXERCISE, "slug": slug})
    assert response.status_code == 200
    assert "An exercise with this slug already exists." in response.content.decode()
    assert Exercise.objects.filter(organization=coach.organization).count() == 1


def test_coach_adding_a_catalogue_slug_in_another_case_gets_a_form_error(client):
    coach = f.CoachFactory()
    client.force_login(coach.user)
    body = {**EXERCISE, "slug": "Back-Squat"}
    response = client.post(reverse("admin:coaching_exercise_add"), body)
    assert response.status_code == 200
    assert "An exercise with this slug already exists." in response.content.decode()
    assert not Exercise.objects.filter(organization=coach.organization).exists()


def test_coach_may_reuse_another_organizations_slug_in_the_admin(client):
    coach = f.CoachFactory()
    f.ExerciseFactory(slug="spanish-squat-hold")  # another organization's
    client.force_login(coach.user)
    body = {**EXERCISE, "slug": "spanish-squat-hold"}
    assert client.post(reverse("admin:coaching_exercise_add"), body).status_code == 302
    assert Exercise.objects.filter(organization=coach.organization).count() == 1


@pytest.mark.postgres
# No serialized_rollback: a live-server test earlier in the run has already flushed and rebuilt
# the content types under new ids, so restoring the serialized ones would collide with them.
@pytest.mark.django_db(transaction=True)
def test_organization_saved_after_a_concurrent_one_took_the_name_gets_a_form_error(client):
    """The race: another request commits "ACME" after this form validated "acme"."""
    client.force_login(f.UserFactory(username="operator", is_staff=True, is_superuser=True))

    def rival_commits_first(sender, instance, **kwargs):
        if instance.name != "acme":
            return
        pre_save.disconnect(rival_commits_first, sender=Organization)

        def create():
            try:
                Organization.objects.create(name="ACME")
            finally:
                connection.close()

        rival = threading.Thread(target=create)
        rival.start()
        rival.join()

    pre_save.connect(rival_commits_first, sender=Organization)
    try:
        response = add_organization(client, "acme")
    finally:
        pre_save.disconnect(rival_commits_first, sender=Organization)
    assert response.status_code == 200
    assert "An organization with this name already exists." in response.content.decode()
    assert list(Organization.objects.values_list("name", flat=True)) == ["ACME"]


def test_migration_check_lets_one_slug_in_two_organizations_through():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("coaching.migrations.0007_names_unique_in_any_case")
    f.ExerciseFactory(slug="sled-push")
    f.ExerciseFactory(slug="SLED-PUSH")
    migration.refuse_existing_collisions(apps, None)  # raises on a collision
