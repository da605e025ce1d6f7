"""Seed the shared exercise catalogue (coaching/catalogue.py); safe to re-run."""

from django.db import migrations


def seed(apps, schema_editor):
    from coaching.catalogue import EXERCISES

    Exercise = apps.get_model("coaching", "Exercise")
    for slug, name, pattern, kind, muscles, unilateral in EXERCISES:
        Exercise.objects.update_or_create(
            organization=None,
            slug=slug,
            defaults={
                "name": name,
                "pattern": pattern,
                "kind": kind,
                "muscles": list(muscles),
                "unilateral": unilateral,
            },
        )


def unseed(apps, schema_editor):
    from coaching.catalogue import EXERCISES

    Exercise = apps.get_model("coaching", "Exercise")
    Exercise.objects.filter(organization=None, slug__in=[e[0] for e in EXERCISES]).delete()


class Migration(migrations.Migration):
    dependencies = [("coaching", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
