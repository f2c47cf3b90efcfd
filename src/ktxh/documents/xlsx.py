"""Biểu số 01 and 02 as an Excel workbook, the % columns as formulas over the plan and actual cells.

Numbers are stored as numbers with a format such as ``#,##0.00``; Excel and LibreOffice show
them with the separators of the reader's locale, so a Vietnamese machine shows "102,37".
Where % of plan is a plain ratio (one plan figure) the cell is a formula, e.g.
``=IF(D5=0,"",E5/D5*100)``; for ranges and bounds the plan is the target's words (column J)
and the formula holds its ends; for a change ("giảm 01 hộ nghèo", "tăng 5%") the formula
computes the change from the base figure (column K) and the actual, with the target's ends
written in. Only a qualitative target keeps the evaluator's words as text.
"""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ktxh.core.evaluate import DEFAULT_THRESHOLD
from ktxh.core.model import Status, TargetKind
from ktxh.core.numbers import figure_decimals, own_decimals

from .data import ReportData
from .docx import BIEU_02_HEADERS, ROMAN, indicators_title, key_tasks_title, text_width_cm
from .narrative import RowResult, assess_fields, status_label

FONT = "Times New Roman"
PERCENT_FORMAT = "#,##0.00"
HEADER_ROW = 3
CHAR_CM = 0.19  # an Excel column width unit (one character of the default font), in cm
LINE_PT = 15.75  # one line of 12 pt Times New Roman
BIEU_01_WIDTHS = (6, 60, 70)
BIEU_02_WIDTHS = (6, 45, 12, 16, 16, 16, 12, 12, 14, 40, 14)
# Column D holds the plan figure only; the target as the plan writes it goes in its own column J, and
# the figure a change target is measured from (its base year's, or last year's) in K.
BIEU_02_XLSX_HEADERS = (*BIEU_02_HEADERS, "Chỉ tiêu kế hoạch (nguyên văn)", "Số liệu kỳ gốc (chỉ tiêu tăng, giảm)")
# A change compared with a target's end in floats: differences below 1e-10 are the floats' own noise
# (the evaluator computes in Decimal), so they count as equal.
_NOISE = 10
_LABELS = {s: s.label[:1].upper() + s.label[1:] for s in Status}
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="center")  # as the STT and ĐVT beside it
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def number_format(value: Decimal, decimals: int | None = None) -> str:
    """'#,##0' for whole numbers, '#,##0.0' for one decimal as written (or as ``decimals`` say), and so on."""
    decimals = own_decimals(value) if decimals is None else decimals
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _sheet_head(ws: Worksheet, title: str, caption: str, headers: tuple[str, ...], widths: tuple[int, ...]) -> None:
    last = get_column_letter(len(headers))
    for row, text, font in ((1, title, Font(name=FONT, size=13, bold=True)),
                            (2, caption, Font(name=FONT, size=12, italic=True))):
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = ws.cell(row=row, column=1, value=text)
        cell.font, cell.alignment = font, _CENTRE
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=text)
        cell.font, cell.alignment, cell.border = Font(name=FONT, size=12, bold=True), _CENTRE, _BOX
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"1:{HEADER_ROW}"  # the title, the caption and the header on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _put(ws: Worksheet, row: int, col: int, value, *, bold: bool = False, fmt: str | None = None,
         align: Alignment = _WRAP_TOP) -> None:
    if isinstance(value, Decimal):
        fmt = fmt or number_format(value)
        value = int(value) if value == value.to_integral_value() else float(value)
    cell = ws.cell(row=row, column=col, value=value)
    cell.font = Font(name=FONT, size=12, bold=bold)
    cell.border, cell.alignment = _BOX, align
    if fmt:
        cell.number_format = fmt


def _caption(data: ReportData) -> str:
    return f"(Kèm theo Báo cáo của {data.issuer.short_name})"


