"""A province planner merges two indicators that earlier imports created for one thing: every target
and figure moves to the kept one, clashes are refused until she says which stays, the audit trail
records it all, the other indicator is removed; nobody else may.

The figures are Lương Sơn's grain output as seed 002 states it (002_cf82f9e85b49b5bb.txt, lines
29–33: "năm 2021 đạt: 6.031/5.926 tấn", "năm 2022 đạt 5.933,3tấn/ 5.795,9 tấn", "năm 2023 ước đạt
5.814,7 tấn"), imported once under a second name.
"""

import pytest
from django.test import Client

from ktxh.web.data.audit.models import AuditEntry
from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.metadata.plans.models import Indicator, Plan, Target
from ktxh.web.tests.factories import world

URL = "/chi-tieu/gop/"


@pytest.fixture
def w(db):
    w = world()
    w.twin = Indicator.objects.create(code="san-luong-luong-thuc-co-hat", name="Sản lượng lương thực có hạt",
                                      unit="tấn", field=w.econ, decimals=1)
    w.y21, w.y23 = Period.get("year", 2021), Period.get("year", 2023)
    w.plan23 = Plan.objects.create(unit=w.a, kind="annual", start_year=2023, end_year=2023, title="Kế hoạch năm 2023")
    w.t21 = Target.objects.create(plan=w.plan, indicator=w.twin, year=2021, source="cap_tren", text="5.926 tấn")
    w.t23 = Target.objects.create(plan=w.plan23, indicator=w.twin, year=2023, source="hdnd",
                                  text="100% chỉ tiêu kế hoạch thành phố giao")
    w.a21 = Actual.objects.create(unit=w.a, indicator=w.twin, period=w.y21, text="6.031", value=6031, status="approved")
    w.a23 = Actual.objects.create(unit=w.a, indicator=w.twin, period=w.y23, text="5.814,7", value="5814.7",
                                  is_estimate=True, status="draft")
    return w


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _merge(w, user, *, on_clash="", kept=None, removed=None):
    kept, removed = kept or w.grain, removed or w.twin
    data = {"giu_lai": kept.pk, "gop": removed.pk}
    if on_clash:
        data["khi_trung"] = on_clash
    return _client(user).post(URL, data)


def test_preview_lists_what_moves(w):
    page = _client(w.planner).get(URL, {"giu_lai": w.grain.pk, "gop": w.twin.pk}).content.decode()
    assert "Sẽ chuyển <strong>2</strong> mục tiêu và <strong>2</strong> số liệu của Phường Lương Sơn" in page
    assert "5.926 tấn" in page and "100% chỉ tiêu kế hoạch thành phố giao" in page and "6.031" in page
    assert "5.814,7" not in page and "(đang nhập)" in page  # the planner never reads a draft figure
    assert Indicator.objects.filter(pk=w.twin.pk).exists()  # a preview changes nothing
    assert 'data-filters="giu_lai"' in page and 'data-filters="gop"' in page  # both lists searchable


def test_every_target_and_figure_moves_and_the_audit_says_so(w):
    planner = _client(w.planner)
    r = planner.post(URL, {"giu_lai": w.grain.pk, "gop": w.twin.pk})
    assert r.status_code == 302
    assert not Indicator.objects.filter(pk=w.twin.pk).exists()
    for t in (w.t21, w.t23):
        t.refresh_from_db()
        assert t.indicator_id == w.grain.pk and t.version == 2
        assert t.parsed["read_from"]["unit"] == "tấn"
    for a in (w.a21, w.a23):
        a.refresh_from_db()
        assert a.indicator_id == w.grain.pk
    assert w.a23.status == "draft" and w.a23.text == "5.814,7" and w.a21.text == "6.031"  # as they were
    moved = AuditEntry.objects.filter(action="merge").exclude(model="plans.indicator")
    assert {(e.model, e.object_id) for e in moved} == {
        ("plans.target", w.t21.pk), ("plans.target", w.t23.pk), ("tracking.actual", w.a21.pk),
        ("tracking.actual", w.a23.pk)}
    assert all(e.changes == {"indicator": ["san-luong-luong-thuc-co-hat", "san-luong-luong-thuc"]} and e.user == w.planner
               and e.unit == w.a for e in moved)
    gone = AuditEntry.objects.get(model="plans.indicator", object_id=w.twin.pk)
    assert gone.action == "merge" and gone.unit == w.p and gone.changes["targets"] == [2, 0]
    assert "Sản lượng lương thực có hạt" in gone.comment and "Tổng sản lượng lương thực cây có hạt" in gone.comment
    page = planner.get(r.url).content.decode()
    assert "Đã gộp “Sản lượng lương thực có hạt” vào “Tổng sản lượng lương thực cây có hạt”: chuyển 2 mục tiêu" in page


