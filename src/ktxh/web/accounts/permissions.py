"""Who may read and write what: the one place the roles' rules live.

The API and the pages ask only these functions. The rules:

- A province planner reads every commune of its province (all but the drafts an
  officer is still typing), approves or returns their figures and approves their plans.
- A commune leader reads everything of its own commune, approves or returns its
  figures and approves its plans.
- A commune officer reads everything of its own commune and enters and submits figures
  (and drafts targets) only for the fields assigned to it.
- A viewer reads approved data of its province.
- Everyone in a province reads the approved data of its communes; no one reads another
  commune's unapproved data or writes another commune's data.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from .models import Role

APPROVED = "approved"
DRAFT = "draft"


class Denied(PermissionDenied):
    """Refused, with a Vietnamese sentence saying why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Scope:
    role: str | None
    unit: object | None  # the user's AdminUnit
    province: object | None
    field_ids: frozenset[int]
    is_superuser: bool = False


def scope(user) -> Scope:
    """The user's role, unit, province and assigned fields (cached on the user object)."""
    cached = getattr(user, "_ktxh_scope", None)
    if cached is not None:
        return cached
    result = Scope(None, None, None, frozenset())
    if user is not None and user.is_authenticated:
        m = getattr(user, "membership", None) if _has_membership(user) else None
        if m is not None:
            unit = m.unit
            province = unit if unit.level == "province" else unit.parent
            fields = frozenset(m.fields.values_list("pk", flat=True)) if m.role == Role.OFFICER else frozenset()
            result = Scope(m.role, unit, province, fields, user.is_superuser)
        else:
            result = Scope(None, None, None, frozenset(), user.is_superuser)
    if user is not None:
        user._ktxh_scope = result
    return result


def _has_membership(user) -> bool:
    from .models import Membership

    try:
        user.membership  # noqa: B018 - touching it loads or raises
    except Membership.DoesNotExist:
        return False
    return True


def _province_of(unit):
    return unit if unit.level == "province" else unit.parent


def in_commune(s: Scope, unit) -> bool:
    """A leader or officer of this very commune."""
    return s.role in (Role.LEADER, Role.OFFICER) and s.unit is not None and s.unit.pk == unit.pk


def is_planner_for(s: Scope, unit) -> bool:
    return s.role == Role.PLANNER and s.province is not None and _province_of(unit).pk == s.province.pk


def in_province(s: Scope, unit) -> bool:
    prov = _province_of(unit)
    return s.province is not None and prov is not None and prov.pk == s.province.pk


# --- reading ---------------------------------------------------------------------------------


def can_read(user, unit, status: str) -> bool:
    """Whether the user may read data of ``unit`` that is in workflow ``status``."""
    s = scope(user)
    if s.is_superuser:
        return True
    if in_commune(s, unit):
        return True
    if is_planner_for(s, unit):
        return status != DRAFT
    return status == APPROVED and in_province(s, unit)


def _readable(user, qs: QuerySet, unit_path: str, status_path: str, planner_sees_drafts: bool) -> QuerySet:
    s = scope(user)
    if s.is_superuser:
        return qs
    if s.province is None:
        return qs.none()
    in_prov = Q(**{f"{unit_path}__parent": s.province}) | Q(**{unit_path: s.province})
    approved = in_prov & Q(**{status_path: APPROVED})
    if s.role in (Role.LEADER, Role.OFFICER):
        return qs.filter(approved | Q(**{unit_path: s.unit}))
    if s.role == Role.PLANNER:
        return qs.filter(in_prov if planner_sees_drafts else in_prov & ~Q(**{status_path: DRAFT}))
    return qs.filter(approved)


def readable_actuals(user, qs: QuerySet) -> QuerySet:
    return _readable(user, qs, "unit", "status", planner_sees_drafts=False)


def readable_plans(user, qs: QuerySet) -> QuerySet:
    # A draft plan waits for review, and the planner is one of its reviewers.
    return _readable(user, qs, "unit", "status", planner_sees_drafts=True)


