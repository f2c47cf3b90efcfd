"""``ktxh extract FILE --json``: the document model, its targets, actuals and checked claims."""

from __future__ import annotations

import argparse
from pathlib import Path

from ktxh.catalogue import match, read_line
from ktxh.core.errors import KtxhError
from ktxh.reader import Document, check_document, read_document

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
        add_indicators(doc, data)
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
        f"Người ký: {_signer(m.signer)}",
        f"Mục tiêu tổng quát: {m.objective[:160] + ('…' if len(m.objective) > 160 else '') if m.objective else '—'}",
        f"Đề mục: {len(doc.headings)}; đoạn văn: {len(doc.paragraphs)}; bảng: {len(doc.tables)}; "
        f"chú thích: {len(doc.footnotes)}",
        f"Chỉ tiêu: {len(doc.targets)}; số liệu thực hiện: {len(doc.actuals)}; số liệu kiểm tra được: {len(findings)}",
    ]
    for t in doc.targets:
        for r in _read(t):
            code = f"{r.code} ({r.match.score:.0f})" if r.match else "chưa xác định, cần chọn"
            rows.append(f"  - [{t.field}] {r.name}: {r.target.text if r.text == r.source else r.text} → {code}")
    for w in doc.warnings:
        rows.append(f"Lưu ý: {w}")
    print("\n".join(rows))
    return EXIT_OK


def _signer(s) -> str:  # type: ignore[no-untyped-def]
    if s is None:
        return "—"
    return " · ".join(x for x in (s.authority, s.title, s.name) if x)


def _read(t):  # type: ignore[no-untyped-def]
    """One ReadTarget per indicator of a target record: table rows keep their label and ĐVT."""
    if t.location.table is not None:
        return read_line(t.target.text, label=t.label, unit=t.unit)
    return read_line(t.target.text)


def add_indicators(doc: Document, data: dict) -> None:
    """Each target's and figure's matched catalogue indicator (code, name, score; candidates when unsure)."""
    for t, d in zip(doc.targets, data["targets"], strict=True):
        parts = [r.to_dict() for r in _read(t)]
        d["indicators"] = parts
        first = parts[0] if parts else None
        d["indicator"] = {"code": first["code"], "name": first["name"], "score": first["score"]} if first else None
    for a, d in zip(doc.actuals, data.get("actuals", []), strict=True):
        found = match(a.label, a.unit)
        best = found[0] if found else None
        d["indicator"] = ({"code": best.code if best.sure else None, "name": best.name, "score": round(best.score, 1),
                           "candidates": [m.to_dict() for m in found]} if best else None)
