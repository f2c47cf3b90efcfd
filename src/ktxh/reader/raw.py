"""What a loader hands to the builder: blocks of text in reading order, and tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawBlock:
    """A line (.txt) or paragraph (.docx); ``text`` "" is a blank separator.

    ``footnotes`` are real footnote references (.docx): (offset in text, footnote id).
    """

    text: str
    line: int | None = None
    footnotes: list[tuple[int, int]] = field(default_factory=list)
    heading_level: int | None = None  # from a .docx heading style ("Heading 2"), when the text has no marker
    list_item: bool = False  # a .docx paragraph numbered or bulleted by Word, not by its text
    page: int | None = None  # PDF: the page the block starts on (``line`` is then its line on the page)
    ocr: bool = False  # PDF: read from a scan by OCR


@dataclass
class RawTable:
    rows: list[tuple[str, ...]]
    line: int | None = None
    sheet: str | None = None  # Excel: the sheet's name
    origin: tuple[int, int] = (1, 1)  # Excel: row and column of the first cell