def readable_targets(user, qs: QuerySet) -> QuerySet:
    return _readable(user, qs, "plan__unit", "plan__status", planner_sees_drafts=True)


def can_read_plan(user, plan) -> bool:
    s = scope(user)
    if plan.status == DRAFT and is_planner_for(s, plan.unit):
        return True
    return can_read(user, plan.unit, plan.status)


def can_read_history(user, unit) -> bool:
    """Past values include unapproved ones: only the commune itself and its planner."""
    s = scope(user)
    return s.is_superuser or in_commune(s, unit) or is_planner_for(s, unit)


def can_read_actual_history(user, actual) -> bool:
    """The change log of one figure (its values, notes and comments): the figure must be readable
    (the planner does not read a draft) and the commune's history too. Asked by
    ``GET /api/actuals/{id}/history`` and, through ``readable_history``, by every page."""
    return can_read(user, actual.unit, actual.status) and can_read_history(user, actual.unit)


def readable_history(user, qs: QuerySet) -> QuerySet:
    """The figures of ``qs`` whose change log the user may read (``can_read_actual_history``)."""
    s = scope(user)
    if s.is_superuser:
        return qs
    if s.role in (Role.LEADER, Role.OFFICER) and s.unit is not None:
        return qs.filter(unit=s.unit)
    if s.role == Role.PLANNER and s.province is not None:
        return readable_actuals(user, qs.filter(Q(unit__parent=s.province) | Q(unit=s.province)))
    return qs.none()


def can_read_province(user, province) -> bool:
    """The province overview: everyone of the province (approved data), and the superuser."""
    s = scope(user)
    return s.is_superuser or (s.province is not None and s.province.pk == province.pk)


# --- which pages a person works in (the menu shows the same) ----------------------------------


def enters_figures(user) -> bool:
    """The data entry pages: an officer of a commune with fields assigned."""
    s = scope(user)
    return s.role == Role.OFFICER and s.unit is not None and bool(s.field_ids)


def reviews_figures(user) -> bool:
    """The approval queue: leaders and province planners (each sees only what it may review)."""
    s = scope(user)
    return s.is_superuser or s.role in (Role.LEADER, Role.PLANNER)


def works_on_plans(user) -> bool:
    """The plans pages and opening a reporting period: everyone but a viewer."""
    s = scope(user)
    return s.is_superuser or s.role in (Role.LEADER, Role.OFFICER, Role.PLANNER)


def drafts_for_own_commune(user) -> bool:
    """Creating draft plans and importing documents into them, for one's own commune."""
    s = scope(user)
    return s.role in (Role.LEADER, Role.OFFICER) and s.unit is not None and can_draft_plan(user, s.unit)


# --- writing ---------------------------------------------------------------------------------


def can_enter(user, unit, indicator) -> bool:
    """Enter or submit a figure of ``indicator`` for ``unit``: its officer for that field."""
    s = scope(user)
    if s.is_superuser:
        return True
    return s.role == Role.OFFICER and in_commune(s, unit) and indicator.field_id in s.field_ids


def can_review(user, unit) -> bool:
    """Approve or return figures and plans of ``unit``: its leader, or its province's planner."""
    s = scope(user)
    if s.is_superuser:
        return True
    return (s.role == Role.LEADER and in_commune(s, unit)) or is_planner_for(s, unit)


def can_draft_plan(user, unit) -> bool:
    """Create a draft plan or import a document for ``unit``: its leader or officers."""
    s = scope(user)
    return s.is_superuser or in_commune(s, unit)


def can_edit_target(user, plan, indicator) -> bool:
    """Change a target of a draft plan: the leader, or the officer of the indicator's field."""
    if plan.status != DRAFT:
        return False
    s = scope(user)
    if s.is_superuser:
        return True
    if s.role == Role.LEADER and in_commune(s, plan.unit):
        return True
    return s.role == Role.OFFICER and in_commune(s, plan.unit) and indicator.field_id in s.field_ids


