"""The reader's error: a file that cannot be read as a plan or report."""

from __future__ import annotations

from ktxh.core.errors import KtxhError


class ReaderError(KtxhError):
    """Unreadable input (empty, binary, not a .docx, too large), with a Vietnamese message."""
