from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone

from .base import TimeStampedModel, bounded, one_of
from .exercises import Exercise
from .organizations import Coach, Organization


class Sex(models.TextChoices):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Goal(models.TextChoices):
    STRENGTH = "strength"
    HYPERTROPHY = "hypertrophy"
    POWER = "power"
    GENERAL = "general"


class Athlete(TimeStampedModel):
    """An athlete of one organization, with the coaches assigned to them."""

    Sex = Sex
    Goal = Goal

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="athletes"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="athlete",
        help_text="The athlete's own login for the mobile app.",
    )
    coaches = models.ManyToManyField(Coach, blank=True, related_name="athletes")
    name = models.CharField(max_length=120)
    sex = models.CharField(max_length=8, choices=Sex.choices)
    date_of_birth = models.DateField(null=True, blank=True)
    height_cm = models.FloatField(null=True, blank=True)
    body_mass_kg = models.FloatField(null=True, blank=True)
    fat_free_mass_kg = models.FloatField(
        null=True, blank=True, help_text="From a body-composition test, when known."
    )
    training_age_years = models.FloatField(null=True, blank=True)
    goal = models.CharField(max_length=16, choices=Goal.choices, default=Goal.STRENGTH)
    goal_lifts = models.ManyToManyField(Exercise, blank=True, related_name="goal_of")
    # The pipeline re-analyses athletes whose data changed after their last run. Every write
    # adds one to `data_version`; a run records the version it saw before reading the data as
    # `analysed_version`. Versions, not clock times: a write stamped before a run started but
    # committed after it read the data is newer than what that run saw, whatever the clocks say.
    data_changed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    data_version = models.PositiveBigIntegerField(default=0)
    last_analysed_at = models.DateTimeField(null=True, blank=True)
    analysed_version = models.PositiveBigIntegerField(default=0)
    # Set by the first write of a burst when it queues an analysis; cleared when that run
    # starts. While set, further writes queue nothing: the queued run will read them.
    analysis_queued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            one_of("sex", Sex.choices),
            one_of("goal", Goal.choices),
            bounded("height_cm", 100, 250, nullable=True),
            bounded("body_mass_kg", 30, 300, nullable=True),
            bounded("fat_free_mass_kg", 20, 200, nullable=True),
            bounded("training_age_years", 0, 60, nullable=True),
        ]
        indexes = [models.Index(fields=["organization", "name"])]

    def __str__(self) -> str:
        return self.name

    def mark_data_changed(self) -> None:
        """Record that new data arrived and, unless a run is already queued, claim one.

        One UPDATE in the writer's transaction does both: the timestamp (so even if the
        message is lost, broker down, the sweep sees `data_version > analysed_version`
        later) and the debounce claim, which rolls back with a failed write. The message
        itself goes out only once the write commits, and only from the write that claimed.
        """
        now = timezone.now()
        with connection.cursor() as cursor:
            cursor.execute(mark_and_claim_sql(), mark_and_claim_params(self.pk, now))
            row = cursor.fetchone()
        self.data_changed_marked(now, claimed=bool(row and row[0]))

    def data_changed_marked(self, now, *, claimed: bool) -> None:
        """After a statement of `mark_and_claim_sql()` ran for this athlete: keep the
        instance current and, if it claimed the run, send it once the write commits."""
        from assessments.pipeline import publish_claimed_analysis

        self.data_changed_at = now
        if claimed:
            athlete_id = self.pk
            transaction.on_commit(lambda: publish_claimed_analysis(athlete_id))


def mark_and_claim_sql(condition: str = "") -> str:
    """UPDATE one athlete: data_changed_at and data_version, and analysis_queued_at when
    unset; it returns `claimed`, true when this statement set the claim. `condition` is more
    SQL for WHERE."""
    quote = connection.ops.quote_name
    return (
        f"UPDATE {quote(Athlete._meta.db_table)} SET data_changed_at = %s,"
        " data_version = data_version + 1,"
        " analysis_queued_at = COALESCE(analysis_queued_at, %s)"
        f" WHERE {quote(Athlete._meta.pk.column)} = %s {condition}"
        " RETURNING analysis_queued_at = %s AS claimed"
    )


def mark_and_claim_params(athlete_id: int, now) -> list:
    stamp = connection.ops.adapt_datetimefield_value(now)
    return [stamp, stamp, athlete_id, stamp]


class AthleteDatedModel(TimeStampedModel):
    """Anything recorded for one athlete on one date; read by (athlete, date) ranges."""

    athlete = models.ForeignKey(Athlete, on_delete=models.CASCADE, related_name="%(class)ss")
    date = models.DateField()

    class Meta:
        abstract = True
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["athlete", "date"], name="%(class)s_date_idx")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name.capitalize()} of {self.date}"
