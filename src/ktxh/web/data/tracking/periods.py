"""The periods a plan is looked at and entered in."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

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


# --- periods that open themselves ------------------------------------------------------------

NUMBERS = {PeriodKind.MONTH: range(1, 13), PeriodKind.QUARTER: range(1, 5), PeriodKind.HALF: (None,),
           PeriodKind.NINE: (None,), PeriodKind.YEAR: (None,)}


def due_days() -> dict[str, int]:
    """Days from a period's last day to its due date, by kind (``settings.KTXH_PERIOD_DUE_DAYS``)."""
    return {kind: Period.due_after(kind) for kind in NUMBERS}


def open_periods(today: dt.date | None = None) -> list[Period]:
    """Open the months, quarters, 6 and 9 months and the year of ``today``'s year and the next
    (cut-off on the last day, due ``due_days()`` later). Those already there are left as they are;
    returns the periods created now."""
    today = today or timezone.localdate()
    days = due_days()
    wanted = {}
    for year in (today.year, today.year + 1):
        for kind, numbers in NUMBERS.items():
            for number in numbers:
                starts, ends = Period.bounds(kind, year, number)
                code = Period.make_code(kind, year, number)
                wanted[code] = Period(
                    code=code, kind=kind, year=year, number=number, starts_on=starts, ends_on=ends, cutoff_on=ends,
                    due_on=ends + dt.timedelta(days=days[kind]))
    have = set(Period.objects.filter(code__in=list(wanted)).values_list("code", flat=True))
    new = [p for code, p in wanted.items() if code not in have]
    Period.objects.bulk_create(new, ignore_conflicts=True)
    return new


def open_after_migrate(sender, using=None, **kwargs) -> None:
    """``post_migrate``: open this year's and next year's periods once the tables exist."""
    if using not in (None, "default"):
        return
    open_periods()
