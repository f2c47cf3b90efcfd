"""Biểu số 01 (key tasks) and Biểu số 02 (targets and results) appended to the report, as in seed 004."""

from __future__ import annotations

from dataclasses import replace

from docx.shared import Pt

from ktxh.documents import build_report

from .conftest import cell_lines, open_docx, texts


def rows(table) -> list[list[str]]:
    return [[c.text for c in r.cells] for r in table.rows]


def test_bieu_01_key_tasks(report) -> None:
    assert "Biểu số 01: Kết quả thực hiện nhiệm vụ trọng tâm năm 2022" in texts(report)
    table = report.tables[2]
    assert table.style.name == "Table Grid"
    body = rows(table)
    assert body[0] == ["STT", "Nội dung nhiệm vụ", "Kết quả đạt được"]
    assert body[1][0] == "1"
    assert body[1][1].startswith("Vận động nhân dân hiến đất mở rộng mặt bằng tuyến đường trục phường Lương Sơn")
    assert body[2][2].endswith("đã có 12/21 TDP thực hiện đề án.")
    assert len(body) == 3


def test_bieu_02_targets_and_results(report) -> None:
    assert "Biểu số 02: Kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội năm 2022" in texts(report)
    table = report.tables[3]
    body = rows(table)
    assert body[0] == ["STT", "Danh mục", "ĐVT", "Kế hoạch", "Thực hiện", "Cùng kỳ năm trước", "% so với kế hoạch",
                       "% so với cùng kỳ", "Đánh giá"]
    assert body[1][:2] == ["I", "LĨNH VỰC KINH TẾ"]
    assert body[2] == ["1", "Tổng sản lượng lương thực cây có hạt", "tấn", "5.795,9", "5.933,3", "6.031", "102,37",
                       "98,38", "Vượt"]
    assert body[3] == ["2", "Thu ngân sách nhà nước", "đồng", "2.813.000.000", "5.514.602.916", "3.182.308.468",
                       "196,04", "173,29", "Vượt"]
    assert body[5][:2] == ["II", "LĨNH VỰC VĂN HÓA - XÃ HỘI"]
    assert body[6] == ["4", "Số hộ đạt danh hiệu gia đình văn hóa", "hộ", "3.050", "3.011", "3.050", "98,72", "98,72",
                       "Cơ bản đạt"]
    # Lower is better: % of plan is plan / actual (2,5 / 2,13), as ktxh.core.evaluate computes it.
    assert body[8] == ["6", "Tỷ lệ hộ nghèo", "%", "dưới 2,5%", "2,13", "1,53", "117,37", "139,22", "Đạt"]
    assert body[9] == ["7", "Tỷ lệ người dân tham gia bảo hiểm y tế", "%", "trên 95%", "96,4", "", "101,47", "", "Đạt"]
    assert body[-1] == ["9", "Hoàn thành chỉ tiêu giao quân", "", "đạt", "đạt", "", "", "", "Đạt"]
    assert len(body) == 1 + 3 + 9
    header_row = table.rows[0]
    assert all(r.bold for c in header_row.cells for p in c.paragraphs for r in p.runs)
    # 12 pt from the tables' paragraph style, no indent, no spacing; runs set nothing of their own.
    paragraphs = [p for row in table.rows for c in row.cells for p in c.paragraphs]
    assert {p.style.name for p in paragraphs} == {"Nội dung bảng"}
    style = report.styles["Nội dung bảng"]
    assert (style.font.size, style.paragraph_format.first_line_indent, style.base_style.name) == (Pt(12), 0, "Normal")
    assert {r.font.size for p in paragraphs for r in p.runs} == {None}


def test_tables_sit_on_a_landscape_page_after_the_signature(report) -> None:
    # The section break comes after the signature table: Biểu 01 starts the landscape section.
    appendix = report.sections[1]
    assert appendix.page_width > appendix.page_height
    assert cell_lines(report.tables[1].cell(0, 0))[0] == "Nơi nhận:"


def test_only_the_tables_there_is_data_for(data) -> None:
    tasks_only = open_docx(build_report(replace(data, fields=())))
    assert [t for t in texts(tasks_only) if t.startswith("Biểu số")] == [
        "Biểu số 01: Kết quả thực hiện nhiệm vụ trọng tâm năm 2022"]
    neither = open_docx(build_report(replace(data, fields=(), key_tasks=())))
    assert len(neither.sections) == 1 and len(neither.tables) == 2  # header block and signature only
