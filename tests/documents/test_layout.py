"""The Word files measured in their XML against Nghị định 30/2020/NĐ-CP, Phụ lục I.

A4; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman; quốc hiệu
12–13 pt bold capitals; tiêu ngữ 13–14 pt bold with a rule as long as itself; the issuing body bold
capitals with a rule of 1/3 to 1/2 of its length; place and date italic 13–14 pt; the document type
bold capitals; body 13–14 pt justified, first line indented 1–1,27 cm, at least 6 pt between
paragraphs, line spacing 1–1,5; page numbers centred at the top from page 2; table columns wide
enough that no Vietnamese word breaks (measured with the metrics of Liberation Serif, Times New
Roman's metric twin, and DejaVu Serif where Liberation lacks a glyph, as LibreOffice does).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from ktxh.documents.docx import CELL_MARGIN_CM, HEADER_COLUMNS

from .conftest import open_docx

FONTS = {False: ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
                 "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
         True: ("/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
                "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")}
TWIPS_PER_CM = 1440 / 2.54


@cache
def _fonts(bold: bool):
    from fontTools.ttLib import TTFont

    if not all(Path(f).exists() for f in FONTS[bold]):
        pytest.skip("Thiếu phông Liberation Serif / DejaVu Serif (fonts-liberation, fonts-dejavu-core)")
    return [(t.getBestCmap(), t["hmtx"], t["head"].unitsPerEm) for t in map(TTFont, FONTS[bold])]


def width_cm(text: str, pt: float, bold: bool = False) -> float:
    total = 0.0
    for c in text:
        cmap, hmtx, upm = next(f for f in _fonts(bold) if ord(c) in f[0])
        total += hmtx[cmap[ord(c)]][0] / upm
    return total * pt * 2.54 / 72


@pytest.fixture(params=["report", "plan"])
def document(request, report, plan):
    return {"report": report, "plan": plan}[request.param]


def test_a4_margins_and_page_numbers(document) -> None:
    first = document.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    for s in document.sections:
        top, bottom, left, right = (round(m.mm, 1) for m in (s.top_margin, s.bottom_margin, s.left_margin,
                                                                s.right_margin))  # twips: 15 mm is 14,99
        assert 20 <= top <= 25 and 20 <= bottom <= 25 and 30 <= left <= 35 and 15 <= right <= 20
    assert first.different_first_page_header_footer  # w:titlePg: no number on page 1
    number = first.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in number._p.xml and "fldChar" in number._p.xml
    assert first.first_page_header.is_linked_to_previous is False or not first.first_page_header.paragraphs[0].text


def test_every_page_after_the_first_is_numbered(document) -> None:
    """The landscape appendices too: a later section numbers its own first page (no w:titlePg), and its
    header is the first section's (linked) or one of its own with the PAGE field."""
    assert len(document.sections) >= 2
    later_sections_numbered(document)


def later_sections_numbered(document) -> None:
    for s in document.sections[1:]:
        assert not s.different_first_page_header_footer
        assert s.header.is_linked_to_previous or "PAGE" in s.header._element.xml
        assert "PAGE" in s.header.paragraphs[0]._p.xml  # followed through the link


def test_times_new_roman_everywhere(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}
    # The body and every style it uses name Times New Roman, or nothing (then they inherit it).
    used = {p.style.name for p in document.paragraphs} | {"Normal", "Nội dung bảng", "Header", "Table Grid"}
    xml = document.element.xml + "".join(document.styles[name].element.xml for name in used)
    assert set(re.findall(r'w:ascii="([^"]+)"', xml)) == {"Times New Roman"}


def test_header_block(document) -> None:
    left, right = document.tables[0].cell(0, 0), document.tables[0].cell(0, 1)
    nation, motto = right.paragraphs[:2]
    run = nation.runs[0]
    assert run.bold and 12 <= run.font.size.pt <= 13 and run.text == run.text.upper()
    run = motto.runs[0]
    assert run.bold and 13 <= run.font.size.pt <= 14 and run.underline  # the rule is the motto's length
    issuer, rule = left.paragraphs[1], left.paragraphs[2]
    run = issuer.runs[0]
    assert run.bold and run.text == run.text.upper()
    usable = HEADER_COLUMNS[0].cm - CELL_MARGIN_CM
    line = usable - rule.paragraph_format.left_indent.cm - rule.paragraph_format.right_indent.cm
    name = max(width_cm(part, run.font.size.pt, bold=True) for part in run.text.split("\n"))
    assert name / 3 <= line <= name / 2, (line, name)
    assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:val")) == "single"
    date = document.tables[0].cell(1, 1).paragraphs[0].runs[0]
    assert date.italic and 13 <= date.font.size.pt <= 14


