"""The rules of the organisations app, as plain functions.

Units: add, change, move, deactivate and delete (never a unit that cadres, administrators or
tokens still use).  Free-text work units: matched to units by name or alias, or mapped by staff.
Unit administrators: granted and revoked by those who administer a unit above.  HR API tokens:
issued once, stored hashed, rotated.  Reminders to cadres behind target: rate-limited per cadre.

Views, the admin, the API, the management command and the tasks call these; none re-implements
them.  Errors are ``OrganisationError`` with a message in the user's language.
"""

from __future__ import annotations

import datetime
import secrets
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from . import scoping
from .models import CadreReminder, Unit, UnitAdministrator, UnitApiToken, hash_token

#: How many suggestions the unit search gives at most.
SEARCH_LIMIT = 20
#: How long a search text may be.
SEARCH_MAX_LENGTH = 50
TOKEN_PREFIX = "fqu_"


class OrganisationError(Exception):
    """A rule of the organisations app refused the request; ``message`` says why, ``field`` where."""

    def __init__(self, message, field: str = "__all__", code: str = "invalid"):
        self.message = str(message)
        self.field = field
        self.code = code
        super().__init__(self.message)


# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------
def normalise_code(code: str) -> str:
    """A unit code as stored: trimmed, full-width characters made plain, upper case."""
    return unicodedata.normalize("NFKC", str(code or "")).strip().upper()


def _check_parent(unit: Unit | None, parent: Unit | None) -> None:
    if parent is None:
        return
    if unit is not None and unit.pk and parent.path.startswith(unit.path):
        raise OrganisationError(_("A unit cannot be placed under itself or one of its own sub-units."), field="parent")
    if not parent.active:
        raise OrganisationError(_("The parent unit is inactive; activate it first."), field="parent")


@transaction.atomic
def create_unit(parent: Unit | None, **fields) -> Unit:
    """Add a unit under ``parent`` (a top-level unit when None), in code order among its siblings."""
    fields["code"] = normalise_code(fields.get("code", ""))
    if Unit.objects.filter(code=fields["code"]).exists():
        raise OrganisationError(_("Another unit already has this code."), field="code")
    _check_parent(None, parent)
    if parent is not None:
        parent = Unit.objects.select_for_update().get(pk=parent.pk)  # fresh path, and one adder at a time
        if not parent.active:
            fields["active"] = False
        return parent.add_child(**fields)
    return Unit.add_root(**fields)


@transaction.atomic
def update_unit(unit: Unit, parent: Unit | None) -> Unit:
    """Save a changed unit and move it (with its sub-units) under ``parent`` when that changed.

    Deactivating a unit deactivates its whole subtree; a unit under an inactive parent cannot be
    activated.  Returns the unit as stored (paths change when it moves).
    """
    stored = Unit.objects.select_for_update().get(pk=unit.pk)
    unit.code = normalise_code(unit.code)
    if Unit.objects.filter(code=unit.code).exclude(pk=unit.pk).exists():
        raise OrganisationError(_("Another unit already has this code."), field="code")
    current_parent = stored.get_parent()
    if parent is not None:
        parent = Unit.objects.get(pk=parent.pk)
        _check_parent(stored, parent)
    target_parent = parent if parent is not None else None
    if unit.active and target_parent is not None and not target_parent.active:
        raise OrganisationError(_("The parent unit is inactive; activate it first."), field="active")
    # Tree columns are the tree's business: keep the stored ones, then let treebeard move.
    unit.path, unit.depth, unit.numchild = stored.path, stored.depth, stored.numchild
    unit.save()
    moved = (current_parent.pk if current_parent else None) != (target_parent.pk if target_parent else None)
    if moved or unit.code != stored.code:
        if target_parent is not None:
            unit.move(target_parent, "sorted-child")
        else:
            other_root = Unit.get_root_nodes().exclude(pk=unit.pk).first()
            if other_root is not None:
                unit.move(other_root, "sorted-sibling")
    unit = Unit.objects.get(pk=unit.pk)
    if not unit.active:
        deactivate_unit(unit)
    return unit


def deactivate_unit(unit: Unit) -> int:
    """Deactivate ``unit`` and every unit below it; returns how many units that touched."""
    return Unit.objects.filter(path__startswith=unit.path, active=True).update(active=False)


