from django.db import models


class TimeStampedModel(models.Model):
    """Every row knows when it was created and last changed (delta sync reads `updated_at`)."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


def bounded(field: str, low=None, high=None, *, nullable: bool = False) -> models.CheckConstraint:
    """A database check that `field` lies in [low, high] (NULL allowed when nullable)."""
    condition = models.Q()
    if low is not None:
        condition &= models.Q(**{f"{field}__gte": low})
    if high is not None:
        condition &= models.Q(**{f"{field}__lte": high})
    if nullable:
        condition = condition | models.Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(
        condition=condition, name=f"%(app_label)s_%(class)s_{field}_range"
    )


def one_of(field: str, choices, *, nullable: bool = False) -> models.CheckConstraint:
    """A database check that `field` holds one of the enumerated values."""
    condition = models.Q(**{f"{field}__in": [value for value, _ in choices]})
    if nullable:
        condition |= models.Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(
        condition=condition, name=f"%(app_label)s_%(class)s_{field}_valid"
    )
