"""Target lists become Targets through the core parser, with their field from the headings.

Three shapes: numbered or bulleted lines under a heading or a line that names targets
("II. Chỉ tiêu", "1. Nhóm chỉ tiêu kinh tế:", "Các chỉ tiêu chủ yếu:"), marked the ways real
plans mark them ("(1)", "1.", "1)", "a)", "-", "+", "•"); a run-in list after "các chỉ tiêu
chủ yếu:" in one paragraph, items parted by ";"; and tables with a ĐVT column ("Biểu số 02:
Danh mục chỉ tiêu …"), whose ĐVT decides how "12,575" (Người) or "0.42" (%) read.
Parenthesized numbering is never a figure: "(7) Duy trì xã đạt chuẩn quốc gia về y tế"
is qualitative.

>>> [m.group(0) for m in map(_MARKER.match, ["(7) Duy trì", "a) Tỷ lệ", "12. Thu", "+ Lúa"])]
['(7) ', 'a) ', '12. ', '+ ']
>>> run_in_items("Năm 2026, phường phấn đấu thực hiện các chỉ tiêu: Thu nhập đạt 78 triệu đồng; tỷ lệ hộ nghèo còn 0,8%...")
['Thu nhập đạt 78 triệu đồng', 'tỷ lệ hộ nghèo còn 0,8%']
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ktxh.core.errors import KtxhError
from ktxh.core.targets import parse_target
from ktxh.core.units import lookup_unit

from .build import field_of
from .document import Location, Paragraph, Table, TargetRecord
from .scan import keyword_finditer, lowered

_MARKER = re.compile(
    r"^\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2}\s*\)|[a-zđ]\s*\)|\d{1,2}(?:\.\d{1,2})*\s*[.\-]?(?=\s*\D)|[-+–•*])\s*",
    re.IGNORECASE,
)
_ITEM = re.compile(r"^\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2}\s*\)|[a-zđ]\s*\)|\d{1,2}(?:\.\d{1,2})*\.(?=\s*\D)|[-+–•*])\s*\S",
                   re.IGNORECASE)
_LIST_TITLE = re.compile(r"\bchỉ\s+tiêu\b", re.IGNORECASE)
_NOT_LIST_TITLE = re.compile(r"nhiệm\s+vụ\s+và|giải\s+pháp|không\s+đạt|kết\s+quả\s+thực\s+hiện|\d+/\d+\s+chỉ\s+tiêu",
                             re.IGNORECASE)
_RUN_IN = re.compile(
    r"(?:^|[\s,(])(?:các\s+(?:nhóm\s+)?chỉ\s+tiêu|chỉ\s+tiêu\s+(?:chủ\s+yếu|kinh\s+tế|xã\s+hội|về|môi\s+trường))"
    r"[^:;.]{0,60}?:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_GROUP = re.compile(r"^(?:(?:nhóm\s+)?chỉ\s+tiêu\s+)?(?:về\s+|lĩnh\s+vực\s+)?(?P<field>[^:]{2,80}?)\s*:?\s*$", re.IGNORECASE)
_IN_WHICH = re.compile(r"^\s*trong\s+đó\s*[,:]?\s*", re.IGNORECASE)
_ROMAN_ROW = re.compile(r"^\s*[IVX]+[.\-]\s*")
_NUMBER_ROW = re.compile(r"^\s*\d{1,2}[.\-]\s*")


def _record(field: str, text: str, location: Location, *, label: str | None = None,
            unit: str | None = None) -> TargetRecord | None:
    try:
        target = parse_target(text, label=label, unit=unit)
    except KtxhError:
        return None
    return TargetRecord(field, target.label or label or "", target, target.unit or unit, location)


def from_paragraphs(paragraphs: Sequence[Paragraph]) -> list[TargetRecord]:
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


def _names_targets(text: str) -> bool:
    """Whether ``text`` holds "chỉ" in any case: without it none of the list regexes here can match
    (each needs "chỉ tiêu"), and most paragraphs of a report are skipped at once."""
    return "chỉ" in text.lower()


# where a _RUN_IN match can begin: at the start, or on the space, "," or "(" before "các" or "chỉ"
_RUN_IN_STARTS = (("các", 0), ("chỉ", 0), ("các", -1), ("chỉ", -1))


def _run_in(text: str) -> re.Match[str] | None:
    """``_RUN_IN.search(text)``, tried only where a match can begin."""
    return next(keyword_finditer(_RUN_IN, text, lowered(text), _RUN_IN_STARTS), None)


def run_in_items(text: str) -> list[str]:
    """The items of a run-in list ("… các chỉ tiêu chủ yếu: A; B; C."), or [] when the text holds none."""
    if not _names_targets(text):
        return []
    m = _run_in(text)
    if not m or _NOT_LIST_TITLE.search(text[: m.start("rest")]):
        return []
    items = []
    for chunk in re.split(r"\s*;\s*|(?<=[^\d\s])\.\s+(?=[A-ZÀ-Ỹ])", m.group("rest")):
        chunk = _IN_WHICH.sub("", chunk).strip(" .…")
        if re.search(r"\d", chunk) or len(chunk) > 12:
            items.append(chunk)
    return items if len(items) >= 2 or (items and re.search(r"\d", items[0])) else []


def _is_title(p: Paragraph) -> bool:
    text = p.text.strip()
    return (len(text) <= 120 and (text.endswith(":") or p.role == "heading" or text.endswith(")"))
            and _names_targets(text) and bool(_LIST_TITLE.search(text)) and not _NOT_LIST_TITLE.search(text)
            and not _RUN_IN_REST(text))


def _RUN_IN_REST(text: str) -> bool:
    m = _run_in(text)
    return bool(m and re.search(r"\d", m.group("rest")))


def _group_field(text: str) -> str | None:
    """"- Về kinh tế:" / "1. Chỉ tiêu về xã hội:" → "Kinh tế" / "Xã hội"; None for an item."""
    body = _MARKER.sub("", text).strip()
    if not body.endswith(":") or re.search(r"\d", body) or len(body) > 90:
        return None
    m = _GROUP.match(body)
    f = (m.group("field") if m else body).strip(" :")
    return f[:1].upper() + f[1:]


def from_lists(paragraphs: Sequence[Paragraph]) -> list[TargetRecord]:
    """Target lists the heading tree does not mark: marked lines after a line naming targets, and run-in lists."""
    out: list[TargetRecord] = []
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        i += 1
        if p.role == "target":
            continue
        items = run_in_items(p.text)
        if items:
            fld = re.sub(r"\s+là$", "", field_of(p.text[: p.text.find(":")], keep=False) or "")
            out.extend(r for r in (_record(fld, t, p.location) for t in items) if r is not None)
            continue
        if not _is_title(p) or (i < len(paragraphs) and paragraphs[i].role == "target"):
            continue
        fld = field_of(p.text) or ""
        while i < len(paragraphs) and paragraphs[i].role != "target":
            q = paragraphs[i]
            group = _group_field(q.text)
            if group is not None:
                fld = group
            elif _ITEM.match(q.text):
                rec = _record(fld, _MARKER.sub("", q.text).strip(), q.location)
                if rec is not None:
                    out.append(rec)
            else:
                break
            i += 1
    return out


def extract_targets(paragraphs: Sequence[Paragraph], tables: Sequence[Table]) -> list[TargetRecord]:
    """The targets of the target lists: marked paragraphs, lists after a title line, run-in lists, ĐVT tables."""
    out = from_paragraphs(paragraphs) + from_lists(paragraphs)
    out.sort(key=lambda r: (r.location.paragraph or 0))
    for t in tables:
        out.extend(from_table(t))
    return out
