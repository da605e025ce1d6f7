"""Who may see what. Every admin page and API endpoint scopes its querysets through here.

Roles: staff (operators) see everything; a head coach sees their organization; a coach sees
the athletes assigned to them; an athlete sees only themselves; anyone else sees nothing.
"""

from enum import StrEnum

from django.db.models import Q, QuerySet

from .models import Athlete, Coach, Exercise, Organization


class Role(StrEnum):
    STAFF = "staff"
    HEAD_COACH = "head_coach"
    COACH = "coach"
    ATHLETE = "athlete"
    NONE = "none"


def coach_of(user) -> Coach | None:
    """The user's coach membership, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.coach
    except Coach.DoesNotExist:
        return None


def athlete_of(user) -> Athlete | None:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.athlete
    except Athlete.DoesNotExist:
        return None


def role_of(user) -> Role:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Role.NONE
    if user.is_staff:
        return Role.STAFF
    coach = coach_of(user)
    if coach is not None:
        return Role.HEAD_COACH if coach.is_head_coach else Role.COACH
    if athlete_of(user) is not None:
        return Role.ATHLETE
    return Role.NONE


def organization_of(user) -> Organization | None:
    coach = coach_of(user)
    if coach is not None:
        return coach.organization
    athlete = athlete_of(user)
    return athlete.organization if athlete is not None else None


def athletes_for(user) -> QuerySet[Athlete]:
    """The athletes this user may read and change."""
    role = role_of(user)
    athletes = Athlete.objects.all()
    if role is Role.STAFF:
        return athletes
    if role is Role.HEAD_COACH:
        return athletes.filter(organization_id=user.coach.organization_id)
    if role is Role.COACH:
        return athletes.filter(coaches=user.coach)
    if role is Role.ATHLETE:
        return athletes.filter(pk=user.athlete.pk)
    return athletes.none()


def athlete_in_scope(user, pk: int) -> Athlete | None:
    """One athlete, if this user may see them; else None.

    An athlete asking for themselves costs no query: their own record came with the user.
    """
    if role_of(user) is Role.ATHLETE:
        own = user.athlete
        return own if own.pk == pk else None
    try:
        return athletes_for(user).get(pk=pk)
    except Athlete.DoesNotExist:
        return None


def organizations_for(user) -> QuerySet[Organization]:
    role = role_of(user)
    if role is Role.STAFF:
        return Organization.objects.all()
    organization = organization_of(user)
    if organization is None:
        return Organization.objects.none()
    return Organization.objects.filter(pk=organization.pk)


def coaches_for(user) -> QuerySet[Coach]:
    """Coaches this user may see (and assign athletes to): their organization's."""
    role = role_of(user)
    coaches = Coach.objects.select_related("user", "organization")
    if role is Role.STAFF:
        return coaches
    if role in (Role.HEAD_COACH, Role.COACH):
        return coaches.filter(organization_id=user.coach.organization_id)
    return coaches.none()


def exercises_for(user) -> QuerySet[Exercise]:
    """The shared catalogue plus the user's organization's own exercises."""
    if role_of(user) is Role.STAFF:
        return Exercise.objects.all()
    organization = organization_of(user)
    own = Q(organization_id=organization.pk) if organization else Q(pk__in=[])
    return Exercise.objects.filter(Q(organization__isnull=True) | own)