def unit_usage(unit: Unit) -> dict[str, int]:
    """What keeps ``unit`` (and its subtree) from being deleted: cadres, administrators, API tokens."""
    User = get_user_model()
    return {
        "cadres": User.objects.filter(unit__path__startswith=unit.path).count(),
        "administrators": UnitAdministrator.objects.filter(unit__path__startswith=unit.path).count(),
        "tokens": UnitApiToken.objects.filter(unit__path__startswith=unit.path).count(),
    }


@transaction.atomic
def delete_unit(unit: Unit) -> None:
    """Delete a unit and its sub-units, refused while any cadre, administrator or token uses them."""
    usage = unit_usage(unit)
    if usage["cadres"]:
        raise OrganisationError(
            _("%(count)d cadres belong to this unit or its sub-units: deactivate it instead.")
            % {"count": usage["cadres"]}
        )
    if usage["administrators"] or usage["tokens"]:
        raise OrganisationError(_("Revoke the unit's administrators and API tokens first, or deactivate it instead."))
    Unit.objects.get(pk=unit.pk).delete()


def unit_choice_label(unit: Unit) -> str:
    """A unit as an option of a plain select: indented by its depth, so that the tree shows."""
    return "— " * (unit.depth - 1) + unit.name


def search_units(text: str, *, limit: int = SEARCH_LIMIT, queryset=None) -> list[Unit]:
    """Active units whose name, English name, code or other names contain ``text`` (Chinese
    substrings included), best first: exact names, then names that start with it, then the rest
    in tree order.  Each unit gets ``parent_names`` (its ancestors' names, top first)."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        return []
    units = queryset if queryset is not None else Unit.objects.filter(active=True)
    units = list(
        units.filter(
            Q(name__icontains=text) | Q(name_en__icontains=text) | Q(code__icontains=text) | Q(aliases__icontains=text)
        )
        .annotate(
            rank=Case(
                When(Q(name=text) | Q(code=text.upper()), then=Value(0)),
                When(name__startswith=text, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "depth", "path")[:limit]
    )
    attach_parent_names(units)
    return units


def attach_parent_names(units: list[Unit]) -> None:
    """Give each unit ``parent_names`` and ``parent_names_en`` (ancestors, top first) in one query."""
    paths = {path for unit in units for path in unit.ancestor_paths()}
    names = {
        row[0]: (row[1], row[2] or row[1])
        for row in Unit.objects.filter(path__in=paths).values_list("path", "name", "name_en")
    }
    for unit in units:
        unit.parent_names = [names[p][0] for p in unit.ancestor_paths() if p in names]
        unit.parent_names_en = [names[p][1] for p in unit.ancestor_paths() if p in names]


# ---------------------------------------------------------------------------
# Free-text work units: matching and mapping
# ---------------------------------------------------------------------------
def normalise_unit_name(text: str) -> str:
    """A unit name for matching: full-width forms made plain, all white space removed."""
    return "".join(unicodedata.normalize("NFKC", str(text or "")).split())


@dataclass
class MatchResult:
    """What ``match_work_units`` did: cadres linked per free-text value, and what it left."""

    matched: dict[str, tuple[str, int]] = field(default_factory=dict)  # value → (unit code, cadres)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)  # value → unit codes
    unmatched: dict[str, int] = field(default_factory=dict)  # value → cadres

    @property
    def cadres_matched(self) -> int:
        return sum(count for _code, count in self.matched.values())


def _name_index(unit_model) -> dict[str, set[int]]:
    """Normalised name or alias → ids of the active units that carry it."""
    index: dict[str, set[int]] = defaultdict(set)
    for pk, name, aliases in unit_model.objects.filter(active=True).values_list("pk", "name", "aliases"):
        for candidate in [name, *(aliases or "").splitlines()]:
            key = normalise_unit_name(candidate)
            if key:
                index[key].add(pk)
    return index


def match_work_units(*, dry_run: bool = False, user_model=None, unit_model=None) -> MatchResult:
    """Link cadres without a unit to the unit whose name or other name is exactly their free-text
    ``work_unit`` (after removing white space); a name two units share is left for staff.

    Safe in a data migration: pass the historical models (``apps.get_model(...)``); only fields
    are used, no model methods.
    """
    user_model = user_model or get_user_model()
    unit_model = unit_model or Unit
    index = _name_index(unit_model)
    codes = dict(unit_model.objects.values_list("pk", "code"))
    result = MatchResult()
    rows = (
        user_model.objects.filter(unit__isnull=True)
        .exclude(work_unit="")
        .values("work_unit")
        .annotate(cadres=Count("pk"))
        .order_by("work_unit")
    )
    with transaction.atomic():
        for row in rows:
            value, cadres = row["work_unit"], row["cadres"]
            candidates = index.get(normalise_unit_name(value), set())
            if len(candidates) == 1:
                unit_id = next(iter(candidates))
                if not dry_run:
                    cadres = user_model.objects.filter(unit__isnull=True, work_unit=value).update(unit_id=unit_id)
                result.matched[value] = (codes[unit_id], cadres)
            elif candidates:
                result.ambiguous[value] = sorted(codes[pk] for pk in candidates)
            else:
                result.unmatched[value] = cadres
    return result


def match_unit_for_text(text: str) -> Unit | None:
    """The one active unit named (or also named) exactly ``text``, else None."""
    candidates = _name_index(Unit).get(normalise_unit_name(text), set())
    if len(candidates) != 1:
        return None
    return Unit.objects.get(pk=next(iter(candidates)))


def unmatched_work_units(search: str = "") -> list[dict]:
    """Distinct free-text work units of active cadres without a unit, with how many cadres each,
    the most common first (what staff still have to map)."""
    User = get_user_model()
    rows = User.objects.filter(unit__isnull=True, is_active=True).exclude(work_unit="")
    if search:
        rows = rows.filter(work_unit__icontains=search)
    return list(rows.values("work_unit").annotate(cadres=Count("pk")).order_by("-cadres", "work_unit"))


def unmatched_cadres_count(value: str) -> int:
    """How many active cadres without a unit have exactly ``value`` as their free-text work unit."""
    if not value:
        return 0
    return get_user_model().objects.filter(unit__isnull=True, is_active=True, work_unit=value).count()


@transaction.atomic
def map_work_unit(value: str, unit: Unit, *, remember: bool = True) -> int:
    """Set ``unit`` for every cadre without a unit whose free-text work unit is ``value``; with
    ``remember`` the value becomes one of the unit's other names, so later sign-ups match too.
    Returns how many cadres were linked."""
    if not unit.active:
        raise OrganisationError(_("Choose an active unit."), field="unit")
    User = get_user_model()
    count = User.objects.filter(unit__isnull=True, work_unit=value).update(unit=unit)
    if remember and count:
        unit = Unit.objects.select_for_update().get(pk=unit.pk)
        known = {normalise_unit_name(name) for name in [unit.name, *unit.alias_list()]}
        if normalise_unit_name(value) not in known:
            unit.aliases = "\n".join([*unit.alias_list(), value.strip()])
            unit.save(update_fields=["aliases", "updated_at"])
    return count


# ---------------------------------------------------------------------------
# Unit administrators
# ---------------------------------------------------------------------------
def _unit_administrators_group():
    from django.contrib.auth.models import Group

    from college.accounts.roles import UNIT_ADMINISTRATORS

    group, _created = Group.objects.get_or_create(name=UNIT_ADMINISTRATORS)
    return group


@transaction.atomic
def grant_unit_administrator(granted_by, user, unit: Unit, now=None) -> tuple[UnitAdministrator, bool]:
    """Make ``user`` an administrator of ``unit`` (and so of its sub-units).

    College staff may grant any unit; a unit administrator only units strictly below their own.
    Returns (grant, created); granting twice keeps the first grant.
    """
    if not scoping.can_manage_administrators_of(granted_by, unit):
        raise OrganisationError(
            _("You may appoint administrators only for units below your own."), field="unit", code="forbidden"
        )
    if user is None or not user.is_active:
        raise OrganisationError(_("No active account has this email address."), field="email")
    grant, created = UnitAdministrator.objects.get_or_create(
        user=user, unit=unit, defaults={"granted_by": granted_by, "granted_at": now or timezone.now()}
    )
    user.groups.add(_unit_administrators_group())
    return grant, created


@transaction.atomic
def revoke_unit_administrator(revoked_by, grant: UnitAdministrator) -> None:
    """Withdraw a grant; the person leaves the Unit administrators group with their last grant."""
    if not scoping.can_manage_administrators_of(revoked_by, grant.unit):
        raise OrganisationError(_("You may remove administrators only for units below your own."), code="forbidden")
    user = grant.user
    grant.delete()
    if not UnitAdministrator.objects.filter(user=user).exists():
        user.groups.remove(_unit_administrators_group())


# ---------------------------------------------------------------------------
# HR API tokens
# ---------------------------------------------------------------------------
@transaction.atomic
def issue_api_token(unit: Unit, created_by, now=None) -> tuple[UnitApiToken, str]:
    """A new HR API token for ``unit``, replacing the live one (rotation).

    Returns the token record and the token itself, which is shown once and never stored.
    """
    if not scoping.can_administer(created_by, unit):
        raise OrganisationError(_("You do not administer this unit."), field="unit", code="forbidden")
    now = now or timezone.now()
    Unit.objects.select_for_update().get(pk=unit.pk)  # one rotation at a time per unit
    UnitApiToken.objects.filter(unit=unit, revoked_at__isnull=True).update(revoked_at=now, revoked_by=created_by)
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = UnitApiToken.objects.create(
        unit=unit, token_hash=hash_token(raw), prefix=raw[:12], created_by=created_by, created_at=now
    )
    return token, raw


def revoke_api_token(token: UnitApiToken, revoked_by, now=None) -> None:
    """Stop a token from working (the unit's HR system then gets 401)."""
    if not scoping.can_administer(revoked_by, token.unit):
        raise OrganisationError(_("You do not administer this unit."), code="forbidden")
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.revoked_by = revoked_by
        token.save(update_fields=["revoked_at", "revoked_by"])


def authenticate_api_token(raw: str, now=None) -> UnitApiToken | None:
    """The live token whose hash matches ``raw``, else None; records when it was last used."""
    raw = (raw or "").strip()
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        UnitApiToken.objects.select_related("unit").filter(token_hash=hash_token(raw), revoked_at__isnull=True).first()
    )
    if token is not None:
        now = now or timezone.now()
        UnitApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


