"""The commune dashboard: targets by field, status in colour and words, the summary sentence."""

from ktxh.web.data.tracking import workflow
from ktxh.web.tests.pages import approved, signed_in


def test_no_figure_yet(w):
    page = signed_in(w.leader).get(f"/xa/{w.a.pk}/").content.decode()
    assert "Tổng sản lượng lương thực cây có hạt" in page
    assert "5.795,9 tấn" in page
    assert "chưa có số liệu" in page
    assert "Kết quả thực hiện 01 chỉ tiêu kinh tế - xã hội năm 2022: có 01 chỉ tiêu chưa có số liệu." in page


def test_an_approved_figure_crossing_its_target(w):
    approved(w, "6.031")  # seed 000: "6.031/5.926 tấn"
    page = signed_in(w.leader).get(f"/xa/{w.a.pk}/").content.decode()
    assert "có 01 chỉ tiêu vượt" in page
    assert 'class="badge vuot"' in page and "▲" in page  # colour, sign and word together
    assert "104,06%" in page  # 6.031 / 5.795,9 = 104,056…, worked out by the core
    assert "chính thức" in page


def test_a_sent_figure_waits_and_does_not_count(w):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.031", is_estimate=True)
    workflow.submit(w.officer, a, version=1)
    page = signed_in(w.leader).get(f"/xa/{w.a.pk}/").content.decode()
    assert "01 chỉ tiêu chưa có số liệu" in page
    assert "1 số liệu đang chờ duyệt" in page
    assert "Chờ duyệt: 6.031 (ước)" in page
    # Another commune of the province reads approved data only: nothing of what waits.
    other = signed_in(w.leader_b).get(f"/xa/{w.a.pk}/").content.decode()
    assert "Chờ duyệt:" not in other and "6.031" not in other and "đang chờ duyệt" not in other


def test_filters_by_status_and_field(w):
    approved(w, "6.031")
    c = signed_in(w.leader)
    assert "Tổng sản lượng" not in c.get(f"/xa/{w.a.pk}/", {"trang_thai": "khong_dat"}).content.decode()
    assert "Tổng sản lượng" in c.get(f"/xa/{w.a.pk}/", {"trang_thai": "vuot"}).content.decode()
    assert "Tổng sản lượng" not in c.get(f"/xa/{w.a.pk}/", {"linh_vuc": w.soc.pk}).content.decode()
    assert "Tổng sản lượng" in c.get(f"/xa/{w.a.pk}/", {"linh_vuc": w.econ.pk}).content.decode()


def test_trend_over_years(w):
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.plans.models import Target

    y21 = Period.get("year", 2021)
    Target.objects.create(plan=w.plan, indicator=w.grain, year=2021, source="cap_tren", text="5.926 tấn")
    approved(w, "5.900", period=y21)
    approved(w, "6.031")
    page = signed_in(w.leader).get(f"/xa/{w.a.pk}/", {"ky": w.year.pk}).content.decode()
    assert 'aria-label="Xu hướng: Năm 2021 5.900; Năm 2022 6.031"' in page


def test_another_province_is_refused(w):
    assert signed_in(w.leader_c).get(f"/xa/{w.a.pk}/").status_code == 403
    assert signed_in(w.nobody).get(f"/xa/{w.a.pk}/").status_code == 403


def test_another_commune_does_not_see_a_draft_plan(w):
    # Lê Lợi's leader reads Lương Sơn's approved data only; its plan is still a draft.
    page = signed_in(w.leader_b).get(f"/xa/{w.a.pk}/").content.decode()
    assert "Chưa có kế hoạch nào" in page and "5.795,9" not in page


def test_unknown_commune_is_404(w):
    assert signed_in(w.leader).get("/xa/999999/").status_code == 404
    assert signed_in(w.leader).get(f"/xa/{w.p.pk}/").status_code == 404  # a province is not a commune