@pytest.mark.parametrize("kind", ["phường", "xã"])
def test_a_long_name_keeps_each_header_line_whole(data, kind) -> None:
    """"UBND PHƯỜNG ĐIỆN NAM ĐÔNG" does not hold on one line of 12 pt bold in the left column: two lines
    broken between words, each within the column; the date line "Điện Nam Đông, ngày … năm 2026" on one
    line of the right column (it used to push "2026" to a second line)."""
    from dataclasses import replace

    from ktxh.documents import Issuer, build_plan, build_report

    issuer = Issuer("UBND THỊ XÃ ĐIỆN BÀN", f"UBND {kind.upper()} ĐIỆN NAM ĐÔNG", "Điện Nam Đông")
    for build in (build_report, build_plan):
        document = open_docx(build(replace(data, issuer=issuer)))
        left, date = document.tables[0].cell(0, 0), document.tables[0].cell(1, 1).paragraphs[0].runs[0]
        for p, bold, usable in ((left.paragraphs[0], False, HEADER_COLUMNS[0].cm),
                                (left.paragraphs[1], True, HEADER_COLUMNS[0].cm),
                                (document.tables[0].cell(1, 1).paragraphs[0], False, HEADER_COLUMNS[1].cm)):
            run = p.runs[0]
            for line in run.text.split("\n"):
                assert width_cm(line, run.font.size.pt, bold) + 0.38 <= usable, (line, run.font.size.pt)
        assert date.text.startswith("Điện Nam Đông, ngày") and "\n" not in date.text
        assert 13 <= date.font.size.pt <= 14 and date.italic


def _body(document):
    """Paragraphs of the body proper: after the document type and its title, before "Trên đây là"."""
    paras = document.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text in ("BÁO CÁO", "KẾ HOẠCH"))
    end = next(i for i, p in enumerate(paras) if p.text.startswith("Trên đây là"))
    kind = paras[start]
    assert kind.runs[0].bold and kind.text == kind.text.upper() and kind.alignment == WD_ALIGN_PARAGRAPH.CENTER
    return [p for p in paras[start + 3:end + 1] if p.text.strip()]


def test_body_paragraphs(document) -> None:
    normal = document.styles["Normal"]
    assert 13 <= normal.font.size.pt <= 14
    assert 1 <= normal.paragraph_format.line_spacing <= 1.5
    body = _body(document)
    assert len(body) > 10
    for p in body:
        fmt = p.paragraph_format
        assert p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY, p.text
        assert 1 <= fmt.first_line_indent.cm <= 1.27, p.text
        assert fmt.space_after >= Pt(6) or fmt.space_before >= Pt(6), p.text
        sizes = {r.font.size for r in p.runs} - {None}
        assert all(13 <= s.pt <= 14 for s in sizes), p.text


def test_headings_stay_with_their_text_and_rows_stay_whole(document) -> None:
    """Demo Nhơn Hưng 6 tháng 2023: "4. Kinh tế" alone at the foot of page 1, and Biểu 02's last row split
    so that "số liệu" stood alone on a fifth page."""
    headings = [p for p in _body(document) if p.runs and p.runs[0].bold and re.match(r"^(?:[IVX]+|\d+(?:\.\d+)*)\. ", p.text)]
    assert headings and all(p.paragraph_format.keep_with_next for p in headings)
    for table in _grid_tables(document):
        for row in table.rows:
            can_not = row._tr.trPr.find(qn("w:cantSplit")) if row._tr.trPr is not None else None
            assert can_not is not None and can_not.get(qn("w:val")) in ("true", "1", None), row.cells[1].text


def _grid_tables(document):
    return [t for t in document.tables if t.rows[0].cells[0].text == "STT"]


def word_breaks(document) -> list[tuple[str, float, float]]:
    """(word, width needed, column width) of every word wider than its table column."""
    out = []
    for table in _grid_tables(document):
        grid = [int(g.get(qn("w:w"))) / TWIPS_PER_CM for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for row in table.rows:
            for width, cell in zip(grid, row.cells, strict=True):
                for p in cell.paragraphs:
                    for run in p.runs:
                        pt = (run.font.size or p.style.font.size or Pt(12)).pt
                        bold = bool(run.bold) or bool(p.style.font.bold)
                        for word in re.split(r"[\s/]+", run.text):
                            need = width_cm(word, pt, bold) + 0.38  # Word's default cell margins
                            if need > width + 0.02:
                                out.append((word, round(need, 2), round(width, 2)))
    return out


def test_no_word_breaks_in_table_columns(document) -> None:
    assert _grid_tables(document)
    assert word_breaks(document) == []


def test_the_unit_column_keeps_truong_hop_whole(data) -> None:
    from dataclasses import replace

    from ktxh.documents import build_report
    from ktxh.documents.data import Row, evaluated

    row = evaluated(Row("Hướng dẫn công dân đăng ký tài khoản định danh điện tử mức độ 02", "trường hợp",
                        plan=__import__("decimal").Decimal(5191), actual=__import__("decimal").Decimal(4385)))
    fields = (replace(data.fields[0], rows=(*data.fields[0].rows, row)), *data.fields[1:])
    document = open_docx(build_report(replace(data, fields=fields)))
    table = document.tables[-1]
    unit = int(table._tbl.tblGrid.findall(qn("w:gridCol"))[2].get(qn("w:w"))) / TWIPS_PER_CM
    assert unit >= width_cm("trường", 12) + 0.38