def _bieu_01(ws: Worksheet, data: ReportData) -> None:
    ws.title = "Biểu 01"
    _sheet_head(ws, key_tasks_title(data), _caption(data), ("STT", "Nội dung nhiệm vụ", "Kết quả đạt được"),
                BIEU_01_WIDTHS)
    r = HEADER_ROW
    for i, task in enumerate(data.key_tasks, start=1):
        r = HEADER_ROW + i
        _put(ws, r, 1, i, align=_CENTRE)
        _put(ws, r, 2, task.content + (f"\n({task.assigned_by})" if task.assigned_by else ""))
        _put(ws, r, 3, task.result or "Chưa có kết quả báo cáo")
    if not data.key_tasks:
        r += 1
        ws.merge_cells(f"A{r}:C{r}")
        _put(ws, r, 1, "Kế hoạch chưa có nhiệm vụ trọng tâm nào: nhập nhiệm vụ trọng tâm trong trang kế hoạch.")
    ws.print_area = f"A1:C{r}"
    _fit_heights(ws, BIEU_01_WIDTHS, HEADER_ROW, r)


def status_formula(result: RowResult, r: int) -> str | None:
    """The "Đánh giá" cell as a formula over the actual cell, with ``ktxh.core.evaluate``'s rule.

    One plan figure (column D): above it vượt (below it, when lower is better), equal đạt, short of
    it cơ bản đạt from ``DEFAULT_THRESHOLD``% of plan, else không đạt. A range or a bound ("14 – 15%",
    "trên 95%", "dưới 2,5%") has its ends written into the formula (column J shows them as words):
    short of the end to reach judged on % of plan as above, inside đạt, beyond the good end of a
    range vượt (a minimum or maximum is never vượt). A change is judged on the change computed from
    the base (column K) and the actual (:func:`change_formulas`). A qualitative target ("đạt", "giữ
    vững") has no figure for a formula to compare: its verdict is the officer's word, kept as text.
    """
    t = result.target
    if t.kind is TargetKind.CHANGE:
        formulas = change_formulas(result, r)
        return formulas[1] if formulas else None
    simple = t.kind is TargetKind.EXACT or (
        t.kind is TargetKind.ASSIGNED and not result.down and not t.low and t.high is None)
    if simple and result.is_ratio:
        return _one_figure_formula(result, r)
    if t.kind in (TargetKind.RANGE, TargetKind.MIN, TargetKind.MAX) and result.evaluation.percent_of_plan is not None:
        return _bounds_formula(result, r)
    return None


def _one_figure_formula(result: RowResult, r: int) -> str:
    d, e, g = f"D{r}", f"E{r}", f"G{r}"
    better = f"{e}<{d}" if result.down else f"{e}>{d}"
    label = _LABELS
    return (f'=IF(OR({e}="",{d}=""),"{label[Status.CHUA_CO_SO_LIEU]}",IF({better},"{label[Status.VUOT]}",'
            f'IF({e}={d},"{label[Status.DAT]}",IF(ROUND({g},2)>={DEFAULT_THRESHOLD},"{label[Status.CO_BAN_DAT]}",'
            f'"{label[Status.KHONG_DAT]}"))))')


def _num(value: Decimal) -> str:
    return format(value.normalize(), "f")


def bounds_percent(result: RowResult, r: int) -> str | None:
    """% of plan of a range or a bound as a formula: actual / the end to reach (plan / actual when
    lower is better), as ``ktxh.core.evaluate`` computes it."""
    t, e = result.target, f"E{r}"
    if result.down:
        plan = t.high if t.high is not None else t.low
        return None if plan is None else f'=IF(OR({e}="",N({e})<=0),"",{_num(plan)}/{e}*100)'
    plan = t.low if t.low is not None else t.high
    return None if plan is None else f'=IF({e}="","",{e}/{_num(plan)}*100)'


def _bounds_formula(result: RowResult, r: int) -> str | None:
    t, e, g, label = result.target, f"E{r}", f"G{r}", _LABELS
    short = (f'IF(AND(ISNUMBER({g}),ROUND(N({g}),2)>={DEFAULT_THRESHOLD}),"{label[Status.CO_BAN_DAT]}",'
             f'"{label[Status.KHONG_DAT]}")')
    if result.down:
        miss = f"{e}>{'=' if t.high_strict else ''}{_num(t.high)}" if t.high is not None else "FALSE"
        beyond = f"{e}<{_num(t.low)}" if t.low is not None and t.kind is not TargetKind.MAX else "FALSE"
    else:
        miss = f"{e}<{'=' if t.low_strict else ''}{_num(t.low)}" if t.low is not None else "FALSE"
        beyond = f"{e}>{_num(t.high)}" if t.high is not None and t.kind is not TargetKind.MIN else "FALSE"
    return (f'=IF({e}="","{label[Status.CHUA_CO_SO_LIEU]}",IF({miss},{short},'
            f'IF({beyond},"{label[Status.VUOT]}","{label[Status.DAT]}")))')


