"""Ruleset 2.0.0 retired three thresholds; overrides stored for them no longer mean anything.

- goal_lift_share_min_pct: specificity is judged by the weeks the goal lift is trained
  (goal_lift_weeks_min_pct, goal_lift_weeks_cause_pct), not by its share of sets.
- body_mass_loss_max_pct: dehydration reads first-morning body mass against a baseline.
- jump_full_score_excess_pct: a jump drop now reads as neuromuscular fatigue.
"""

from django.db import migrations

RETIRED = ("goal_lift_share_min_pct", "body_mass_loss_max_pct", "jump_full_score_excess_pct")


def drop_retired(apps, schema_editor):
    ThresholdOverride = apps.get_model("assessments", "ThresholdOverride")
    ThresholdOverride.objects.filter(key__in=RETIRED).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0004_symptom_triage_finding_level_run_phases_emergency"),
    ]

    operations = [migrations.RunPython(drop_retired, migrations.RunPython.noop)]