def can_edit_key_task(user, plan) -> bool:
    """Add a key task to a plan, or change its content, where it comes from or its field: the
    commune's leader and officers, while the plan is a draft."""
    return plan.status == DRAFT and can_draft_plan(user, plan.unit)


def can_record_key_task_result(user, plan, task) -> bool:
    """Record the result of a key task: the commune's leader, or the officer of the task's field
    (any officer of the commune while the plan is a draft)."""
    if can_edit_key_task(user, plan):
        return True
    s = scope(user)
    if s.is_superuser or (s.role == Role.LEADER and in_commune(s, plan.unit)):
        return True
    return (s.role == Role.OFFICER and in_commune(s, plan.unit) and task.field_id is not None
            and task.field_id in s.field_ids)


def can_add_province_indicator(user, province) -> bool:
    """Add an indicator to ``province``'s own list (never to the national catalogue): its planner."""
    s = scope(user)
    return s.is_superuser or (s.role == Role.PLANNER and s.province is not None and s.province.pk == province.pk)


def can_propose_indicator(user, province) -> bool:
    """Propose, in an import's review, a new indicator of ``province`` for a line the catalogue does
    not hold: its planner, and the leaders and officers of its communes."""
    s = scope(user)
    if can_add_province_indicator(user, province):
        return True
    return s.role in (Role.LEADER, Role.OFFICER) and s.province is not None and s.province.pk == province.pk


def can_import_figure(user, unit, indicator) -> bool:
    """Bring a figure of ``indicator`` into ``unit`` as a draft through an import: the commune's leader
    (who imports the whole report; the officer of the field submits it later), or the officer of the
    indicator's field. An officer's import never writes outside the officer's fields."""
    s = scope(user)
    if s.is_superuser or (s.role == Role.LEADER and in_commune(s, unit)):
        return True
    return can_enter(user, unit, indicator)


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise Denied(message)


def can_manage_accounts(user, unit) -> bool:
    """Create, change and deactivate the accounts of ``unit``: its leader (or a superuser)."""
    s = scope(user)
    return s.is_superuser or (s.role == Role.LEADER and in_commune(s, unit))


def can_manage_member(user, member) -> bool:
    """Change one account: a leader, for the officers and viewers of the leader's own commune,
    never for a leader or for the leader's own account."""
    m = getattr(member, "membership", None) if _has_membership(member) else None
    if m is None or member.pk == user.pk or not can_manage_accounts(user, m.unit):
        return False
    return m.role in (Role.OFFICER, Role.VIEWER) or scope(user).is_superuser


# --- merging indicators ------------------------------------------------------------------------


def merges_indicators(user) -> bool:
    """The page that merges two indicators: a province planner, or a superuser."""
    s = scope(user)
    return s.is_superuser or (s.role == Role.PLANNER and s.province is not None)


def can_merge_indicators(user, removed_units, kept_units, *, kept_shared: bool, removed_shared: bool = False,
                         owners: tuple = ()) -> bool:
    """Merge one indicator into another: the superuser, or a province planner when every unit
    whose plans or figures use the removed indicator is of her province, and the kept one is
    either the catalogue's (shared by every province) or used only in her province too. A
    planner never removes a catalogue indicator (other provinces use it) nor touches an
    indicator another province owns (``owners``: the owning provinces' ids, None for none)."""
    s = scope(user)
    if s.is_superuser:
        return True
    if s.role != Role.PLANNER or s.province is None:
        return False
    if removed_shared or any(o is not None and o != s.province.pk for o in owners):
        return False
    mine = all(_province_of(u) is not None and _province_of(u).pk == s.province.pk for u in removed_units)
    return mine and (kept_shared or all(_province_of(u) is not None and _province_of(u).pk == s.province.pk
                                        for u in kept_units))
