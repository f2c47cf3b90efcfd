"""Checking a report whose plan/actual table was pasted as text (issue 15, "tables flattened to text"):
cells separated by spaces, or one cell per line, with a "+/-" column (TH − KH). KH, TH, % and the
difference of each row are read and checked; a wrong difference is found, a right one is not called wrong.

The rows are built the way the seeds' Biểu tables and the corpus reports write them (tests/corpus/reports,
duc-giang-6-thang-2021.txt: "Diện tích gieo trồng 33/ 31,5 ha vượt 1,5 ha so với KH").
"""

from __future__ import annotations

from decimal import Decimal

from ktxh.reader import check_document, read_text_document

SPACED = """Kết quả sản xuất vụ Đông Xuân như sau:
Chỉ tiêu ĐVT KH TH % so với KH +/-
Lúa ha 40 38 95 -2
Ngô ha 25 27 108 +2
Đậu tương ha 10 10 100 0
Lạc ha 31,5 33 104,76 + 2,5
Tổng cộng 106,5 108 101,41 +1,5
"""

ONE_PER_LINE = """Cây lúa theo thôn
KH
TH
%
+/-
Thôn Đông
40
38
95
-2
Thôn Đoài
25
27
108
+ 2
Thôn Nam
10
10
100
0
"""


def _by_row(text: str) -> dict[tuple[str, int], tuple[str, Decimal]]:
    return {(f.kind, f.location.row): (f.verdict, f.stated) for f in check_document(read_text_document(text))}


def test_cells_separated_by_spaces_give_ratio_and_difference_per_row() -> None:
    found = _by_row(SPACED)
    for row in (2, 3, 4, 5, 6):
        assert found[("ratio", row)][0] == "ok"
    assert found[("difference", 2)] == ("ok", Decimal(2))  # 38 − 40 = −2
    assert found[("difference", 3)] == ("ok", Decimal(2))
    assert found[("difference", 6)] == ("ok", Decimal("1.5"))
    assert found[("difference", 5)] == ("wrong", Decimal("2.5"))  # 33 − 31,5 = 1,5


def test_the_wrong_difference_says_the_true_one() -> None:
    wrong = [f for f in check_document(read_text_document(SPACED)) if f.verdict == "wrong"]
    assert len(wrong) == 1 and wrong[0].computed_text.startswith("1,5") and "1,5" in wrong[0].note


def test_cells_one_per_line_with_signed_differences() -> None:
    findings = check_document(read_text_document(ONE_PER_LINE))
    assert [(f.kind, f.verdict, f.stated) for f in findings if f.kind == "difference"] == [
        ("difference", "ok", Decimal(2)), ("difference", "ok", Decimal(2)), ("difference", "ok", Decimal(0))]
    assert not [f for f in findings if f.verdict == "wrong"], [f.note for f in findings if f.verdict == "wrong"]


def test_a_wrong_percent_in_a_spaced_row_is_found() -> None:
    text = SPACED.replace("Ngô ha 25 27 108 +2", "Ngô ha 25 27 118 +2")
    assert _by_row(text)[("ratio", 3)] == ("wrong", Decimal(118))


def test_a_bulleted_list_of_figures_is_no_table() -> None:
    text = "Kết quả:\n- Lúa 40 ha\n- Ngô 25 ha\n- Đậu 10 ha\n"
    assert read_text_document(text).tables == ()


def test_a_percent_change_column_is_no_difference() -> None:
    # The plan for next year (ktxh.documents) prints "Tăng/giảm" as "+1,12%": a growth rate, not TH − KH.
    text = ("Danh mục\tĐVT\tThực hiện năm 2023\tKế hoạch năm 2024\tTăng/giảm\n"
            "Sản lượng lương thực\ttấn\t5.933,3\t6.000\t+1,12%\nThu ngân sách\ttriệu đồng\t3.182\t3.300\t+3,71%\n")
    assert [f for f in check_document(read_text_document(text)) if f.kind == "difference"] == []