def change_formulas(result: RowResult, r: int) -> tuple[str, str] | None:
    """% of plan (G) and the class (I) of a change target, as ``ktxh.core.evaluate`` judges one.

    With a base (K): the change is actual − base (base − actual when lower is better), in % of the
    base for a "percent" change; short of the target's low end judged on % of plan (the actual against
    the planned level base ± the change), above its high end vượt, else đạt. Without a base the actual
    is the change itself ("giảm 17 hộ") and is set against the ends directly. None where a formula
    cannot say what the evaluator said: no actual, or a percent change from a base of 0 or below
    (the evaluator refuses the first; a negative base turns the change's sign).
    """
    t, ev = result.target, result.evaluation
    if ev.actual is None or t.kind is not TargetKind.CHANGE:
        return None
    low, high = t.low, t.high
    e, g, k, label = f"E{r}", f"G{r}", f"K{r}", _LABELS
    if ev.base is None:
        plan = low if low is not None else high
        percent = (f'=IF({e}="","",{e}/{_num(plan)}*100)' if plan not in (None, 0) else '=""')
        change = e
    else:
        percent_mode = t.change_mode == "percent"
        if percent_mode and ev.base <= 0:
            return None
        sign = "-" if result.down else "+"
        wanted = _num(low) if low is not None else "0"
        planned = f"({k}*(1{sign}{wanted}/100))" if percent_mode else f"({k}{sign}{wanted})"
        if result.down:
            percent = f'=IF(OR({e}="",N({e})<=0),"",{planned}/{e}*100)'
        else:
            percent = f'=IF(OR({e}="",{planned}<=0),"",{e}/{planned}*100)'
        change = f"({k}-{e})" if result.down else f"({e}-{k})"
        if percent_mode:
            change = f"{change}/{k}*100"
    short = (f'IF(AND(ISNUMBER({g}),ROUND(N({g}),2)>={DEFAULT_THRESHOLD}),"{label[Status.CO_BAN_DAT]}",'
             f'"{label[Status.KHONG_DAT]}")')
    miss = f"ROUND({change}-{_num(low)},{_NOISE}){'<=' if t.low_strict else '<'}0" if low is not None else "FALSE"
    beyond = f"ROUND({change}-{_num(high)},{_NOISE})>0" if high is not None else "FALSE"
    status = (f'=IF({e}="","{label[Status.CHUA_CO_SO_LIEU]}",IF({miss},{short},'
              f'IF({beyond},"{label[Status.VUOT]}","{label[Status.DAT]}")))')
    return percent, status


