"""An organization's own values for the engine's thresholds."""

from collections.abc import Mapping

from django.db import transaction

from coaching.models import Organization

from ..models import ThresholdOverride


@transaction.atomic
def set_threshold_overrides(
    *, organization: Organization, values: Mapping[str, float | int | None], user
) -> None:
    """Upsert an organization's overrides; a None value removes one (back to the default)."""
    for key, value in values.items():
        if value is None:
            ThresholdOverride.objects.filter(organization=organization, key=key).delete()
        else:
            ThresholdOverride.objects.update_or_create(
                organization=organization,
                key=key,
                defaults={"value": value, "updated_by": user},
            )
