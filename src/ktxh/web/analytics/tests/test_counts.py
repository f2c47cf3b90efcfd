"""Counts by commune, province and field, checked against statuses worked out by hand, and
kept fresh when a figure changes."""

import pytest

from ktxh.core.model import Status
from ktxh.web.analytics import rollup
from ktxh.web.data.audit import audit
from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.metadata.plans.models import Indicator, Plan, Target
from ktxh.web.metadata.units.models import AdminUnit

from .helpers import put

# (indicator, source, target as written, figure): status worked out by hand
HAND = [
    ("san-luong-lua", "hdnd", "5.800 tấn", "6000"),  # above an exact target: vượt
    ("san-luong-lua", "dai_hoi", "từ 6.500 tấn", None),  # same indicator, not primary: 6000/6500 = 92,3% but not counted
    ("ty-le-bhyt", "hdnd", "≥ 95%", "96.5"),  # inside: đạt
    ("tong-so-ho", "hdnd", "từ 1.000 hộ", "950"),  # 95% of plan: cơ bản đạt
    ("tai-nan-giao-thong", "hdnd", "dưới 12 vụ", "15"),  # lower is better, 12/15 = 80%: không đạt
    ("che-phu-rung", "hdnd", "> 45%", None),  # no figure: chưa có số liệu
]


@pytest.fixture
def hand(country):
    """One commune of the first province with the targets above; the province's other 2025 plans removed."""
    y25 = Period.objects.get(code="year:2025")
    province = AdminUnit.objects.filter(level="province").order_by("code").first()
    communes = [u for u in AdminUnit.objects.filter(parent=province, level="commune").order_by("code")
                if u.is_valid_on(y25.ends_on)]
    unit = communes[0]
    Plan.objects.filter(unit__in=communes, start_year__lte=2025, end_year__gte=2025).exclude(unit=unit).delete()
    plan = Plan.objects.get(unit=unit, start_year=2025)
    plan.targets.all().delete()
    Actual.objects.filter(unit=unit, indicator__code__in=[h[0] for h in HAND], period=y25).delete()
    for code, source, text, figure in HAND:
        Target.objects.create(plan=plan, indicator=Indicator.objects.get(code=code), year=2025, source=source, text=text)
        if figure is not None:
            put(unit, code, y25, figure)
    return unit, province, y25


def test_commune_counts_by_hand(hand):
    unit, province, y25 = hand
    counts = rollup.commune_counts(y25, province=province)
    assert list(counts) == [unit.pk]
    assert counts[unit.pk] == {Status.VUOT: 1, Status.DAT: 1, Status.CO_BAN_DAT: 1, Status.KHONG_DAT: 1,
                               Status.CHUA_CO_SO_LIEU: 1}


def test_province_and_field_counts_by_hand(hand):
    unit, province, y25 = hand
    field = {code: Indicator.objects.get(code=code).field_id for code, *_ in HAND}
    counts = {k: {s: n for s, n in v.items() if n} for k, v in rollup.field_counts(y25).items() if k[0] == province.pk}
    expected: dict = {}
    for code, status in (("san-luong-lua", Status.VUOT), ("ty-le-bhyt", Status.DAT), ("tong-so-ho", Status.CO_BAN_DAT),
                         ("tai-nan-giao-thong", Status.KHONG_DAT), ("che-phu-rung", Status.CHUA_CO_SO_LIEU)):
        cell = expected.setdefault((province.pk, field[code]), {})
        cell[status] = cell.get(status, 0) + 1
    assert counts == expected
    other = [k for k in rollup.field_counts(y25) if k[0] != province.pk]
    assert other, "the other province is counted too"


def test_non_primary_targets_are_listed_but_not_counted(hand):
    unit, province, y25 = hand
    rows = {(s.indicator_id, s.primary): s.status for s in rollup.statuses(y25, province=province)}
    rice = Indicator.objects.get(code="san-luong-lua").pk
    assert rows[(rice, True)] is Status.VUOT and rows[(rice, False)] is Status.CO_BAN_DAT


def test_a_saved_figure_refreshes_the_cached_counts(hand):
    unit, province, y25 = hand
    assert rollup.commune_counts(y25, province=province)[unit.pk][Status.KHONG_DAT] == 1
    put(unit, "tai-nan-giao-thong", y25, "11")  # a model save: under 12 vụ, đạt
    assert rollup.commune_counts(y25, province=province)[unit.pk][Status.DAT] == 2


def test_a_workflow_update_refreshes_the_cached_counts(hand):
    """The workflow writes with QuerySet.update and records an AuditEntry: that is enough."""
    unit, province, y25 = hand
    assert rollup.commune_counts(y25, province=province)[unit.pk][Status.VUOT] == 1
    actual = Actual.objects.get(unit=unit, indicator__code="san-luong-lua", period=y25)
    Actual.objects.filter(pk=actual.pk).update(value=5000, text="5.000")  # 86% of 5.800: không đạt
    assert rollup.commune_counts(y25, province=province)[unit.pk][Status.VUOT] == 1  # still cached
    audit.record(actual, "update", None, {"value": ["6000", "5000"]}, unit=unit)
    counts = rollup.commune_counts(y25, province=province)[unit.pk]
    assert counts[Status.VUOT] == 0 and counts[Status.KHONG_DAT] == 2


def test_invalidate_by_hand_after_a_raw_update(hand):
    unit, province, y25 = hand
    rollup.commune_counts(y25, province=province)
    Actual.objects.filter(unit=unit, indicator__code="ty-le-bhyt", period=y25).update(value=80)
    rollup.invalidate(y25.pk)
    assert rollup.commune_counts(y25, province=province)[unit.pk][Status.DAT] == 0
