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


# Words the claim rules read, as tesseract gives them without their marks, next to what tells them apart
# (spaces only: a mend never joins two lines, which unwrap() weighs by their length).
_OCR_WORDS = [
    (re.compile(r"(?<!\w)([Nn])hiệm[ \t]+k[yý](?!\w)"), r"\1hiệm kỳ"),  # "Nhiệm ky 2016 — 2021"
    (re.compile(r"(?<!\w)([Gg])iai[ \t]+do[aạ]n(?!\w)"), r"\1iai đoạn"),
    (re.compile(r"(?<!\w)g[aâă]p(?=[ \t]+\d)"), "gấp"),  # "gap 1,81 lần"
    (re.compile(r"(?<!\w)t[aă]ng(?=[ \t]+(?:b[iì]nh[ \t]+qu[aâ]n[ \t]+)?\d)"), "tăng"),
    (re.compile(r"(?<!\w)gi[aả]m(?=[ \t]+(?:b[iì]nh[ \t]+qu[aâ]n[ \t]+)?\d)"), "giảm"),
    (re.compile(r"(?<!\w)chi[eê]m(?=[ \t]+\d)"), "chiếm"),
    (re.compile(r"(?<!\w)b[iì]nh[ \t]+qu[aâ]n(?=[ \t]+\d)"), "bình quân"),
    (re.compile(r"(?<!\w)t[yỷý],?[ \t]+tr[oọ]ng(?!\w)"), "tỷ trọng"),  # "chiếm 7,6% ty, trọng"
    (re.compile(r"(?<=\d)[ \t]?t[yỷý](?=[ \t]+đồng)"), " tỷ"),  # "2,678ty đồng"
    (re.compile(r"(?<=\d)[ \t]*[—―][ \t]*(?=\d)"), " – "),  # "2016 — 2021": an em dash for the en dash typed
    # a footnote's mark (a box for a glyph the font lacks, "\ufffd" in the text) is read as "©"
    (re.compile(r"(?m)^([ \t]*\(?)©(?=\)?)"), "\\1\ufffd"),
]


def _mark_lost_footnotes(text: str) -> str:
    r"""Rule "footnote marks lost": below a page's first footnote, a line that opens with a capital after a
    finished line is the next footnote, whose mark OCR did not see ("Năm 2016: 7,89 tỷ; …").

    >>> _mark_lost_footnotes("Thu 84,6 tỷ\n\ufffd Chỉ tiêu đạt 100%\nNăm 2016: 7,89 tỷ.\nNăm 2016: 6,53\ntỷ.")
    'Thu 84,6 tỷ\n\ufffd Chỉ tiêu đạt 100%\n\ufffd Năm 2016: 7,89 tỷ.\n\ufffd Năm 2016: 6,53\ntỷ.'
    """
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if _FOOTNOTE_LINE.match(ln)), None)
    if first is None:
        return text
    previous = lines[first]
    for i in range(first + 1, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        if not _FOOTNOTE_LINE.match(line) and line[0].isupper() and previous.rstrip()[-1:] in ".;%)":
            lines[i] = "\ufffd " + line
        previous = lines[i]
    return "\n".join(lines)


_FOOTNOTE_LINE = re.compile(r"^\s*\(?\ufffd")
_ENDS_ON_FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|tỷ\s+đồng|triệu\s+đồng|đồng)$")  # and no full stop after it



def mend_ocr(text: str) -> str:
    """Rules "OCR slips": "226, 22%" is 226,22%; "dat" before a figure is "đạt"; "11.800 cay/4.500 cây" lost
    the marks of its unit; "Nhiệm ky 2016 — 2021", "gap 1,81 lần", "2,678ty đồng" lost theirs.

    >>> mend_ocr("11.800 cay/4.500 cây dat 226, 22%")
    '11.800 cây/4.500 cây đạt 226,22%'
    >>> mend_ocr("Nhiệm ky 2016 — 2021, gap 1,81 lần; GTNĐ: 2,678ty đồng")
    'Nhiệm kỳ 2016 – 2021, gấp 1,81 lần; GTNĐ: 2,678 tỷ đồng'
    """
    text = _OCR_DECIMAL_SPACE.sub(r"\1,\2", text)
    text = _OCR_LINK.sub("đạt", text)
    for pattern, fixed in _OCR_WORDS:
        text = pattern.sub(fixed, text)
    text = _mark_lost_footnotes(text)

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
    blocks: list[RawBlock] = []
    notes = any(ln.ocr and _FOOTNOTE_LINE.match(ln.text) for ln in lines)
    for text, first in unwrap(lines):
        if not text:
            continue
        if notes and _FOOTNOTE_LINE.match(text):
            notes = False  # the notes begin: no body paragraph after this
        if notes and first.ocr and blocks and _ENDS_ON_FIGURE.search(blocks[-1].text) and not (text[:1].islower() or text[:1] in " ,;.:)"):
            # Rule "a mark before the full stop": the scanned page had "… 2,49 tỷ đồng¹." and OCR dropped the
            # mark and its lone "."; the dot comes back as the line a text PDF gives, so the mark is counted.
            blocks.append(RawBlock(".", first.line, page=first.page, ocr=True))
        if first.ocr and text[:1].islower() and blocks and re.search(r"\d", blocks[-1].text[-15:]):
            # Rule "marks on a scan": OCR keeps no indent, so a block going on in lower case after a short line
            # that ends on a figure ("64 tỷ đồng" / "tăng bình quân 30%") starts after a footnote mark: it gets
            # the space a text PDF gives it.
            text = " " + text
        blocks.append(RawBlock(text, first.line, page=first.page, ocr=first.ocr))
    return blocks, any(ln.ocr for ln in lines)