def test_a_clash_is_refused_until_one_side_is_chosen(w):
    kept = Actual.objects.create(unit=w.a, indicator=w.grain, period=w.y21, text="6.030", value=6030, status="approved")
    clash_t = Target.objects.create(plan=w.plan23, indicator=w.grain, year=2023, source="hdnd", text="5.800 tấn")
    page = _client(w.planner).get(URL, {"giu_lai": w.grain.pk, "gop": w.twin.pk}).content.decode()
    assert "2 chỗ trùng" in page and "Lương Sơn: Năm 2021" in page
    r = _merge(w, w.planner)
    assert r.status_code == 400
    assert "Có 2 chỗ cả hai chỉ tiêu cùng có số liệu hoặc chỉ tiêu" in r.content.decode()
    assert Indicator.objects.filter(pk=w.twin.pk).exists() and not AuditEntry.objects.filter(action="merge").exists()
    assert _merge(w, w.planner, on_clash="bua").status_code == 400  # not a choice

    assert _merge(w, w.planner, on_clash="giu").status_code == 302
    kept.refresh_from_db()
    assert kept.text == "6.030" and not Actual.objects.filter(pk=w.a21.pk).exists()
    assert Target.objects.get(pk=clash_t.pk).text == "5.800 tấn" and not Target.objects.filter(pk=w.t23.pk).exists()
    dropped = AuditEntry.objects.filter(action="merge_drop")
    assert {(e.model, e.object_id) for e in dropped} == {("tracking.actual", w.a21.pk), ("plans.target", w.t23.pk)}
    assert AuditEntry.objects.get(model="tracking.actual", object_id=w.a21.pk).changes == {"text": ["6.031", None]}
    assert Actual.objects.get(pk=w.a23.pk).indicator_id == w.grain.pk  # what did not clash moved


def test_taking_the_merged_ones_replaces_the_kept_ones(w):
    kept = Actual.objects.create(unit=w.a, indicator=w.grain, period=w.y21, text="6.030", value=6030, status="approved")
    assert _merge(w, w.planner, on_clash="thay").status_code == 302
    assert not Actual.objects.filter(pk=kept.pk).exists()
    assert Actual.objects.get(unit=w.a, indicator=w.grain, period=w.y21).text == "6.031"
    assert AuditEntry.objects.get(model="tracking.actual", object_id=kept.pk, action="merge_drop").unit == w.a


def test_refused_merges_change_nothing(w):
    # one indicator with itself; another unit of measure
    r = _merge(w, w.planner, kept=w.twin, removed=w.twin)
    assert r.status_code == 400 and "là một" in r.content.decode()
    r = _merge(w, w.planner, kept=w.poor, removed=w.twin)
    assert r.status_code == 400 and "Đơn vị tính khác nhau: “%” của “Tỷ lệ hộ nghèo” và “tấn”" in r.content.decode()
    # an indicator no one of the province uses, by number
    r = _client(w.planner).get(URL, {"giu_lai": w.grain.pk, "gop": "99999"})
    assert r.status_code == 400 and "Không có chỉ tiêu số 99999" in r.content.decode()
    r = _client(w.planner).get(URL, {"giu_lai": w.grain.pk, "gop": "²"})
    assert r.status_code == 400 and "gop" in r.content.decode()
    assert Indicator.objects.filter(pk=w.twin.pk).exists() and not AuditEntry.objects.filter(action="merge").exists()


