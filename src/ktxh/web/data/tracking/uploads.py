"""Uploaded reports and plans: the one size limit, and the previews kept between review and accept.

Importable: what the reader reads (:data:`IMPORTABLE`). The limit is the reader's own
(``ktxh.reader.read``: a .docx or .xlsx up to 30 MB, a text up to 5 MB), lower for a PDF
(:data:`MAX_PDF_BYTES`: its pages are parsed, or read by OCR, in the request),
checked on the size the browser or the API client sent, before a byte is read, so the message
names the true size and the true limit. A preview waits in ``data/uploads`` under its SHA-256
until it is accepted or cancelled, and no longer than :data:`PREVIEW_TTL`: each new upload
sweeps older ones away.
"""

from __future__ import annotations

import hashlib
import re
import time
from pathlib import Path

from django.conf import settings
from django.http import Http404

from ktxh.core.errors import KtxhError
from ktxh.reader.read import MAX_BYTES, MAX_DOCX_BYTES

PREVIEW_TTL = 24 * 3600  # seconds a reviewed file waits for its acceptance
MB = 1024 * 1024
MAX_PDF_BYTES = 10 * MB
IMPORTABLE = (".docx", ".pdf", ".xlsx", ".txt", ".md")
_KEY = re.compile(r"^[0-9a-f]{64}\.(docx|pdf|xlsx|txt|md)$")


def limit_for(name: str) -> int:
    """Bytes the reader takes of a file called ``name``.

    >>> limit_for("bao-cao.DOCX") // MB, limit_for("bieu.xlsx") // MB, limit_for("bao-cao.pdf") // MB
    (30, 30, 10)
    >>> limit_for("bao-cao.txt") // MB
    5
    """
    name = name.lower()
    if name.endswith(".pdf"):
        return MAX_PDF_BYTES
    return MAX_DOCX_BYTES if name.endswith((".docx", ".xlsx")) else MAX_BYTES


def check_kind(name: str) -> None:
    """A KtxhError naming the file when the reader does not read its kind.

    >>> check_kind("bao-cao.doc")
    Traceback (most recent call last):
    ...
    ktxh.core.errors.KtxhError: Tệp “bao-cao.doc” không phải .docx, .pdf, .xlsx, .txt hay .md.
    """
    if not name.lower().endswith(IMPORTABLE):
        raise KtxhError(f"Tệp “{name}” không phải {', '.join(IMPORTABLE[:-1])} hay {IMPORTABLE[-1]}.",
                        field="tệp", value=name)


def check_size(name: str, size: int | None) -> None:
    """A KtxhError naming the file, its size and the limit for its kind, when it is too large.

    >>> check_size("bao-cao.txt", 20 * MB)
    Traceback (most recent call last):
    ...
    ktxh.core.errors.KtxhError: Tệp “bao-cao.txt” nặng 20,0 MB, quá giới hạn: chỉ nhận tệp .txt, .md đến 5 MB, tệp .pdf đến 10 MB và tệp .docx, .xlsx đến 30 MB.
    >>> check_size("bao-cao.docx", 20 * MB)
    """
    if size is None or size <= limit_for(name):
        return
    mb = f"{size / MB:.1f}".replace(".", ",")
    raise KtxhError(
        f"Tệp “{name}” nặng {mb} MB, quá giới hạn: chỉ nhận tệp .txt, .md đến {MAX_BYTES // MB} MB, "
        f"tệp .pdf đến {MAX_PDF_BYTES // MB} MB và tệp .docx, .xlsx đến {MAX_DOCX_BYTES // MB} MB.",
        field="tệp", value=name)


def folder() -> Path:
    path = Path(settings.DATA_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def sweep(now: float | None = None) -> int:
    """Remove previews older than :data:`PREVIEW_TTL`; how many were removed."""
    now = time.time() if now is None else now
    removed = 0
    for path in folder().iterdir():
        if _KEY.match(path.name) and now - path.stat().st_mtime > PREVIEW_TTL:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def keep(data: bytes, name: str) -> str:
    """Keep the uploaded bytes for review (after sweeping stale previews); the key names them by content."""
    sweep()
    key = hashlib.sha256(data).hexdigest() + Path(name).suffix.lower()
    path = folder() / key
    path.write_bytes(data)  # written again when the same file comes back: its day starts over
    return key


def kept(key: str) -> bytes:
    if not _KEY.match(key or ""):
        raise Http404("Không có tệp này.")
    path = folder() / key
    if not path.exists():
        raise Http404("Tệp đã được nhận, đã hủy hoặc đã quá một ngày; hãy tải lên lại.")
    return path.read_bytes()


def discard(key: str) -> None:
    """Remove a preview (accepted or cancelled); an unknown key is nothing to remove."""
    if _KEY.match(key or ""):
        (folder() / key).unlink(missing_ok=True)
