"""Writes of the coaching app. Views call these; each runs in one transaction.

Domain errors are Django ValidationErrors keyed by field; the API turns them into 400s.
Every write of athlete data marks the athlete's data as changed for the analysis pipeline.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from .models import (
    Athlete,
    Coach,
    Exercise,
    IdempotencyKey,
    Organization,
    TrainingPhase,
    TrainingSession,
    TrainingSet,
)
from .upsert import upsert_check_in_in_one_statement

IDEMPOTENCY_KEY_TTL = dt.timedelta(hours=24)


# --- people -------------------------------------------------------------------------------
def create_organization(*, name: str, timezone_name: str = "UTC") -> Organization:
    if Organization.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": ["An organization with this name already exists."]})
    try:
        with transaction.atomic():
            return Organization.objects.create(name=name, timezone=timezone_name)
    except IntegrityError:
        raise ValidationError(
            {"name": ["An organization with this name already exists."]}
        ) from None


def _create_user(*, username: str, password: str, email: str = "", field: str | None = None):
    """A new login; errors are keyed under `field` (e.g. "login") when it is nested."""

    def error(name: str, messages) -> ValidationError:
        if field:
            return ValidationError({field: [f"{name}: {message}" for message in messages]})
        return ValidationError({name: list(messages)})

    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise error("username", ["This username is taken."])
    user = User(username=username, email=email)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise error("password", exc.messages) from None
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        raise error("username", ["This username is taken."]) from None
    return user


@transaction.atomic
def create_coach(
    *, organization: Organization, username: str, password: str, email: str = "", role: str
) -> Coach:
    user = _create_user(username=username, password=password, email=email)
    return Coach.objects.create(user=user, organization=organization, role=role)


def _check_same_organization(organization: Organization, coaches: Iterable[Coach]) -> None:
    if any(coach.organization_id != organization.pk for coach in coaches):
        raise ValidationError({"coaches": ["Coaches must belong to the athlete's organization."]})


@transaction.atomic
def create_athlete(
    *,
    organization: Organization,
    created_by: Coach | None,
    fields: Mapping[str, Any],
    coaches: Iterable[Coach] = (),
    goal_lifts: Iterable[Exercise] = (),
    login: Mapping[str, str] | None = None,
) -> Athlete:
    """A new athlete of `organization`, assigned to the coach who created them."""
    coaches = list(coaches)
    if created_by is not None and created_by not in coaches:
        coaches.append(created_by)
    _check_same_organization(organization, coaches)
    athlete = Athlete.objects.create(organization=organization, **fields)
    athlete.coaches.set(coaches)
    athlete.goal_lifts.set(list(goal_lifts))
    if login:
        athlete.user = _create_user(**login, field="login")
        athlete.save(update_fields=["user"])
    return athlete


@transaction.atomic
def update_athlete(
    *,
    athlete: Athlete,
    fields: Mapping[str, Any],
    coaches: Iterable[Coach] | None = None,
    goal_lifts: Iterable[Exercise] | None = None,
    login: Mapping[str, str] | None = None,
) -> Athlete:
    for name, value in fields.items():
        setattr(athlete, name, value)
    if login:
        if athlete.user_id is not None:
            raise ValidationError({"login": ["This athlete already has a login."]})
        athlete.user = _create_user(**login, field="login")
    athlete.save()
    if coaches is not None:
        coaches = list(coaches)
        _check_same_organization(athlete.organization, coaches)
        athlete.coaches.set(coaches)
    if goal_lifts is not None:
        athlete.goal_lifts.set(list(goal_lifts))
    athlete.mark_data_changed()
    return athlete


@transaction.atomic
def delete_athlete(*, athlete: Athlete) -> None:
    """Remove the athlete with all their data, and their login with it."""
    user = athlete.user
    athlete.delete()
    if user is not None:
        user.delete()


def create_exercise(*, organization: Organization, fields: Mapping[str, Any]) -> Exercise:
    slug = fields["slug"]
    taken = Exercise.objects.filter(
        models.Q(organization=None) | models.Q(organization=organization), slug__iexact=slug
    )
    if taken.exists():
        raise ValidationError({"slug": ["An exercise with this slug already exists."]})
    try:
        with transaction.atomic():
            return Exercise.objects.create(organization=organization, **fields)
    except IntegrityError:
        raise ValidationError({"slug": ["An exercise with this slug already exists."]}) from None


# --- athlete data -------------------------------------------------------------------------
def upsert_check_in(
    *, model: type[models.Model], athlete: Athlete, date: dt.date, values: Mapping[str, Any]
) -> tuple[models.Model, bool]:
    """Create or replace the athlete's check-in of one kind for one day.

    Repeating the same upsert changes nothing (not even `updated_at`). Returns (row, created).
    On PostgreSQL one statement does it all (coaching.upsert); elsewhere the ORM does.
    """
    if connection.vendor == "postgresql" and values:
        done = upsert_check_in_in_one_statement(
            model=model, athlete=athlete, date=date, values=dict(values)
        )
        if done is not None:
            return done
        unchanged = model.objects.filter(athlete=athlete, date=date).first()
        if unchanged is not None:
            return unchanged, False
    return _upsert_check_in_with_the_orm(model=model, athlete=athlete, date=date, values=values)


@transaction.atomic
def _upsert_check_in_with_the_orm(
    *, model: type[models.Model], athlete: Athlete, date: dt.date, values: Mapping[str, Any]
) -> tuple[models.Model, bool]:
    rows = model.objects.select_for_update()
    try:
        existing = rows.get(athlete=athlete, date=date)
    except model.DoesNotExist:
        try:
            with transaction.atomic():
                row = model.objects.create(athlete=athlete, date=date, **values)
        except IntegrityError:  # a concurrent upsert created it first: update that one
            existing = rows.get(athlete=athlete, date=date)
        else:
            athlete.mark_data_changed()
            return row, True
    changed = [name for name, value in values.items() if getattr(existing, name) != value]
    if changed:
        for name in changed:
            setattr(existing, name, values[name])
        existing.save(update_fields=[*changed, "updated_at"])
        athlete.mark_data_changed()
    return existing, False


@transaction.atomic
def record_athlete_data(
    *, model: type[models.Model], athlete: Athlete, values: Mapping[str, Any]
) -> models.Model:
    """Store one dated record (an assessment, a symptom report) for the athlete."""
    row = model.objects.create(athlete=athlete, **values)
    athlete.mark_data_changed()
    return row


@transaction.atomic
def update_athlete_data(*, instance: models.Model, values: Mapping[str, Any]) -> models.Model:
    """Change some fields of one dated record (a PATCH); the row is locked while it changes.

    Values equal to the stored ones write nothing. Raises the model's DoesNotExist when the
    row was deleted meanwhile.
    """
    row = type(instance).objects.select_for_update().filter(pk=instance.pk).first()
    if row is None:
        raise type(instance).DoesNotExist
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=[*changed, "updated_at"])
        row.athlete.mark_data_changed()
    return row


@transaction.atomic
def delete_athlete_data(*, instance: models.Model) -> None:
    athlete = instance.athlete
    instance.delete()
    athlete.mark_data_changed()


@transaction.atomic
def save_session(
    *,
    athlete: Athlete,
    values: Mapping[str, Any],
    sets: list[Mapping[str, Any]] | None,
    session: TrainingSession | None = None,
) -> TrainingSession:
    """Create a session with its sets, or change one and replace all its sets, at once.

    `sets=None` keeps the session's sets as they are (a PATCH that did not send them).
    """
    if session is None:
        session = TrainingSession(athlete=athlete)
    for name, value in values.items():
        setattr(session, name, value)
    session.save()
    if sets is not None:
        session.sets.all().delete()
        TrainingSet.objects.bulk_create(
            TrainingSet(session=session, position=position, **one_set)
            for position, one_set in enumerate(sets, start=1)
        )
    athlete.mark_data_changed()
    # The generated load column is computed by the database.
    session.refresh_from_db(fields=["load_au"])
    return session


def overlapping_phase(
    *, athlete_id: int, start: dt.date, end: dt.date, exclude_pk: int | None = None
) -> TrainingPhase | None:
    """The athlete's phase that shares a day with start..end (both included), if any."""
    phases = TrainingPhase.objects.filter(athlete_id=athlete_id, start__lte=end, end__gte=start)
    if exclude_pk is not None:
        phases = phases.exclude(pk=exclude_pk)
    return phases.order_by("start", "pk").first()


