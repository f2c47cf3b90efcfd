"""A commune's people download the Word báo cáo, the Word kế hoạch năm sau and the Excel Biểu 01–02
of the period on the dashboard, filled from the approved figures; officers' own text survives
regeneration; nobody outside the province gets them."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import openpyxl
import pytest

from ktxh.core.numbers import format_number
from ktxh.core.review import TermSeries, review_target
from ktxh.reader import check_document, read_document
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import KeyTask, Target
from ktxh.web.reports.models import DocumentSettings, Narrative
from ktxh.web.tests.pages import approved, signed_in

GRAIN_SENTENCE = ("- Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3/5.795,9 tấn, bằng 102,37% kế hoạch, "
                  "giảm 1,62% so với năm 2021 (6.031 tấn).")


@pytest.fixture
def ward(w):
    """Lương Sơn with its 2021 and 2022 grain figures approved, a 2023 target and a key task."""
    approved(w, "6.031", period=Period.get("year", 2021))
    approved(w, "5.933,3")
    Target.objects.create(plan=w.plan, indicator=w.grain, year=2023, source="cap_tren", text="6.000 tấn")
    KeyTask.objects.create(plan=w.plan, order=1, content="Hoàn thành giải phóng mặt bằng khu dân cư",
                           result="Đã bàn giao 2,5 ha")
    w.plan.status = "approved"  # approved data is what the province reads
    w.plan.save()
    return w


def _url(w, kind, period=None):
    return f"/xa/{w.a.pk}/van-ban/{kind}/?ke_hoach={w.plan.pk}&ky={(period or w.year).pk}"


def _docx(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return docx.Document(io.BytesIO(response.content))


def _lines(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_leader_downloads_the_report_with_header_and_figures(ward):
    response = signed_in(ward.leader).get(_url(ward, "bao-cao"))
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert 'filename="bao-cao-nam-2022-phuong-luong-son.docx"' in response["Content-Disposition"]
    document = _docx(response)
    header = document.tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs][:2] == ["UBND TỈNH THỬ", "UBND PHƯỜNG LƯƠNG SƠN"]
    assert header.cell(1, 1).text.startswith("Lương Sơn, ngày")
    lines = _lines(document)
    assert GRAIN_SENTENCE in lines
    # Biểu số 02: the target row with plan, actual, last year and % of plan.
    bieu_02 = document.tables[-1]
    row = next([c.text for c in r.cells] for r in bieu_02.rows if r.cells[1].text == "Tổng sản lượng lương thực cây có hạt")
    assert row[2:] == ["tấn", "5.795,9", "5.933,3", "6.031", "102,37", "98,38", "Vượt"]
    # Biểu số 01: the key task and its result.
    assert any(r.cells[2].text == "Đã bàn giao 2,5 ha" for r in document.tables[-2].rows)


def test_plan_for_next_year_lists_its_targets(ward):
    response = signed_in(ward.officer).get(_url(ward, "ke-hoach"))
    assert 'filename="ke-hoach-nam-2023-phuong-luong-son.docx"' in response["Content-Disposition"]
    document = _docx(response)
    assert [p.text for p in document.tables[0].cell(0, 0).paragraphs][1] == "UBND PHƯỜNG LƯƠNG SƠN"
    assert "Phát triển kinh tế - xã hội năm 2023" in _lines(document)
    # The table of main targets: this year's result, next year's target (6.000 tấn) and the change.
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Danh mục")
    row = next([c.text for c in r.cells] for r in table.rows if r.cells[1].text == "Tổng sản lượng lương thực cây có hạt")
    assert row[2:] == ["tấn", "5.933,3", "6.000", "+1,12%"]


def test_tables_workbook_holds_the_target_row(ward):
    response = signed_in(ward.viewer).get(_url(ward, "bieu"))
    assert response.status_code == 200
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[-1]
    row = next(r for r in sheet.iter_rows() if r[1].value == "Tổng sản lượng lương thực cây có hạt")
    assert [Decimal(str(c.value)) for c in row[3:6]] == [Decimal("5795.9"), Decimal("5933.3"), Decimal("6031")]
    assert str(row[6].value).startswith("=")  # % of plan as a formula over the plan and actual cells


@pytest.mark.parametrize("who", ["planner_q", "leader_c", "nobody"])
def test_people_outside_the_province_are_refused(ward, who):
    client = signed_in(getattr(ward, who))
    for kind in ("bao-cao", "ke-hoach", "bieu"):
        assert client.get(_url(ward, kind)).status_code == 403
    assert client.get(f"/xa/{ward.a.pk}/van-ban/loi-van/").status_code == 403


def test_anonymous_goes_to_log_in_and_unknown_kinds_are_not_found(ward, client):
    assert client.get(_url(ward, "bao-cao")).status_code == 302
    assert signed_in(ward.leader).get(_url(ward, "thu-moi")).status_code == 404
    assert signed_in(ward.leader).get(f"/xa/{ward.p.pk}/van-ban/bao-cao/").status_code == 404  # a province


def test_a_month_has_no_document_form(ward):
    month = Period.get("month", 2022, 5)
    response = signed_in(ward.leader).get(_url(ward, "bao-cao", month))
    assert response.status_code == 400
    assert "Chưa có mẫu văn bản cho kỳ “Tháng 5/2022”" in response.content.decode()


def test_the_commune_page_offers_no_document_for_a_month(ward):
    """A month has no form: the page says which periods have one instead of links that answer 400."""
    month = Period.get("month", 2022, 5)
    html = signed_in(ward.leader).get(f"/xa/{ward.a.pk}/?ke_hoach={ward.plan.pk}&ky={month.pk}").content.decode()
    assert "tháng 5/2022" in html.lower()  # the month is the one shown
    assert "/van-ban/bao-cao/" not in html and "Cấp số báo cáo" not in html
    assert "được lập cho kỳ 6 tháng, 9 tháng, năm và nhiệm kỳ" in html
    year = signed_in(ward.leader).get(f"/xa/{ward.a.pk}/?ke_hoach={ward.plan.pk}&ky={ward.year.pk}").content.decode()
    assert "/van-ban/bao-cao/" in year


def test_officer_narrative_is_printed_and_kept_when_the_report_is_made_again(ward):
    officer = signed_in(ward.officer)
    page = officer.get(f"/xa/{ward.a.pk}/van-ban/loi-van/?ke_hoach={ward.plan.pk}&ky={ward.year.pk}")
    assert page.status_code == 200
    assert 'name="linh-vuc/kinh-te"' in page.content.decode()
    own = "Sản xuất nông nghiệp gặp mưa lớn cuối vụ nhưng năng suất lúa vẫn ổn định."
    posted = officer.post(f"/xa/{ward.a.pk}/van-ban/loi-van/?ke_hoach={ward.plan.pk}&ky={ward.year.pk}",
                          {"linh-vuc/kinh-te": own, "danh-gia-chung": "  "})
    assert posted.status_code == 302
    assert Narrative.objects.get(unit=ward.a, period=ward.year, section="linh-vuc/kinh-te").text == own
    assert not Narrative.objects.filter(section="danh-gia-chung").exists()
    first = _lines(_docx(officer.get(_url(ward, "bao-cao"))))
    # A new figure arrives; the report is made again: the officer's paragraph is still there, before the figures.
    approved(ward, "2,1%", indicator=ward.poor, officer=ward.officer_soc)
    again = _lines(_docx(officer.get(_url(ward, "bao-cao"))))
    for lines in (first, again):
        assert lines[lines.index("1. Kinh tế") + 1] == own
        assert GRAIN_SENTENCE in lines
    assert Narrative.objects.get(section="linh-vuc/kinh-te").text == own


def test_only_the_commune_writes_its_narrative(ward):
    url = f"/xa/{ward.a.pk}/van-ban/loi-van/?ke_hoach={ward.plan.pk}&ky={ward.year.pk}"
    for who in (ward.viewer, ward.planner, ward.leader_b):
        assert signed_in(who).post(url, {"mo-dau": "Không được ghi"}).status_code == 403
    assert not Narrative.objects.exists()


def test_signer_and_recipients_from_the_unit_settings(ward):
    DocumentSettings.objects.create(unit=ward.a, signer_name="Dương Thị Lưu", recipients="UBND thành phố;\n- Lưu: VP.")
    document = _docx(signed_in(ward.leader).get(_url(ward, "bao-cao")))
    signature = next(t for t in document.tables if "Nơi nhận:" in t.cell(0, 0).text)
    assert [p.text for p in signature.cell(0, 0).paragraphs] == ["Nơi nhận:", "- UBND thành phố;", "- Lưu: VP."]
    assert "Dương Thị Lưu" in signature.cell(0, 1).text


def test_commune_page_offers_the_downloads(ward):
    html = signed_in(ward.leader).get(f"/xa/{ward.a.pk}/?ke_hoach={ward.plan.pk}&ky={ward.year.pk}").content.decode()
    for kind in ("bao-cao", "ke-hoach", "bieu"):
        assert f'href="/xa/{ward.a.pk}/van-ban/{kind}/?ke_hoach={ward.plan.pk}&amp;ky={ward.year.pk}"' in html
    assert "Viết lời văn từng phần" in html
    viewer = signed_in(ward.viewer).get(f"/xa/{ward.a.pk}/?ke_hoach={ward.plan.pk}&ky={ward.year.pk}").content.decode()
    assert "Báo cáo (Word)" in viewer and "Viết lời văn từng phần" not in viewer


def test_midterm_report_holds_the_term_review_from_the_yearly_figures(ward):
    Target.objects.create(plan=ward.plan, indicator=ward.grain, year=None, source="hdnd", text="6.500 tấn")
    approved(ward, "5.551,1", period=Period.get("year", 2020))
    term = Period.get("term", 2021, end_year=2025)
    lines = _lines(_docx(signed_in(ward.leader).get(_url(ward, "bao-cao", term))))
    assert lines[lines.index("BÁO CÁO") + 1] == ("Đánh giá kết quả giữa kỳ tình hình thực hiện kế hoạch phát triển "
                                                 "kinh tế - xã hội 5 năm, giai đoạn 2021-2025")
    heading = "II. ĐÁNH GIÁ KHẢ NĂNG THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẾN NĂM 2025"
    assert heading in lines
    # Part I: no figure for the whole term yet, so the latest year's against the term target, as seed 002
    # writes it: 5.933,3 / 6.500 = 91,28%; 5.933,3 / 5.551,1 (2020, the base year) = +6,89%.
    assert ("- Tổng sản lượng lương thực cây có hạt giai đoạn 2021-2022 đạt 5.933,3/6.500 tấn, bằng 91,28% kế "
            "hoạch, tăng 6,89% so với năm 2020 (5.551,1 tấn).") in lines
    # The core's review of 5.551,1 (2020) → 6.031, 5.933,3 (2021, 2022) against 6.500 tấn by 2025.
    from ktxh.core.targets import parse_target

    r = review_target(parse_target("6.500 tấn", label="Tổng sản lượng lương thực cây có hạt", unit="tấn"),
                      TermSeries(2020, Decimal("5551.1"), {2021: Decimal(6031), 2022: Decimal("5933.3")}, 2025,
                                 unit="tấn"))
    # (5.933,3 − 5.551,1) / (6.500 − 5.551,1) = 40,3% of the way, 382,2 / 2 = 191,1 tấn a year so far;
    # (6.500 − 5.933,3) / 3 = 188,9 tấn a year still needed.
    assert format_number(r.progress, 1) == "40,3" and format_number(r.pace_needed, 1) == "188,9"
    section = lines[lines.index(heading):lines.index("III. ĐÁNH GIÁ CHUNG")]
    assert section[1] == "Kết quả đánh giá 01 chỉ tiêu giai đoạn 2021 - 2025: có 01 chỉ tiêu khó đạt."
    assert ("- Tổng sản lượng lương thực cây có hạt: Để đạt chỉ tiêu Nghị quyết, 3 năm còn lại cần tăng bình quân "
            "188,9 tấn/năm.") in section
    table = next(t for t in _docx(signed_in(ward.leader).get(_url(ward, "bao-cao", term))).tables
                 if t.rows[0].cells[0].text == "STT" and len(t.columns) == 11)
    assert [c.text for c in table.rows[1].cells][1:8] == [
        "Tổng sản lượng lương thực cây có hạt", "tấn", "5.551,1 (2020)", "5.933,3 (2022)", "6.500", "40,3%",
        "+191,1/năm"]
    assert table.rows[1].cells[10].text == r.outlook.label == "khó đạt"
    report = signed_in(ward.leader).get(_url(ward, "bao-cao", term)).content
    findings = check_document(read_document(report, filename="giua-ky.docx"))
    assert [f for f in findings if f.verdict == "wrong"] == []
    assert ("ratio", "ok") in {(f.kind, f.verdict) for f in findings}
