"""The periods a plan is looked at and entered in."""

from __future__ import annotations

from django.db.models import Q

from ktxh.web.metadata.plans.models import Plan, PlanKind

from .models import Period, PeriodKind


def plan_periods(plan: Plan, today) -> list[Period]:
    """The periods a plan is looked at in: those inside its years, and its term when it has
    term targets (year left empty). A plan with none yet gets its term, or its year (this
    year within its term), opened through ``Period.get`` (created once, default dates)."""
    periods = periods_for(plan)
    has_term_targets = plan.kind == PlanKind.TERM and plan.targets.filter(year__isnull=True).exists()
    if has_term_targets and not any(p.kind == PeriodKind.TERM for p in periods):
        periods.append(Period.get(PeriodKind.TERM, plan.start_year, end_year=plan.end_year))
    if not periods:
        periods.append(Period.get(PeriodKind.YEAR, min(max(today.year, plan.start_year), plan.end_year)))
    return periods


def periods_for(plan: Plan) -> list[Period]:
    """The reporting periods inside the plan's years (and the term period of a term plan)."""
    q = Q(year__in=list(plan.years)) & ~Q(kind=PeriodKind.TERM)
    if plan.kind == PlanKind.TERM:
        q |= Q(kind=PeriodKind.TERM, year=plan.start_year, end_year=plan.end_year)
    return list(Period.objects.filter(q).order_by("ends_on", "kind"))
