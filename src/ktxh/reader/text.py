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


def read_text(text: str) -> list[RawBlock | RawTable]:
    """Each line becomes a block (blank lines too, as separators); runs of tab lines become a table."""
    blocks: list[RawBlock | RawTable] = []
    table: RawTable | None = None
    pending_blank: list[RawBlock] = []
    for number, line in enumerate(text.splitlines(), start=1):
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
