"""Administrative units: levels, kinds, parents, validity, and the 2025 lineage."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.tests.factories import unit


@pytest.fixture
def province(db):
    return unit("19", "Thái Nguyên", "province", "tinh")


def test_commune_under_province_and_group_under_commune(province):
    ward = unit("05", "Lương Sơn", "commune", "phuong", province)
    soi = AdminUnit(code="05-01", name="Soi", level="group", kind="to_dan_pho", parent=ward)
    soi.full_clean()
    assert soi.province == province and ward.province == province and province.province == province


@pytest.mark.parametrize(
    ("level", "kind", "parent", "message"),
    [
        ("commune", "tinh", "province", "không thuộc cấp"),
        ("commune", "phuong", None, "phải trực thuộc"),
        ("group", "thon", "province", "phải trực thuộc"),
        ("province", "tinh", "province", "không trực thuộc"),
    ],
)
def test_wrong_level_kind_or_parent_is_refused(province, level, kind, parent, message):
    u = AdminUnit(code="X", name="Thử", level=level, kind=kind, parent=province if parent else None)
    with pytest.raises(ValidationError) as err:
        u.full_clean()
    assert message in str(err.value)


def test_validity_dates_in_order(province):
    u = AdminUnit(code="X", name="Thử", level="commune", kind="xa", parent=province,
                  valid_from=dt.date(2025, 7, 1), valid_to=dt.date(2025, 6, 30))
    with pytest.raises(ValidationError) as err:
        u.full_clean()
    assert "30/06/2025" in str(err.value)


def test_merged_unit_keeps_its_former_units(province):
    end = dt.date(2025, 6, 30)
    old = [unit(f"0{i}", n, "commune", "xa", province, valid_to=end) for i, n in enumerate(["Bá Xuyên", "Tân Quang"])]
    older = unit("09", "Lương Sơn (cũ)", "commune", "xa", province, valid_to=dt.date(2019, 12, 31))
    old[1].predecessors.add(older)
    new = unit("10", "Bách Quang", "commune", "phuong", province, valid_from=dt.date(2025, 7, 1))
    new.predecessors.set(old)
    assert list(new.successors.all()) == []
    assert list(old[0].successors.all()) == [new]
    assert [u.name for u in new.lineage()] == ["Bá Xuyên", "Tân Quang", "Lương Sơn (cũ)"]
    assert new.is_valid_on(dt.date(2025, 7, 1)) and not new.is_valid_on(end)
    assert old[0].is_valid_on(end) and not old[0].is_valid_on(dt.date(2025, 7, 1))


def test_api_lists_the_units_valid_on_a_day(w):
    from ktxh.web.tests.factories import Api

    w.b.valid_to = dt.date(2025, 6, 30)
    w.b.save()
    merged = unit("00009", "Phường Mới", "commune", "phuong", w.p, valid_from=dt.date(2025, 7, 1))
    merged.predecessors.set([w.a, w.b])
    api = Api(w.viewer)
    names = {u["name"] for u in api.get("/units", level="commune", valid_on="2025-07-01").json()["items"]}
    assert "Phường Mới" in names and "Lê Lợi" not in names and "Lương Sơn" in names
    detail = api.get(f"/units/{merged.pk}").json()
    assert {u["name"] for u in detail["predecessors"]} == {"Lương Sơn", "Lê Lợi"}


def test_name_is_not_prefixed_twice_with_its_kind(db):
    from ktxh.web.metadata.units.models import AdminUnit

    assert str(AdminUnit(code="DEMO", name="Tỉnh Mẫu (dữ liệu thử)", level="province", kind="tinh")) == \
        "Tỉnh Mẫu (dữ liệu thử)"
    assert str(AdminUnit(code="00001", name="Lương Sơn", level="commune", kind="phuong")) == "Phường Lương Sơn"
