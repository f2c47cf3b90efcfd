"""An officer generates next year's Kế hoạch (.docx): objective, numbered targets by field, tasks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ktxh.documents import DocumentDataError, build_plan

from .conftest import cell_lines, texts

NBSP6 = "\u00a0" * 6


def test_header_and_title(plan) -> None:
    header = plan.tables[0]
    assert cell_lines(header.cell(0, 0))[:2] == ["UBND THÀNH PHỐ SÔNG CÔNG", "UBND PHƯỜNG LƯƠNG SƠN"]
    assert header.cell(1, 0).text == f"Số: {NBSP6}/KH-UBND"
    lines = texts(plan)
    at = lines.index("KẾ HOẠCH")
    assert lines[at + 1] == "Phát triển kinh tế - xã hội năm 2023"
    assert plan.paragraphs[at].runs[0].bold and plan.paragraphs[at + 1].runs[0].bold


def test_parts_objective_targets_and_tasks(plan) -> None:
    lines = texts(plan)
    start = lines.index("II. KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023")
    end = next(i for i, t in enumerate(lines) if t.startswith("Trên đây là Kế hoạch"))
    assert lines[start:end] == [
        "II. KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023",
        "1. Mục tiêu tổng quát",
        "Tập trung thực hiện thắng lợi các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2023; đẩy mạnh phát "
        "triển công nghiệp - tiểu thủ công nghiệp, thương mại dịch vụ; giữ vững quốc phòng, an ninh, trật tự an toàn "
        "xã hội.",
        "2. Các chỉ tiêu chủ yếu năm 2023",
        "3. Nhiệm vụ và giải pháp chủ yếu năm 2023",
        "- Đẩy mạnh phát triển công nghiệp - tiểu thủ công nghiệp, tạo điều kiện thuận lợi cho các doanh nghiệp, "
        "các nhà đầu tư triển khai các dự án quy hoạch phát triển cụm công nghiệp của địa phương.",
        "- Tiếp tục đẩy mạnh các biện pháp thâm canh, áp dụng khoa học kỹ thuật vào sản xuất nông nghiệp để nâng "
        "cao hiệu quả sản xuất.",
        "- Tăng cường công tác kiểm soát thủ tục hành chính, thực hiện kiểm soát chặt chẽ việc ban hành, công khai, "
        "minh bạch thủ tục hành chính.",
    ]
    # The main targets in a table: indicator, ĐVT, this year's result, next year's target, change.
    table = next(t for t in plan.tables if t.rows[0].cells[1].text == "Danh mục")
    assert [c.text for c in table.rows[0].cells] == ["STT", "Danh mục", "ĐVT", "Thực hiện năm 2022",
                                                     "Kế hoạch năm 2023", "Tăng/giảm"]
    assert [[c.text for c in r.cells] for r in table.rows[1:4]] == [
        ["I", "LĨNH VỰC KINH TẾ", "", "", "", ""],
        ["1", "Tổng sản lượng lương thực cây có hạt", "tấn", "", "Đạt 100% chỉ tiêu kế hoạch thành phố giao", ""],
        ["2", "Thu ngân sách nhà nước", "%", "", "đạt 100% kế hoạch thành phố giao trở lên", ""],
    ]
    first = lines[: start]
    assert "I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2022" in first
    assert "(Chi tiết theo Biểu số 01, Biểu số 02 kèm theo)" in first
    assert [t for t in first if t.startswith("2.")] == ["2. Đánh giá chung", "2.1. Ưu điểm", "2.2. Tồn tại, hạn chế",
                                                        "2.3. Nguyên nhân"]
    assert lines[end] == "Trên đây là Kế hoạch phát triển kinh tế - xã hội năm 2023 của UBND phường Lương Sơn./."


def test_signature_and_appendices(plan) -> None:
    signature = next(t for t in plan.tables if t.cell(0, 0).text.startswith("Nơi nhận:"))
    assert [t for t in cell_lines(signature.cell(0, 1)) if t] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Dương Thị Lưu"]
    assert "(Kèm theo Kế hoạch số \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND của UBND phường Lương Sơn)" in texts(plan)
    assert len(plan.sections) == 2


def test_without_next_year_plan_the_error_says_so(data) -> None:
    with pytest.raises(DocumentDataError, match="Thiếu kế hoạch năm sau") as info:
        build_plan(replace(data, next_plan=None))
    assert info.value.field == "next_plan"


def test_the_plan_column_gives_a_figure_or_a_short_reading(data) -> None:
    """Demo Nhơn Hưng's 2024 plan: a proposed target printed "5.191 (đề / xuất)" broken in its column, and
    a target whose words are all in its name ("… cuối năm dưới 02%") said "Như nội dung chỉ tiêu"."""
    from decimal import Decimal

    from ktxh.documents import Field, NextPlan, Row

    from .conftest import open_docx

    rows = (Row("Hướng dẫn công dân đăng ký tài khoản định danh điện tử mức độ 02", "trường hợp",
                target_text="5.191", plan=Decimal(5191), actual=Decimal(4385), proposed=True),
            Row("Tỷ lệ nợ quá hạn từ nguồn vốn vay cuối năm dưới 02%", "%",
                target_text="Tỷ lệ nợ quá hạn từ nguồn vốn vay cuối năm dưới 02%", direction="down"),
            Row("Không để dịch bệnh gia súc, gia cầm", target_text="Không để dịch bệnh gia súc, gia cầm"))
    plan = open_docx(build_plan(replace(data, next_plan=NextPlan(2024, fields=(Field("x", "Xây dựng chính quyền",
                                                                                     rows),)))))
    table = next(t for t in plan.tables if t.rows[0].cells[1].text == "Danh mục")
    assert [cell_lines(r.cells[4]) for r in table.rows[2:5]] == [["5.191", "(đề xuất)"], ["nhỏ hơn 2%"],
                                                                 ["Hoàn thành"]]
    assert table.rows[2].cells[5].text == "+18,38%"
