"""Who may see which units and cadres: the one place that answers it.

Every unit-administrator screen, export, API and task asks here; none filters by unit on its own.

- College staff (Training staff, Administrators: the ``organisations.view_all_cadres``
  permission, which superusers hold too) see every unit and every cadre.
- A unit administrator (a ``UnitAdministrator`` grant) sees the units they were granted and
  everything below them, and the cadres whose unit is among those.
- Anyone else sees nothing.

The querysets are lazy: the grants are matched inside the same SQL query (a unit is covered by a
grant when the grant's unit path is a prefix of the unit's path), so a screen can filter, count
and paginate them without a query of its own for the scope.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.db.models.lookups import LessThan
from django.http import Http404

from .models import Unit, UnitAdministrator

SEE_EVERYTHING = "organisations.view_all_cadres"


def is_college_staff(user) -> bool:
    """True for college staff, who see every unit and cadre (Training staff, Administrators)."""
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(SEE_EVERYTHING))


def is_unit_administrator(user) -> bool:
    """True when the user holds at least one unit-administrator grant."""
    return bool(user and user.is_authenticated and user.is_active and user.administered_units.exists())


def may_use_back_office(user) -> bool:
    """True for the people the "Unit management" screens are for: college staff and unit administrators."""
    return is_college_staff(user) or is_unit_administrator(user)


def _grants_covering(user, path_ref, *, strictly_below: bool = False) -> Exists:
    """``EXISTS`` a grant of ``user`` on the unit at ``path_ref`` or on one of its ancestors.

    ``path_ref`` is an ``OuterRef`` to the path of the unit to test; with ``strictly_below`` the
    grant's own unit does not count (only the units below it).
    """
    grants = UnitAdministrator.objects.filter(user=user, unit__path=Substr(path_ref, 1, Length("unit__path")))
    if strictly_below:
        grants = grants.filter(LessThan(Length("unit__path"), Length(path_ref)))
    return Exists(grants)


def administered_units(user) -> QuerySet[Unit]:
    """The units the user was granted directly (not their sub-units), in tree order."""
    if not (user and user.is_authenticated and user.is_active):
        return Unit.objects.none()
    return Unit.objects.filter(administrators__user=user).order_by("path").distinct()


def units_visible_to(user) -> QuerySet[Unit]:
    """Every unit the user may see: all for college staff, their grants' subtrees for unit administrators."""
    if is_college_staff(user):
        return Unit.objects.all()
    if not (user and user.is_authenticated and user.is_active):
        return Unit.objects.none()
    return Unit.objects.filter(_grants_covering(user, OuterRef("path")))


def top_units_visible_to(user) -> QuerySet[Unit]:
    """The tops of the user's visible forest: the tree's roots for staff, the granted units that
    no other grant of theirs covers for a unit administrator."""
    if is_college_staff(user):
        return Unit.get_root_nodes()
    return administered_units(user).exclude(_grants_covering(user, OuterRef("path"), strictly_below=True))


def cadres_visible_to(user) -> QuerySet:
    """The active accounts with a unit that the user may see (all of them for college staff)."""
    User = get_user_model()
    cadres = User.objects.filter(is_active=True, unit__isnull=False)
    if is_college_staff(user):
        return cadres
    if not (user and user.is_authenticated and user.is_active):
        return User.objects.none()
    return cadres.filter(_grants_covering(user, OuterRef("unit__path")))


def cadres_within(unit: Unit) -> QuerySet:
    """The active accounts of ``unit`` and every unit below it (what a unit's HR token reads)."""
    User = get_user_model()
    return User.objects.filter(is_active=True, unit__path__startswith=unit.path)


def cadres_within_any(units) -> QuerySet:
    """The active accounts of any of ``units`` and the units below them (none for no units)."""
    User = get_user_model()
    units = list(units)
    if not units:
        return User.objects.none()
    return User.objects.filter(within(units, "unit__path"), is_active=True)


def token_may_read(token, unit: Unit) -> bool:
    """True when a live HR API token of a unit covers ``unit`` (its own unit or one below it)."""
    return token is not None and token.revoked_at is None and unit.path.startswith(token.unit.path)


def can_administer(user, unit: Unit) -> bool:
    """True when the user may see and look after ``unit`` (staff, or a grant on it or above it)."""
    if is_college_staff(user):
        return True
    if not (user and user.is_authenticated and user.is_active) or unit is None:
        return False
    return UnitAdministrator.objects.filter(user=user, unit__path__in=[*unit.ancestor_paths(), unit.path]).exists()


def can_manage_administrators_of(user, unit: Unit) -> bool:
    """True when the user may grant and revoke administrators of ``unit``: college staff for any
    unit, a unit administrator only for units strictly below one of their own."""
    if is_college_staff(user):
        return True
    if not (user and user.is_authenticated and user.is_active) or unit is None:
        return False
    return UnitAdministrator.objects.filter(user=user, unit__path__in=unit.ancestor_paths()).exists()


def units_manageable_by(user) -> QuerySet[Unit]:
    """The units whose administrators the user may grant and revoke (see ``can_manage_administrators_of``)."""
    if is_college_staff(user):
        return Unit.objects.all()
    if not (user and user.is_authenticated and user.is_active):
        return Unit.objects.none()
    return Unit.objects.filter(_grants_covering(user, OuterRef("path"), strictly_below=True))


def within(units: QuerySet[Unit] | list[Unit], field: str = "path") -> Q:
    """A filter for rows whose ``field`` (a path) lies in the subtree of any of ``units``."""
    query = Q(pk__in=[])
    for unit in units:
        query |= Q(**{f"{field}__startswith": unit.path})
    return query


def visible_unit_or_404(user, code: str) -> Unit:
    """The unit with ``code`` when the user may see it; Http404 otherwise (also for a sibling's unit)."""
    unit = units_visible_to(user).filter(code=str(code or "").upper()).first()
    if unit is None:
        raise Http404
    return unit


def visible_cadre_or_404(user, pk):
    """The cadre with primary key ``pk`` when the user may see them; Http404 otherwise."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    cadre = cadres_visible_to(user).select_related("unit").filter(pk=pk).first()
    if cadre is None:
        raise Http404
    return cadre


def administrators_of(unit: Unit) -> QuerySet:
    """Everyone who administers ``unit``: grants on it and on each of its ancestors."""
    User = get_user_model()
    return User.objects.filter(
        is_active=True, administered_units__unit__path__in=[*unit.ancestor_paths(), unit.path]
    ).distinct()


def nearest_administrators(unit: Unit) -> QuerySet:
    """The administrators of the closest unit at or above ``unit`` that has any (for routing work
    such as approvals to the people nearest to the cadre); empty when no unit above has one."""
    User = get_user_model()
    paths = [*unit.ancestor_paths(), unit.path]
    grant = (
        UnitAdministrator.objects.filter(unit__path__in=paths, user__is_active=True)
        .order_by("-unit__depth")
        .values("unit__depth")
        .first()
    )
    if grant is None:
        return User.objects.none()
    return User.objects.filter(
        is_active=True,
        administered_units__unit__path__in=paths,
        administered_units__unit__depth=grant["unit__depth"],
    ).distinct()
