"""An Excel workbook (.xlsx) into raw blocks: each sheet's title lines as paragraphs, its grid as a table.

A Biểu ("Biểu số 01 …") is a title, then a header row naming Chỉ tiêu, ĐVT, Kế hoạch, Thực hiện, % …,
then one row per indicator. Cells are written the Vietnamese way ("5.933,3", "95%") so that the same
rules read them as they read a .docx table; every table keeps its sheet and the cell it starts at, so
a finding names "trang tính “Biểu 01”, ô E7".
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from typing import Any

from ktxh.core.numbers import format_number

from .errors import ReaderError
from .raw import RawBlock, RawTable

MAX_ROWS = 20000
MAX_COLUMNS = 60


def cell_text(value: Any, number_format: str = "General") -> str:
    """A cell's value as a person reads it: 0,953 formatted "0.0%" is "95,3%"; 5933.3 is "5.933,3".

    >>> cell_text(5933.3), cell_text(0.953, "0.0%"), cell_text(12, "General"), cell_text(None)
    ('5.933,3', '95,3%', '12', '')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int | float | Decimal):
        d = Decimal(str(value))
        if "%" in (number_format or ""):
            places = len(number_format.split(".")[1].rstrip("%")) if "." in number_format else 0
            return format_number(d * 100, places) + "%"
        places = max(0, -d.normalize().as_tuple().exponent) if d != d.to_integral_value() else 0
        return format_number(d, min(places, 6))
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def read_xlsx(data: bytes, name: str) -> list[RawBlock | RawTable]:
    """Every sheet in order: rows with one filled cell become paragraphs, runs of fuller rows a table."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReaderError(f"Tệp \u201c{name}\u201d không phải tệp Excel (.xlsx) đọc được.", field="tệp",
                          value=name) from exc
    blocks: list[RawBlock | RawTable] = []
    try:
        for ws in wb.worksheets:
            blocks.extend(_sheet_blocks(ws))
    finally:
        wb.close()
    return blocks


def _sheet_blocks(ws: Any) -> list[RawBlock | RawTable]:
    out: list[RawBlock | RawTable] = [RawBlock(""), RawBlock(f"Trang tính {ws.title}")]
    table: RawTable | None = None
    for r, row in enumerate(ws.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS), start=1):
        cells = [(c.column, cell_text(c.value, c.number_format)) for c in row if getattr(c, "column", None)]
        filled = [(col, text) for col, text in cells if text]
        if len(filled) >= 2:
            first = min(col for col, _ in filled) if table is None else table.origin[1]
            if table is None:
                table = RawTable(rows=[], line=r, sheet=ws.title, origin=(r, first))
                out.append(table)
            width = max(col for col, _ in filled)
            values = dict(cells)
            table.rows.append(tuple(values.get(c, "") for c in range(table.origin[1], width + 1)))
            continue
        table = None
        if filled:
            out.append(RawBlock(filled[0][1], r))
        else:
            out.append(RawBlock("", r))
    return out
