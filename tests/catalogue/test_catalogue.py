"""Every catalogue row is well formed, and the generator uses the same catalogue."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from ktxh.catalogue import CatalogueError, fields, get, load_catalogue, normalize
from ktxh.catalogue.model import AGGREGATIONS, COLUMNS, DIRECTIONS
from ktxh.core.units import lookup_unit
from ktxh.scale.catalogue import FIELDS, indicators

# Units the core does not know but indicators are measured in.
EXTRA_UNITS = {"tạ/ha", "lần/người/năm", "bé trai/100 bé gái"}


def test_every_row() -> None:
    rows = load_catalogue()
    codes = [r.code for r in rows]
    assert len(codes) == len(set(codes)), "mã chỉ tiêu trùng"
    assert len(rows) >= 230
    by = {r.code: r for r in rows}
    for r in rows:
        assert r.code == r.code.lower() and " " not in r.code, r.code
        assert r.name and r.name[0].isupper(), r.code
        assert r.field in fields(), r.code
        assert r.direction in DIRECTIONS and r.aggregation in AGGREGATIONS, r.code
        assert r.unit == "" or lookup_unit(r.unit) or r.unit in EXTRA_UNITS, (r.code, r.unit)
        assert r.synonyms and all(s.strip() for s in r.synonyms), r.code
        assert r.sources, r.code
        assert 0 <= r.decimals <= 3, r.code
        if r.aggregation == "rate":
            assert r.unit == "%" and r.numerator in by and r.denominator in by, r.code
        else:
            assert r.numerator is None and r.denominator is None, r.code
        if r.unit == "":
            assert r.aggregation == "none", r.code


def test_files_have_the_columns_and_one_field_each() -> None:
    data = resources.files("ktxh.catalogue").joinpath("data")
    for code in fields():
        with data.joinpath(f"{code}.csv").open(encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            assert tuple(reader.fieldnames or ()) == COLUMNS
            assert {row["field"] for row in reader} == {code}


def test_spellings_of_two_indicators_never_fold_to_one_text() -> None:
    owner: dict[str, str] = {}
    for r in load_catalogue():
        for s in (r.name, *r.synonyms):
            key = normalize(s)
            assert owner.setdefault(key, r.code) == r.code, (s, owner[key], r.code)


def test_abbreviations_are_spellings() -> None:
    for code, abbr in (("ty-le-bhyt", "BHYT"), ("nguoi-bhxh-tu-nguyen", "BHXH"), ("tang-gtsx-dich-vu", "TM-DV"),
                       ("tang-gtsx", "GTSX"), ("tang-gtsx-cong-nghiep", "CN-TTCN"), ("attp-thuc-pham", "ATTP"),
                       ("ho-van-hoa", "GDVH"), ("nong-thon-moi", "NTM")):
        assert any(abbr in s for s in get(code).synonyms), (code, abbr)


def test_unknown_code_is_a_vietnamese_error() -> None:
    with pytest.raises(CatalogueError, match="Không có chỉ tiêu mã “khong-co”"):
        get("khong-co")


def test_generator_uses_the_catalogue() -> None:
    assert FIELDS == tuple(fields().items())
    for spec in indicators(1000):
        ind = get(spec.code)
        assert (spec.name, spec.unit, spec.field, spec.direction, spec.aggregation, spec.decimals) == (
            ind.name, ind.unit, ind.field, ind.direction, ind.aggregation, ind.decimals)
