"""Plain text (.txt, .md) into raw blocks: one per line, tab-separated lines as table rows."""

from __future__ import annotations

import re

from ktxh.core.units import lookup_unit

from .errors import ReaderError
from .raw import RawBlock, RawTable
from .scan import keyword_finditer, lowered

_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_TAG = re.compile(r"</?[a-zA-Z][^>]{0,40}>")


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM; refuse binary data."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    head = data[:65536]
    if b"\x00" in head:
        raise ReaderError(f"Tệp \u201c{name}\u201d không phải văn bản (có byte nhị phân).", field="tệp", value=name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1258")
        except UnicodeDecodeError as exc:
            raise ReaderError(
                f"Tệp \u201c{name}\u201d không đọc được: không phải văn bản UTF-8.", field="tệp", value=name
            ) from exc
        # cp1258 decodes almost anything; many control characters mean it was not text at all.
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > max(8, len(text[:65536]) // 100):
        raise ReaderError(f"Tệp \u201c{name}\u201d không phải văn bản (nhiều ký tự điều khiển).", field="tệp", value=name)
    return text


def clean_cell(text: str) -> str:
    return " ".join(_TAG.sub(" ", text).split())


_NUMERIC_LINE = re.compile(r"^\s*[+\-−–]?\s*\d[\d.,]*\s*%?\s*$")  # "+2", "- 1,5": a "+/-" cell too
MIN_FLAT_ROWS = 3


def flattened_tables(lines: list[str]) -> dict[int, tuple[int, RawTable]]:
    """Rule "cells one per line": a table pasted as one cell per line, read back into rows.

    A run of labels each followed by the same number n of lone figures, at least three rows, with
    n + 1 short header lines before it ("Chỉ tiêu", "Diện tích (Ha)", "%"). Returns, by the index of
    the table's first line, the index after its last line and the table.

    >>> lines = ["Chỉ tiêu", "Diện tích", "%", "Tổng", "10", "100", "Lúa", "6", "60", "Ngô", "4", "40", "Hết."]
    >>> end, t = flattened_tables(lines)[0]
    >>> end, t.rows[0], t.rows[2]
    (12, ('Chỉ tiêu', 'Diện tích', '%'), ('Lúa', '6', '60'))
    """
    found: dict[int, tuple[int, RawTable]] = {}
    numeric = [bool(_NUMERIC_LINE.match(x)) for x in lines]
    i = 0
    while i < len(lines):
        rows, j, width = [], i, None
        while j < len(lines) and lines[j].strip() and not numeric[j]:
            k = j + 1
            while k < len(lines) and numeric[k]:
                k += 1
            n = k - j - 1
            if n == 0 or (width is not None and n != width):
                break
            width = n
            rows.append(tuple(clean_cell(x) for x in lines[j:k]))
            j = k
        if len(rows) >= MIN_FLAT_ROWS and width is not None:
            head = lines[max(0, i - width - 1) : i]
            if len(head) == width + 1 and all(h.strip() and len(h) <= 40 and not _NUMERIC_LINE.match(h) for h in head):
                start = i - width - 1
                table = RawTable(rows=[tuple(clean_cell(h) for h in head), *rows], line=start + 1)
                found[start] = (j, table)
                i = j
                continue
        i += 1
    return found


# Column names of a plan/actual table whose cells a paste left separated by spaces only, in reading order.
_SPACED_COLUMN = re.compile(
    r"(?i)(?P<col>\bĐVT\b|đơn\s+vị\s+tính|kế\s+hoạch(?:\s+năm(?:\s+\d{4})?)?|\bKH\b(?:\s+\d{4})?|ước\s+(?:thực\s+hiện|TH)|"
    r"thực\s+hiện|\bTH\b(?:\s+\d{4})?|tỷ\s+lệ\s*(?:\(\s*%\s*\))?|%\s*(?:so\s+(?:với\s+)?(?:KH|kế\s+hoạch))?|"
    r"\+\s*/\s*[-−–]|±|tăng\s*/\s*giảm|chênh\s+lệch)")
# where a _SPACED_COLUMN match can begin: the first letters of each of its names
_SPACED_STARTS = tuple((w, 0) for w in ("đvt", "đơn", "kế", "kh", "ước", "thực", "th", "tỷ", "%", "+", "±", "tăng", "chênh"))
_SPACED_ROW = re.compile(r"^(?P<label>\S.*?)(?P<cells>(?:\s+[+\-−–]?\s?\d[\d.,]*\s?%?){2,})\s*$")
_SPACED_CELL = re.compile(r"[+\-−–]?\s?\d[\d.,]*\s?%?")


def _spaced_header(line: str) -> list[str] | None:
    """The column names of a line, or None when it cannot head a spaced table (a tab, too long, no plan column)."""
    if "\t" in line or len(line) > 200 or not ("k" in line or "K" in line or "\u212a" in line):
        return None  # the plan column needs a "k" ("kế hoạch", "KH"; the Kelvin sign lowers to "k")
    low = lowered(line)
    if low is not None and "kế" not in low and "kh" not in low:
        return None
    return [m["col"].strip() for m in keyword_finditer(_SPACED_COLUMN, line, low, _SPACED_STARTS)]


def spaced_tables(lines: list[str]) -> dict[int, tuple[int, RawTable]]:
    """Rule "cells separated by spaces": a header naming KH, TH, % and "+/-" columns, then rows of a label
    (and its unit, under ĐVT) followed by as many figures as the header names numeric columns.

    >>> lines = ["Chỉ tiêu ĐVT KH TH % +/-", "Lúa ha 40 38 95 -2", "Ngô ha 25 27 108 +2", "Đậu ha 10 10 100 0", "Hết."]
    >>> end, t = spaced_tables(lines)[0]
    >>> end, t.rows[0], t.rows[1]
    (4, ('Chỉ tiêu', 'ĐVT', 'KH', 'TH', '%', '+/-'), ('Lúa', 'ha', '40', '38', '95', '-2'))
    """
    found: dict[int, tuple[int, RawTable]] = {}
    for i, line in enumerate(lines):
        cols = _spaced_header(line)
        if cols is None:
            continue
        has_unit = bool(cols) and bool(re.match(r"(?i)đvt|đơn", cols[0]))
        figures = cols[1:] if has_unit else cols
        if len(figures) < 2 or not any(re.match(r"(?i)kế|kh", c) for c in figures):
            continue
        first = _SPACED_COLUMN.search(line)
        label_head = line[: first.start()].strip() if first else ""
        rows, j = [], i + 1
        while j < len(lines) and (m := _SPACED_ROW.match(lines[j].strip())) is not None:
            cells = [" ".join(c.split()) for c in _SPACED_CELL.findall(m["cells"])]
            if len(cells) != len(figures):
                break
            label = m["label"].strip()
            unit = ""
            if has_unit:
                head, _, last = label.rpartition(" ")
                if head and lookup_unit(last):  # "Tổng cộng" under ĐVT has no unit
                    label, unit = head, last
            rows.append((clean_cell(label), *([unit] if has_unit else []), *cells))
            j += 1
        if len(rows) >= MIN_FLAT_ROWS:
            header = (label_head or "Chỉ tiêu", *cols)
            found[i] = (j, RawTable(rows=[header, *rows], line=i + 1))
    return found


def read_text(text: str) -> list[RawBlock | RawTable]:
    """Each line becomes a block (blank lines too, as separators); runs of tab lines become a table."""
    blocks: list[RawBlock | RawTable] = []
    table: RawTable | None = None
    pending_blank: list[RawBlock] = []
    lines = text.splitlines()
    flat = {**spaced_tables(lines), **flattened_tables(lines)} if len(lines) < 20000 else {}
    skip_to = 0
    for number, line in enumerate(lines, start=1):
        if number - 1 < skip_to:
            continue
        if number - 1 in flat:
            skip_to, flat_table = flat[number - 1]
            blocks.extend(pending_blank)
            pending_blank.clear()
            blocks.append(flat_table)
            table = None
            continue
        if "---" in line and _MD_SEPARATOR.match(line):
            continue  # "|---|:---:|" under a Markdown table's header
        if "|" in line and _MD_ROW.match(line):
            cells = [clean_cell(c) for c in line.strip().strip("|").split("|")]
        else:
            cells = [clean_cell(c) for c in line.split("\t")] if "\t" in line else []
        is_row = bool(cells) and (sum(1 for c in cells if c) >= 2 or (table is not None and any(cells)))
        if is_row:
            if table is None:
                table = RawTable(rows=[], line=number)
                blocks.append(table)
            else:
                pending_blank.clear()  # blank lines inside a table are page breaks, not separators
            table.rows.append(tuple(cells))
            continue
        if not line.strip():
            pending_blank.append(RawBlock("", number))
            continue
        if table is not None:
            table = None
        blocks.extend(pending_blank)
        pending_blank.clear()
        blocks.append(RawBlock(line.replace("\t", " ").rstrip(), number))
    blocks.extend(pending_blank)
    return blocks
