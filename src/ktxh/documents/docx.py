"""Word documents in the Nghị định 30/2020/NĐ-CP layout: the report, the next year's plan, Biểu 01/02.

Layout (Phụ lục I of the decree): A4, margins top/bottom 20 mm, left 30 mm, right 15 mm;
Times New Roman, body 14 pt; a borderless two-column header block (issuing body left,
national motto right, each with a short rule under it; "Số: …/BC-UBND" left, the place
and date in italics right); the document type in bold capitals and its summary title
in bold, centred; numbered parts; "Nơi nhận:" beside the signature block. The
appendices go on landscape pages. Every figure comes from ``narrative`` (ktxh.core).
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Iterable

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ktxh.core.errors import KtxhError
from ktxh.core.model import TargetKind
from ktxh.core.numbers import format_figure, format_number
from ktxh.core.targets import parse_target

from . import metrics, term
from .data import (
    SECTION_ASSESSMENT,
    SECTION_CAUSES,
    SECTION_DIRECTIONS,
    SECTION_KEY_TASKS,
    SECTION_LIMITATIONS,
    SECTION_OBJECTIVE,
    SECTION_OPENING,
    SECTION_PLAN_ASSESSMENT,
    SECTION_RESULTS,
    SECTION_REVIEW,
    SECTION_STRENGTHS,
    SECTION_TASKS,
    PeriodKind,
    ReportData,
    field_section,
)
from .narrative import (
    PERCENT_DECIMALS,
    RowResult,
    assess_fields,
    change_text,
    generated_sections,
    name_only_plan,
    opening_line,
    row_sentence,
    status_label,
    summary,
    table_plan,
)

FONT = "Times New Roman"
BODY_PT = 14
HEADER_PT = 13
TABLE_PT = 12
TABLE_STYLE = "Nội dung bảng"  # the appendix tables' paragraphs: 12 pt, no indent, no spacing
TABLE_STYLE_ID = "NoidungBang"
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
HEADER_COLUMNS = (Cm(7.0), Cm(9.5))  # 165 mm between the margins
MOTTO_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
BIEU_02_HEADERS = ("STT", "Danh mục", "ĐVT", "Kế hoạch", "Thực hiện", "Cùng kỳ năm trước",
                   "% so với kế hoạch", "% so với cùng kỳ", "Đánh giá")
# Landscape A4 leaves 252 mm between the margins, portrait A4 165 mm.
LANDSCAPE_CM, PORTRAIT_CM = 25.2, 16.5
BIEU_02_WIDTHS = (Cm(1.2), Cm(9.8), Cm(1.5), Cm(2.4), Cm(2.4), Cm(2.4), Cm(1.8), Cm(1.8), Cm(1.9))
BIEU_01_WIDTHS = (Cm(1.2), Cm(11.0), Cm(13.0))
PLAN_TABLE_HEADERS = ("STT", "Danh mục", "ĐVT", "Thực hiện năm {this}", "Kế hoạch năm {next}", "Tăng/giảm")
PLAN_TABLE_WIDTHS = (Cm(1.0), Cm(6.5), Cm(2.0), Cm(2.5), Cm(2.5), Cm(2.0))  # portrait: 165 mm
CELL_MARGIN_CM = 0.19 * 2 + 0.1  # Word's default cell margins, both sides, and a little air
# The term review table on portrait A4 (165 mm), 10 pt (9 or 8 where long figures need it) so that
# eleven columns fit.
REVIEW_WIDTHS = (Cm(0.8), Cm(3.2), Cm(1.3), Cm(1.5), Cm(1.5), Cm(1.3), Cm(1.2), Cm(1.3), Cm(1.3), Cm(1.5),
                 Cm(1.6))
REVIEW_WIDTHS_WIDE = (REVIEW_WIDTHS[0], Cm(REVIEW_WIDTHS[1].cm + LANDSCAPE_CM - PORTRAIT_CM), *REVIEW_WIDTHS[2:])
REVIEW_PTS = (10, 9, 8)
REVIEW_LEAST_CM = 3.0  # the names' column: below it every name runs to a line a word
ISSUER_RULE = 0.4  # the rule under the issuing body, as a share of its name's width


# --- low-level formatting ------------------------------------------------------------------------

# Word refuses elements out of the schema's order: new children go before these successors.
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                     "w:tblPrChange")


def _set_fonts(rpr, name: str = FONT) -> None:
    """Name the font for every script, so Word shows Vietnamese in Times New Roman too."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _set_language(rpr) -> None:
    """Mark text as Vietnamese, for Word's spelling and hyphenation."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")


def _new_document() -> DocxDocument:
    doc = Document()
    for style_name in ("Normal", "Header", "Footer", "Table Grid"):
        style = doc.styles[style_name]
        style.font.name = FONT
        _set_fonts(style.element.get_or_add_rPr())
    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0
    # The document defaults too: text outside any style (LibreOffice, headers) stays Times New Roman.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
        _set_fonts(rpr_default.find(qn("w:rPr")))
        _set_language(rpr_default.find(qn("w:rPr")))
    _set_language(normal.element.get_or_add_rPr())
    cells = doc.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cells.element.styleId = TABLE_STYLE_ID
    cells.base_style = normal
    cells.font.size = Pt(TABLE_PT)
    cells.paragraph_format.space_after = Pt(0)
    cells.paragraph_format.first_line_indent = Cm(0)
    section = doc.sections[0]
    _page(section, landscape=False)
    doc.core_properties.language = "vi-VN"
    return doc


def _page(section, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (PAGE_HEIGHT, PAGE_WIDTH) if landscape else (PAGE_WIDTH, PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = section.footer_distance = Mm(10)


def _new_section(doc: DocxDocument, *, landscape: bool):
    """A new section on a new page; its first page numbered too (only the document's first is not)."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape=landscape)
    section.different_first_page_header_footer = False
    return section


def _page_numbers(section) -> None:
    """Page number centred at the top, from the second page on (Nghị định 30, Phụ lục I)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    run.font.size = Pt(HEADER_PT)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _run(p: Paragraph, text: str, *, size: float | None = None, bold: bool = False, italic: bool = False):
    run = p.add_run(text)
    if size:
        run.font.size = Pt(size)
    run.bold = bold or None
    run.italic = italic or None
    return run


def _para(container, text: str = "", *, size: float | None = None, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = True, after: float = 6, before: float = 0) -> Paragraph:
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.first_line_indent = Cm(1) if indent else Cm(0)
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    if text:
        _run(p, text, size=size, bold=bold, italic=italic)
    return p


def _centre(container, text: str, *, size: float = BODY_PT, bold: bool = False, italic: bool = False,
            after: float = 0, before: float = 0) -> Paragraph:
    return _para(container, text, size=size, bold=bold, italic=italic, align=WD_ALIGN_PARAGRAPH.CENTER,
                 indent=False, after=after, before=before)


def _rule(container, *, inset: Cm) -> Paragraph:
    """A short centred line: a bottom border on an empty paragraph, shortened by its indents."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.left_indent = fmt.right_indent = inset
    fmt.first_line_indent = Cm(0)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    p._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)
    return p


