import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower

from .base import TimeStampedModel, bounded, one_of


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"'{value}' is not a known IANA time zone.")


class Organization(TimeStampedModel):
    """A team or gym: the tenant. Nothing is shared across organizations but the catalogue.

    Names are unique whatever their case ("ACME" and "acme" are one team): the database
    enforces it, so concurrent creations cannot both succeed.
    """

    name = models.CharField(max_length=120)
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="organization_name_unique_any_case",
                violation_error_message="An organization with this name already exists.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def zoneinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class CoachRole(models.TextChoices):
    HEAD_COACH = "head_coach", "Head coach"
    COACH = "coach", "Coach"


class Coach(TimeStampedModel):
    """A user's coaching membership in one organization, with their digest preferences."""

    Role = CoachRole

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coach"
    )
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="coaches")
    role = models.CharField(max_length=16, choices=CoachRole.choices, default=Role.COACH)
    digest_enabled = models.BooleanField(default=True)
    digest_hour = models.PositiveSmallIntegerField(
        default=7,
        help_text="Local hour (0-23, organization time zone) of the daily digest.",
    )
    alerts_enabled = models.BooleanField(
        default=True, help_text="Receive red-flag alerts by e-mail as they happen."
    )

    class Meta:
        verbose_name_plural = "coaches"
        ordering = ["organization", "user__username"]
        constraints = [one_of("role", CoachRole.choices), bounded("digest_hour", 0, 23)]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.username

    @property
    def is_head_coach(self) -> bool:
        return self.role == self.Role.HEAD_COACH
