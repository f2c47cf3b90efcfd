"""Target lists become Targets through the core parser, with their field from the headings.

Two shapes: numbered or bulleted lines under a heading that names targets ("II. Chỉ
tiêu", "1. Nhóm chỉ tiêu kinh tế:"), and tables with a ĐVT column ("Biểu số 02: Danh
mục chỉ tiêu …"), whose ĐVT decides how "12,575" (Người) or "0.42" (%) read.
"""

from __future__ import annotations

import re

from ktxh.core.errors import KtxhError
from ktxh.core.targets import parse_target
from ktxh.core.units import lookup_unit

from .build import field_of
from .document import Location, Paragraph, Table, TargetRecord

_MARKER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\s*[.\-]?|[-+–•*])\s*")
_ROMAN_ROW = re.compile(r"^\s*[IVX]+[.\-]\s*")
_NUMBER_ROW = re.compile(r"^\s*\d{1,2}[.\-]\s*")


def _record(field: str, text: str, location: Location, *, label: str | None = None,
            unit: str | None = None) -> TargetRecord | None:
    try:
        target = parse_target(text, label=label, unit=unit)
    except KtxhError:
        return None
    return TargetRecord(field, target.label or label or "", target, target.unit or unit, location)


def from_paragraphs(paragraphs: list[Paragraph]) -> list[TargetRecord]:
    out = []
    for p in paragraphs:
        if p.role != "target":
            continue
        text = _MARKER.sub("", p.text).strip()
        if not text:
            continue
        rec = _record(p.field, text, p.location)
        if rec is not None:
            out.append(rec)
    return out


def _columns(header: tuple[str, ...]) -> tuple[int, int, int] | None:
    """(label, unit, value) column indexes when the header names a ĐVT column."""
    low = [c.casefold() for c in header]
    if not any(c in ("đvt", "đơn vị tính", "đơn vị") for c in low):
        return None
    unit = next(i for i, c in enumerate(low) if c in ("đvt", "đơn vị tính", "đơn vị"))
    value = next((i for i, c in enumerate(low) if i != unit and re.search(r"chỉ tiêu|kế hoạch|^kh", c) and i > 0), None)
    if value is None:
        value = unit + 1 if unit + 1 < len(header) else None
    if value is None:
        return None
    # "STT | Danh mục | ĐVT | …" (Biểu số 02): the label is the column after the numbers.
    label = 1 if low[0] in ("stt", "tt", "số tt") and unit > 1 else 0
    return label, unit, value


def from_table(table: Table) -> list[TargetRecord]:
    """Targets of a table with a ĐVT column; group rows ("I. CHỈ TIÊU VỀ KINH TẾ") give the field."""
    header_at = next((i for i, r in enumerate(table.rows[:5]) if _columns(r)), None)
    if header_at is None:
        return []
    cols = _columns(table.rows[header_at])
    assert cols is not None
    li, ui, vi = cols
    field = field_of(table.caption) or ""
    out = []
    for n, row in enumerate(table.rows[header_at + 1 :], start=header_at + 2):
        cell = [*row, *[""] * (max(li, ui, vi) + 1 - len(row))]
        label, unit, value = cell[li].strip(), cell[ui].strip(), cell[vi].strip()
        if not value:
            if _ROMAN_ROW.match(label) or (li > 0 and re.fullmatch(r"[IVX]+\.?", cell[0].strip())):
                field = field_of(label, keep=True)
            continue
        label = _MARKER.sub("", _ROMAN_ROW.sub("", label)).strip()
        loc = Location(table.location.section, None, table.location.line, table.index, n)
        rec = _record(field, value, loc, label=label or None, unit=unit if lookup_unit(unit) else None)
        if rec is not None:
            out.append(rec)
    return out


def extract_targets(paragraphs: list[Paragraph], tables: list[Table]) -> list[TargetRecord]:
    out = from_paragraphs(paragraphs)
    for t in tables:
        out.extend(from_table(t))
    return out