def _first_paragraph(cell: _Cell) -> Paragraph:
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.first_line_indent = Cm(0)
    return p


def _cell_text(cell: _Cell, text: str, *, size: float = TABLE_PT, bold: bool = False, italic: bool = False,
               align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    lines = text.split("\n") if text else [""]
    for i, line in enumerate(lines):
        p = _first_paragraph(cell) if i == 0 else cell.add_paragraph()
        p.alignment = align
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.first_line_indent = Cm(0)
        if line:
            _run(p, line, size=size, bold=bold, italic=italic)


def _grid_cell(cell: _Cell, text: str, *, bold: bool = False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    """A cell of the appendix tables; its formatting comes from TABLE_STYLE, so big tables stay quick."""
    for i, line in enumerate(text.split("\n") if text else [""]):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p._p.style = TABLE_STYLE_ID  # by id: python-docx looks a style name up among all styles each time
        p.alignment = align
        if line:
            p.add_run(line).bold = bold or None


_FIGURE = re.compile(r"[\d.,%‰+\-\u2212\s]+")


def figure_align(text: str):
    r"""Right for a figure ("5.795,9", "+1,12%", "5.191" over "(đề xuất)"), left for words, so that a
    target in words ("giảm so với năm 2021 từ 0,7 - 0,9%") reads as text, not ragged at its left.

    >>> figure_align("5.191\n(đề xuất)") == WD_ALIGN_PARAGRAPH.RIGHT, figure_align("Trạm y tế đạt chuẩn") == WD_ALIGN_PARAGRAPH.LEFT
    (True, True)
    """
    first = text.split("\n", 1)[0].strip()
    return WD_ALIGN_PARAGRAPH.RIGHT if not first or _FIGURE.fullmatch(first) else WD_ALIGN_PARAGRAPH.LEFT


def _grid(doc: DocxDocument, headers: tuple[str, ...], rows: int) -> Table:
    """A bordered table with its header row (bold, repeated on each page) and ``rows`` empty rows."""
    table = doc.add_table(rows=1 + rows, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _grid_cell(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _repeat_header(table.rows[0])
    for row in table.rows:  # a row never splits across pages ("Chưa có" / "số liệu" on a page of its own)
        _keep_together(row)
    return table


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _widths(table: Table, widths: Iterable) -> None:
    table.autofit = False
    widths = list(widths)
    for col, w in zip(table.columns, widths, strict=True):
        col.width = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w


def text_width_cm(text: str, pt: float, *, bold: bool = False) -> float:
    """The printed width of ``text`` in Times New Roman at ``pt`` points, from the font's advances.

    >>> round(text_width_cm("trường", 12), 2), round(text_width_cm("157,9%", 10), 2)
    (1.21, 1.09)
    """
    table = metrics.BOLD if bold else metrics.REGULAR
    units = 0
    for c in text:
        width = table.get(c) or table.get(unicodedata.normalize("NFD", c)[:1])
        units += width or (722 if c.isupper() else 500)
    return units / 1000 * pt * 2.54 / 72


Run = tuple[str, float, bool]  # a table cell's text, its size in points and whether it is bold


def column_needs(columns: Iterable[Iterable[Run]]) -> list[float]:
    """Per column, the width its longest word needs (cell margins included): words break at spaces
    and after "/", never inside."""
    out = []
    for runs in columns:
        widths = [text_width_cm(w, pt, bold=bold) for text, pt, bold in runs for w in re.split(r"[\s/]+", text) if w]
        out.append(max(widths, default=0) + CELL_MARGIN_CM)
    return out


def word_fit(widths: Iterable, columns: Iterable[Iterable[Run]], *, give: int = 1, least: float = 2.5) -> tuple:
    """Column widths so that no column's longest word breaks; column ``give`` gives up the room.

    The total stays the same: a narrow column (ĐVT) widens to its longest word ("trường hợp"
    needs "trường" whole) and the wide label column narrows by as much, down to ``least`` cm
    (or its own longest word); beyond that the widened columns share what is left (see
    :func:`fits`: a caller with a smaller size to try tries it first).
    """
    out = [w.cm for w in widths]
    total = sum(out)
    needs = column_needs(columns)
    for i, need in enumerate(needs):
        if i != give:
            out[i] = max(out[i], need)
    want = max(least, needs[give]) + 0.01 * len(out)  # the others are rounded up to 0,1 mm below
    deficit = want - (total - sum(w for i, w in enumerate(out) if i != give))
    slack = sum(out[i] - needs[i] for i in range(len(out)) if i != give)
    if deficit > 0 and slack > 0:
        # The other columns give back what they have beyond their longest word, in proportion.
        share = min(deficit, slack) / slack
        out = [w if i == give else w - (w - needs[i]) * share for i, w in enumerate(out)]
    others = sum(w for i, w in enumerate(out) if i != give)
    if total - others < needs[give]:
        scale = (total - needs[give]) / others
        out = [w * scale for w in out]
    out = [math.ceil(w * 100 - 1e-6) / 100 for w in out]  # up to the next 0,1 mm: a word that fits stays whole
    out[give] = round(total - sum(w for i, w in enumerate(out) if i != give), 2)
    return tuple(Cm(w) for w in out)


def fits(widths: Iterable, columns: Iterable[Iterable[Run]], *, give: int = 1, least: float = 0) -> bool:
    """Whether every column's longest word fits in the table's total width, columns side by side, with
    at least ``least`` cm left for column ``give`` (the names)."""
    needs = column_needs(columns)
    if give < len(needs):
        needs[give] = max(needs[give], least)
    return sum(needs) + 0.01 * len(needs) <= sum(w.cm for w in widths)  # word_fit rounds each up to 0,1 mm


def _column_runs(table: Table, pt: float = TABLE_PT) -> list[list[Run]]:
    """Each column's runs as printed: their own size, else the table paragraphs' ``pt``."""
    cols: list[list[Run]] = [[] for _ in table.columns]
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            for p in cell.paragraphs:
                cols[i] += [(r.text, r.font.size.pt if r.font.size else pt, bool(r.bold)) for r in p.runs]
    return cols


def _keep_together(row) -> None:
    """A row never splits across pages: "Nơi nhận" and the signer stay on one page."""
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


# --- blocks --------------------------------------------------------------------------------------


def _date_line(data: ReportData, blank: int = 6) -> str:
    """"Lương Sơn, ngày 05 tháng 02 năm 2023"; ``blank`` spaces where the date is left for signing.

    Days below 10 and months below 3 take a leading zero (Nghị định 30, Phụ lục I).
    """
    year = data.issue_year or data.period.year
    day = f"{data.day:02d}" if data.day else "\u00a0" * blank
    month = (f"{data.month:02d}" if data.month < 3 else str(data.month)) if data.month else "\u00a0" * blank
    return f"{data.issuer.place}, ngày {day} tháng {month} năm {year}"


def date_line_fit(data: ReportData) -> tuple[str, int]:
    """The date line and its size so that it holds on one line of the right column: 14 pt with room
    for the day and month, else less room, else 13 pt (Nghị định 30: 13–14)."""
    usable = HEADER_COLUMNS[1].cm - CELL_MARGIN_CM
    for pt, blank in ((BODY_PT, 6), (BODY_PT, 4), (HEADER_PT, 4), (HEADER_PT, 2)):
        line = _date_line(data, blank)
        if text_width_cm(line, pt) <= usable:
            return line, pt
    return _date_line(data, 2), HEADER_PT


def fit_lines(text: str, pt: float, usable: float, *, bold: bool = False) -> list[str]:
    """``text`` on one line, or broken in two between words where the longer line is shortest
    ("UBND PHƯỜNG ĐIỆN NAM ĐÔNG" in 12 pt needs 6,96 cm: "UBND PHƯỜNG" / "ĐIỆN NAM ĐÔNG")."""
    if text_width_cm(text, pt, bold=bold) <= usable:
        return [text]
    words = text.split()
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    if not splits:
        return [text]
    best = min(splits, key=lambda ab: max(text_width_cm(x, pt, bold=bold) for x in ab))
    return list(best)


def _lines_run(p: Paragraph, lines: list[str], *, size: float, bold: bool = False):
    """One run, its lines apart by line breaks (one paragraph: one block under one rule)."""
    run = _run(p, lines[0], size=size, bold=bold)
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)
    return run


def _header_block(doc: DocxDocument, data: ReportData, kind_code: str) -> None:
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, HEADER_COLUMNS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _centre_cell = WD_ALIGN_PARAGRAPH.CENTER
    usable = HEADER_COLUMNS[0].cm - CELL_MARGIN_CM
    # 12 pt for the upper body and the national name (Nghị định 30 allows 12–13); a long name in two lines.
    p = _first_paragraph(left)
    p.alignment = _centre_cell
    _lines_run(p, fit_lines(data.issuer.upper.upper(), 12, usable), size=12)
    p = left.add_paragraph()
    p.alignment = _centre_cell
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.first_line_indent = Cm(0)
    # 13 pt, or 12 pt where a long name would not hold on one line; then two lines, broken between words.
    name = data.issuer.name.upper()
    size = HEADER_PT if text_width_cm(name, HEADER_PT, bold=True) <= usable else 12
    lines = fit_lines(name, size, usable, bold=True)
    _lines_run(p, lines, size=size, bold=True)
    # A rule of 2/5 of the issuing body's name (its longer line) under it (Nghị định 30: from 1/3 to 1/2).
    name_width = min(max(text_width_cm(line, size, bold=True) for line in lines), usable)
    _rule(left, inset=Cm(round((HEADER_COLUMNS[0].cm - CELL_MARGIN_CM - ISSUER_RULE * name_width) / 2, 2)))
    _cell_text(right, MOTTO_NATION, size=12, bold=True, align=_centre_cell)
    p = right.add_paragraph()
    p.alignment = _centre_cell
    p.paragraph_format.space_after = Pt(6)
    # The motto's rule is as long as the motto: the motto itself underlined.
    _run(p, MOTTO, size=BODY_PT, bold=True).underline = True
    number = data.number or "\u00a0" * 6
    _cell_text(table.cell(1, 0), f"Số: {number}/{kind_code}-{data.issuer.code}", size=HEADER_PT, align=_centre_cell)
    line, pt = date_line_fit(data)
    _cell_text(table.cell(1, 1), line, size=pt, italic=True, align=_centre_cell)
    for cell in (table.cell(1, 0), table.cell(1, 1)):
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)


def _title(doc: DocxDocument, kind: str, summary_title: str) -> None:
    _centre(doc, kind, bold=True, before=18)
    _centre(doc, summary_title, bold=True)
    _rule(doc, inset=Cm(6.0))
    doc.paragraphs[-1].paragraph_format.space_after = Pt(12)


def _heading(doc: DocxDocument, text: str, *, upper: bool = False) -> Paragraph:
    """A numbered heading, kept on the page of what follows it (never alone at a page's foot)."""
    p = _para(doc, text.upper() if upper else text, bold=True, before=6)
    p.paragraph_format.keep_with_next = True
    return p


def _paragraphs(doc: DocxDocument, text: str) -> None:
    """An officer's narrative: one paragraph per non-empty line, printed as written."""
    for line in text.splitlines():
        if line.strip():
            _para(doc, line.strip())


def _items(doc: DocxDocument, items: Iterable[str]) -> None:
    for item in items:
        item = item.strip()
        _para(doc, item if item.startswith(("-", "+", "*")) else f"- {item}")


def _signature(doc: DocxDocument, data: ReportData) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (Cm(8.0), Cm(8.5)))
    _keep_together(table.rows[0])
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    left, right = table.cell(0, 0), table.cell(0, 1)
    p = _first_paragraph(left)
    p.paragraph_format.space_before = Pt(12)
    _run(p, "Nơi nhận:", size=12, bold=True, italic=True)
    for item in data.recipients:
        q = left.add_paragraph()
        q.paragraph_format.space_after = Pt(0)
        q.paragraph_format.first_line_indent = Cm(0)
        _run(q, item if item.startswith("-") else f"- {item}", size=11)
    _cell_text(right, data.signer.authority.upper(), size=BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    right.paragraphs[0].paragraph_format.space_before = Pt(12)
    # A deputy signs "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (Nghị định 30, Phụ lục I).
    for line in (data.signer.on_behalf, data.signer.title):
        if line:
            p = right.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.space_after = Pt(0)
            _run(p, line.upper(), size=BODY_PT, bold=True)
    for _ in range(4):  # room for the signature and the seal
        right.add_paragraph().paragraph_format.space_after = Pt(0)
    p = right.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, data.signer.name, size=BODY_PT, bold=True)


# --- appendices ----------------------------------------------------------------------------------


def _appendix_caption(doc: DocxDocument, title: str, data: ReportData, kind_code: str, kind_name: str) -> None:
    _centre(doc, title, bold=True, after=0)
    number = data.number or "\u00a0" * 6
    _centre(doc, f"(Kèm theo {kind_name} số {number}/{kind_code}-{data.issuer.code} "
                 f"của {data.issuer.short_name})", size=13, italic=True, after=6)


def key_tasks_title(data: ReportData) -> str:
    return data.key_tasks_title or f"Biểu số 01: Kết quả thực hiện nhiệm vụ trọng tâm {data.period.phrase}"


def indicators_title(data: ReportData) -> str:
    return f"Biểu số 02: Kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội {data.period.phrase}"


def _bieu_01(doc: DocxDocument, data: ReportData, kind_code: str, kind_name: str) -> None:
    _appendix_caption(doc, key_tasks_title(data), data, kind_code, kind_name)
    table = _grid(doc, ("STT", "Nội dung nhiệm vụ", "Kết quả đạt được"), len(data.key_tasks))
    rows = list(table.rows)
    for i, task in enumerate(data.key_tasks, start=1):
        cells = rows[i].cells
        _grid_cell(cells[0], str(i), align=WD_ALIGN_PARAGRAPH.CENTER)
        _grid_cell(cells[1], task.content + (f"\n({task.assigned_by})" if task.assigned_by else ""))
        _grid_cell(cells[2], task.result)
    _widths(table, word_fit(BIEU_01_WIDTHS, _column_runs(table)))


def _pct(value) -> str:
    return format_number(value, PERCENT_DECIMALS) if value is not None else ""


def bieu_02_cells(result: RowResult) -> tuple[str, ...]:
    """Columns 3–9 of one Biểu 02 row, as printed: ĐVT, kế hoạch, thực hiện, cùng kỳ, %, %, đánh giá."""
    row, ev = result.row, result.evaluation
    actual = ""
    if ev.actual is not None:
        actual = result.fig(ev.actual, None)
    elif isinstance(row.actual, str):
        actual = row.actual
    previous = result.fig(row.previous, None) if row.previous is not None else ""
    return (row.unit, table_plan(result), actual, previous, _pct(ev.percent_of_plan), _pct(result.versus_previous),
            status_label(result))


def _bieu_02(doc: DocxDocument, data: ReportData, assessed, kind_code: str, kind_name: str) -> None:
    _appendix_caption(doc, indicators_title(data), data, kind_code, kind_name)
    table = _grid(doc, BIEU_02_HEADERS, len(assessed) + sum(len(rs) for _, rs in assessed))
    centre, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    aligns = (centre, right, right, right, right, right, centre)
    at = number = 0
    rows = list(table.rows)
    for f_index, (f, results) in enumerate(assessed):
        at += 1
        cells = rows[at].cells
        _grid_cell(cells[0], ROMAN[f_index] if f_index < len(ROMAN) else str(f_index + 1), bold=True, align=centre)
        _grid_cell(cells[1], f.name.upper(), bold=True)
        for cell in cells[2:]:
            _grid_cell(cell, "")
        for result in results:
            at, number = at + 1, number + 1
            cells = rows[at].cells
            _grid_cell(cells[0], str(number), align=centre)
            _grid_cell(cells[1], result.row.name)
            for cell, text, align in zip(cells[2:], bieu_02_cells(result), aligns, strict=True):
                _grid_cell(cell, text, align=figure_align(text) if align == right else align)
    _widths(table, word_fit(BIEU_02_WIDTHS, _column_runs(table)))


def _appendices(doc: DocxDocument, data: ReportData, assessed, kind_code: str, kind_name: str) -> None:
    _new_section(doc, landscape=True)
    if data.key_tasks:
        _bieu_01(doc, data, kind_code, kind_name)
        _para(doc, "", after=12)
    if data.fields:
        _bieu_02(doc, data, assessed, kind_code, kind_name)


# --- the documents -------------------------------------------------------------------------------


def report_title(data: ReportData) -> str:
    """The summary title (trích yếu) of the report, by period kind."""
    p = data.period
    if p.kind is PeriodKind.MIDTERM:
        return ("Đánh giá kết quả giữa kỳ tình hình thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm, "
                f"giai đoạn {p.span}")
    return f"Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội {p.phrase}, phương hướng nhiệm vụ {p.next_phrase}"


def _opening(doc: DocxDocument, data: ReportData, kind: str) -> None:
    own = data.narrative(SECTION_OPENING)
    if own:
        _paragraphs(doc, own)
        return
    # "Thực hiện Nghị quyết số 08/NQ-HĐND ngày 26/12/2022, UBND phường … báo cáo …": one sentence.
    _para(doc, opening_line(data, kind))


def _prose(doc: DocxDocument, data: ReportData, section: str, generated: dict[str, list[str]], *,
           bullets: bool = True) -> None:
    """A prose section: the officer's text when written (it was prefilled with ours), else ours."""
    own = data.narrative(section)
    if own:
        _paragraphs(doc, own)
        return
    for line in generated.get(section, []):
        plain = not bullets or line.startswith(("-", "+", "*")) or line.endswith(":")
        _para(doc, line if plain else f"- {line}")


def _assessment(doc: DocxDocument, data: ReportData, numbers: tuple[str, str, str],
                generated: dict[str, list[str]]) -> None:
    for marker, title, section in zip(numbers, ("Ưu điểm", "Tồn tại, hạn chế", "Nguyên nhân"),
                                      (SECTION_STRENGTHS, SECTION_LIMITATIONS, SECTION_CAUSES), strict=True):
        _heading(doc, f"{marker} {title}")
        if not data.narrative(section) and not generated.get(section):
            _para(doc, "- Không có." if section == SECTION_LIMITATIONS else "- Chưa có chỉ tiêu đạt kế hoạch.")
            continue
        _prose(doc, data, section, generated)


def _results(doc: DocxDocument, data: ReportData, assessed, generated: dict[str, list[str]]) -> None:
    results = [r for _, rs in assessed for r in rs]
    if results:
        _para(doc, summary(results, data.period).rstrip(".") + ", cụ thể trên từng lĩnh vực:")
    elif not data.narrative(SECTION_RESULTS):
        _para(doc, f"Kế hoạch chưa có chỉ tiêu nào tính cho {data.period.phrase}.")
    for i, (f, rows) in enumerate(assessed, start=1):
        _heading(doc, f"{i}. {f.name}")
        _paragraphs(doc, data.narrative(field_section(f.code)))
        for result in rows:
            _para(doc, f"- {row_sentence(result, data.period)}")
    if data.key_tasks or data.narrative(SECTION_KEY_TASKS):
        done = sum(1 for t in data.key_tasks if t.result)
        _heading(doc, f"{len(assessed) + 1}. Kết quả thực hiện nhiệm vụ trọng tâm")
        if data.key_tasks:
            _para(doc, f"Có {done:02d}/{len(data.key_tasks):02d} nhiệm vụ trọng tâm đã có kết quả "
                       "(chi tiết theo Biểu số 01 kèm theo):")
        _prose(doc, data, SECTION_KEY_TASKS, generated)


def _term_review(doc: DocxDocument, data: ReportData, number: str) -> None:
    """Đánh giá khả năng thực hiện các chỉ tiêu Nghị quyết: summary, table, one sentence per target."""
    review = data.term_review
    assert review is not None
    _heading(doc, f"{number}. {term.title(review)}", upper=True)
    _paragraphs(doc, data.narrative(SECTION_REVIEW))
    _para(doc, review.summary)
    table = _grid(doc, term.HEADERS, len(review.reviews))
    centre, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    aligns = (centre,) + (right,) * 7 + (centre,)
    rows = list(table.rows)
    for i in range(len(review.reviews)):
        cells = rows[i + 1].cells
        _grid_cell(cells[0], str(i + 1), align=centre)
        _grid_cell(cells[1], review.name(i))
        for cell, text, align in zip(cells[2:], term.table_cells(review, i), aligns, strict=True):
            _grid_cell(cell, text, align=align)
    widths = _review_size(table)
    if widths is None:
        # Figures too long for eleven columns on a portrait page (budgets in đồng): the table on a
        # landscape page of its own, the text after it back on portrait pages.
        _landscape_before(doc, table)
        widths = _review_size(table, wide=True) or REVIEW_WIDTHS_WIDE
        _widths(table, word_fit(widths, _column_runs(table), least=REVIEW_LEAST_CM))
        _new_section(doc, landscape=False)
    else:
        _widths(table, word_fit(widths, _column_runs(table), least=REVIEW_LEAST_CM))
        _para(doc, "", after=0)
    for i in range(len(review.reviews)):
        sentence = term.target_sentence(review, i)
        if sentence:
            _para(doc, f"- {sentence}")


def _review_size(table: Table, *, wide: bool = False) -> tuple | None:
    """The review table's widths at the largest size of ``REVIEW_PTS`` where every word fits, its runs
    set to that size; None when none fits."""
    widths = REVIEW_WIDTHS if not wide else REVIEW_WIDTHS_WIDE
    runs = [run for row in table.rows for cell in row.cells for p in cell.paragraphs for run in p.runs]
    for pt in REVIEW_PTS:
        for run in runs:
            run.font.size = Pt(pt)
        if fits(widths, _column_runs(table), least=REVIEW_LEAST_CM):
            return widths
    return None


def _landscape_before(doc: DocxDocument, table: Table) -> None:
    """Start a landscape section at ``table``: the section break goes just before it."""
    _new_section(doc, landscape=True)
    breaker = doc.element.body.findall(qn("w:p"))[-1]  # the paragraph holding the section break
    before = table._tbl.getprevious()
    if before is not None and before.tag == qn("w:p"):
        # The break ends the paragraph before the table: an empty paragraph of its own could fall on a
        # page of its own (a blank page before the landscape one).
        before.get_or_add_pPr().append(breaker.pPr.sectPr)
        breaker.getparent().remove(breaker)
    else:
        table._tbl.addprevious(breaker)


def _save(doc: DocxDocument) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _closing(doc: DocxDocument, data: ReportData, what: str) -> None:
    _para(doc, f"Trên đây là {what} của {data.issuer.short_name}./.")


def build_report(data: ReportData, *, appendices: bool = True) -> bytes:
    """The Báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, as .docx bytes."""
    assessed = assess_fields(data.fields)
    generated = generated_sections(data)
    doc = _new_document()
    _page_numbers(doc.sections[0])
    _header_block(doc, data, "BC")
    _title(doc, "BÁO CÁO", report_title(data))
    p = data.period
    _opening(doc, data, "bao-cao")
    _heading(doc, f"I. Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội {p.phrase}", upper=True)
    _paragraphs(doc, data.narrative(SECTION_RESULTS))
    _results(doc, data, assessed, generated)
    parts = iter(ROMAN[1:])
    if data.term_review is not None and data.term_review.reviews and p.kind in (PeriodKind.MIDTERM, PeriodKind.TERM):
        _term_review(doc, data, next(parts))
    _heading(doc, f"{next(parts)}. Đánh giá chung", upper=True)
    _paragraphs(doc, data.narrative(SECTION_ASSESSMENT))
    _assessment(doc, data, ("1.", "2.", "3."), generated)
    _heading(doc, f"{next(parts)}. Phương hướng, nhiệm vụ {p.next_phrase}", upper=True)
    _prose(doc, data, SECTION_DIRECTIONS, generated)
    title = report_title(data)
    _closing(doc, data, f"báo cáo {title[0].lower()}{title[1:]}")
    _signature(doc, data)
    if appendices and (data.fields or data.key_tasks):
        _appendices(doc, data, assessed, "BC", "Báo cáo")
    return _save(doc)


def _plan_table(doc: DocxDocument, data: ReportData) -> None:
    """The main targets of the next year: indicator, ĐVT, this year's result, next year's target, change."""
    plan = data.next_plan
    assert plan is not None
    headers = tuple(h.format(this=data.period.year, next=plan.year) for h in PLAN_TABLE_HEADERS)
    rows = [(f, r) for f in plan.fields for r in f.rows]
    table = _grid(doc, headers, len(plan.fields) + len(rows))
    centre, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    at = number = 0
    cells_of = list(table.rows)
    for f_index, f in enumerate(plan.fields):
        at += 1
        cells = cells_of[at].cells
        _grid_cell(cells[0], ROMAN[f_index] if f_index < len(ROMAN) else str(f_index + 1), bold=True, align=centre)
        _grid_cell(cells[1], f.name.upper(), bold=True)
        for cell in cells[2:]:
            _grid_cell(cell, "")
        for row in f.rows:
            at, number = at + 1, number + 1
            cells = cells_of[at].cells
            result = format_figure(row.actual, row.decimals) if not isinstance(row.actual, str) and row.actual is not None else (
                row.actual or "")
            # "(đề xuất)" on a line of its own: "5.191 (đề / xuất)" broke in the narrow column.
            values = (str(number), row.name, row.unit, result, plan_cell(row) + ("\n(đề xuất)" if row.proposed else ""),
                      change_text(row))
            for cell, text, align in zip(cells, values, (centre, None, centre, right, right, right), strict=True):
                _grid_cell(cell, text, align=figure_align(text) if align == right else align or WD_ALIGN_PARAGRAPH.LEFT)
    _widths(table, word_fit(PLAN_TABLE_WIDTHS, _column_runs(table)))


PLAN_CELL_WORDS = 4  # beyond this many words, a target with one figure is shown as its figure, a task "Hoàn thành"
PLAN_CELL_MAX_WORDS = 12  # beyond this, a task is "Hoàn thành" even with a figure in its words


def plan_cell(row) -> str:
    """Next year's target as the plan's table shows it: the figure, else the words the name does not say,
    else the core's reading of the target (``narrative.name_only_plan``).

    >>> from ktxh.documents.data import Row
    >>> plan_cell(Row("Huy động học sinh ra lớp đúng độ tuổi", "%",
    ...               target_text="Huy động học sinh ra lớp đúng độ tuổi: Tiểu học đạt 100%/năm."))
    'Tiểu học đạt 100%/năm'
    >>> plan_cell(Row("Giao quân đạt chỉ tiêu thị xã giao", target_text="Giao quân đạt chỉ tiêu thị xã giao."))
    'đạt chỉ tiêu cấp trên giao'
    >>> plan_cell(Row("Không để dịch bệnh gia súc, gia cầm", target_text="Không để dịch bệnh gia súc, gia cầm"))
    'Hoàn thành'
    >>> plan_cell(Row("Tỷ lệ nợ quá hạn cuối năm dưới 02%", "%", target_text="Tỷ lệ nợ quá hạn cuối năm dưới 02%"))
    'nhỏ hơn 2%'
    >>> plan_cell(Row("Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”", "%",
    ...               target_text="Trên 96% số hộ đạt gia đình văn hóa"))
    'lớn hơn 96%'
    >>> plan_cell(Row("Không để dịch bệnh gia súc, gia cầm xảy ra", target_text="Không để dịch bệnh gia súc, gia cầm."))
    'Hoàn thành'
    >>> plan_cell(Row("Đẩy mạnh cải cách thủ tục hành chính", target_text="Đẩy mạnh công tác cải cách thủ tục hành "
    ...               "chính, thực hiện đúng phương châm “thân thiện, trách nhiệm, đúng hẹn”"))
    'Hoàn thành'
    """
    if row.plan is not None:
        return format_figure(row.plan, row.decimals)
    text = row.target_text.strip().rstrip(".")
    if text.lower().startswith(row.name.lower()):
        text = text[len(row.name):].lstrip(" :;,-")
    try:
        target = parse_target(row.target_text or row.name, label=row.name, unit=row.unit or None,
                              direction=row.direction)
    except KtxhError:
        target = None
    if text and row.name.lower().startswith(text.lower().rstrip(" .")):
        text = ""  # "Không để dịch bệnh gia súc, gia cầm" of "Không để dịch bệnh gia súc, gia cầm xảy ra"
    words = len(text.split())
    if text and target is not None and target.kind is TargetKind.QUALITATIVE and not target.parts and (
            words > PLAN_CELL_WORDS and not any(c.isdigit() for c in text) or words > PLAN_CELL_MAX_WORDS):
        # Demo Lê Lợi: a task's 57 words ran a word a line down the column; as Biểu 02 shows it, "Hoàn thành".
        return name_only_plan(target)
    if text and words > PLAN_CELL_WORDS and target is not None and target.is_measurable \
            and not target.parts and target.kind is not TargetKind.ASSIGNED:
        # Demo Lê Lợi: "Trên 96% số hộ đạt gia đình văn hóa" filled the narrow column with the name again;
        # a figure's target is its figure ("lớn hơn 96%"), the indicator's name says the rest.
        return name_only_plan(target)
    if text:
        return text
    return name_only_plan(target)


def build_plan(data: ReportData, *, appendices: bool = True) -> bytes:
    """The Kế hoạch phát triển kinh tế - xã hội năm sau, as .docx bytes (needs ``data.next_plan``)."""
    from .data import DocumentDataError

    plan = data.next_plan
    if plan is None:
        raise DocumentDataError("Thiếu kế hoạch năm sau (next_plan): không lập được Kế hoạch.",
                                field="next_plan", value="")
    assessed = assess_fields(data.fields)
    generated = generated_sections(data)
    doc = _new_document()
    _page_numbers(doc.sections[0])
    _header_block(doc, data, "KH")
    _title(doc, "KẾ HOẠCH", f"Phát triển kinh tế - xã hội năm {plan.year}")
    p = data.period
    _opening(doc, data, "ke-hoach")
    _heading(doc, f"I. Đánh giá tình hình thực hiện kế hoạch phát triển kinh tế - xã hội {p.phrase}", upper=True)
    _heading(doc, f"1. Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội {p.phrase}")
    _paragraphs(doc, data.narrative(SECTION_RESULTS))
    _prose(doc, data, SECTION_PLAN_ASSESSMENT, generated)
    if data.fields or data.key_tasks:
        _para(doc, "(Chi tiết theo Biểu số 01, Biểu số 02 kèm theo)", italic=True)
    _heading(doc, "2. Đánh giá chung")
    _paragraphs(doc, data.narrative(SECTION_ASSESSMENT))
    _assessment(doc, data, ("2.1.", "2.2.", "2.3."), generated)
    _heading(doc, f"II. Kế hoạch phát triển kinh tế - xã hội năm {plan.year}", upper=True)
    _heading(doc, "1. Mục tiêu tổng quát")
    _prose(doc, data, SECTION_OBJECTIVE, generated, bullets=False)
    _heading(doc, f"2. Các chỉ tiêu chủ yếu năm {plan.year}")
    if plan.fields:
        _plan_table(doc, data)
    else:
        _para(doc, f"- Chưa có chỉ tiêu năm {plan.year}: cán bộ nhập chỉ tiêu vào kế hoạch năm {plan.year}.")
    _heading(doc, f"3. Nhiệm vụ và giải pháp chủ yếu năm {plan.year}")
    if data.narrative(SECTION_TASKS) or generated.get(SECTION_TASKS):
        _prose(doc, data, SECTION_TASKS, generated)
    else:
        _prose(doc, data, SECTION_DIRECTIONS, generated)
    _closing(doc, data, f"Kế hoạch phát triển kinh tế - xã hội năm {plan.year}")
    _signature(doc, data)
    if appendices and (data.fields or data.key_tasks):
        _appendices(doc, data, assessed, "KH", "Kế hoạch")
    return _save(doc)
