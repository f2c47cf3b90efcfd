"""`ktxh extract FILE --json`: the document model, its targets, actuals and claims, from the seeds."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ktxh.cli import main
from ktxh.core.model import TargetKind

from .conftest import seed_document, seed_path


@pytest.mark.parametrize(
    ("prefix", "doc_type", "issuer", "unit", "period"),
    [
        ("000", "Báo cáo", "Ủy ban nhân dân", "phường Điện Nam Đông", "Nhiệm kỳ 2016 – 2021"),
        ("001", "Nghị quyết", "Đảng ủy", "phường Hương Xuân", "năm 2022"),
        ("002", "Báo cáo", "Ủy ban nhân dân", "phường Lương Sơn", "giai đoạn 2021-2025"),
        ("003", "Kế hoạch", "Ủy ban nhân dân", "phường Nhơn Hưng", "NĂM 2024"),
        ("004", "Kế hoạch", "Ủy ban nhân dân", "phường Lê Lợi", "năm 2024"),
    ],
)
def test_metadata(prefix: str, doc_type: str, issuer: str, unit: str, period: str) -> None:
    m = seed_document(prefix).metadata
    assert (m.doc_type, m.issuer, m.unit, m.period.text) == (doc_type, issuer, unit, period)


def test_place_date_and_legal_bases() -> None:
    m = seed_document("002").metadata
    assert (m.place, m.date, m.year) == ("Lương Sơn", "ngày tháng 6 năm 2023", 2023)
    assert m.legal_bases[0] == "Công văn số 1388/UBND-VP ngày 01/6/2023"
    assert seed_document("003").metadata.legal_bases == ("Nghị quyết số 08/NQ-HĐND ngày 26/12/2022",)
    assert seed_document("000").metadata.period.end_year == 2021


@pytest.mark.parametrize(
    ("prefix", "start", "end"),
    [
        ("000", "Tiếp tục nâng cao năng lực lãnh đạo", "xây dựng thành công phường đô thị phát triển."),
        ("001", "Thích ứng an toàn, linh hoạt", "đạt chuẩn văn minh đô thị."),
        # seed 004's paragraph is cut by a page ("các hộ sản" / "xuất, kinh doanh"): joined again
        ("004", "Năm 2024, là năm thứ tư", "tăng cường công tác phòng chống tham nhũng."),
        ("002", "", ""),  # a report: no objective of its own
    ],
)
def test_general_objective_of_a_plan(prefix: str, start: str, end: str) -> None:
    objective = seed_document(prefix).metadata.objective
    assert objective.startswith(start) and objective.endswith(end), objective[:80]
    if prefix == "004":
        assert "các hộ sản xuất, kinh doanh" in objective


def test_heading_tree_and_section_paths() -> None:
    doc = seed_document("002")
    levels = {h.text: h.level for h in doc.headings}
    assert levels["Phần thứ hai: PHƯƠNG HƯỚNG NHIỆM VỤ PHÁT TRIỂN KTXH NĂM 2023"] == 1
    assert levels["1.2. Hoạt động sản xuất nông nghiệp"] == 5
    assert levels["* Trồng trọt"] > levels["1.2. Hoạt động sản xuất nông nghiệp"]
    p = next(p for p in doc.paragraphs if p.text.startswith("- Tổng sản lượng lương thực cây có hạt năm 2021"))
    assert p.location.section[-2:] == ("1.2. Hoạt động sản xuất nông nghiệp", "* Trồng trọt")
    assert p.location.line == 29
    parts = [h.text for h in seed_document("000").headings if h.level == 1]
    assert parts == [
        "Phần thứ nhất: ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NHIỆM KỲ 2016 – 2021",
        "Phần thứ hai: PHƯƠNG HƯỚNG MỤC TIÊU VÀ NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU NHIỆM KỲ 2021 – 2026",
    ]
    roman = [h.text for h in seed_document("000").headings if h.level == 3]
    assert roman[:2] == [
        "I. Đánh giá chung về tình hình thực hiện kế hoạch phát triển kinh tế - xã hội nhiệm kỳ 2016 – 2021",
        "II. Những hạn chế, khuyết điểm",
    ]


def test_lines_broken_at_footnote_marks_are_mended_and_linked() -> None:
    doc = seed_document("000")
    p = next(p for p in doc.paragraphs if "Tổng thu ngân sách Nhà nước trong 05 năm qua" in p.text)
    assert p.text.startswith("Tổng thu ngân sách Nhà nước trong 05 năm qua là: 84,6 tỷ đồng, tăng bình quân 35%/năm.")
    assert [n for _, n in p.footnotes] == [8, 9]
    assert doc.footnote(8).text.startswith("Năm 2016: 7,89 tỷ; 2017: 10,94 tỷ")
    assert len(doc.footnotes) == 13 and not doc.warnings


def test_target_lists_with_their_fields() -> None:
    fields = [t.field for t in seed_document("000").targets]
    assert fields.count("Kinh tế") == 7
    assert fields.count("Văn hóa – xã hội") == 5
    assert fields.count("Quốc phòng – an ninh và xây dựng hệ thống chính trị") == 2
    targets = seed_document("001").targets
    assert len(targets) == 14
    t = next(t for t in targets if t.label.startswith("Tỷ lệ người tham gia bảo hiểm y tế"))
    assert (t.target.kind, t.target.low, t.target.low_strict) == (TargetKind.MIN, Decimal(99), True)
    assert len(seed_document("003").targets) == 24


def test_table_targets_take_the_unit_from_the_dvt_column() -> None:
    targets = {t.label: t for t in seed_document("004").targets}
    assert targets["Dân số"].target.low == Decimal("12575") and targets["Dân số"].field == "Xã hội - môi trường"
    assert targets["Tỷ lệ hộ nghèo"].target.low == Decimal("0.42") and targets["Tỷ lệ hộ nghèo"].unit == "%"
    assert targets["Dịch vụ"].field == "Kinh tế"
    assert targets["Số học sinh có mặt đầu năm học"].target.low == Decimal("2016")
    assert targets["Tổng số lao động được giải quyết việc làm mới"].target.low == 179


def test_actuals_from_a_over_b() -> None:
    actuals = seed_document("002").actuals
    a = actuals[0]
    assert (a.label, a.actual, a.plan, a.unit) == ("Tổng sản lượng lương thực cây có hạt năm 2021", 6031, 5926, "tấn")
    trees = next(a for a in seed_document("003").actuals if a.actual == 11800)
    assert (trees.label, trees.plan, trees.unit) == ("Số lượng cây lâm nghiệp phân tán đã trồng", 4500, "cây")


def test_extract_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(seed_path("004")), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("metadata", "headings", "paragraphs", "tables", "footnotes", "targets", "actuals", "claims"):
        assert key in data
    assert data["metadata"]["unit"] == "phường Lê Lợi"
    table = next(t for t in data["tables"] if t["caption"].startswith("Biểu số 02"))
    assert table["rows"][0] == ["DANH MỤC", "ĐVT", "Chỉ tiêu"]
    assert {"field": "Xã hội - môi trường", "label": "Dân số"}.items() <= next(
        t for t in data["targets"] if t["label"] == "Dân số").items()
    assert data["claims"][-1]["quote"].endswith("(đạt 32/64 đạt 50%).")


def test_extract_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(seed_path("002"))]) == 0
    out = capsys.readouterr().out
    assert "Đơn vị: phường Lương Sơn" in out and "Loại văn bản: Báo cáo" in out


RESULTS_MD = """## I. KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023

