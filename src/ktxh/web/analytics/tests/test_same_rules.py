"""The roll-up statement and the core evaluator agree on every (commune, target)."""

from collections import Counter

import pytest

from ktxh.core.model import Status
from ktxh.web.analytics import rollup
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Plan, PlanKind, PlanStatus
from ktxh.web.metadata.units.models import AdminUnit


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
    from ktxh.web.metadata.plans.models import Target

    kinds = Counter(t.parsed["kind"] for t in Target.objects.filter(year__in=[2024, 2025]))
    assert {"exact", "min", "max", "range", "change", "assigned", "qualitative"} <= set(kinds)
    assert rollup.statuses(year24)


# (indicator, target as written, figure for 2025, figure for 2024 or None): figures on the edges
EDGES = [
    ("san-luong-lua", "từ 200 tấn", "179.99", None),  # 89,995% rounds half up to 90,00%: cơ bản đạt
    ("san-luong-ngo", "từ 200 tấn", "179.98", None),  # 89,99%: không đạt
    ("ty-le-bhyt", "> 95%", "95", None),  # equal to a strict bound: short of it
    ("ty-le-ho-ngheo", "dưới 2%", "2", None),  # equal to a strict upper bound, lower is better
    ("ty-le-thap-coi", "không quá 3%", "3.3", None),  # 3 / 3,3 = 90,91%
    ("ty-le-nuoc-sach", "14 – 15%", "15.01", None),  # above a range
    ("dien-tich-lua", "5.800 ha", "5800", None),  # exactly an exact target
    ("tong-so-ho", "tăng 2,5%", "2.5", None),  # a change with no base: the figure is the change
    ("so-ho-ngheo", "giảm so với năm 2024: từ 10 - 15%", "88", "100"),  # fell 12%
    ("tre-thap-coi", "giảm so với năm 2024: từ 10 - 15%", "92", "100"),  # fell 8%: short
    ("thu-ngan-sach", "đạt và vượt chỉ tiêu giao từ 5-10%", "1000", None),  # no assigned figure yet
    ("nong-thon-moi", "Đạt", None, None),  # qualitative, no figure
]


def test_edges_as_the_evaluator_says(country):
    from decimal import Decimal

    from ktxh.web.data.tracking.models import Actual
    from ktxh.web.metadata.plans.models import Indicator, Target

    y25, y24 = Period.objects.get(code="year:2025"), Period.objects.get(code="year:2024")
    unit = next(u for u in AdminUnit.objects.filter(level="commune", valid_from=None).order_by("code")
                if Plan.objects.filter(unit=u, start_year=2025).exists())
    plan = Plan.objects.get(unit=unit, start_year=2025)
    plan.targets.all().delete()
    for code, text, figure, base in EDGES:
        ind = Indicator.objects.get(code=code)
        Target.objects.create(plan=plan, indicator=ind, year=2025, source="hdnd", text=text)
        for period, value in ((y25, figure), (y24, base)):
            Actual.objects.filter(unit=unit, indicator=ind, period=period).delete()
            if value is not None:
                Actual.objects.create(unit=unit, indicator=ind, period=period, text=value, value=Decimal(value),
                                      status="approved")
    expected = {k: v for k, v in by_evaluator(y25).items() if v[0] == unit.pk}
    got = {s.target_id: (s.unit_id, s.primary, s.status) for s in rollup.statuses(y25) if s.unit_id == unit.pk}
    assert got == expected
    assert len(got) == len(EDGES)
    assert Counter(s for _, _, s in got.values())[Status.CO_BAN_DAT] >= 3
