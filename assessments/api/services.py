"""Writes behind the flag and threshold endpoints (thin views call these).

They belong with the analysis pipeline's services; kept here until that module settles.
"""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from assessments.models import Flag, ThresholdOverride
from coaching.models import Organization


@transaction.atomic
def acknowledge_flag(*, flag: Flag, user, note: str = "") -> Flag:
    """Open -> acknowledged. Acknowledging again changes nothing; a resolved flag is final."""
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if flag.status == Flag.Status.RESOLVED:
        raise ValidationError({"status": ["This flag is resolved; it cannot be acknowledged."]})
    if flag.status == Flag.Status.OPEN:
        flag.status = Flag.Status.ACKNOWLEDGED
        flag.acknowledged_at = timezone.now()
        flag.acknowledged_by = user
        flag.acknowledge_note = note
        flag.save()
    return flag


@transaction.atomic
def resolve_flag(*, flag: Flag, user, note: str = "") -> Flag:
    """Open or acknowledged -> resolved. Resolving again changes nothing."""
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if flag.status != Flag.Status.RESOLVED:
        flag.status = Flag.Status.RESOLVED
        flag.resolved_at = timezone.now()
        flag.resolved_by = user
        flag.resolution_note = note
        flag.save()
    return flag


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
