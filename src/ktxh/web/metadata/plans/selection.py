"""What counts: the plan of a unit for a year, the primary target of an indicator, the targets of
a period, the units standing on a date.

Pages, the API, the documents and the roll-up all ask this module; nothing else decides. The
roll-up evaluates in SQL, so the rules it needs are also given here as SQL fragments built from
the same definitions (``plan_rank_sql``, ``source_rank_sql``, ``standing_sql``).

A period is anything with ``kind``, ``year`` and ``end_year`` (a ``tracking.Period`` or a
``ktxh.core.periods.Period``); its kind ``"term"`` weighs the targets without a year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from ktxh.web.accounts import permissions as perms
from ktxh.web.metadata.units.models import AdminUnit, Level

from .models import Plan, PlanKind, PlanStatus, Target

# Which source's target speaks for an indicator when several give one (the summary counts it once).
SOURCE_PRIORITY = ("hdnd", "dai_hoi", "dang_uy", "ke_hoach", "cap_tren")
TERM = "term"


# --- units ------------------------------------------------------------------------------------

def communes(province, on=None) -> list[AdminUnit]:
    """The province's communes standing on ``on`` (``AdminUnit.objects.standing``), by name."""
    return list(AdminUnit.objects.standing(on).filter(parent=province, level=Level.COMMUNE).order_by("name"))


def standing_sql(alias: str, on_param: str) -> str:
    """``standing`` as a SQL condition on the units table ``alias``."""
    return (f"({alias}.valid_from IS NULL OR {alias}.valid_from <= %({on_param})s) "
            f"AND ({alias}.valid_to IS NULL OR {alias}.valid_to >= %({on_param})s)")


# --- plans ------------------------------------------------------------------------------------

def plans_of(user, unit):
    """The unit's plans the user may read, latest first."""
    return perms.readable_plans(user, Plan.objects.filter(unit=unit)).order_by("-start_year", "kind", "-pk")


def plans_by_unit(user, units) -> dict[int, list[Plan]]:
    """The readable plans of several units, in one query."""
    out: dict[int, list[Plan]] = defaultdict(list)
    for p in perms.readable_plans(user, Plan.objects.filter(unit__in=list(units))).order_by("-start_year", "kind", "-pk"):
        out[p.unit_id].append(p)
    return out


def plan_rank(plan: Plan) -> tuple:
    """Among plans covering a year: an annual plan before a term plan, approved before draft, the
    latest, the last made. ``plan_rank_sql`` is the same order."""
    return (plan.kind != PlanKind.ANNUAL, plan.status != PlanStatus.APPROVED, -plan.end_year, -plan.pk)


def plan_rank_sql(alias: str) -> str:
    """``plan_rank`` as a SQL row value over the plans table ``alias``."""
    return (f"CASE WHEN {alias}.kind = '{PlanKind.ANNUAL}' THEN 0 ELSE 1 END, "
            f"CASE WHEN {alias}.status = '{PlanStatus.APPROVED}' THEN 0 ELSE 1 END, -{alias}.end_year, -{alias}.id")


def choose_plan(plans: Iterable[Plan], year: int | None = None, end_year: int | None = None,
                kind: str | None = None) -> Plan | None:
    """The plan that counts among ``plans``: for a term (``kind == "term"``) the term plan of
    exactly those years; for a year the best-ranked plan covering it; with no year, the latest
    (then by rank)."""
    plans = list(plans)
    if kind == TERM:
        plans = [p for p in plans if p.kind == PlanKind.TERM and (p.start_year, p.end_year) == (year, end_year)]
        return min(plans, key=plan_rank, default=None)
    if year is None:
        return min(plans, key=lambda p: (-p.end_year, *plan_rank(p)), default=None)
    return min((p for p in plans if p.start_year <= year <= p.end_year), key=plan_rank, default=None)


def plan_for(user, unit, year: int | None = None, plans: list[Plan] | None = None) -> Plan | None:
    """The plan the user sees for ``unit`` in ``year`` (``choose_plan`` over the readable plans)."""
    return choose_plan(plans_of(user, unit) if plans is None else plans, year)


def term_plan(plans: Iterable[Plan], year: int | None = None) -> Plan | None:
    """The term plan covering ``year`` (the latest term plan without a year)."""
    terms = [p for p in plans if p.kind == PlanKind.TERM and (year is None or p.start_year <= year <= p.end_year)]
    return max(terms, key=lambda p: (p.end_year, p.status == PlanStatus.APPROVED, p.pk), default=None)


# --- targets ----------------------------------------------------------------------------------

def weighs(target_year: int | None, plan: Plan, period) -> bool:
    """Does a target of ``target_year`` count in ``period``? A term weighs the targets without a
    year; a year, month, quarter… its year's targets, and those without a year of a one-year plan."""
    if period.kind == TERM:
        return target_year is None
    return target_year == period.year or (target_year is None and plan.start_year == plan.end_year == period.year)


