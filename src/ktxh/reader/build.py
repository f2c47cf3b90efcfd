"""Raw blocks from either loader into one Document: joined paragraphs, footnotes, headings, tables.

Reports pasted to text break lines where a footnote mark stood ("bình quân 9,2%/năm" /
", gấp 1,81 lần") and where a page ended ("góp phần" / "" / "thực hiện"). Both breaks are
mended here, the first kind remembered as a footnote reference so that footnotes written
at the end ("\ufffd Năm 2016: 7,89 tỷ; …") can be linked back, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Footnote, Heading, Location, Paragraph, Table, heading_text
from .headings import DASH, NUMBER, PART, STAR, classify, number_parts
from .raw import RawBlock, RawTable


def _mark_join(text: str) -> bool:
    """A line that goes on after a footnote mark: starts with punctuation, or a space and a lowercase word."""
    if text[:1] in (",", ";", ".", ":", ")"):
        return True
    rest = text.lstrip()
    return rest != text and rest[:1].islower()


_SENTENCE_ENDS = frozenset(".:;!?…")  # what a sentence can end with
_FOOTNOTE = re.compile(r"^\s*(?:\(\ufffd\)|\ufffd)\s*")
_TARGET_LIST = re.compile(r"chỉ\s+tiêu", re.IGNORECASE)
_NOT_TARGET_LIST = re.compile(r"nhiệm vụ|giải pháp|không đạt|kết quả thực hiện", re.IGNORECASE)
_FIELD = re.compile(
    r"^(?:các\s+)?(?:nhóm\s+chỉ\s+tiêu|chỉ\s+tiêu|lĩnh\s+vực)\s*(?:về\s+)?(?P<field>.*)$", re.IGNORECASE
)


@dataclass
class _Para:
    text: str
    line: int | None
    marks: list[int] = field(default_factory=list)  # offsets of line-break footnote marks
    refs: list[tuple[int, int]] = field(default_factory=list)  # real (.docx) references
    heading_level: int | None = None
    list_item: bool = False
    page: int | None = None
    ocr: bool = False


def join_blocks(blocks: list[RawBlock | RawTable]) -> list[_Para | RawTable]:
    """Mend broken lines; blank blocks vanish."""
    out: list[_Para | RawTable] = []
    blank_before = True
    for b in blocks:
        if isinstance(b, RawTable):
            out.append(b)
            blank_before = True
            continue
        text = b.text
        if not text.strip():
            blank_before = True
            continue
        prev = out[-1] if out and isinstance(out[-1], _Para) else None
        if prev is not None and not ("\ufffd" in text and _FOOTNOTE.match(text)):
            stripped = prev.text.rstrip()
            if not blank_before and _mark_join(text):
                # A footnote mark stood at the break.
                offset = len(stripped)
                glue = "" if text[0] in ",;.:)" else " "
                prev.refs.extend((offset + len(glue) + o, n) for o, n in b.footnotes)
                prev.text = stripped + glue + text.strip()
                prev.marks.append(offset)
                blank_before = False
                continue
            # the previous line ends a sentence when its last character does (no regex over the whole paragraph)
            if text[:1].islower() and stripped[-1:] not in _SENTENCE_ENDS and classify(text) is None:
                glue = " "
                prev.refs.extend((len(stripped) + 1 + o, n) for o, n in b.footnotes)
                prev.text = stripped + glue + text.strip()
                blank_before = False
                continue
        lead = len(text) - len(text.lstrip())
        out.append(_Para(text.strip(), b.line, [], [(max(0, o - lead), n) for o, n in b.footnotes],
                         b.heading_level, b.list_item, b.page, b.ocr))
        blank_before = False
    return out


def split_footnotes(items: list[_Para | RawTable]) -> tuple[list[_Para | RawTable], list[str]]:
    """Paragraphs that are footnotes written out ("\ufffd …") leave the body, in order."""
    body, notes = [], []
    for it in items:
        if isinstance(it, _Para) and "\ufffd" in it.text and _FOOTNOTE.match(it.text):
            notes.append(_FOOTNOTE.sub("", it.text).strip())
        else:
            body.append(it)
    return body, notes


def field_of(title: str, keep: bool = False) -> str:
    """The field (lĩnh vực) a heading names: "Nhóm chỉ tiêu kinh tế" → "Kinh tế"; "" when none.

    >>> field_of("1. Nhóm chỉ tiêu kinh tế:"), field_of("I. CHỈ TIÊU VỀ XÃ HỘI - MÔI TRƯỜNG")
    ('Kinh tế', 'Xã hội - môi trường')
    >>> field_of("Các chỉ tiêu chủ yếu:"), field_of("Các chỉ tiêu chủ yếu:", keep=True)
    ('', 'Các chỉ tiêu chủ yếu')
    """
    t = re.sub(r"^(?:[IVX]+|\d+(?:\.\d+)*)[.\-]\s*", "", title.strip(" :."))
    m = _FIELD.match(t)
    if m:
        f = re.sub(r"(?i)\b(?:chủ\s+yếu|năm\s+\d{4}|phát\s+triển)\b", "", m["field"])
        f = " ".join(f.split()).strip(" :.-")
        if not f and not keep:
            return ""
        t = f or t
    elif not keep:
        return ""
    t = t.strip(" :.")
    if t.isupper():
        t = t.lower()
    return t[:1].upper() + t[1:]


_GROUP = re.compile(r"(?i)^(?:các\s+)?(?:nhóm\s+)?chỉ\s+tiêu")


def _continues(parts: tuple[int, ...], expect: tuple[int, ...] | None) -> bool:
    """Whether a numbered line continues the list: 1. (or 2.1.) to start, then the next numbers."""
    if expect is None:
        return parts[-1] == 1
    return len(parts) == len(expect) and parts[:-1] == expect[:-1] and expect[-1] <= parts[-1] <= expect[-1] + 1


def _field(headings: list[Heading]) -> str:
    """The field of a target item: the deepest heading that names one ("Nhóm chỉ tiêu kinh tế")."""
    found = ""
    for h in headings:
        f = field_of(h.title)
        if f:
            found = f
    return found or field_of(headings[0].title, keep=True)


def _is_title_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(text) <= 200


def is_target_list_title(title: str) -> bool:
    return bool(_TARGET_LIST.search(title)) and len(title) <= 90 and not _NOT_TARGET_LIST.search(title)


@dataclass
class Built:
    paragraphs: list[Paragraph]
    headings: list[Heading]
    tables: list[Table]
    footnotes: list[Footnote]
    warnings: list[str]


@dataclass
class _Builder:
    """The state of one pass over the blocks: the heading stack and the target list we are in."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    stack: list[Heading] = field(default_factory=list)
    target_at: int | None = None  # index in stack of the target list's heading …
    expect: tuple[int, ...] | None = None  # … and the next item marker expected
    marks: list[tuple[int, int]] = field(default_factory=list)  # (paragraph index, offset) of line-break marks
    refs: list[tuple[int, int, int]] = field(default_factory=list)  # (paragraph index, offset, footnote id)
    _section: tuple[str, ...] | None = None  # the stack's titles, until the stack changes

    def section(self) -> tuple[str, ...]:
        if self._section is None:
            self._section = tuple(h.text for h in self.stack)
        return self._section

    def location(self, it: _Para, index: int, section: tuple[str, ...] | None = None) -> Location:
        return Location(self.section() if section is None else section, index, it.line, page=it.page, ocr=it.ocr)

    def table(self, it: RawTable) -> None:
        paragraphs = self.paragraphs
        caption = paragraphs[-1].text if paragraphs and paragraphs[-1].role != "heading" else ""
        if paragraphs and not caption:
            caption = paragraphs[-1].text
        n = len(self.tables) + 1
        self.tables.append(Table(n, tuple(it.rows), Location(self.section(), None, it.line, n), caption,
                                 it.sheet, it.origin))

    def add(self, it: _Para, index: int, role: str, fld: str = "") -> None:
        self.paragraphs.append(Paragraph(it.text, self.location(it, index), (), role, fld))
        if it.marks:
            self.marks.extend((index, o) for o in it.marks)
        if it.refs:
            self.refs.extend((index, o, n) for o, n in it.refs)

    def title_runs_on(self, it: _Para, cls: tuple | None, index: int) -> bool:
        """"Phần thứ nhất" / "ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN" / "KẾ HOẠCH …": the part's title runs on."""
        stack, headings, paragraphs = self.stack, self.headings, self.paragraphs
        if not (cls is None and stack and stack[-1].level == PART and headings and headings[-1] is stack[-1]
                and paragraphs and paragraphs[-1].role == "heading" and _is_title_line(it.text)):
            return False
        h = stack[-1]
        title = " ".join(x for x in (h.title, it.text.strip(" :")) if x)
        stack[-1] = headings[-1] = Heading(h.level, h.marker, title, Location(
            h.location.section[:-1] + (Heading(h.level, h.marker, title, h.location).text,),
            h.location.paragraph, h.location.line))
        self._section = None
        self.add(it, index, "heading")
        return True

    def target_item(self, it: _Para, cls: tuple | None) -> tuple[str, tuple | None, str]:
        """Inside a target list: numbered lines that continue the list, and bullets, are items."""
        if self.target_at is None or self.target_at >= len(self.stack):
            return "body", cls, ""
        role = "body"
        parts = number_parts(cls[1]) if cls else None
        is_group = cls is not None and (
            bool(_GROUP.match(cls[2])) or (it.text.rstrip().endswith(":") and not re.search(r"\d", cls[2]))
        )
        if cls and parts and not is_group and _continues(parts, self.expect):
            role, cls = "target", None
            self.expect = parts[:-1] + (parts[-1] + 1,)
        elif cls is None and (it.list_item or it.text.lstrip().startswith(("-", "+", "–", "•"))):
            role = "target"
        elif cls and cls[0] in (STAR, DASH) and not it.text.rstrip().endswith(":"):
            role, cls = "target", None
        return role, cls, _field(self.stack[self.target_at :]) if role == "target" else ""

    def heading(self, it: _Para, cls: tuple, index: int) -> None:
        level, marker, title = cls
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        self._section = None
        if self.target_at is not None and self.target_at >= len(self.stack):
            self.target_at, self.expect = None, None
        text = heading_text(marker, title)
        heading = Heading(level, marker, title, self.location(it, index, (*self.section(), text)))
        self.stack.append(heading)
        self._section = None
        self.headings.append(heading)
        if is_target_list_title(title) and (level <= NUMBER + 2):
            self.target_at, self.expect = len(self.stack) - 1, None

    def paragraph(self, it: _Para) -> None:
        index = len(self.paragraphs) + 1
        cls = classify(it.text)
        if cls is None and it.heading_level is not None:
            cls = (it.heading_level, "", it.text.strip(" :.") if len(it.text) <= 150 else it.text[:80] + "…")
        if self.title_runs_on(it, cls, index):
            return
        role, cls, fld = self.target_item(it, cls)
        if cls is not None:
            self.heading(it, cls, index)
            role = "heading"
        self.add(it, index, role, fld)


