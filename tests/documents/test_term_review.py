"""The giữa kỳ report carries the term review (issue 9): the table and one sentence per target, in the
seeds' style, every figure as ``ktxh.core.review`` computed it; and the report still checks out."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from ktxh.core.numbers import format_number
from ktxh.core.review import TermSeries, review_target
from ktxh.core.targets import parse_target
from ktxh.documents import Period, PeriodKind, build_report
from ktxh.documents.data import SECTION_REVIEW, TermReview
from ktxh.reader import check_document, read_document

from .conftest import open_docx, texts

MIDTERM = Period(PeriodKind.MIDTERM, 2023, 2021, 2025)
HEADING = "II. ĐÁNH GIÁ KHẢ NĂNG THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẾN NĂM 2025"

# A small term plan written here: a growth target, a level, a target already met, a qualitative one.
BUDGET = parse_target("Thu ngân sách nhà nước tăng bình quân 10%/năm")
INCOME = parse_target("Thu nhập bình quân đầu người đến năm 2025 đạt 85 triệu đồng/người/năm")
GRAIN = parse_target("Tổng sản lượng lương thực cây có hạt đến năm 2025 đạt 5.800 tấn")
SECURITY = parse_target("Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội trên địa bàn phường")
ITEMS = [
    (BUDGET, TermSeries(2020, D(100), {2021: D(110), 2022: D(121), 2023: D(125)}, 2025, unit="tỷ đồng")),
    (INCOME, TermSeries(2020, D(55), {2021: D(60), 2022: D(63), 2023: D(66)}, 2025)),
    (GRAIN, TermSeries(2020, D("5551.1"), {2021: D(6031), 2022: D("5933.3"), 2023: D("5814.7")}, 2025)),
    (SECURITY, None),
]
NAMES = ["Thu ngân sách nhà nước", "Thu nhập bình quân đầu người", "Tổng sản lượng lương thực cây có hạt",
         "An ninh chính trị, trật tự an toàn xã hội"]


@pytest.fixture
def review() -> TermReview:
    return TermReview.from_series(ITEMS, deadline=2025, names=NAMES, period="giai đoạn 2021 - 2025")


@pytest.fixture
def midterm(data, review):
    return replace(data, period=MIDTERM, term_review=review)


def _review_table(document):
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "STT" and len(t.columns) == 11]
    return table


def test_the_section_comes_after_the_results_and_renumbers_the_parts(midterm) -> None:
    lines = texts(open_docx(build_report(midterm)))
    parts = [t for t in lines if t[:3] in ("I. ", "II.", "III", "IV.")]
    assert parts[1:] == [HEADING, "III. ĐÁNH GIÁ CHUNG", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NHỮNG NĂM CÒN LẠI CỦA GIAI "
                                                         "ĐOẠN 2021-2025"]


def test_table_holds_the_core_review_of_each_target(midterm) -> None:
    table = _review_table(open_docx(build_report(midterm)))
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Chỉ tiêu", "ĐVT", "Năm gốc", "Mới nhất", "Mục tiêu", "Tiến độ", "Nhịp đã đạt",
                       "Nhịp cần", "Ước cuối kỳ", "Khả năng đạt"]
    assert [r[:2] for r in rows[1:]] == [[str(i), n] for i, n in enumerate(NAMES, 1)]
    budget, income, grain, security = (review_target(t, s) for t, s in ITEMS)
    # Growth: base 100 compounds at 10%/năm to 161,051 in 2025; (125/100)^(1/3) − 1 = 7,72%/năm so far,
    # (161,051/125)^(1/2) − 1 = 13,51%/năm still needed.
    assert rows[1][2:] == ["tỷ đồng", "100 (2020)", "125 (2023)", "10%/năm",
                           f"{format_number(budget.progress, 1)}%", "7,7%/năm", "13,5%/năm",
                           f"{format_number(budget.anticipated, 0)} ({format_number(budget.anticipated_rate, 1)}%/năm)",
                           budget.outlook.label]
    # Level: (66 − 55)/(85 − 55) = 36,7% of the way; +11/3 = 3,67 a year so far, (85 − 66)/2 = 9,50 needed.
    assert rows[2][2:] == ["triệu đồng/người/năm", "55 (2020)", "66 (2023)", "85", "36,7%", "+3,67/năm",
                           "+9,50/năm", format_number(income.anticipated, 0), income.outlook.label]
    assert income.outlook.label == "khó đạt"
    # Already above 5.800 tấn in 2023: đã đạt, nothing more needed.
    assert rows[3][2:5] == ["tấn", "5.551,1 (2020)", "5.814,7 (2023)"]
    assert rows[3][5] == "5.800" and rows[3][8] == "" and rows[3][10] == grain.outlook.label == "đã đạt"
    assert rows[4][10] == security.outlook.label == "chưa đánh giá"


def test_one_sentence_per_target_and_the_summary(midterm, review) -> None:
    lines = texts(open_docx(build_report(midterm)))
    start = lines.index(HEADING)
    section = lines[start:lines.index("III. ĐÁNH GIÁ CHUNG")]
    assert section[1] == review.summary == (
        "Kết quả đánh giá 04 chỉ tiêu giai đoạn 2021 - 2025: có 01 chỉ tiêu đã đạt, 02 chỉ tiêu khó đạt; "
        "01 chỉ tiêu định tính không chấm điểm.")
    said = [t for t in section if t.startswith("- ")]
    assert said[:3] == [
        "- Thu ngân sách nhà nước: Để đạt chỉ tiêu Nghị quyết, 2 năm còn lại cần tăng bình quân 13,5%/năm.",
        "- Thu nhập bình quân đầu người: Để đạt chỉ tiêu Nghị quyết, 2 năm còn lại cần tăng bình quân "
        "9,50 triệu đồng/người/năm.",
        "- Tổng sản lượng lương thực cây có hạt: Đã đạt chỉ tiêu Nghị quyết.",
    ]
    assert said[3].startswith("- An ninh chính trị, trật tự an toàn xã hội: Chỉ tiêu định tính")


def test_officer_text_heads_the_section(midterm) -> None:
    own = "Nửa nhiệm kỳ qua, phường tập trung chỉ đạo các chỉ tiêu kinh tế."
    data = replace(midterm, narratives={**midterm.narratives, SECTION_REVIEW: own})
    lines = texts(open_docx(build_report(data)))
    assert lines[lines.index(HEADING) + 1] == own


@pytest.mark.parametrize("period", [Period(PeriodKind.YEAR, 2023), Period(PeriodKind.SIX_MONTHS, 2023)],
                         ids=["nam", "6-thang"])
def test_only_the_midterm_and_term_reports_print_it(data, review, period) -> None:
    lines = texts(open_docx(build_report(replace(data, period=period, term_review=review))))
    assert not any("KHẢ NĂNG THỰC HIỆN" in t for t in lines)
    assert "II. ĐÁNH GIÁ CHUNG" in lines


def test_term_report_prints_it_too(data, review) -> None:
    term = replace(data, period=Period(PeriodKind.TERM, 2025, 2021, 2025), term_review=review)
    assert HEADING in texts(open_docx(build_report(term)))


def test_midterm_report_with_the_review_has_no_wrong_figure(midterm) -> None:
    findings = check_document(read_document(build_report(midterm), filename="giua-ky.docx"))
    assert [(f.kind, str(f.stated), str(f.computed)) for f in findings if f.verdict == "wrong"] == []
    # The figures of the results part are still all recomputed and right.
    verdicts = sorted((f.kind, f.verdict) for f in findings if f.kind in ("ratio", "growth"))
    assert verdicts == [("growth", "ok")] * 5 + [("ratio", "ok")] * 12


def test_long_figures_keep_every_word_whole(data) -> None:
    """Thu ngân sách in đồng (the demo ward Lương Sơn's 3.182.308.468 đồng in 2020): eleven columns on a
    portrait page, and no figure, unit or heading breaks inside its column (measured with the font's own
    advances, not an average)."""
    from .test_layout import word_breaks

    budget = parse_target("Thu ngân sách trên địa bàn phường đến năm 2025 đạt 6.000.000.000 đồng")
    items = [(budget, TermSeries(2020, D(3182308468), {2021: D(4120553912), 2022: D(5514602916)}, 2025,
                                 unit="đồng")),
             (parse_target("Tỷ lệ hộ nghèo đến năm 2025 còn dưới 1%"),
              TermSeries(2020, D("2.5"), {2021: D("2.1"), 2022: D("1.57")}, 2025, unit="%")),
             *ITEMS]
    review = TermReview.from_series(items, deadline=2025, names=["Thu ngân sách", "Tỷ lệ hộ nghèo", *NAMES],
                                    period="giai đoạn 2021 - 2025")
    document = open_docx(build_report(replace(data, period=Period(PeriodKind.MIDTERM, 2022, 2021, 2025),
                                               term_review=review)))
    table = _review_table(document)
    assert "3.182.308.468" in table.rows[1].cells[3].text
    assert word_breaks(document) == []
    # Too wide for a portrait page at 8 pt even: the table alone on a landscape page, the text after it
    # on portrait pages again, then the landscape appendices.
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE,
                                                          WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    assert all(r.font.size == Pt(10) for c in table.rows[1].cells for p in c.paragraphs for r in p.runs)
    # The break ends the summary paragraph before the table: no empty paragraph of its own, which fell on
    # a blank page of its own in the demo Lương Sơn giữa kỳ report.
    before = table._tbl.getprevious()
    assert before.tag == qn("w:p") and before.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    assert "".join(before.itertext()).startswith("Kết quả đánh giá")


def test_the_review_stays_on_the_page_when_it_fits(midterm) -> None:
    """10 pt, or 9 pt so that the names keep 3 cm (at 10 pt "Thu nhập bình quân đầu người" ran a word a line)."""
    document = open_docx(build_report(midterm))
    table = _review_table(document)
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    sizes = {r.font.size for row in table.rows for c in row.cells for p in c.paragraphs for r in p.runs}
    assert len(sizes) == 1 and sizes <= {Pt(10), Pt(9)}
    names = int(table._tbl.tblGrid.findall(qn("w:gridCol"))[1].get(qn("w:w"))) / (1440 / 2.54)
    assert names >= 3.0
