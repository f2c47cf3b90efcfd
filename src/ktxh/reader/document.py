"""The document model shared by the .txt and .docx loaders, and the findings about it.

Everything here is plain frozen data: the loaders build it, the claim finder and the
verifier read it, the CLI and the web app serialise it with ``to_dict``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from ktxh.core.model import Target, _jsonable


@dataclass(frozen=True)
class Location:
    """Where a text stands: its section path, its paragraph number, and its line in a .txt."""

    section: tuple[str, ...] = ()
    paragraph: int | None = None
    line: int | None = None  # in a PDF: the line on its page
    table: int | None = None
    row: int | None = None
    page: int | None = None  # PDF
    sheet: str | None = None  # Excel: the sheet's name …
    cell: str | None = None  # … and the cell ("D7")
    ocr: bool = False  # the text was read from a scan by OCR

    def __str__(self) -> str:
        parts = []
        if self.section:
            parts.append(" › ".join(t if len(t) <= 60 else t[:59].rstrip() + "…" for t in self.section))
        parts.append(self._where())
        text = " — ".join(p for p in parts if p) or "(không rõ vị trí)"
        return text + (" (đọc từ bản quét bằng OCR)" if self.ocr else "")

    def _where(self) -> str:
        if self.sheet is not None:
            return f"trang tính \u201c{self.sheet}\u201d, ô {self.cell}" if self.cell else f"trang tính \u201c{self.sheet}\u201d"
        page = f"trang {self.page}, " if self.page is not None else ""
        if self.table is not None:
            return f"{page}bảng {self.table}, hàng {self.row}"
        if self.line is not None:
            return f"{page}dòng {self.line}"
        if self.paragraph is not None:
            return f"{page}đoạn {self.paragraph}"
        return page.rstrip(", ")

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": list(self.section),
            "paragraph": self.paragraph,
            "line": self.line,
            "table": self.table,
            "row": self.row,
            "page": self.page,
            "sheet": self.sheet,
            "cell": self.cell,
            "ocr": self.ocr,
            "text": str(self),
        }


@dataclass(frozen=True)
class Heading:
    """A heading: ``marker`` as written ("1.1.", "II.", "Phần thứ hai"), its rank and title."""

    level: int
    marker: str
    title: str
    location: Location

    @cached_property  # read for every paragraph's section path; computed once per heading
    def text(self) -> str:
        return heading_text(self.marker, self.title)


def heading_text(marker: str, title: str) -> str:
    """A heading as a section path shows it: "1.2. Trồng trọt", "Phần thứ hai: Nhiệm vụ"."""
    if marker.lower().startswith("phần"):
        return f"{marker}: {title}" if title else marker
    dotted = marker + "." if marker[-1:].isalnum() and not marker.startswith("Phần") else marker
    return f"{dotted} {title}".strip()


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of body text; ``footnotes`` are (offset in text, footnote number) pairs."""

    text: str
    location: Location
    footnotes: tuple[tuple[int, int], ...] = ()
    role: str = "body"  # "body", "heading", or "target" (an item of a target list)
    field: str = ""  # for a target item: its field (lĩnh vực), from the headings


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts; ``caption`` is the paragraph just before it ("Biểu số 02: …")."""

    index: int
    rows: tuple[tuple[str, ...], ...]
    location: Location
    caption: str = ""
    sheet: str | None = None  # Excel: the sheet the table comes from …
    origin: tuple[int, int] = (1, 1)  # … and the row and column of its first cell


@dataclass(frozen=True)
class Footnote:
    """A footnote and, when it could be linked, the paragraph and offset of its reference mark."""

    number: int
    text: str
    paragraph: int | None = None
    offset: int | None = None


@dataclass(frozen=True)
class Period:
    """The period a document covers: "năm 2023", "6 tháng đầu năm 2023", "giai đoạn 2021-2025"."""

    text: str
    kind: str  # "năm", "tháng", "giai đoạn", "nhiệm kỳ"
    start_year: int
    end_year: int


@dataclass(frozen=True)
class Signer:
    """Who signs, as the signature block writes it: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / "Dương Thị Lưu"."""

    authority: str | None  # "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"
    title: str  # "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "BÍ THƯ"
    name: str  # "Dương Thị Lưu"


@dataclass(frozen=True)
class Metadata:
    doc_type: str | None = None  # "Báo cáo", "Kế hoạch", "Nghị quyết"
    issuer: str | None = None  # "Ủy ban nhân dân", "Đảng ủy"
    unit: str | None = None  # "phường Lương Sơn"
    place: str | None = None
    date: str | None = None  # as written: "ngày tháng 6 năm 2023"
    year: int | None = None
    period: Period | None = None
    periods: tuple[Period, ...] = ()
    legal_bases: tuple[str, ...] = ()
    signer: Signer | None = None
    recipients: tuple[str, ...] = ()  # Nơi nhận, as listed: "UBND TP (b/c)", "Lưu: VP-UB"
    objective: str = ""  # Mục tiêu tổng quát (mục tiêu chung) of a plan, its paragraphs joined


@dataclass(frozen=True)
class TargetRecord:
    """A target listed by the document: its field (lĩnh vực), label, the parsed Target, its unit."""

    field: str
    label: str
    target: Target
    unit: str | None
    location: Location


@dataclass(frozen=True)
class Actual:
    """A figure the report states for an indicator, e.g. from "6.031/5.926 tấn": actual 6031, plan 5926."""

    label: str
    actual: Decimal
    plan: Decimal | None
    unit: str | None
    location: Location
    quote: str = ""


@dataclass(frozen=True)
class Document:
    """A plan or report read from .txt/.md or .docx."""

    source: str
    format: str  # "text", "docx", "pdf" (or "pdf-ocr" for a scan) or "xlsx"
    metadata: Metadata
    headings: tuple[Heading, ...]
    paragraphs: tuple[Paragraph, ...]
    tables: tuple[Table, ...]
    footnotes: tuple[Footnote, ...]
    actuals: tuple[Actual, ...] = ()
    warnings: tuple[str, ...] = ()
    claims: tuple[Any, ...] = field(default=(), compare=False, repr=False)  # reader.claims.Claim
    # reads the target lists from the paragraphs and tables (reader.target_lists.extract_targets)
    read_targets: Callable[[Sequence[Paragraph], Sequence[Table]], Sequence[TargetRecord]] | None = field(
        default=None, compare=False, repr=False)

    @cached_property
    def targets(self) -> tuple[TargetRecord, ...]:
        """The targets of the document's target lists, parsed when first asked for: checking a report's
        figures (``ktxh check``) needs none of them, importing a plan reads them."""
        return tuple(self.read_targets(self.paragraphs, self.tables)) if self.read_targets else ()

    def footnote(self, number: int) -> Footnote | None:
        for f in self.footnotes:
            if f.number == number:
                return f
        return None

    def to_dict(self) -> dict[str, Any]:
        m = self.metadata
        return _jsonable(
            {
                "source": self.source,
                "format": self.format,
                "metadata": {
                    "doc_type": m.doc_type,
                    "issuer": m.issuer,
                    "unit": m.unit,
                    "place": m.place,
                    "date": m.date,
                    "year": m.year,
                    "period": _period(m.period),
                    "periods": [_period(p) for p in m.periods],
                    "legal_bases": list(m.legal_bases),
                },
                "headings": [
                    {"level": h.level, "marker": h.marker, "title": h.title, "location": h.location.to_dict()}
                    for h in self.headings
                ],
                "paragraphs": [
                    {"text": p.text, "role": p.role, "location": p.location.to_dict(),
                     "footnotes": [n for _, n in p.footnotes]}
                    for p in self.paragraphs
                ],
                "tables": [
                    {"index": t.index, "caption": t.caption, "rows": [list(r) for r in t.rows],
                     "location": t.location.to_dict()}
                    for t in self.tables
                ],
                "footnotes": [
                    {"number": f.number, "text": f.text, "paragraph": f.paragraph} for f in self.footnotes
                ],
                "targets": [
                    {"field": t.field, "label": t.label, "unit": t.unit, "target": t.target.to_dict(),
                     "location": t.location.to_dict()}
                    for t in self.targets
                ],
                "actuals": [
                    {"label": a.label, "actual": a.actual, "plan": a.plan, "unit": a.unit, "quote": a.quote,
                     "location": a.location.to_dict()}
                    for a in self.actuals
                ],
                "warnings": list(self.warnings),
            }
        )


def _period(p: Period | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"text": p.text, "kind": p.kind, "start_year": p.start_year, "end_year": p.end_year}


VERDICT_LABELS = {"ok": "đúng", "wrong": "sai", "unverifiable": "không kiểm tra được"}

KIND_LABELS = {
    "ratio": "tỷ lệ a/b",
    "progress": "tiến độ a/b",
    "growth": "tăng/giảm so với năm trước",
    "share": "tỷ trọng",
    "total": "tổng và các phần",
    "series": "chuỗi số liệu theo năm",
    "average_growth": "tăng bình quân",
    "multiple": "tăng bình quân và số lần",
    "count": "đếm chỉ tiêu",
    "quotient": "bình quân (tổng chia số)",
    "product": "tích (diện tích × năng suất, số người × mức)",
    "consistency": "hai tỷ lệ cùng một tổng",
    "words": "số tiền ghi bằng chữ",
    "difference": "chênh lệch so với kế hoạch (+/-)",
}


@dataclass(frozen=True)
class Finding:
    """One checked claim. ``stated``/``computed`` are the figures; ``note`` explains in Vietnamese."""

    file: str
    kind: str
    verdict: str  # "ok", "wrong", "unverifiable"
    quote: str
    stated: Decimal | None
    computed: Decimal | None
    location: Location
    note: str = ""
    stated_text: str = ""
    computed_text: str = ""
    inputs: tuple[Decimal, ...] = field(default_factory=tuple)

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    def to_dict(self) -> dict[str, Any]:
        return _jsonable(
            {
                "file": self.file,
                "kind": self.kind,
                "verdict": self.verdict,
                "verdict_label": self.verdict_label,
                "quote": self.quote,
                "stated": self.stated,
                "computed": self.computed,
                "stated_text": self.stated_text,
                "computed_text": self.computed_text,
                "location": self.location.to_dict(),
                "note": self.note,
                "inputs": list(self.inputs),
            }
        )
