"""Every table a page shows, downloadable as CSV or Excel: one helper for every page.

A page builds its tables as ``Table(title, header, rows)`` — the same rows it draws — and, when
its address carries ``?dinh_dang=csv`` or ``?dinh_dang=xlsx`` (:func:`wanted`), answers with
:func:`download` instead of the page. CSV is UTF-8 with its mark (Excel opens it as UTF-8),
tables one after another, each under its title; .xlsx has one sheet per table, its numbers as
numbers. Templates link the files with ``{% include "ui/export_links.html" %}``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse

FORMATS = ("csv", "xlsx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_VI_NUMBER = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?")


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list] = field(default_factory=list)


def wanted(request) -> str | None:
    """``csv`` or ``xlsx`` when the page is asked for a file (``?dinh_dang=``), else None."""
    fmt = request.GET.get("dinh_dang", "").strip()
    return fmt if fmt in FORMATS else None


def links(request) -> dict[str, str]:
    """The page's own address with ``dinh_dang`` set, for each format (its other parameters kept)."""
    out = {}
    for fmt in FORMATS:
        params = request.GET.copy()
        params["dinh_dang"] = fmt
        params.pop("trang", None)
        out[fmt] = "?" + params.urlencode()
    return out


def _plain(value) -> str:
    return "" if value is None else str(value)


def excel_cell(value):
    """A cell for Excel: numbers as numbers, a Vietnamese number typed as text ("5.933,3") read back
    to one (5933.3); a share ("85%"), a range or words stay text.

    >>> excel_cell("5.933,3"), excel_cell("12"), excel_cell("85%"), excel_cell("14 – 15"), excel_cell(None)
    (5933.3, 12, '85%', '14 – 15', None)
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    text = str(value)
    if _VI_NUMBER.fullmatch(text.strip()):
        plain = text.strip().replace(".", "").replace(",", ".")
        number = float(plain)
        return int(number) if "." not in plain else number
    return text


def download(fmt: str, name: str, tables: list[Table], *, heading: str = "") -> HttpResponse:
    """The tables as ``name.csv`` or ``name.xlsx``. In CSV a single table starts with its header;
    several follow one another, each under its title. In Excel each table is a sheet named by its
    title, ``heading`` (the unit and period) above its header."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-") or "bang"
    if fmt == "csv":
        out = io.StringIO()
        out.write("\ufeff")  # Excel opens UTF-8 with its mark as UTF-8
        writer = csv.writer(out)
        for i, t in enumerate(tables):
            if len(tables) > 1:  # one table: its header first, as a spreadsheet expects
                writer.writerow([t.title])
            writer.writerow(t.header)
            writer.writerows([[_plain(v) for v in row] for row in t.rows])
            if i < len(tables) - 1:
                writer.writerow([])
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        book = Workbook()
        book.remove(book.active)
        used = set()
        for t in tables:
            title = re.sub(r"[\[\]:*?/\\]", " ", t.title)[:31] or "Bảng"
            while title in used:
                title = title[:28] + f" {len(used)}"
            used.add(title)
            sheet = book.create_sheet(title)
            if heading:
                sheet.append([heading])
            sheet.append(t.header)
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
            for row in t.rows:
                sheet.append([excel_cell(v) for v in row])
            sheet.column_dimensions["A"].width = 28
            sheet.column_dimensions["B"].width = 28
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(), content_type=XLSX)
    else:
        raise ValueError(fmt)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
