"""``ktxh report --input DATA.json --kind bao-cao|ke-hoach --out FILE.docx [--xlsx FILE.xlsx]``.

Or from the application's database: ``ktxh report --unit CODE --period nam:2022 --out FILE.docx``
(periods: ``6-thang:2023``, ``9-thang:2023``, ``nam:2022``, ``nhiem-ky:2021-2025``), the same
document the commune page's download gives (``ktxh.web.reports.adapter``).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from ktxh.core.errors import KtxhError
from ktxh.documents import build_plan, build_report, build_tables_xlsx, report_from_dict

from .common import fail, json_reason, os_reason

KINDS = {"bao-cao": build_report, "ke-hoach": build_plan}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="Lập báo cáo hoặc kế hoạch (.docx) và Biểu 01, 02 (.xlsx) từ tệp JSON.")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--input", help="Tệp JSON dữ liệu (xem docs/documents.md)")
    source.add_argument("--unit", help="Mã xã, phường trong cơ sở dữ liệu của ứng dụng (thay cho --input)")
    p.add_argument("--period", help="Kỳ báo cáo khi dùng --unit: 6-thang:2023, 9-thang:2023, nam:2022, "
                                    "nhiem-ky:2021-2025")
    p.add_argument("--kind", choices=sorted(KINDS), default="bao-cao", help="bao-cao (báo cáo) hoặc ke-hoach")
    p.add_argument("--out", required=True, help="Tệp .docx ghi ra")
    p.add_argument("--xlsx", help="Tệp .xlsx ghi Biểu số 01, 02 (không bắt buộc)")
    p.set_defaults(func=run)


def _from_database(unit_code: str, period_text: str | None, kind: str = "bao-cao"):
    """The commune's data for the period, read through the web app's adapter."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django

    django.setup()
    from ktxh.web.reports import adapter

    return adapter.data_for(unit_code, period_text or "", kind)


def run(args: argparse.Namespace) -> int:
    if args.unit:
        try:
            data = _from_database(args.unit, args.period, args.kind)
        except KtxhError as exc:
            return fail(exc)
        return _write(args, data)
    source = Path(args.input)
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return fail(f"Không tìm thấy tệp dữ liệu \u201c{source}\u201d.")
    except OSError as exc:
        return fail(f"Không đọc được tệp dữ liệu \u201c{source}\u201d: {os_reason(exc)}.")
    except UnicodeDecodeError:
        return fail(f"Tệp \u201c{source}\u201d không phải văn bản UTF-8.")
    except json.JSONDecodeError as exc:
        return fail(f"Tệp \u201c{source}\u201d không phải JSON hợp lệ: {json_reason(exc)}.")
    try:
        data = report_from_dict(raw)
    except KtxhError as exc:
        return fail(exc)
    return _write(args, data)


def _write(args: argparse.Namespace, data) -> int:
    try:
        document = KINDS[args.kind](data)
        tables = build_tables_xlsx(data) if args.xlsx else None
    except KtxhError as exc:
        return fail(exc)
    # Write only once everything is built, each file whole or not at all (temporary file, then rename).
    outputs = [(Path(args.out), document)] + ([(Path(args.xlsx), tables)] if tables is not None else [])
    for path, blob in outputs:
        try:
            _write_whole(path, blob)
        except OSError as exc:
            return fail(f"Không ghi được tệp \u201c{path}\u201d: {os_reason(exc)}.")
        print(f"Đã ghi {path}")
    return 0


def _write_whole(path: Path, blob: bytes) -> None:
    if path.exists() and not path.is_file():
        # /dev/null, a pipe, a terminal: written into, never replaced (a rename over /dev/null, as
        # root, once left a plain file there and broke every program that writes to it)
        with path.open("wb") as out:
            out.write(blob)
        return
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(blob)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