def _indicator_row(ws: Worksheet, r: int, number: int, result: RowResult) -> None:
    row, ev = result.row, result.evaluation
    _put(ws, r, 1, number, align=_CENTRE)
    _put(ws, r, 2, row.name)
    _put(ws, r, 3, row.unit, align=_CENTRE)

    def shown(v) -> str | None:
        """Each cell holds the figure exactly (the formulas compute from it) and shows the row's decimals."""
        return number_format(v, figure_decimals(v, result.decimals)) if isinstance(v, Decimal) else None

    _put(ws, r, 4, result.plan_value, fmt=shown(result.plan_value))
    actual = ev.actual if ev.actual is not None else (row.actual if isinstance(row.actual, str) else None)
    _put(ws, r, 5, actual, fmt=shown(actual))
    _put(ws, r, 6, row.previous, fmt=shown(row.previous))
    d, e, f = f"D{r}", f"E{r}", f"F{r}"
    bounds = result.target.kind in (TargetKind.RANGE, TargetKind.MIN, TargetKind.MAX)
    if result.is_ratio and ev.actual is not None:
        formula = f'=IF({e}=0,"",{d}/{e}*100)' if result.down else f'=IF({d}=0,"",{e}/{d}*100)'
        _put(ws, r, 7, formula, fmt=PERCENT_FORMAT)
    elif bounds and ev.actual is not None and ev.percent_of_plan is not None and bounds_percent(result, r):
        _put(ws, r, 7, bounds_percent(result, r), fmt=PERCENT_FORMAT)
    elif change := change_formulas(result, r):
        _put(ws, r, 7, change[0], fmt=PERCENT_FORMAT)
    else:
        _put(ws, r, 7, ev.percent_of_plan, fmt=PERCENT_FORMAT)
    _put(ws, r, 8, f'=IF({f}=0,"",{e}/{f}*100)' if result.versus_previous is not None else None, fmt=PERCENT_FORMAT)
    formula = status_formula(result, r) if ev.actual is not None else None
    # Text only where no formula can judge: a qualitative result is a word ("đạt", "giữ vững"), not a figure
    # to compare; "vượt 5-10%" of the upper level's figure; a growth from a base of 0 or below; no figure yet.
    _put(ws, r, 9, formula or status_label(result), align=_CENTRE)
    _put(ws, r, 10, result.plan_text)
    _put(ws, r, 11, ev.base if result.target.kind is TargetKind.CHANGE else None)


def _bieu_02(ws: Worksheet, data: ReportData) -> None:
    ws.title = "Biểu 02"
    _sheet_head(ws, indicators_title(data), _caption(data), BIEU_02_XLSX_HEADERS, BIEU_02_WIDTHS)
    r, number = HEADER_ROW, 0
    for f_index, (f, results) in enumerate(assess_fields(data.fields)):
        r += 1
        _put(ws, r, 1, ROMAN[f_index] if f_index < len(ROMAN) else str(f_index + 1), bold=True, align=_CENTRE)
        _put(ws, r, 2, f.name.upper(), bold=True)
        for col in range(3, len(BIEU_02_XLSX_HEADERS) + 1):
            _put(ws, r, col, None)
        for result in results:
            r, number = r + 1, number + 1
            _indicator_row(ws, r, number, result)
    ws.print_area = f"A1:{get_column_letter(len(BIEU_02_XLSX_HEADERS))}{r}"
    _fit_heights(ws, BIEU_02_WIDTHS, HEADER_ROW, r)


def wrapped_lines(text: str, width_cm: float, pt: float = 12, *, bold: bool = False) -> int:
    """How many lines ``text`` takes in a column ``width_cm`` wide, wrapped between words as Excel does.

    >>> wrapped_lines("% so với kế hoạch", 12 * CHAR_CM, bold=True), wrapped_lines("Đạt", 2)
    (2, 1)
    """
    usable = max(width_cm - 0.2, 0.5)
    lines = 0
    for paragraph in str(text).split("\n"):
        lines, line = lines + 1, 0.0
        for word in paragraph.split():
            w = text_width_cm(word, pt, bold=bold)
            space = text_width_cm(" ", pt, bold=bold) if line else 0
            if line and line + space + w > usable:
                lines, line = lines + 1, w
            else:
                line += space + w
    return max(lines, 1)


def _fit_heights(ws: Worksheet, widths: tuple[int, ...], first: int, last: int) -> None:
    """Row heights for the wrapped texts (LibreOffice keeps a written file's rows one line high)."""
    for r in range(first, last + 1):
        lines = 1
        for col, width in enumerate(widths, start=1):
            cell = ws.cell(row=r, column=col)
            if isinstance(cell.value, str) and not cell.value.startswith("="):
                if cell.coordinate in ws.merged_cells:  # a note across the table
                    width = sum(widths)
                lines = max(lines, wrapped_lines(cell.value, width * CHAR_CM, bold=bool(cell.font.b)))
        ws.row_dimensions[r].height = round(lines * LINE_PT + 3, 1)


def build_tables_xlsx(data: ReportData) -> bytes:
    """Biểu số 01 (key tasks) and Biểu số 02 (indicators) as .xlsx bytes."""
    wb = Workbook()
    _bieu_01(wb.active, data)
    _bieu_02(wb.create_sheet(), data)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
