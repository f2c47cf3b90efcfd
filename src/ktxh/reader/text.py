"""Plain text (.txt, .md) into raw blocks: one per line, tab-separated lines as table rows."""

from __future__ import annotations

import re

from .errors import ReaderError
from .raw import RawBlock, RawTable

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


_NUMERIC_LINE = re.compile(r"^\s*\d[\d.,]*\s*%?\s*$")
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


def read_text(text: str) -> list[RawBlock | RawTable]:
    """Each line becomes a block (blank lines too, as separators); runs of tab lines become a table."""
    blocks: list[RawBlock | RawTable] = []
    table: RawTable | None = None
    pending_blank: list[RawBlock] = []
    lines = text.splitlines()
    flat = flattened_tables(lines) if len(lines) < 20000 else {}
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
        if _MD_SEPARATOR.match(line):
            continue  # "|---|:---:|" under a Markdown table's header
        if _MD_ROW.match(line):
            cells = [clean_cell(c) for c in line.strip().strip("|").split("|")]
        else:
            cells = [clean_cell(c) for c in line.split("\t")] if "\t" in line else []
        is_row = sum(1 for c in cells if c) >= 2 or (table is not None and cells and any(cells))
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
