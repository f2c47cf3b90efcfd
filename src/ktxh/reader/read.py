"""Read a file or bytes into a Document; check a Document into findings."""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path

from .build import build
from .claims import Claim, find_claims
from .document import Actual, Document, Finding
from .docx import read_docx
from .errors import ReaderError
from .metadata import metadata_of
from .pdf import read_pdf
from .raw import RawBlock, RawTable
from .target_lists import extract_targets
from .text import decode, read_text
from .verify import verify
from .xlsx import read_xlsx

MAX_BYTES = 5 * 1024 * 1024  # of text: a commune's report is tens of KB; anything this large is not one
MAX_DOCX_BYTES = 30 * 1024 * 1024  # a .docx, .pdf or .xlsx may carry photos or scans; its text is still held to MAX_BYTES
BINARY_SUFFIXES = {".docx", ".pdf", ".xlsx"}
MAX_CLAIMS = 5000  # a report states a few hundred at most; more is pasted data, checked in part
TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown", ""}


def _assemble(blocks: list[RawBlock | RawTable], name: str, fmt: str,
              footnotes: dict[int, str] | None = None) -> Document:
    built = build(blocks, footnotes)
    texts = [p.text for p in built.paragraphs]
    # A header block laid out as a table (Nghị định 30's two columns) holds the number, place and date.
    head = _header_cells(blocks)
    if not any(t.strip() for t in texts) and not built.tables:
        raise ReaderError(f"Tệp \u201c{name}\u201d không có nội dung để đọc.", field="tệp", value=name)
    doc = Document(
        source=name, format=fmt, metadata=metadata_of(head + texts), headings=tuple(built.headings),
        paragraphs=tuple(built.paragraphs), tables=tuple(built.tables), footnotes=tuple(built.footnotes),
        read_targets=extract_targets, warnings=tuple(built.warnings),
    )
    claims = find_claims(doc)
    warnings = list(doc.warnings)
    if len(claims) > MAX_CLAIMS:
        warnings.append(f"Văn bản có {len(claims)} số liệu kiểm tra được; chỉ kiểm tra {MAX_CLAIMS} số liệu đầu.")
        claims = claims[:MAX_CLAIMS]
    return replace(doc, claims=tuple(claims), actuals=tuple(_actuals(claims)), warnings=tuple(warnings))


def _header_cells(blocks: list[RawBlock | RawTable]) -> list[str]:
    """The cells of a table opening the document (before any body text), one text each."""
    for block in blocks[:3]:
        if isinstance(block, RawTable):
            return [c for row in block.rows[:3] for c in row if c.strip()]
        if block.text.strip():
            return []
    return []


def _actuals(claims: list[Claim]) -> list[Actual]:
    out = []
    for c in claims:
        if c.kind in ("ratio", "progress") and c.label:
            a, b = c.inputs
            out.append(Actual(c.label, a.value, b.value, c.data.get("unit"), c.location, c.quote))
    return out


def read_text_document(text: str, name: str = "văn bản") -> Document:
    """A Document from text already decoded."""
    return _assemble(read_text(text), name, "text")


def _binary_kind(data: bytes, suffix: str) -> str | None:
    """"docx", "xlsx" or "pdf" by the content (a .docx and a .xlsx are both zip files), else None."""
    if data.startswith(b"%PDF") or (suffix == ".pdf" and data[:1024].find(b"%PDF") >= 0):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        names = data[:65536] + data[-65536:]
        if suffix == ".xlsx" or (suffix != ".docx" and b"xl/workbook" in names and b"word/document" not in names):
            return "xlsx"
        return "docx"
    if suffix in (".docx", ".xlsx", ".pdf"):
        return suffix[1:]
    return None


def read_document(path_or_bytes: str | os.PathLike[str] | bytes, *, filename: str | None = None,
                  progress: bool = False) -> Document:
    """Read a plan or report (.docx, .pdf, .xlsx, .txt, .md) from a path or from bytes.

    A scanned PDF is read by OCR, page by page (``progress`` shows a bar on the terminal).

    With bytes, ``filename`` tells the format (a .docx is also recognised by its content).
    Raises :class:`ReaderError` with a Vietnamese message on unreadable input.
    """
    if isinstance(path_or_bytes, bytes | bytearray):
        data = bytes(path_or_bytes)
        name = filename or "tệp tải lên"
    else:
        path = Path(path_or_bytes)
        name = filename or str(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise ReaderError(f"Không mở được tệp \u201c{name}\u201d: {os_error(exc)}.", field="tệp",
                              value=name) from exc
        if path.is_dir():
            raise ReaderError(f"\u201c{name}\u201d là thư mục, không phải tệp.", field="tệp", value=name)
        if size > (MAX_DOCX_BYTES if path.suffix.lower() in BINARY_SUFFIXES else MAX_BYTES):
            raise ReaderError(_too_large(name, size), field="tệp", value=name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReaderError(f"Không đọc được tệp \u201c{name}\u201d: {os_error(exc)}.", field="tệp",
                              value=name) from exc
    suffix = Path(name).suffix.lower()
    kind = _binary_kind(data, suffix)
    is_docx = kind == "docx"
    if len(data) > (MAX_DOCX_BYTES if kind else MAX_BYTES):
        raise ReaderError(_too_large(name, len(data)), field="tệp", value=name)
    if not data.strip():
        raise ReaderError(f"Tệp \u201c{name}\u201d rỗng.", field="tệp", value=name)
    if suffix == ".doc":
        raise ReaderError(
            f"Tệp \u201c{name}\u201d là định dạng Word cũ (.doc); hãy lưu lại thành .docx rồi đọc lại.",
            field="tệp", value=name,
        )
    if is_docx:
        blocks, notes = read_docx(data, name, MAX_BYTES)
        return _assemble(blocks, name, "docx", notes)
    if kind == "pdf":
        pdf_blocks, scanned = read_pdf(data, name, MAX_BYTES, progress=progress)
        return _assemble(list(pdf_blocks), name, "pdf-ocr" if scanned else "pdf")
    if kind == "xlsx":
        return _assemble(read_xlsx(data, name), name, "xlsx")
    if suffix not in TEXT_SUFFIXES:
        raise ReaderError(
            f"Không đọc được tệp \u201c{name}\u201d: chỉ nhận .docx, .pdf, .xlsx, .txt hoặc .md.", field="tệp", value=name
        )
    return read_text_document(decode(data, name), name)


_OS_ERRORS = {
    errno.ENOENT: "không có tệp này", errno.EACCES: "không có quyền đọc", errno.EPERM: "không có quyền đọc",
    errno.EISDIR: "đây là thư mục", errno.ENOTDIR: "đường dẫn có phần không phải thư mục",
    errno.ENAMETOOLONG: "tên tệp quá dài", errno.ELOOP: "đường dẫn vòng lặp", errno.EIO: "lỗi đọc đĩa",
}


def os_error(exc: OSError) -> str:
    """The operating system's error in Vietnamese ("No such file or directory" → "không có tệp này")."""
    return _OS_ERRORS.get(exc.errno or -1, f"lỗi hệ thống số {exc.errno}" if exc.errno else "lỗi hệ thống")


def _too_large(name: str, size: int) -> str:
    mb = f"{size / 1024 / 1024:.1f}".replace(".", ",")
    return f"Tệp \u201c{name}\u201d quá lớn ({mb} MB); chỉ đọc tệp đến {MAX_BYTES // 1024 // 1024} MB."


def check_document(doc: Document) -> list[Finding]:
    """Every claim of the document, recomputed and judged."""
    return [verify(c, doc.source) for c in doc.claims]