def overlap_error(phase: TrainingPhase) -> ValidationError:
    return ValidationError(
        {"start": [f"This overlaps the {phase.kind} phase of {phase.start} to {phase.end}."]}
    )


@transaction.atomic
def save_phase(
    *, athlete: Athlete, values: Mapping[str, Any], phase: TrainingPhase | None = None
) -> TrainingPhase:
    """Create a training phase, or change one (a PUT or a PATCH: only `values` change).

    The athlete's row is locked first, so two writes of one athlete's phases check for
    overlaps in turn and never both succeed. Raises ValidationError (keyed by field) when the
    phase would end before it starts or share a day with another of the athlete's phases;
    TrainingPhase.DoesNotExist when `phase` was deleted meanwhile. A change that changes
    nothing writes nothing.
    """
    list(Athlete.objects.select_for_update().filter(pk=athlete.pk).values_list("pk"))
    if phase is None:
        row = TrainingPhase(athlete=athlete)
    else:
        row = TrainingPhase.objects.filter(pk=phase.pk, athlete=athlete).first()
        if row is None:
            raise TrainingPhase.DoesNotExist
    changed = [name for name, value in values.items() if getattr(row, name, None) != value]
    for name in changed:
        setattr(row, name, values[name])
    if row.pk is not None and not changed:
        return row
    if row.end < row.start:
        raise ValidationError({"end": ["The end must be on or after the start."]})
    other = overlapping_phase(
        athlete_id=athlete.pk, start=row.start, end=row.end, exclude_pk=row.pk
    )
    if other is not None:
        raise overlap_error(other)
    row.save()
    athlete.mark_data_changed()
    return row


# --- housekeeping -------------------------------------------------------------------------
def purge_expired_idempotency_keys(*, now: dt.datetime | None = None) -> int:
    """Forget Idempotency-Keys older than a day (the pipeline schedules this)."""
    cutoff = (now or timezone.now()) - IDEMPOTENCY_KEY_TTL
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
