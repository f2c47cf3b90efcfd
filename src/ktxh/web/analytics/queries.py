"""Read helpers for the reading pages: which plan and period a page opens on, which figures a user sees.

What counts (plans, targets of a period, communes standing) is ``plans.selection``'s; every
queryset of figures goes through ``accounts.permissions``; evaluation is ``analytics.evaluation``'s.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Max, Q
from django.utils import timezone

from ktxh.core.numbers import quantize
from ktxh.web.accounts import permissions as perms
from ktxh.web.data.audit.models import AuditEntry
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period, PeriodKind
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Field, Plan, PlanKind, PlanStatus, Target

# Levels a target's parse can be drawn as (a "change" or "assigned" target has no level of its own).
LEVEL_KINDS = ("exact", "min", "max", "range")


def default_plan(user, unit) -> Plan | None:
    """The plan a commune's dashboard opens on: the latest one with an approved figure of one
    of its targets in its years, else the latest one."""
    figures = set(
        Actual.objects.filter(unit=unit, status=ActualStatus.APPROVED).values_list("indicator_id", "period__year")
    )
    plans = list(selection.plans_of(user, unit))
    wanted: dict[int, set] = defaultdict(set)
    for plan_id, indicator_id in Target.objects.filter(plan__in=plans).values_list("plan_id", "indicator_id"):
        wanted[plan_id].add(indicator_id)
    met = [p for p in plans if any(i in wanted[p.pk] and y in p.years for i, y in figures)]
    if met:
        return min(met, key=lambda p: (-p.end_year, p.kind != PlanKind.ANNUAL, p.status != PlanStatus.APPROVED, -p.pk))
    return selection.plan_for(user, unit)


def default_period(plan: Plan, periods: list[Period]) -> Period | None:
    """The latest period with an approved figure of one of the targets the plan weighs in it;
    else the period with the most targets (the latest of equals)."""
    targets = list(plan.targets.values_list("indicator_id", "year"))

    def weighed(p: Period) -> set[int]:  # the indicators the evaluation weighs in ``p``
        return {i for i, y in targets if selection.weighs(y, plan, p)}

    figures = set(
        Actual.objects.filter(unit=plan.unit, period__in=periods, status=ActualStatus.APPROVED)
        .values_list("period_id", "indicator_id")
    )
    counted = [(p, weighed(p)) for p in periods]
    dated = [p for p, ids in counted if any((p.pk, i) in figures for i in ids)]
    if dated:
        return max(dated, key=lambda p: (p.ends_on, p.kind == PeriodKind.YEAR))
    best = max(counted, key=lambda pi: (len(pi[1]), pi[0].ends_on), default=None)
    return best[0] if best else None


def pick_period(periods: list[Period], wanted: int | None, fallback: Period | None) -> Period | None:
    """The period whose id the page was given (``?ky=``, read by ``ui.params.int_param``), if it is one
    of ``periods``."""
    return next((p for p in periods if p.pk == wanted), fallback)


def trends(unit, indicator_ids, period: Period) -> dict[int, list[tuple[str, object]]]:
    """Approved values of each indicator over the periods of ``period``'s kind, up to it."""
    qs = (
        Actual.objects.filter(
            unit=unit, indicator_id__in=indicator_ids, status=ActualStatus.APPROVED,
            period__kind=period.kind, period__ends_on__lte=period.ends_on, value__isnull=False,
        )
        .select_related("period")
        .order_by("period__ends_on")
    )
    out: dict[int, list[tuple[str, object]]] = defaultdict(list)
    for a in qs:
        out[a.indicator_id].append((a.period.label, a.value))
    return out


def waiting(user, unit) -> int:
    """How many figures of ``unit`` wait for approval (0 for those who may not see them)."""
    if not perms.can_read(user, unit, ActualStatus.SUBMITTED):
        return 0
    return Actual.objects.filter(unit=unit, status=ActualStatus.SUBMITTED).count()


def pending(user, unit, period) -> dict[int, Actual]:
    """The figures of ``unit`` for ``period`` sent but not yet approved, by indicator (empty for
    those who may not see them): shown beside a target, never counted."""
    if not perms.can_read(user, unit, ActualStatus.SUBMITTED):
        return {}
    return {a.indicator_id: a for a in Actual.objects.filter(unit=unit, period=period, status=ActualStatus.SUBMITTED)}


def actual_history(user, unit, indicator) -> list[AuditEntry]:
    """The audit entries of the commune's figures of one indicator whose log the user may read
    (``permissions.readable_history``: a planner sees no draft's), oldest first."""
    if not perms.can_read_history(user, unit):
        return []
    ids = list(perms.readable_history(user, Actual.objects.filter(unit=unit, indicator=indicator))
               .values_list("pk", flat=True))
    return list(
        AuditEntry.objects.filter(model=Actual._meta.label_lower, object_id__in=ids)
        .select_related("user").order_by("at", "pk")
    )