def _link_footnotes(b: _Builder, docx_footnotes: dict[int, str] | None, written_notes: list[str],
                    warnings: list[str]) -> list[Footnote]:
    """Footnotes with the paragraph and offset of their mark: .docx references, or, for footnotes written
    out at the end, the k-th line-break mark as the k-th footnote."""
    footnotes: list[Footnote] = []
    if docx_footnotes and b.refs:
        for pi, off, fid in b.refs:
            if fid in docx_footnotes:
                footnotes.append(Footnote(len(footnotes) + 1, docx_footnotes[fid], pi, off))
    elif written_notes:
        if len(b.marks) != len(written_notes):
            warnings.append(
                f"Có {len(written_notes)} chú thích nhưng tìm thấy {len(b.marks)} chỗ đánh dấu chú thích; "
                f"chỉ nối {min(len(b.marks), len(written_notes))} chú thích đầu theo thứ tự."
            )
        for k, text in enumerate(written_notes):
            pi, off = b.marks[k] if k < len(b.marks) else (None, None)
            footnotes.append(Footnote(k + 1, text, pi, off))
    return footnotes


def _with_footnotes(paragraphs: list[Paragraph], footnotes: list[Footnote]) -> list[Paragraph]:
    by_para: dict[int, list[tuple[int, int]]] = {}
    for f in footnotes:
        if f.paragraph is not None and f.offset is not None:
            by_para.setdefault(f.paragraph, []).append((f.offset, f.number))
    if not by_para:
        return paragraphs
    return [Paragraph(p.text, p.location, tuple(by_para.get(i + 1, ())), p.role, p.field)
            for i, p in enumerate(paragraphs)]


def build(blocks: list[RawBlock | RawTable], docx_footnotes: dict[int, str] | None = None) -> Built:
    """Raw blocks into paragraphs with their section path, headings, tables and linked footnotes."""
    items, written_notes = split_footnotes(join_blocks(blocks))
    b = _Builder()
    for it in items:
        if isinstance(it, RawTable):
            b.table(it)
        else:
            b.paragraph(it)
    warnings: list[str] = []
    footnotes = _link_footnotes(b, docx_footnotes, written_notes, warnings)
    return Built(_with_footnotes(b.paragraphs, footnotes), b.headings, b.tables, footnotes, warnings)
