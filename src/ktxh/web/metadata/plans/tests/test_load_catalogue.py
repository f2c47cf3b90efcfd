"""The package's indicator catalogue in the database: loaded by the migration and ``ktxh catalogue load``,
and a province planner's own indicators beside it."""

import pytest

from ktxh import catalogue as cat
from ktxh.cli import main
from ktxh.web.metadata.plans import catalogue
from ktxh.web.metadata.plans.models import Field, Indicator
from ktxh.web.tests.factories import Api


@pytest.mark.django_db
def test_the_migration_loads_every_catalogue_entry():
    stored = {i.code: i for i in Indicator.objects.filter(province__isnull=True).exclude(catalogue="")}
    assert set(stored) == {e.code for e in cat.load_catalogue()} and len(stored) == 243
    bhyt = stored["ty-le-bhyt"]
    assert (bhyt.name, bhyt.unit, bhyt.aggregation, bhyt.numerator.code, bhyt.denominator.code, bhyt.field.code) == (
        "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "rate", "nguoi-bhyt", "dan-so", "y-te")
    assert stored["ty-le-ho-ngheo"].direction == "down"
    assert Field.objects.get(code="quoc-phong").name == "Quốc phòng - an ninh"


@pytest.mark.django_db
def test_loading_again_changes_nothing_and_a_changed_entry_is_put_back(capsys):
    again = catalogue.load()
    assert (again.created, again.updated, again.unchanged) == (0, 0, 243)
    assert "không thay đổi gì" in again.message()
    Indicator.objects.filter(code="ty-le-ho-ngheo").update(name="Hộ nghèo (đã sửa tay)", decimals=0)
    fixed = catalogue.load()
    assert (fixed.updated, fixed.unchanged) == (1, 242)
    assert Indicator.objects.get(code="ty-le-ho-ngheo").name == "Tỷ lệ hộ nghèo"
    assert main(["catalogue", "load"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Danh mục chung: 243 chỉ tiêu trong 10 lĩnh vực.") and "không thay đổi gì" in out


def test_a_province_planner_adds_an_indicator_for_her_province_only(w):
    data = {"province_id": w.p.pk, "name": "Số tổ dân phố trồng hoa đạt 12 tổ", "unit": "tổ", "field_id": w.soc.pk}
    r = Api(w.planner).post("/indicators", data)
    assert r.status_code == 201, r.content
    made = Indicator.objects.get(pk=r.json()["id"])
    assert (made.name, made.province, made.catalogue) == ("Số tổ dân phố trồng hoa", w.p, "")
    # a commune's people and another province's planner cannot add to this province's list
    for who in (w.leader, w.officer, w.planner_q, w.viewer):
        assert Api(who).post("/indicators", data).status_code == 403
    # the same name again is refused, naming the indicator that has it
    twice = Api(w.planner).post("/indicators", data)
    assert twice.status_code == 400 and made.code in twice.json()["detail"]
    # listed to the province's people, not to another province's
    names = lambda who: {i["name"] for i in Api(who).get("/indicators", limit=500).json()["items"]}  # noqa: E731
    assert "Số tổ dân phố trồng hoa" in names(w.leader)
    assert "Số tổ dân phố trồng hoa" not in names(w.leader_c)
