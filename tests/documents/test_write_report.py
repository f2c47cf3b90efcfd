"""An officer generates the Báo cáo (.docx) and finds the Nghị định 30/2020 layout and the figures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from ktxh.documents import Period, PeriodKind, build_report
from ktxh.documents.data import SECTION_OPENING, evaluated, field_section

from .conftest import cell_lines, open_docx, texts

NBSP6 = "\u00a0" * 6


def _mm(length) -> float:
    return round(length.mm, 1)


def test_header_block_is_a_borderless_two_column_table(report) -> None:
    header = report.tables[0]
    assert len(header.columns) == 2
    assert cell_lines(header.cell(0, 0))[:2] == ["UBND THÀNH PHỐ SÔNG CÔNG", "UBND PHƯỜNG LƯƠNG SƠN"]
    assert cell_lines(header.cell(0, 1))[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert header.cell(1, 0).text == f"Số: {NBSP6}/BC-UBND"
    assert header.cell(1, 1).text == f"Lương Sơn, ngày {NBSP6} tháng 12 năm 2022"
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {el.get(qn("w:val")) for el in borders} == {"nil"}


def test_header_block_fonts_and_rules(report) -> None:
    header = report.tables[0]
    upper, issuer, rule = header.cell(0, 0).paragraphs[:3]
    assert not upper.runs[0].bold and upper.runs[0].font.size == Pt(12)
    assert issuer.runs[0].bold and issuer.runs[0].font.size in (Pt(12), Pt(13))  # 12 where 13 would wrap
    nation, motto = header.cell(0, 1).paragraphs[:2]
    assert nation.runs[0].bold and motto.runs[0].bold
    assert motto.runs[0].underline  # a rule exactly as long as the motto
    date = header.cell(1, 1).paragraphs[0]
    assert date.runs[0].italic and date.alignment == WD_ALIGN_PARAGRAPH.CENTER
    # The short rule under the issuing body is a bottom border, shortened by indents.
    assert rule.text == ""
    assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    assert rule.paragraph_format.left_indent.cm > 1


def test_times_new_roman_for_every_script(report) -> None:
    normal = report.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size == Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}
    runs = [r for p in report.paragraphs for r in p.runs]
    runs += [r for t in report.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs and {r.font.name for r in runs} == {None}  # all inherit Times New Roman
    assert {r.font.size for r in runs} <= {None, Pt(11), Pt(12), Pt(13), Pt(14)}


def test_a4_and_its_margins(report) -> None:
    body, appendix = report.sections
    assert (_mm(body.page_width), _mm(body.page_height)) == (210.0, 297.0)
    assert body.orientation == WD_ORIENT.PORTRAIT
    assert [_mm(m) for m in (body.top_margin, body.bottom_margin, body.left_margin, body.right_margin)] == [
        20.0, 20.0, 30.0, 15.0]
    assert (_mm(appendix.page_width), _mm(appendix.page_height)) == (297.0, 210.0)
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    # Page numbers from the second page on.
    assert body.different_first_page_header_footer
    assert "PAGE" in body.header._element.xml


def test_title_parts_and_sentences(report) -> None:
    lines = texts(report)
    title = lines.index("BÁO CÁO")
    assert report.paragraphs[title].runs[0].bold
    assert report.paragraphs[title].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert lines[title + 1] == ("Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022, "
                                "phương hướng nhiệm vụ năm 2023")
    assert report.paragraphs[title + 1].runs[0].bold
    parts = [t for t in lines if t[:4] in ("I. K", "II. ", "III.")]
    assert parts == ["I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022", "II. ĐÁNH GIÁ CHUNG",
                     "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023"]
    assert ("Kết quả thực hiện 09 chỉ tiêu kinh tế - xã hội năm 2022: có 04 chỉ tiêu vượt, 04 chỉ tiêu đạt, "
            "01 chỉ tiêu cơ bản đạt (đạt từ 90% kế hoạch trở lên), cụ thể trên từng lĩnh vực:") in lines
    assert ("- Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3/5.795,9 tấn, bằng 102,37% kế hoạch, "
            "giảm 1,62% so với năm 2021 (6.031 tấn).") in lines
    assessment = lines.index("II. ĐÁNH GIÁ CHUNG")
    assert [t for t in lines[assessment:] if t[:1].isdigit()] == ["1. Ưu điểm", "2. Tồn tại, hạn chế",
                                                                  "3. Nguyên nhân"]
    assert ("Trên đây là báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2022, phương hướng "
            "nhiệm vụ năm 2023 của UBND phường Lương Sơn./.") in lines


def test_recipients_beside_the_signature(report) -> None:
    signature = report.tables[1]
    left, right = signature.cell(0, 0), signature.cell(0, 1)
    assert cell_lines(left) == ["Nơi nhận:", "- UBND TP (b/c);", "- ĐU, HĐND (b/c);", "- MTTQ, các đoàn thể (p/h);",
                                "- Các cơ quan chuyên môn (t/h);", "- Lưu: VP-UB."]
    heading = left.paragraphs[0].runs[0]
    assert heading.bold and heading.italic and heading.font.size == Pt(12)
    assert {r.font.size for p in left.paragraphs[1:] for r in p.runs} == {Pt(11)}
    signer = [t for t in cell_lines(right) if t]
    assert signer == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Dương Thị Lưu"]
    assert all(r.bold for p in right.paragraphs for r in p.runs)
    assert signature.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


def test_officer_narrative_is_kept_when_generated_again(data) -> None:
    own = "Hoạt động sản xuất công nghiệp, dịch vụ thương mại trong những năm qua có nhiều diễn biến phức tạp."
    mine = replace(data, narratives={**data.narratives, field_section("kinh-te"): own,
                                     SECTION_OPENING: "Thực hiện Công văn số 1388/UBND-VP ngày 01/6/2023."})
    first = texts(open_docx(build_report(mine)))
    # New actuals next month: the figures change, the officer's words stay where they were.
    # The evaluation comes with the data (the dashboard's, or the JSON loader's): evaluated again here.
    grain = evaluated(replace(mine.fields[0].rows[0], actual=Decimal("5950"), evaluation=None))
    again = replace(mine, fields=(replace(mine.fields[0], rows=(grain, *mine.fields[0].rows[1:])), *mine.fields[1:]))
    second = texts(open_docx(build_report(again)))
    for lines in (first, second):
        at = lines.index(own)
        assert lines[at - 1] == "1. Lĩnh vực kinh tế"
        assert lines[at + 1].startswith("- Tổng sản lượng lương thực cây có hạt năm 2022 đạt ")
        assert "Thực hiện Công văn số 1388/UBND-VP ngày 01/6/2023." in lines
    assert first[first.index(own) + 1] != second[second.index(own) + 1]
    assert "5.950/5.795,9 tấn, bằng 102,66% kế hoạch" in second[second.index(own) + 1]


def test_date_line_pads_day_and_early_months(data) -> None:
    dated = replace(data, day=5, month=2, issue_year=2023, number="125")
    header = open_docx(build_report(dated)).tables[0]
    assert header.cell(1, 1).text == "Lương Sơn, ngày 05 tháng 02 năm 2023"
    assert header.cell(1, 0).text == "Số: 125/BC-UBND"
    header = open_docx(build_report(replace(dated, month=6))).tables[0]
    assert header.cell(1, 1).text == "Lương Sơn, ngày 05 tháng 6 năm 2023"


def test_period_kinds_name_the_report(data) -> None:
    def title_and_lines(period: Period) -> tuple[str, list[str]]:
        lines = texts(open_docx(build_report(replace(data, period=period))))
        return lines[lines.index("BÁO CÁO") + 1], lines

    title, lines = title_and_lines(Period(PeriodKind.SIX_MONTHS, 2023))
    assert title == ("Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2023, "
                     "phương hướng nhiệm vụ 6 tháng cuối năm 2023")
    assert any("so với cùng kỳ năm 2022 (6.031 tấn)" in t for t in lines)
    title, _ = title_and_lines(Period(PeriodKind.NINE_MONTHS, 2023))
    assert title.endswith("9 tháng năm 2023, phương hướng nhiệm vụ 3 tháng cuối năm 2023")
    title, lines = title_and_lines(Period(PeriodKind.MIDTERM, 2023, 2021, 2025))
    assert title == ("Đánh giá kết quả giữa kỳ tình hình thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm, "
                     "giai đoạn 2021-2025")  # seed 002's title
    assert any("so với năm 2020" in t for t in lines)
    title, _ = title_and_lines(Period(PeriodKind.TERM, 2021, 2016, 2021))
    assert title == ("Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội nhiệm kỳ 2016-2021, "
                     "phương hướng nhiệm vụ nhiệm kỳ 2021-2026")
