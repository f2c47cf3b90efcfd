"""A PDF into raw blocks: the text layer through pdfplumber, or, for a scan, OCR through tesseract.

Pages whose text layer holds (almost) nothing are scans: each is rendered with pypdfium2 and read by
Debian's ``tesseract-ocr`` with the Vietnamese model (``tesseract-ocr-vie``) through pytesseract.
Lines that a page wrapped are joined back into the paragraph they came from, so that "a/b … p%"
broken over two lines is one sentence again. Every block keeps its page and its line on that page.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .errors import ReaderError
from .raw import RawBlock

MIN_TEXT_CHARS = 25  # a page with fewer characters in its text layer is a scan
OCR_DPI = 450  # measured on seed 003 scanned at 300 dpi: 313/332 figures read right at 450, 304 at 300
OCR_LANG = "vie+eng"  # the English model reads digits better; measured on seed 003 scanned: 305/332 figures, vie alone 275
WRAPPED = 0.8  # a line at least this share of the page's longest line was wrapped by the page, not ended
_CID = re.compile(r"\(cid:\d+\)")  # a glyph the font does not map to a character (a tab, a symbol)
_AFTER_MARK = re.compile(r"^(?:\s|[,;.:)])")  # a line after a footnote mark: the builder joins it, marked
_LIST_START = re.compile(r"^\s*(?:[-+•*–]|\d+(?:\.\d+)*[.)]|[IVX]+[.)]|[a-zđ][.)]|\(\d+\))\s")


@dataclass(frozen=True)
class PdfLine:
    """A line of a page, as read: its text, page and line number on the page, and whether OCR read it."""

    text: str
    page: int
    line: int
    ocr: bool


def _ocr_page(pdf_bytes: bytes, index: int) -> str:
    """Render page ``index`` and read it with tesseract (Vietnamese)."""
    import pypdfium2 as pdfium
    import pytesseract

    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        image = doc[index].render(scale=OCR_DPI / 72).to_pil().convert("L")
    finally:
        doc.close()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # tesseract's threads only fight each other: 4× slower on 2 cores
    try:
        return pytesseract.image_to_string(image, lang=OCR_LANG).replace("\u2044", "/")
    except pytesseract.TesseractNotFoundError as exc:
        raise ReaderError(
            "Tệp PDF là bản quét (không có lớp chữ): cần cài gói Debian \u201ctesseract-ocr\u201d và "
            "\u201ctesseract-ocr-vie\u201d để đọc bằng OCR.", field="tệp", value="tesseract") from exc
    except pytesseract.TesseractError as exc:
        raise ReaderError(
            f"Không đọc được bản quét bằng OCR ({exc.message.strip()[:120]}); hãy kiểm tra gói Debian "
            "\u201ctesseract-ocr-vie\u201d (mô hình tiếng Việt).", field="tệp", value="tesseract") from exc


_OCR_DECIMAL_SPACE = re.compile(r"(\d),\s(\d{1,2}\s?%)")
_OCR_LINK = re.compile(r"(?<!\w)[dđ][aạáà]t(?=\s+\d)")  # "dat 226,22%": the link word lost its marks
_OCR_PAIR_UNIT = re.compile(r"(\d)\s+([^\W\d]{1,10})\s*/\s*(\d[\d.,]*)\s*([^\W\d]{1,10})")


def _bare(word: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(ch)).replace("đ", "d")


def mend_ocr(text: str) -> str:
    """Rules "OCR slips": "226, 22%" is 226,22%; "dat" before a figure is "đạt"; "11.800 cay/4.500 cây" lost
    the marks of its unit.

    >>> mend_ocr("11.800 cay/4.500 cây dat 226, 22%")
    '11.800 cây/4.500 cây đạt 226,22%'
    """
    text = _OCR_DECIMAL_SPACE.sub(r"\1,\2", text)
    text = _OCR_LINK.sub("đạt", text)

    def unit(m: re.Match[str]) -> str:
        if m[2] != m[4] and _bare(m[2]) == _bare(m[4]):
            return f"{m[1]} {m[4]}/{m[3]} {m[4]}"
        return m[0]

    return _OCR_PAIR_UNIT.sub(unit, text)


SCAN = "\x00scan"  # what page_texts gives for a page that is an image with (almost) no text layer


def _page_text(page) -> str:
    """The page's lines; a line that starts a little right of the margin keeps one leading space, as the
    text it was typed from had (", gấp 1,81 lần" / " chiếm 51,87%" after a footnote mark)."""
    lines = page.extract_text_lines(return_chars=False)
    text = "\n".join(ln["text"] for ln in lines)
    if len(text.strip()) < MIN_TEXT_CHARS and page.images:
        return SCAN
    left = min((ln["x0"] for ln in lines), default=0)
    return "\n".join((" " if ln["x0"] - left > 1.5 else "") + _CID.sub(" ", ln["text"]) for ln in lines)


def page_texts(data: bytes, name: str) -> list[str]:
    """The text layer of every page ("" for a page with none)."""
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [_page_text(page) for page in pdf.pages]
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ReaderError(f"Tệp \u201c{name}\u201d không phải PDF đọc được ({type(exc).__name__}).",
                          field="tệp", value=name) from exc
    except Exception as exc:  # pdfminer raises many kinds on a damaged file: never a traceback
        if type(exc).__module__.startswith(("pdfminer", "pdfplumber", "pypdfium2")):
            raise ReaderError(f"Tệp \u201c{name}\u201d là PDF hỏng, không đọc được.", field="tệp", value=name) from exc
        raise


def read_pdf_lines(data: bytes, name: str, *, progress: bool = True,
                   ocr_page: Callable[[bytes, int], str] = _ocr_page) -> list[PdfLine]:
    """Every line of every page; pages with no text layer read by OCR, with a progress bar per page."""
    texts = page_texts(data, name)
    scans = [i for i, t in enumerate(texts) if t == SCAN]
    if scans:
        from tqdm import tqdm

        bar = tqdm(scans, desc="Đọc bản quét (OCR)", unit="trang", file=sys.stderr,
                   disable=not progress or len(scans) < 2, leave=False)
        for i in bar:
            texts[i] = ocr_page(data, i)
    for i in scans:
        texts[i] = mend_ocr(texts[i])
    scanned = set(scans)
    return [PdfLine(line, p + 1, n, p in scanned)
            for p, text in enumerate(texts) for n, line in enumerate(text.splitlines(), start=1)]


def unwrap(lines: list[PdfLine]) -> Iterator[tuple[str, PdfLine]]:
    """Lines joined back into paragraphs: a line as long as the page's longest goes on in the next one,
    unless the next starts a list item ("- ", "2.", "a)", "(3)")."""
    longest: dict[int, int] = {}
    for ln in lines:
        longest[ln.page] = max(longest.get(ln.page, 0), len(ln.text.rstrip()))
    text, first = "", None
    for ln in lines:
        if first is not None and not _LIST_START.match(ln.text) and not _AFTER_MARK.match(ln.text):
            text = f"{text} {ln.text.strip()}"
        else:
            if first is not None:
                yield text, first
            text, first = ln.text.rstrip(), ln
        if len(ln.text.rstrip()) < WRAPPED * longest[ln.page]:
            yield text, first
            text, first = "", None
    if first is not None:
        yield text, first


def read_pdf(data: bytes, name: str, max_chars: int, *, progress: bool = True) -> tuple[list[RawBlock], bool]:
    """Raw blocks of a PDF, each with the page and line it starts on; True when a page was read by OCR."""
    lines = read_pdf_lines(data, name, progress=progress)
    if sum(len(ln.text) for ln in lines) > max_chars:
        raise ReaderError(f"Tệp \u201c{name}\u201d có quá nhiều chữ để là một báo cáo.", field="tệp", value=name)
    blocks = [RawBlock(text, first.line, page=first.page, ocr=first.ocr) for text, first in unwrap(lines) if text]
    return blocks, any(ln.ocr for ln in lines)
