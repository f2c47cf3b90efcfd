"""Read a plan or report (.docx, .pdf — a scan too, by OCR —, .xlsx, .txt, .md) into one document model and
check its figures.

The API the web application imports::

    from ktxh.reader import read_document, check_document

    doc = read_document("bao_cao.docx")            # or read_document(data, filename="bao_cao.docx")
    findings = check_document(doc)                  # list[Finding]

``read_document(path_or_bytes, *, filename=None, progress=False) -> Document`` raises
:class:`ReaderError` (a ``KtxhError``, message in Vietnamese, ``field="tệp"``) when the
input is empty, binary, a .docx that is not one, or larger than 5 MB.

A :class:`Document` holds ``metadata`` (doc_type "Báo cáo"/"Kế hoạch"/"Nghị quyết",
issuer, unit such as "phường Lương Sơn", place, date, period, legal_bases), the
``headings`` tree, every ``paragraph`` with its section path and line (or paragraph)
number, ``tables`` as rows, ``footnotes``, and:

- ``Document.targets``: :class:`TargetRecord` (field, label, target, unit, location) for
  every target the document lists, ``target`` parsed by ``ktxh.core.targets.parse_target``
  ("II. Chỉ tiêu" lists, "Nhóm chỉ tiêu kinh tế", tables with a ĐVT column);
- ``Document.actuals``: :class:`Actual` (label, actual, plan, unit, location, quote) for
  every "a/b" the report states, e.g. "Tổng sản lượng lương thực cây có hạt năm 2021 đạt:
  6.031/5.926 tấn" gives actual 6031, plan 5926, unit "tấn".

``check_document(doc) -> list[Finding]``: one :class:`Finding` per checkable claim with
``file``, ``kind`` (ratio, progress, growth, share, total, series, average_growth,
multiple, count, quotient, product, consistency, words), ``verdict`` ("ok", "wrong", "unverifiable"),
``quote`` (the sentence), ``stated``, ``computed``, ``location`` (section, line; page for a PDF; sheet and
cell for Excel; ``ocr`` when read from a scan) and a Vietnamese ``note``.
"""

from .document import Actual, Document, Finding, Location, Metadata, TargetRecord
from .errors import ReaderError
from .read import check_document, read_document, read_text_document

__all__ = [
    "Actual", "Document", "Finding", "Location", "Metadata", "ReaderError", "TargetRecord",
    "check_document", "read_document", "read_text_document",
]