| TT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Tỷ lệ (%) |
|---|---|---|---|---|---|
| 1 | Số lượng cây lâm nghiệp phân tán đã trồng | cây | 4.500 | 11.800 | 226,22 |
| 2 | Bảo hiểm xã hội tự nguyện | người | 119 | 118 | 99,16 |
| 3 | Tổng sản lượng lương thực cây có hạt năm 2022 | tấn | 5.795,9 | 5.933,3 | 102,37 |
| 4 | Dân số | Người | 12,575 | 12.600 | 100,2 |
"""


def test_markdown_table_with_plan_actual_and_percent_columns() -> None:
    from ktxh.reader import check_document, read_document

    doc = read_document(RESULTS_MD.encode(), filename="ket_qua.md")
    assert doc.headings[0].text == "I. KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2023"
    assert doc.tables[0].rows[1][1] == "Số lượng cây lâm nghiệp phân tán đã trồng"
    findings = check_document(doc)
    assert [(f.verdict, f.stated_text, f.computed_text) for f in findings] == [
        ("wrong", "226,22%", "262,22%"), ("ok", "99,16%", "99,16%"), ("ok", "102,37%", "102,37%"),
        ("ok", "100,2%", "100,2%"),  # 12.600 / 12,575 = 100,198…%: ĐVT "Người" reads "12,575" as 12 575
    ]
    assert (findings[0].location.table, findings[0].location.row) == (1, 2)
    assert "bảng 1, hàng 2" in str(findings[0].location)
    a = doc.actuals[3]
    assert (a.label, a.actual, a.plan, a.unit) == ("Dân số", 12600, 12575, "Người")


def test_footnotes_that_cannot_all_be_linked_are_said_so(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "chu_thich.txt"
    p.write_text("Tổng chi ngân sách 64 tỷ đồng\n tăng bình quân 30%/năm.\n\n"
                 "\ufffd Năm 2016: 6,53 tỷ; 2017: 7,12 tỷ.\n\n\ufffd Một chú thích không có chỗ đánh dấu.\n",
                 encoding="utf-8")
    assert main(["check", str(p)]) == 1
    out = capsys.readouterr().out
    assert "Lưu ý: Có 2 chú thích nhưng tìm thấy 1 chỗ đánh dấu chú thích" in out
    assert "chú thích số 1" in out
