"""A .docx into raw blocks: paragraphs in order with their footnote marks, tables as rows, footnotes."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from .archive import check_archive
from .errors import ReaderError
from .raw import RawBlock, RawTable
from .text import clean_cell

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _paragraph(p: etree._Element) -> RawBlock:
    """Text of a w:p with tabs and breaks, recording where each footnote reference stands."""
    parts: list[str] = []
    refs: list[tuple[int, int]] = []
    size = 0
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}footnoteReference"):
        tag = el.tag
        if tag == f"{W}t":
            piece = el.text or ""
        elif tag == f"{W}footnoteReference":
            refs.append((size, int(el.get(f"{W}id", "0"))))
            continue
        else:
            piece = "\t" if tag == f"{W}tab" else " "
        parts.append(piece)
        size += len(piece)
    return RawBlock("".join(parts).replace("\t", " ").rstrip(), None, refs)


def _table(tbl: etree._Element) -> RawTable:
    rows = []
    for tr in tbl.iterchildren(f"{W}tr"):
        cells = []
        for tc in tr.iterchildren(f"{W}tc"):
            text = " ".join(_paragraph(p).text for p in tc.iter(f"{W}p"))
            cells.append(clean_cell(text))
        rows.append(tuple(cells))
    return RawTable(rows=rows)


def _footnotes(document) -> dict[int, str]:
    for rel in document.part.rels.values():
        if rel.reltype == _FOOTNOTES_REL and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            notes = {}
            for fn in root.iterchildren(f"{W}footnote"):
                if fn.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join(_paragraph(p).text for p in fn.iter(f"{W}p"))
                notes[int(fn.get(f"{W}id", "0"))] = " ".join(text.split())
            return notes
    return {}


def _heading_styles(document) -> dict:
    """Style id → heading level: "Title" is a part, "Heading 1" a roman section, "Heading 2" a numbered one.

    Also the ids of list styles ("List Number", "List Bullet"), whose paragraphs are list items.
    """
    levels: dict = {}
    lists = set()
    for style in document.styles:
        name = (getattr(style, "name", "") or "").strip()
        sid = getattr(style, "style_id", None)
        if not sid:
            continue
        m = re.fullmatch(r"(?i)heading\s*(\d)", name)
        if m:
            levels[sid] = min(9, 2 + int(m[1]))  # Heading 1 → 3 (I.), Heading 2 → 4 (1.), …
        elif name.lower() == "title":
            levels[sid] = 1
        elif re.match(r"(?i)list\s+(number|bullet)", name):
            lists.add(sid)
    levels["__lists__"] = lists
    return levels


def read_docx(data: bytes, name: str, max_text: int = 5 * 1024 * 1024) -> tuple[list[RawBlock | RawTable], dict[int, str]]:
    """Blocks of the document body in reading order, and its footnotes by id."""
    import docx  # python-docx; imported here so text-only use does not pay for it

    try:
        infos = check_archive(data, name)  # every member's size, before anything is parsed
        names = {i.filename for i in infos}
        xml_size = sum(i.file_size for i in infos if i.filename.startswith("word/") and i.filename.endswith(".xml"))
    except zipfile.BadZipFile as exc:
        raise ReaderError(
            f"Tệp \u201c{name}\u201d không phải tệp .docx hợp lệ (không mở được như tệp nén Word).",
            field="tệp", value=name,
        ) from exc
    if "word/document.xml" not in names:
        raise ReaderError(
            f"Tệp \u201c{name}\u201d là tệp nén nhưng không phải văn bản Word (.docx): thiếu word/document.xml.",
            field="tệp", value=name,
        )
    if xml_size > 20 * max_text:  # markup is verbose, but not this verbose: a zip bomb or a huge document
        raise ReaderError(
            f"Tệp \u201c{name}\u201d có nội dung quá lớn để đọc ({xml_size // 1024 // 1024} MB khi giải nén).",
            field="tệp", value=name,
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise ReaderError(
            f"Tệp \u201c{name}\u201d bị hỏng, không đọc được nội dung Word ({type(exc).__name__}).",
            field="tệp", value=name,
        ) from exc
    levels = _heading_styles(document)
    blocks: list[RawBlock | RawTable] = []
    size = 0
    for el in document.element.body.iterchildren():
        if el.tag == f"{W}p":
            block = _paragraph(el)
            style = el.find(f"{W}pPr/{W}pStyle")
            style_id = style.get(f"{W}val") if style is not None else None
            block.heading_level = levels.get(style_id or "")
            block.list_item = el.find(f"{W}pPr/{W}numPr") is not None or (
                style_id is not None and style_id in levels.get("__lists__", ()))
            size += len(block.text)
            blocks.append(block)
        elif el.tag == f"{W}tbl":
            table = _table(el)
            size += sum(len(c) for r in table.rows for c in r)
            blocks.append(table)
        if size > max_text:
            raise ReaderError(
                f"Tệp \u201c{name}\u201d có quá nhiều chữ (hơn {max_text // 1024 // 1024} MB văn bản).",
                field="tệp", value=name,
            )
    return blocks, _footnotes(document)