@pytest.mark.parametrize("role", ["officer", "leader", "viewer", "leader_c", "nobody"])
def test_only_a_planner_opens_the_page(w, role):
    assert _client(getattr(w, role)).get(URL).status_code == 403
    assert _merge(w, getattr(w, role)).status_code == 403
    assert Indicator.objects.filter(pk=w.twin.pk).exists()


def test_another_provinces_planner_may_not_merge(w):
    r = _merge(w, w.planner_q)
    assert r.status_code in (400, 403)  # not in her list (400), or refused (403)
    Target.objects.create(plan=Plan.objects.create(unit=w.c, kind="annual", start_year=2023, end_year=2023,
                                                   title="Kế hoạch năm 2023"),
                          indicator=w.twin, year=2023, source="hdnd", text="5.000 tấn")
    assert _merge(w, w.planner_q).status_code == 403  # used in both provinces: neither planner alone
    assert _merge(w, w.planner).status_code == 403
    assert Indicator.objects.filter(pk=w.twin.pk).exists()


def test_the_api_previews_and_merges(w):
    api = _client(w.planner)
    body = {"kept_id": w.grain.pk, "removed_id": w.twin.pk, "dry_run": True}
    r = api.post("/api/indicator-merges", body, content_type="application/json")
    assert r.status_code == 200, r.content
    assert r.json() | {"clashes": None} == {"kept_id": w.grain.pk, "removed_id": w.twin.pk, "targets": 2, "actuals": 2,
                                           "clashes": None, "problems": [], "allowed": True, "merged": False}
    assert Indicator.objects.filter(pk=w.twin.pk).exists()
    for who in (w.leader, w.officer, w.planner_q):
        r = _client(who).post("/api/indicator-merges", {**body, "dry_run": False}, content_type="application/json")
        assert r.status_code == 403, who
    r = api.post("/api/indicator-merges", {**body, "dry_run": False}, content_type="application/json")
    assert r.status_code == 200 and r.json()["merged"] is True
    assert not Indicator.objects.filter(pk=w.twin.pk).exists()
    assert Target.objects.filter(indicator=w.grain).count() == 3


def test_a_ratio_that_used_the_merged_indicator_uses_the_kept_one(w):
    people = Indicator.objects.create(code="dan-so-thu", name="Dân số", unit="người", field=w.soc)
    twin_people = Indicator.objects.create(code="dan-so-thu-2", name="Dân số trung bình", unit="người", field=w.soc)
    poor_rate = Indicator.objects.create(code="ty-le-thu", name="Tỷ lệ thử", unit="%", field=w.soc,
                                         aggregation="rate", numerator=w.poor, denominator=twin_people)
    Actual.objects.create(unit=w.a, indicator=twin_people, period=w.y21, text="12.000", value=12000, status="approved")
    Actual.objects.create(unit=w.a, indicator=people, period=w.y23, text="12.100", value=12100, status="approved")
    assert _merge(w, w.planner, kept=people, removed=twin_people).status_code == 302
    poor_rate.refresh_from_db()
    assert poor_rate.denominator_id == people.pk
    assert AuditEntry.objects.filter(model="plans.indicator", object_id=poor_rate.pk, action="merge").exists()


def test_a_planner_never_removes_a_catalogue_indicator_nor_another_provinces_own(w):
    w.twin.catalogue, w.twin.province = w.twin.code, None  # the twin is now the national catalogue's entry
    w.twin.save()
    assert _merge(w, w.planner).status_code == 403  # other provinces may use it: only the administrator
    w.twin.catalogue, w.twin.province = "", w.q  # owned by another province
    w.twin.save()
    assert _merge(w, w.planner).status_code in (400, 403)
    assert Indicator.objects.filter(pk=w.twin.pk).exists() and Target.objects.filter(indicator=w.twin).count() == 2
    w.twin.province = w.p  # her own province's indicator: she may
    w.twin.save()
    assert _merge(w, w.planner).status_code in (200, 302)
    assert not Indicator.objects.filter(pk=w.twin.pk).exists()