# ---------------------------------------------------------------------------
# Reminders to cadres behind target
# ---------------------------------------------------------------------------
def reminder_interval() -> datetime.timedelta:
    """How long after a reminder the same cadre may be reminded again (a setting, in hours)."""
    return datetime.timedelta(hours=float(getattr(settings, "COLLEGE_UNIT_REMINDER_INTERVAL_HOURS", 72)))


@dataclass
class ReminderOutcome:
    """What ``remind_cadres`` did with each cadre asked for."""

    queued: list[int] = field(default_factory=list)
    recently_reminded: list[int] = field(default_factory=list)
    on_track: list[int] = field(default_factory=list)
    without_email: list[int] = field(default_factory=list)
    not_visible: list[int] = field(default_factory=list)


@transaction.atomic
def remind_cadres(requested_by, cadre_ids, year: int, language: str = "zh-hans", now=None) -> ReminderOutcome:
    """Queue a reminder email to each of ``cadre_ids`` who is behind ``year``'s target, unless they
    were reminded in the last ``reminder_interval()``; cadres the requester may not see are ignored.

    The cadres' rows are locked first (in id order), then the rate limit is checked and the
    reminders written, so two administrators clicking at once cannot both remind one cadre.
    The emails go out from a Celery task after the transaction commits.
    """
    from . import reports, tasks

    now = now or timezone.now()
    ids = sorted({int(pk) for pk in cadre_ids})
    outcome = ReminderOutcome()
    visible = scoping.cadres_visible_to(requested_by).filter(pk__in=ids)
    locked = list(visible.select_for_update(of=("self",)).order_by("pk").values_list("pk", flat=True))
    outcome.not_visible = [pk for pk in ids if pk not in set(locked)]
    recent = set(
        CadreReminder.objects.filter(user__in=locked, requested_at__gt=now - reminder_interval()).values_list(
            "user_id", flat=True
        )
    )
    cadres = reports.with_year_hours(get_user_model().objects.filter(pk__in=locked), year).order_by("pk")
    for cadre in cadres:
        if cadre.met:
            outcome.on_track.append(cadre.pk)
        elif cadre.pk in recent:
            outcome.recently_reminded.append(cadre.pk)
        elif not cadre.email:
            outcome.without_email.append(cadre.pk)
        else:
            reminder = CadreReminder.objects.create(
                user=cadre, requested_by=requested_by, year=year, language=language, requested_at=now
            )
            tasks.send_cadre_reminder.delay_on_commit(reminder.pk)
            outcome.queued.append(cadre.pk)
    return outcome
