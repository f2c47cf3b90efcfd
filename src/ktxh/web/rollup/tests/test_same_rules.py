"""The roll-up statement and the core evaluator agree on every (commune, target)."""

from collections import Counter

import pytest

from ktxh.core.model import Status
from ktxh.web.plans.models import Plan, PlanKind, PlanStatus
from ktxh.web.rollup import rollup
from ktxh.web.tracking.evaluation import evaluate_plan
from ktxh.web.tracking.models import Period
from ktxh.web.units.models import AdminUnit


def _plan_for(unit, year):
    plans = [p for p in Plan.objects.filter(unit=unit) if p.start_year <= year <= p.end_year]
    return min(plans, default=None, key=lambda p: (p.kind != PlanKind.ANNUAL, p.status != PlanStatus.APPROVED,
                                                    -p.end_year, -p.pk))


def by_evaluator(period):
    out = {}
    for unit in AdminUnit.objects.filter(level="commune"):
        if not unit.is_valid_on(period.ends_on):
            continue
        plan = _plan_for(unit, period.year)
        if plan is None:
            continue
        for row in evaluate_plan(plan, period).rows:
            out[row.target.pk] = (unit.pk, row.primary, row.evaluation.status)
    return out


@pytest.mark.parametrize("code", ["year:2024", "year:2025", "quarter:2025-02", "month:2025-11"])
def test_every_target_of_every_commune_as_the_evaluator_says(country, code):
    period = Period.objects.get(code=code)
    expected = by_evaluator(period)
    got = {s.target_id: (s.unit_id, s.primary, s.status) for s in rollup.statuses(period)}
    assert expected, "the generated country has targets for the period"
    assert got == expected


def test_the_generated_year_exercises_every_status_and_kind(country):
    period = Period.objects.get(code="year:2025")
    statuses = Counter(s.status for s in rollup.statuses(period))
    assert set(statuses) == set(Status)
    year24 = Period.objects.get(code="year:2024")
    from ktxh.web.plans.models import Target

    kinds = Counter(t.parsed["kind"] for t in Target.objects.filter(year__in=[2024, 2025]))
    assert {"exact", "min", "max", "range", "change", "assigned", "qualitative"} <= set(kinds)
    assert rollup.statuses(year24)
