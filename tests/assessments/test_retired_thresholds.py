"""Overrides of thresholds that ruleset 2.0.0 retired are dropped by a migration."""

import importlib

import pytest
from django.apps import apps

from assessments.analysis.thresholds import DEFAULTS
from assessments.models import ThresholdOverride
from tests import factories as f

pytestmark = pytest.mark.django_db

migration = importlib.import_module("assessments.migrations.0005_drop_retired_threshold_overrides")


def test_retired_keys_are_no_longer_thresholds():
    assert not set(migration.RETIRED) & set(DEFAULTS)


def test_migration_drops_only_retired_overrides():
    organization = f.OrganizationFactory()
    ThresholdOverride.objects.create(
        organization=organization, key="goal_lift_share_min_pct", value=10
    )
    kept = ThresholdOverride.objects.create(
        organization=organization, key="sleep_min_hours", value=7.5
    )
    migration.drop_retired(apps, None)
    assert list(ThresholdOverride.objects.values_list("pk", flat=True)) == [kept.pk]
