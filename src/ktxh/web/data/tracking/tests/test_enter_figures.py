"""Data entry: one form per period for the officer's fields, Vietnamese numbers, submit."""

from decimal import Decimal

from ktxh.web.data.tracking.models import Actual, ActualStatus
from ktxh.web.metadata.plans.models import Target
from ktxh.web.tests.pages import signed_in


def _url(w):
    return f"/nhap-lieu/{w.year.pk}/"


def _post(c, w, text, action="luu", version=0, **extra):
    p = f"i{w.grain.pk}"
    data = {f"{p}-text": text, f"{p}-version": version, f"{p}-source_note": "", "action": action, **extra}
    return c.post(_url(w), data)


def test_form_lists_the_fields_assigned_to_the_officer(w):
    Target.objects.create(plan=w.plan, indicator=w.poor, year=2022, source="hdnd", text="Giảm 0,5%")
    page = signed_in(w.officer).get(_url(w)).content.decode()
    assert "Tổng sản lượng lương thực cây có hạt" in page and "Tỷ lệ hộ nghèo" not in page
    assert f'<label for="id_i{w.grain.pk}-text">' in page
    other = signed_in(w.officer_soc).get(_url(w)).content.decode()
    assert "Tỷ lệ hộ nghèo" in other and "Tổng sản lượng" not in other


def test_vietnamese_number_is_saved_as_typed_and_read_by_the_core(w):
    c = signed_in(w.officer)
    r = _post(c, w, "5.933,3")
    assert r.status_code == 302
    a = Actual.objects.get(unit=w.a, indicator=w.grain, period=w.year)
    assert (a.text, a.value, a.status) == ("5.933,3", Decimal("5933.3"), ActualStatus.DRAFT)
    assert "Đã lưu 1 số liệu." in c.get(_url(w)).content.decode()


def test_bad_number_shows_an_error_beside_the_field_and_saves_nothing(w):
    r = _post(signed_in(w.officer), w, "năm nghìn")
    page = r.content.decode()
    assert r.status_code == 200
    assert f'id="id_i{w.grain.pk}-text-loi" role="alert"' in page
    assert "Số liệu “Tổng sản lượng lương thực cây có hạt”" in page
    assert 'aria-invalid="true"' in page
    assert not Actual.objects.exists()


def test_a_unit_of_another_kind_is_refused(w):
    page = _post(signed_in(w.officer), w, "5.933 ha").content.decode()
    assert "khác đơn vị tính “tấn”" in page


def test_save_and_submit(w):
    c = signed_in(w.officer)
    assert _post(c, w, "6.031", action="gui").status_code == 302
    a = Actual.objects.get()
    assert a.status == ActualStatus.SUBMITTED
    page = c.get(_url(w)).content.decode()
    assert "Đã lưu 1 số liệu, đã gửi duyệt 1 số liệu." in page
    assert "Đã gửi" in page and f'name="i{w.grain.pk}-text"' not in page  # no longer editable


def test_returned_figure_shows_the_comment_and_can_be_corrected(w):
    from ktxh.web.data.tracking import workflow

    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.031")
    a = workflow.submit(w.officer, a, version=a.version)
    a = workflow.return_(w.leader, a, version=a.version, comment="Số liệu chưa khớp Chi cục Thống kê")
    c = signed_in(w.officer)
    assert "Ý kiến của lãnh đạo: Số liệu chưa khớp Chi cục Thống kê" in c.get(_url(w)).content.decode()
    assert _post(c, w, "6.013", action="gui", version=a.version).status_code == 302
    a.refresh_from_db()
    assert (a.text, a.status) == ("6.013", ActualStatus.SUBMITTED)


def test_stale_version_is_refused_not_overwritten(w):
    from ktxh.web.data.tracking import workflow

    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.031")
    workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.032", version=a.version)
    page = _post(signed_in(w.officer), w, "6.033", version=a.version).content.decode()
    assert "Không ghi đè" in page
    assert Actual.objects.get().text == "6.032"


def test_only_the_officer_of_the_commune_enters(w):
    assert signed_in(w.officer_b).get(_url(w)).status_code == 200  # Lê Lợi's own form: nothing of Lương Sơn
    assert "Tổng sản lượng" not in signed_in(w.officer_b).get(_url(w)).content.decode()
    for who in (w.leader, w.planner, w.viewer, w.leader_c, w.nobody):
        assert signed_in(who).get(_url(w)).status_code == 403
    assert signed_in(w.leader).post(_url(w), {"action": "luu"}).status_code == 403
