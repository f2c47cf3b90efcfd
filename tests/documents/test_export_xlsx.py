"""An officer downloads Biểu số 01 and 02 as Excel: values, vi-VN number formats, % as formulas."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ktxh.documents import build_tables_xlsx
from ktxh.documents.xlsx import number_format


@pytest.fixture
def workbook(data):
    return load_workbook(io.BytesIO(build_tables_xlsx(data)))


def values(ws, row: int) -> list:
    return [c.value for c in ws[row]]


def test_sheets_titles_and_frozen_headers(workbook) -> None:
    assert workbook.sheetnames == ["Biểu 01", "Biểu 02"]
    b1, b2 = workbook["Biểu 01"], workbook["Biểu 02"]
    assert b1["A1"].value == "Biểu số 01: Kết quả thực hiện nhiệm vụ trọng tâm năm 2022"
    assert b2["A1"].value == "Biểu số 02: Kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội năm 2022"
    assert "A1:K1" in {str(r) for r in b2.merged_cells.ranges}
    for ws in (b1, b2):
        assert ws.freeze_panes == "A4"
        assert ws["A1"].font.bold and ws["A3"].font.bold
        assert ws.page_setup.orientation == "landscape"
    assert values(b2, 3) == ["STT", "Danh mục", "ĐVT", "Kế hoạch", "Thực hiện", "Cùng kỳ năm trước",
                             "% so với kế hoạch", "% so với cùng kỳ", "Đánh giá", "Chỉ tiêu kế hoạch (nguyên văn)",
                             "Số liệu kỳ gốc (chỉ tiêu tăng, giảm)"]
    assert all(c.font.bold and c.border.left.style == "thin" for c in b2[3])
    assert [b2.column_dimensions[k].width for k in "ABCDEFGHIJK"] == [6, 45, 12, 16, 16, 16, 12, 12, 14, 40, 14]
    # Printed: the title rows on every page, only the table.
    assert b1.print_title_rows == b2.print_title_rows == "$1:$3"
    assert b2.print_area == "'Biểu 02'!$A$1:$K$15" and b1.print_area == "'Biểu 01'!$A$1:$C$5"


def test_key_tasks(workbook) -> None:
    ws = workbook["Biểu 01"]
    assert values(ws, 3) == ["STT", "Nội dung nhiệm vụ", "Kết quả đạt được"]
    assert ws["A4"].value == 1
    assert ws["B5"].value.startswith("Triển khai mô hình thu gom chất thải rắn sinh hoạt")
    assert ws["C5"].alignment.wrap_text
    assert ws.max_row == 5


def test_indicator_rows_hold_numbers_with_formats(workbook) -> None:
    ws = workbook["Biểu 02"]
    assert values(ws, 4)[:2] == ["I", "LĨNH VỰC KINH TẾ"]
    grain = values(ws, 5)
    assert grain[:6] == [1, "Tổng sản lượng lương thực cây có hạt", "tấn", 5795.9, 5933.3, 6031]
    assert [ws.cell(5, c).number_format for c in (4, 5, 6, 7, 8)] == ["#,##0.0", "#,##0.0", "#,##0", "#,##0.00",
                                                                      "#,##0.00"]
    budget = values(ws, 6)
    assert budget[3:6] == [2813000000, 5514602916, 3182308468]
    assert ws["D6"].number_format == "#,##0"
    assert grain[8].startswith("=IF(")
    # "dưới 2,5%": a bound, its end written into the formula (the words stay in J)
    assert values(ws, 11)[8].startswith('=IF(E11="","Chưa có số liệu",IF(E11>=2.5,')


def test_percent_columns_are_formulas_over_plan_and_actual(workbook) -> None:
    ws = workbook["Biểu 02"]
    assert ws["G5"].value == '=IF(D5=0,"",E5/D5*100)'
    assert ws["H5"].value == '=IF(F5=0,"",E5/F5*100)'
    assert ws["G6"].value == '=IF(D6=0,"",E6/D6*100)'
    # "dưới 2,5%": the plan is words (column J), the % a formula over the bound (2,5 / E11 × 100).
    poor = values(ws, 11)
    # Column D holds figures only; the words are in J.
    assert poor[1:6] == ["Tỷ lệ hộ nghèo", "%", None, 2.13, 1.53] and poor[9] == "dưới 2,5%"
    assert poor[6] == '=IF(OR(E11="",N(E11)<=0),"",2.5/E11*100)'
    assert all(not isinstance(ws.cell(r, 4).value, str) for r in range(4, ws.max_row + 1))
    assert ws["H11"].value == '=IF(F11=0,"",E11/F11*100)'
    insured = values(ws, 12)
    assert insured[5:8] == [None, '=IF(E12="","",E12/95*100)', None]  # pycel computes 101,47 (test below)
    assert values(ws, 15)[1:5] == ["Hoàn thành chỉ tiêu giao quân", None, None, "đạt"]
    assert values(ws, 15)[9] == "đạt"
    assert ws.max_row == 15


def test_number_format_follows_the_decimals_written() -> None:
    from decimal import Decimal

    assert number_format(Decimal("6031")) == "#,##0"
    assert number_format(Decimal("5933.3")) == "#,##0.0"
    assert number_format(Decimal("1.53")) == "#,##0.00"
    assert number_format(Decimal("100.0")) == "#,##0"


def test_status_and_percent_formulas_compute_what_the_evaluator_said(data, workbook) -> None:
    """Excel's own arithmetic (pycel evaluates the formulas as Excel does) gives the Word file's figures."""
    from pycel import ExcelCompiler

    from ktxh.documents.narrative import assess_fields, status_label
    from ktxh.documents.xlsx import status_formula

    book = ExcelCompiler(excel=workbook)
    r, checked = 3, 0
    for _, results in assess_fields(data.fields):
        r += 1
        for result in results:
            r += 1
            assert book.evaluate(f"'Biểu 02'!I{r}") == status_label(result)
            pct = book.evaluate(f"'Biểu 02'!G{r}")
            if result.evaluation.percent_of_plan is not None:
                assert round(pct, 2) == float(result.evaluation.percent_of_plan)
            checked += status_formula(result, r) is not None
    # grain, two budgets, gia đình văn hóa, tổ dân phố, đơn thư: one plan figure each; the poverty rate
    # ("dưới 2,5%") and health insurance (a bound): their ends in the formula
    assert checked == 8


def test_status_formula_reads_the_core_threshold(data) -> None:
    from ktxh.core.evaluate import DEFAULT_THRESHOLD
    from ktxh.documents.narrative import assess
    from ktxh.documents.xlsx import status_formula

    formula = status_formula(assess(data.fields[0].rows[0]), 5)
    assert f"ROUND(G5,2)>={DEFAULT_THRESHOLD}" in formula and '"Cơ bản đạt"' in formula


def test_rows_are_as_high_as_their_wrapped_texts(workbook) -> None:
    """LibreOffice kept every row one line high: "% so với kế hoạch" ran over the table's top and a long
    name over the row below it (demo Nhơn Hưng, "Hướng dẫn công dân đăng ký tài khoản định danh…")."""
    from ktxh.documents.xlsx import CHAR_CM, LINE_PT, wrapped_lines

    b1, b2 = workbook["Biểu 01"], workbook["Biểu 02"]
    assert b2.row_dimensions[3].height >= 2 * LINE_PT  # "% so với kế hoạch", "Cùng kỳ năm trước" in two lines
    for ws, widths in ((b1, (6, 60, 70)), (b2, (6, 45, 12, 16, 16, 16, 12, 12, 14, 40, 14))):
        for r in range(4, ws.max_row + 1):
            texts = [(c.value, w, bool(c.font.b)) for c, w in zip(ws[r], widths, strict=False)
                     if isinstance(c.value, str) and not c.value.startswith("=") and c.coordinate not in ws.merged_cells]
            need = max((wrapped_lines(t, w * CHAR_CM, bold=b) for t, w, b in texts), default=1)
            assert ws.row_dimensions[r].height >= need * LINE_PT, (r, texts)
    assert any(b1.row_dimensions[r].height > 2 * LINE_PT for r in range(4, b1.max_row + 1))


_BOUND_TARGETS = ["Từ 14 - 15%", "trên 95%", "từ 95% trở lên", "dưới 2,5%", "không quá 2,5%", "Từ 0,7 - 0,9%",
                  "tối thiểu 80%", "đạt 90 - 95%"]


@settings(max_examples=80, deadline=None)
@given(text=st.sampled_from(_BOUND_TARGETS), down=st.booleans(),
       actual=st.decimals(min_value=0, max_value=200, places=2, allow_nan=False))
def test_a_bound_formula_says_what_the_evaluator_says(text, down, actual) -> None:
    """Ranges and bounds: Excel's arithmetic on the written-in ends gives the evaluator's class and %."""
    from openpyxl import Workbook
    from pycel import ExcelCompiler

    from ktxh.core.evaluate import evaluate
    from ktxh.core.targets import parse_target
    from ktxh.documents.data import Row
    from ktxh.documents.narrative import assess, status_label
    from ktxh.documents.xlsx import bounds_percent, status_formula

    target = parse_target(text, direction="down" if down else "up")
    ev = evaluate(target, actual)
    result = assess(Row("Chỉ tiêu", "%", target_text=text, actual=actual, direction=target.direction.value,
                        evaluation=ev))
    formula = status_formula(result, 1)
    if ev.percent_of_plan is None:
        assert formula is None
        return
    wb = Workbook()
    ws = wb.active
    ws.title = "B"
    ws["E1"], ws["G1"], ws["I1"] = float(actual), bounds_percent(result, 1), formula
    book = ExcelCompiler(excel=wb)
    assert book.evaluate("B!I1") == status_label(result)
    # the cell shows 2 decimals; a float's 196.575 is 196.5749…, so compare within half a hundredth
    assert abs(book.evaluate("B!G1") - float(ev.percent_of_plan)) <= 0.005 + 1e-9


_CHANGE_TARGETS = ["Giảm 01 hộ nghèo", "Tỷ lệ hộ nghèo giảm so với năm 2021: Từ 0,7 - 0,9%", "tăng 5%",
                   "Thu ngân sách tăng 10% so với năm 2022", "tăng bình quân 14 – 15%/năm", "giảm 0,5%",
                   "Tăng từ 5-10%", "Giảm 2 - 3 hộ nghèo", "tăng trên 8%"]
_FIGURES = st.decimals(min_value=0, max_value=300, places=2, allow_nan=False)


@settings(max_examples=150, deadline=None)
@given(text=st.sampled_from(_CHANGE_TARGETS), actual=_FIGURES, base=st.one_of(st.none(), _FIGURES),
       near=st.booleans())
def test_a_change_formula_says_what_the_evaluator_says(text, actual, base, near) -> None:
    """Changes ("giảm 01 hộ nghèo", "tăng 5%"): Excel's arithmetic on the base (K), the actual (E) and the
    written-in ends gives the evaluator's class and % of plan; without a base the actual is the change."""
    from openpyxl import Workbook
    from pycel import ExcelCompiler

    from ktxh.core.evaluate import evaluate
    from ktxh.core.targets import parse_target
    from ktxh.documents.data import Row
    from ktxh.documents.narrative import assess, status_label
    from ktxh.documents.xlsx import change_formulas, status_formula

    target = parse_target(text, unit="%")
    if near and base is not None and target.low is not None:
        # Right at the target's end, where a float's noise would flip the class: the change exactly met.
        step = target.low if target.change_mode != "percent" else base * target.low / 100
        actual = base - step if target.direction.value == "down" else base + step
    if base is not None and base <= 0 and target.change_mode == "percent":
        base = Decimal("0.01")
    ev = evaluate(target, actual, base=base)
    assert ev.base == base
    result = assess(Row("Chỉ tiêu", "%", target_text=text, actual=actual, evaluation=ev))
    percent, formula = change_formulas(result, 1)
    assert status_formula(result, 1) == formula
    wb = Workbook()
    ws = wb.active
    ws.title = "B"
    ws["E1"], ws["G1"], ws["I1"] = float(actual), percent, formula
    if base is not None:
        ws["K1"] = float(base)
    book = ExcelCompiler(excel=wb)
    assert book.evaluate("B!I1") == status_label(result), (percent, formula)
    pct = book.evaluate("B!G1")
    if ev.percent_of_plan is None:
        assert pct == ""
    else:
        assert abs(pct - float(ev.percent_of_plan)) <= 0.005 + 1e-9


def test_a_percent_change_from_a_base_of_zero_keeps_the_verdict_as_text() -> None:
    """The evaluator refuses a growth from 0 (and a negative base turns its sign): no formula there."""
    from ktxh.core.evaluate import evaluate
    from ktxh.core.model import Evaluation, Status
    from ktxh.core.targets import parse_target
    from ktxh.documents.data import Row
    from ktxh.documents.narrative import assess
    from ktxh.documents.xlsx import change_formulas

    target = parse_target("tăng 5%")
    ev = evaluate(target, Decimal(3), base=Decimal(-2))
    assert change_formulas(assess(Row("Chỉ tiêu", "", target_text="tăng 5%", evaluation=ev)), 1) is None
    absolute = parse_target("Giảm 01 hộ nghèo")
    ev = evaluate(absolute, Decimal(3), base=Decimal(0))
    assert change_formulas(assess(Row("Hộ nghèo", "hộ", target_text="Giảm 01 hộ nghèo", evaluation=ev)), 1)
    empty = Evaluation(target, None, Status.CHUA_CO_SO_LIEU)
    assert change_formulas(assess(Row("Chỉ tiêu", "", target_text="tăng 5%", evaluation=empty)), 1) is None
