"""``ktxh extract FILE --json``: the document model, its targets, actuals and checked claims."""

from __future__ import annotations

import argparse
from pathlib import Path

from ktxh.core.errors import KtxhError
from ktxh.reader import check_document, read_document

from .common import EXIT_OK, fail, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="Đọc báo cáo, kế hoạch thành dữ liệu có cấu trúc (.docx, .pdf, .xlsx, .txt, .md).")
    p.add_argument("file", metavar="TỆP", help="Tệp báo cáo hoặc kế hoạch")
    p.add_argument("--json", action="store_true", help="In toàn bộ dữ liệu dạng JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        doc = read_document(Path(args.file), filename=args.file, progress=True)
    except KtxhError as exc:
        return fail(exc)
    findings = check_document(doc)
    if args.json:
        data = doc.to_dict()
        data["claims"] = [f.to_dict() for f in findings]
        print_json(data)
        return EXIT_OK
    m = doc.metadata
    rows = [
        f"Tệp: {doc.source}",
        f"Loại văn bản: {m.doc_type or '—'}",
        f"Cơ quan ban hành: {m.issuer or '—'}",
        f"Đơn vị: {m.unit or '—'}",
        f"Địa điểm, ngày: {', '.join(x for x in (m.place, m.date) if x) or '—'}",
        f"Kỳ: {m.period.text if m.period else '—'}",
        f"Căn cứ: {'; '.join(m.legal_bases) or '—'}",
        f"Đề mục: {len(doc.headings)}; đoạn văn: {len(doc.paragraphs)}; bảng: {len(doc.tables)}; "
        f"chú thích: {len(doc.footnotes)}",
        f"Chỉ tiêu: {len(doc.targets)}; số liệu thực hiện: {len(doc.actuals)}; số liệu kiểm tra được: {len(findings)}",
    ]
    for t in doc.targets:
        rows.append(f"  - [{t.field}] {t.label or t.target.text}")
    for w in doc.warnings:
        rows.append(f"Lưu ý: {w}")
    print("\n".join(rows))
    return EXIT_OK
