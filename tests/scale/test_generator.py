"""The country generator: deterministic, the sizes asked for, the 2025 lineage, figures that add up."""

import datetime as dt
from collections import Counter
from decimal import Decimal

import pytest

from ktxh.core.periods import Period, PeriodKind
from ktxh.scale.catalogue import indicators
from ktxh.scale.generator import MERGER_DAY, Country, Size

SMALL = Size(provinces=2, communes=20, mergers=3, former=10, indicators=60, targets=20, first_year=2024, years=2)


def rows(country):
    ids = {s.code: n for n, s in enumerate(country.specs, start=1)}
    periods = {k: n for n, k in enumerate(country.periods(), start=1)}
    plans, targets = country.plans_and_targets(ids)
    return list(country.unit_rows()), plans, targets, list(country.actual_rows(ids, periods)), ids, periods


@pytest.fixture(scope="module")
def small():
    country = Country(SMALL)
    return country, *rows(country)


def test_same_seed_same_country(small):
    again = Country(SMALL)
    assert rows(again)[:4] == small[1:5]


def test_another_seed_another_country(small):
    other = Country(Size(**{**SMALL.__dict__, "seed": 7}))
    assert list(other.unit_rows()) != small[1]


def test_sizes_and_lineage(small):
    country = small[0]
    assert (len(country.provinces), len(country.communes), len(country.formers)) == (2, 20, 10)
    merged = [u for u in country.communes if u.predecessors]
    assert len(merged) == 3 and all(len(u.predecessors) >= 2 for u in merged)
    assert sum(len(u.predecessors) for u in merged) == 10
    assert all(u.valid_from == MERGER_DAY for u in merged)
    assert all(old.valid_to == dt.date(2025, 6, 30) and old.parent is u.parent for u in merged for old in u.predecessors)
    codes = [u.code for u in country.units]
    assert len(codes) == len(set(codes))
    names = Counter((u.parent.code, u.name) for u in country.formers + country.communes)
    assert max(names.values()) == 1


def test_the_country_by_default():
    country = Country()
    assert (len(country.provinces), len(country.communes)) == (34, 3300)
    assert 9_900 <= len(country.formers) <= 10_100
    assert len(country.specs) == 150 and len({s.code for s in country.specs}) == 150


def test_rates_follow_their_numerator_and_denominator():
    specs = indicators(150)
    codes = [s.code for s in specs]
    for s in specs:
        if s.aggregation == "rate":
            assert codes.index(s.numerator) < codes.index(s.code) and codes.index(s.denominator) < codes.index(s.code)


def test_a_rate_figure_is_its_numerator_over_its_denominator(small):
    country, _, _, _, actuals, ids, _ = small
    by = {(u, i, p): v for u, i, p, _, v, _ in actuals}
    checked = 0
    for spec in country.specs:
        if spec.aggregation != "rate":
            continue
        for (u, i, p), v in by.items():
            num, den = by.get((u, ids[spec.numerator], p)), by.get((u, ids[spec.denominator], p))
            if i == ids[spec.code] and num is not None and den:
                assert v == (num * 100 / den).quantize(Decimal("0.01"))
                checked += 1
    assert checked > 10


def test_former_communes_report_before_the_merger_and_merged_ones_after(small):
    country, *_, actuals, _, periods = small
    key = {n: k for k, n in periods.items()}
    units = {u.id: u for u in country.formers + country.communes}
    for unit_id, _, period_id, *_ in actuals:
        u, ends = units[unit_id], key[period_id].ends_on
        if u.valid_to:
            assert ends < MERGER_DAY
        elif u.predecessors:
            assert ends >= MERGER_DAY


def test_targets_are_written_as_plans_write_them_and_read_by_the_core(small):
    *_, targets, _, _, _ = small
    import json

    kinds = Counter(json.loads(parsed)["kind"] for *_, parsed in targets)
    assert {"exact", "min", "max", "range", "change", "assigned", "qualitative"} <= set(kinds)
    texts = {text for _, _, _, _, _, text, _ in targets}
    assert "đạt và vượt chỉ tiêu giao từ 5-10%" in texts
    assert any(t.startswith("giảm so với năm 2024: từ ") for t in texts)


def test_period_ends():
    assert Period(PeriodKind.QUARTER, 2025, 2).ends_on == dt.date(2025, 6, 30)
    assert Period(PeriodKind.MONTH, 2024, 2).ends_on == dt.date(2024, 2, 29)
    assert Period(PeriodKind.MONTH, 2025, 12).ends_on == dt.date(2025, 12, 31)
