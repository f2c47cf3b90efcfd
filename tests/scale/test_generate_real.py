"""``ktxh generate`` over the real units: plans and figures for the real communes, by year of merger."""

import datetime as dt

import pytest
from django.db.models import Count

from ktxh.scale.generator import Size
from ktxh.scale.load import LoadError, load
from ktxh.scale.real_units import read, restrict
from ktxh.web.analytics import rollup
from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.metadata.plans.models import Plan
from ktxh.web.metadata.units.models import AdminUnit

SIZE = Size(indicators=40, targets=10, first_year=2024, years=2)


@pytest.fixture
def da_nang(db):
    real = restrict(read(), ["48"])
    return real, load(SIZE, progress=False, real=real)


def test_plans_follow_the_merger(da_nang):
    real, out = da_nang
    assert (len(out.country.communes), len(out.country.formers)) == (94, 280)
    by_year = dict(Plan.objects.values_list("start_year").annotate(n=Count("id")))
    # 2024: the former communes; 2025: the 94 communes (Hoàng Sa too, formed from no commune)
    assert by_year == {2024: 280, 2025: 94}
    assert not Plan.objects.filter(start_year=2025, unit__valid_to__isnull=False).exists()
    assert out.units == 0  # the units were there (ktxh units load), none written by the generator
    assert AdminUnit.objects.filter(level="commune").count() == 94 + 280


def test_figures_of_a_merged_commune_and_its_predecessors(da_nang):
    merged = AdminUnit.objects.get(code="20579")
    before = Actual.objects.filter(unit__in=merged.predecessors.all(), period__ends_on__lt=dt.date(2025, 7, 1))
    after = Actual.objects.filter(unit=merged, period__ends_on__gte=dt.date(2025, 7, 1))
    assert before.exists() and after.exists()
    assert not Actual.objects.filter(unit=merged, period__ends_on__lt=dt.date(2025, 7, 1)).exists()


def test_the_roll_up_counts_the_communes_standing(da_nang):
    province = AdminUnit.objects.get(code="48")
    y24, y25 = Period.get("year", 2024), Period.get("year", 2025)
    standing_24 = rollup.commune_counts(y24, province=province)
    standing_25 = rollup.commune_counts(y25, province=province)
    codes_24 = set(AdminUnit.objects.filter(pk__in=standing_24).values_list("code", flat=True))
    assert len(standing_25) == 94 and len(standing_24) == 280 and all(c.endswith("-cu") for c in codes_24)


def test_twice_is_refused(da_nang):
    real, _ = da_nang
    with pytest.raises(LoadError, match="đã có kế hoạch"):
        load(SIZE, progress=False, real=real)