def in_period_q(period, prefix: str = "") -> Q:
    """``weighs`` as a filter on targets (``prefix`` leads to the target, e.g. ``"targets__"``)."""
    if period.kind == TERM:
        return Q(**{f"{prefix}year__isnull": True})
    return Q(**{f"{prefix}year": period.year}) | Q(**{f"{prefix}year__isnull": True, f"{prefix}plan__start_year": period.year,
                                                      f"{prefix}plan__end_year": period.year})


def in_period_sql(plan_alias: str, target_alias: str, term: bool) -> str:
    """``weighs`` as a SQL condition (the year as ``%(year)s``)."""
    if term:
        return f"{target_alias}.year IS NULL"
    return (f"({target_alias}.year = %(year)s OR ({target_alias}.year IS NULL AND {plan_alias}.start_year = %(year)s "
            f"AND {plan_alias}.end_year = %(year)s))")


def targets_of(plan: Plan, period) -> list[Target]:
    """The plan's targets that count in ``period``, by field, indicator and order of entry."""
    qs = plan.targets.select_related("indicator__field").order_by("indicator__field__order", "indicator__name", "pk")
    return [t for t in qs if weighs(t.year, plan, period)]


def source_rank(source: str) -> int:
    return SOURCE_PRIORITY.index(source) if source in SOURCE_PRIORITY else len(SOURCE_PRIORITY)


def source_rank_sql(column: str) -> str:
    """``source_rank`` as a SQL CASE over ``column``."""
    whens = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(SOURCE_PRIORITY))
    return f"CASE {column} {whens} ELSE {len(SOURCE_PRIORITY)} END"


def primary_ids(targets: Iterable[Target]) -> set[int]:
    """The target that speaks for each indicator: the best-ranked source, then the first entered."""
    best: dict[int, Target] = {}
    for t in targets:
        held = best.get(t.indicator_id)
        if held is None or (source_rank(t.source), t.pk) < (source_rank(held.source), held.pk):
            best[t.indicator_id] = t
    return {t.pk for t in best.values()}


# --- term targets ---------------------------------------------------------------------------

def term_deadline(target: Target, plan: Plan) -> int | None:
    """The year a term plan's target is due, or None when it is a yearly target of the plan.

    A target without a year is due at the plan's last year; one given a year counts for the
    term too when its own words name that year as its deadline ("Thu nhập bình quân đầu người
    đến 2025 đạt 85 triệu đồng" in a 2021–2026 plan: due 2025). A yearly row ("5.926 tấn" for
    2021) is not a term target. The stored parse says which: its ``year`` is the year the text
    names."""
    if plan.kind != PlanKind.TERM:
        return None
    if target.year is None:
        named = (target.parsed or {}).get("year")
        return named if isinstance(named, int) and plan.start_year <= named <= plan.end_year else plan.end_year
    return target.year if (target.parsed or {}).get("year") == target.year else None


# A term target judged, in a term period without a figure of its own, by its latest approved yearly
# figure of the term ("so far"): a level, a share, a reduction (``core.review.infer_kind``). Not a
# growth rate or a term total, which one year's level does not measure.
SO_FAR_KINDS = ("level", "share", "reduction")


def so_far(target: Target, plan: Plan) -> tuple[int, int] | None:
    """The years ``(first, last)`` whose latest approved figure stands for a term target "so far",
    or None when its figure must be the term's own. (The roll-up reads the same: ``so_far_sql``.)"""
    if plan.kind != PlanKind.TERM or target.year is not None:
        return None
    if (target.parsed or {}).get("term_kind") not in SO_FAR_KINDS:
        return None
    return plan.start_year, term_deadline(target, plan)


def so_far_sql(target_alias: str) -> tuple[str, str]:
    """``so_far``'s condition and last year as SQL over a row with ``pkind``, ``ps``, ``pe``, ``named``
    and ``tk`` (the plan's kind, first and last year, the year the text names, the term kind)."""
    kinds = ", ".join(f"'{k}'" for k in SO_FAR_KINDS)
    a = target_alias
    return (f"{a}.pkind = '{PlanKind.TERM.value}' AND {a}.tk IN ({kinds})",
            f"CASE WHEN {a}.named BETWEEN {a}.ps AND {a}.pe THEN {a}.named ELSE {a}.pe END")


def term_targets(plan: Plan) -> list[Target]:
    """The targets a term review weighs (``term_deadline`` not None), by field and indicator."""
    qs = plan.targets.select_related("indicator", "indicator__field").order_by(
        "indicator__field__order", "indicator__name", "pk")
    return [t for t in qs if term_deadline(t, plan) is not None]
