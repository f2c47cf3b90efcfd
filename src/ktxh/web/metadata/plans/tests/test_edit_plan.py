"""The plan editor: targets typed as Vietnamese text, their reading shown before saving."""

from ktxh.web.metadata.plans.models import Plan, PlanStatus, Target
from ktxh.web.tests.pages import signed_in


def _url(w):
    return f"/ke-hoach/{w.plan.pk}/"


def _add(c, w, text, action="luu", indicator=None, year=2023, source="hdnd"):
    return c.post(_url(w), {"form": "them", "indicator": (indicator or w.grain).pk, "year": year, "source": source,
                            "text": text, "action": action})


def test_plan_shows_targets_with_their_reading(w):
    page = signed_in(w.leader).get(_url(w)).content.decode()
    assert "5.795,9 tấn" in page and "Hiểu là: bằng 5.795,9 tấn (càng cao càng tốt)" in page


def test_preview_by_round_trip_does_not_save(w):
    page = _add(signed_in(w.leader), w, "14 – 15%", action="xem-truoc", indicator=w.poor).content.decode()
    assert "Hiểu là: từ 14% đến 15% (càng thấp càng tốt)" in page
    assert not Target.objects.filter(indicator=w.poor).exists()


def test_add_a_target(w):
    c = signed_in(w.officer_soc)
    r = _add(c, w, "Giảm 01 hộ nghèo", indicator=w.poor, year=2023)
    assert r.status_code == 302
    t = Target.objects.get(indicator=w.poor)
    assert (t.text, t.year, t.source, t.parsed["kind"]) == ("Giảm 01 hộ nghèo", 2023, "hdnd", "change")


def test_edit_a_target_with_its_version(w):
    c = signed_in(w.officer)
    r = c.post(_url(w), {"form": "sua", "target": w.target.pk, "version": w.target.version, "text": "> 6.000 tấn",
                         "action": "luu"})
    assert r.status_code == 302
    w.target.refresh_from_db()
    assert (w.target.text, w.target.version) == ("> 6.000 tấn", 2)
    again = c.post(_url(w), {"form": "sua", "target": w.target.pk, "version": 1, "text": "> 6.100 tấn", "action": "luu"})
    assert "đã được người khác sửa" in again.content.decode()
    w.target.refresh_from_db()
    assert w.target.text == "> 6.000 tấn"


def test_a_year_outside_the_plan_is_an_error(w):
    c = signed_in(w.leader)
    page = _add(c, w, "> 99%", indicator=w.poor, year=2030).content.decode()
    assert "Năm 2030 nằm ngoài kế hoạch 2021–2025." in page


def test_an_officer_adds_only_for_own_fields(w):
    page = signed_in(w.officer).get(_url(w)).content.decode()
    assert f'<option value="{w.grain.pk}"' in page and f'<option value="{w.poor.pk}"' not in page
    _add(signed_in(w.officer), w, "> 99%", indicator=w.poor)
    assert not Target.objects.filter(indicator=w.poor).exists()


def test_leader_approves_and_then_it_is_read_only(w):
    c = signed_in(w.leader)
    c.post(_url(w), {"action": "phe-duyet"})
    assert Plan.objects.get(pk=w.plan.pk).status == PlanStatus.APPROVED
    page = c.get(_url(w)).content.decode()
    assert "Thêm chỉ tiêu" not in page and 'name="text"' not in page
    _add(c, w, "> 6.000 tấn", year=2024)
    assert Target.objects.count() == 1


def test_create_a_draft_plan(w):
    c = signed_in(w.leader_b)
    r = c.post("/ke-hoach/", {"kind": "annual", "start_year": 2024, "end_year": 2024,
                              "title": "Kế hoạch phát triển kinh tế - xã hội năm 2024"})
    plan = Plan.objects.get(unit=w.b)
    assert r["Location"] == f"/ke-hoach/{plan.pk}/" and plan.status == PlanStatus.DRAFT
    bad = c.post("/ke-hoach/", {"kind": "annual", "start_year": 2024, "end_year": 2025, "title": "Sai"})
    assert "Kế hoạch năm chỉ gồm một năm, không phải 2024–2025." in bad.content.decode()


def test_other_communes_are_refused(w):
    assert signed_in(w.leader_b).get(_url(w)).status_code == 403  # a draft of another commune
    assert signed_in(w.leader_c).get(_url(w)).status_code == 403
    assert signed_in(w.leader_b).post(_url(w), {"action": "phe-duyet"}).status_code == 403
    assert signed_in(w.viewer).get("/ke-hoach/").status_code == 403
    assert Plan.objects.get(pk=w.plan.pk).status == PlanStatus.DRAFT


def test_the_indicator_list_holds_no_other_communes_own_indicators(w):
    """The catalogue's and the province's indicators, never a hand-made one of another commune or province."""
    from ktxh.web.metadata.plans.models import Indicator

    theirs = Indicator.objects.create(code="so-ho-nuoi-ca-nhon-hung", name="Số hộ nuôi cá lồng Nhơn Hưng", unit="hộ",
                                      field=w.econ)
    other = Plan.objects.create(unit=w.b, kind="annual", start_year=2023, end_year=2023, title="Kế hoạch năm 2023")
    Target.objects.create(plan=other, indicator=theirs, year=2023, source="hdnd", text="12 hộ")
    province_own = Indicator.objects.create(code="01-so-to-trong-hoa", name="Số tổ dân phố trồng hoa", unit="tổ",
                                            field=w.econ, province=w.p)
    foreign = Indicator.objects.create(code="02-so-thon-du-lich", name="Số thôn du lịch cộng đồng", unit="thôn",
                                       field=w.econ, province=w.q)
    page = signed_in(w.leader).get(_url(w)).content.decode()
    assert w.grain.name in page and province_own.name in page
    assert theirs.name not in page and foreign.name not in page
    r = _add(signed_in(w.leader), w, "10 hộ", indicator=theirs)  # nor can it be posted
    assert r.status_code == 200 and not Target.objects.filter(plan=w.plan, indicator=theirs).exists()
