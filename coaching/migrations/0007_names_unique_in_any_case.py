"""Names that differ only in case are one name, enforced by the database.

Usernames, organization names and exercise slugs (per organization, and in the catalogue)
were checked with `__iexact` in Python only, so concurrent creations could all pass the
check. A unique index on LOWER(...) lets exactly one of them in.

django.contrib.auth's User cannot take a model constraint from this app, so its index is
created with SQL that SQLite and PostgreSQL both run as written (an expression index). Its
name must not change: the admin and the services rely only on the IntegrityError it raises.

Existing rows that collide would make the index fail half-way; the first step lists them
and stops with a message saying what to rename.
"""

import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models
from django.db.models import Count
from django.db.models.functions import Lower

USERNAME_INDEX = "auth_user_username_unique_any_case"


def _collisions(model, *group_by, field):
    rows = (
        model.objects.annotate(folded=Lower(field))
        .values(*group_by, "folded")
        .annotate(rows=Count("pk"))
        .filter(rows__gt=1)
    )
    return [f"{model.__name__}.{field} {row['folded']!r}" for row in rows]


def refuse_existing_collisions(apps, schema_editor):
    collisions = [
        *_collisions(apps.get_model(settings.AUTH_USER_MODEL), field="username"),
        *_collisions(apps.get_model("coaching", "Organization"), field="name"),
        *_collisions(apps.get_model("coaching", "Exercise"), "organization", field="slug"),
    ]
    if collisions:
        raise RuntimeError(
            "These values differ only in case; rename all but one of each, then migrate "
            "again: " + "; ".join(collisions)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("coaching", "0006_outbox_failures_and_digest_windows"),
    ]

    operations = [
        migrations.RunPython(refuse_existing_collisions, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="exercise",
            name="exercise_slug_per_org",
        ),
        migrations.RemoveConstraint(
            model_name="exercise",
            name="exercise_slug_global",
        ),
        migrations.AlterField(
            model_name="organization",
            name="name",
            field=models.CharField(max_length=120),
        ),
        migrations.AddConstraint(
            model_name="exercise",
            constraint=models.UniqueConstraint(
                models.F("organization"),
                django.db.models.functions.text.Lower("slug"),
                name="exercise_slug_per_org_any_case",
                violation_error_message="An exercise with this slug already exists.",
            ),
        ),
        migrations.AddConstraint(
            model_name="exercise",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("slug"),
                condition=models.Q(("organization__isnull", True)),
                name="exercise_slug_global_any_case",
                violation_error_message="An exercise with this slug already exists.",
            ),
        ),
        migrations.AddConstraint(
            model_name="organization",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("name"),
                name="organization_name_unique_any_case",
                violation_error_message="An organization with this name already exists.",
            ),
        ),
        migrations.RunSQL(
            f"CREATE UNIQUE INDEX {USERNAME_INDEX} ON auth_user (LOWER(username))",
            f"DROP INDEX {USERNAME_INDEX}",
        ),
    ]