def level_of(parsed: dict):
    """The level a target asks for, to draw: (low, None) for exact and min, (high, None) for
    max, (low, high) for a range; None for change, assigned and qualitative targets."""
    kind = parsed.get("kind")
    if kind not in LEVEL_KINDS:
        return None
    if kind == "max":
        return parsed.get("high"), None
    if kind == "range":
        return parsed.get("low"), parsed.get("high")
    return parsed.get("low"), None


def overview_periods(province) -> tuple[list[Period], Period | None]:
    """Periods (not terms), latest first, and the one with the most approved figures in the
    province (the latest of equals): a stray early figure of next year does not hide this one."""
    # Periods open themselves a year ahead: one not begun yet is listed only once it has a figure.
    periods = list(Period.objects.exclude(kind=PeriodKind.TERM)
                   .filter(Q(starts_on__lte=timezone.localdate()) | Q(pk__in=Actual.objects.values("period_id")))
                   .order_by("-ends_on", "kind"))
    counts = dict(
        Actual.objects.filter(unit__parent=province, status=ActualStatus.APPROVED).exclude(period__kind=PeriodKind.TERM)
        .values_list("period_id").annotate(n=Count("pk")).values_list("period_id", "n")
    )
    default = max(periods, key=lambda p: (counts.get(p.pk, 0), p.ends_on), default=None)
    return periods, default


def wanted(plans: dict[int, Plan | None], period: Period) -> dict[int, dict]:
    """The indicators each commune's plan targets in ``period``, by field: ``{unit_pk: {Field:
    {indicator_id}}}`` (the primary rows of ``tracking.evaluation``: one per indicator).
    ``plans`` maps each commune to the plan shown for the period. Two queries in all."""
    by_id = {f.pk: f for f in Field.objects.all()}
    in_period = selection.in_period_q(period)
    chosen = {p.pk: unit_pk for unit_pk, p in plans.items() if p is not None}
    out: dict[int, dict] = {unit_pk: {} for unit_pk in plans}
    for plan_id, indicator_id, field_id in (Target.objects.filter(in_period, plan_id__in=list(chosen))
                                            .values_list("plan_id", "indicator_id", "indicator__field_id")):
        out[chosen[plan_id]].setdefault(by_id[field_id], set()).add(indicator_id)
    return out


def reporting(user, wanted_by_unit: dict[int, dict], period: Period, today) -> dict[int, dict]:
    """How far each commune has reported ``period``: figures sent and approved, completeness
    (share of targeted indicators with a sent figure) per field, and whether it is late.

    ``wanted_by_unit`` is ``wanted(...)``. Two queries whatever the number of communes."""
    sent = perms.readable_actuals(user, Actual.objects.filter(
        unit_id__in=list(wanted_by_unit), period=period, status__in=(ActualStatus.SUBMITTED, ActualStatus.APPROVED)))
    sent_by_unit: dict[int, dict[int, str]] = defaultdict(dict)  # {unit: {indicator: status}}
    unit_of = {}
    for pk, unit_id, indicator_id, status in sent.values_list("pk", "unit_id", "indicator_id", "status"):
        sent_by_unit[unit_id][indicator_id] = status
        unit_of[pk] = unit_id
    last_sent: dict[int, object] = {}
    for object_id, at in (AuditEntry.objects.filter(model=Actual._meta.label_lower, action="submit",
                                                    object_id__in=sent.values("pk"))
                          .values("object_id").annotate(last=Max("at")).values_list("object_id", "last")):
        unit_id = unit_of.get(object_id)
        if unit_id is not None:
            last_sent[unit_id] = max(at, last_sent.get(unit_id, at))
    return {unit_pk: _reported(fields, sent_by_unit[unit_pk], last_sent.get(unit_pk), period, today)
            for unit_pk, fields in wanted_by_unit.items()}


def _reported(fields: dict, sent_all: dict, last_sent, period: Period, today) -> dict:
    wanted = {i for ids in fields.values() for i in ids}
    sent = {i: status for i, status in sent_all.items() if i in wanted}
    approved = sum(1 for status in sent.values() if status == ActualStatus.APPROVED)
    total = len(wanted)
    complete = total > 0 and len(sent) == total
    if total == 0:
        state, late = "Chưa có chỉ tiêu", False
    elif complete and last_sent is not None and timezone.localtime(last_sent).date() > period.due_on:
        state, late = "Gửi muộn", True
    elif complete:
        state, late = "Đủ số liệu", False
    elif today > period.due_on:
        state, late = f"Trễ hạn (hạn {period.due_on:%d/%m/%Y})", True
    else:
        state, late = f"Chưa đến hạn ({period.due_on:%d/%m/%Y})", False
    return {
        "total": total, "sent": len(sent), "approved": approved, "share": _share(len(sent), total),
        "by_field": {f.pk: {"field": f, "total": len(ids), "sent": len(ids & sent.keys()),
                            "share": _share(len(ids & sent.keys()), len(ids))} for f, ids in fields.items()},
        "state": state, "late": late, "last_sent": last_sent,
    }


def _share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else quantize(Decimal(part) * 100 / Decimal(whole), 1)  # the core's rounding
