"""A merged commune's years before the merger, from its predecessors, by aggregation rule."""

from decimal import Decimal

import pytest

from ktxh.web.analytics.history import series
from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.metadata.plans.models import Indicator
from ktxh.web.metadata.units.models import AdminUnit

from .helpers import put


@pytest.fixture
def merged(country):
    """A commune formed on 1/7/2025 from three former ones, with figures set by hand for 2024."""
    unit = next(u for u in AdminUnit.objects.filter(level="commune", predecessors__isnull=False).distinct()
                if u.predecessors.count() == 3)
    a, b, c = sorted(unit.predecessors.all(), key=lambda u: u.code)
    y24 = Period.objects.get(code="year:2024")
    for old, households, poor, forest, income in ((a, 1200, 36, "41.5", "62.0"), (b, 950, 19, "38.25", "70.4"),
                                                  (c, 730, 40, "52", "66.1")):
        put(old, "tong-so-ho", y24, households)
        put(old, "so-ho-ngheo", y24, poor)
        put(old, "ty-le-ho-ngheo", y24, Decimal(poor) * 100 / households)  # rounded away below
        put(old, "che-phu-rung", y24, forest)
        put(old, "thu-nhap", y24, income)
    return unit, (a, b, c), y24


def point(unit, code, period):
    return next(p for p in series(unit, Indicator.objects.get(code=code)) if p.period == period)


def test_sum_adds_the_former_communes_up(merged):
    unit, (a, b, c), y24 = merged
    p = point(unit, "tong-so-ho", y24)
    assert p.value == 1200 + 950 + 730 == 2880
    assert not p.own and [v for _, v in p.parts] == [1200, 950, 730]


def test_rate_is_recomputed_from_numerator_and_denominator(merged):
    unit, _, y24 = merged
    p = point(unit, "ty-le-ho-ngheo", y24)
    # (36 + 19 + 40) / (1200 + 950 + 730) = 95 / 2880 = 3,2986…% → 3,30; the mean of the rates would be 3,49.
    assert p.value == Decimal("3.30")


def test_average_is_the_mean_of_the_former_communes(merged):
    unit, _, y24 = merged
    assert point(unit, "thu-nhap", y24).value == Decimal("66.2")  # (62,0 + 70,4 + 66,1) / 3 = 66,17


def test_not_additive_is_shown_per_former_commune(merged):
    unit, (a, b, c), y24 = merged
    p = point(unit, "che-phu-rung", y24)
    assert p.value is None
    assert [(u.pk, v) for u, v in p.parts] == [(a.pk, Decimal("41.5")), (b.pk, Decimal("38.25")), (c.pk, Decimal("52"))]
    assert p.note == "Không cộng được: xem từng đơn vị."


def test_a_missing_part_leaves_no_total_and_names_the_commune(merged):
    unit, (a, b, c), y24 = merged
    Actual.objects.filter(unit=b, indicator__code="tong-so-ho", period=y24).delete()
    p = point(unit, "tong-so-ho", y24)
    assert p.value is None and p.missing == (b,)
    assert p.note == f"Thiếu số liệu của {b}."
    assert point(unit, "ty-le-ho-ngheo", y24).value is None


def test_after_the_merger_the_commune_has_its_own_figures(merged):
    unit, _, _ = merged
    y25 = Period.objects.get(code="year:2025")
    put(unit, "tong-so-ho", y25, 2905)
    p = point(unit, "tong-so-ho", y25)
    assert p.own and p.value == 2905 and p.parts == ()
