"""``ktxh check FILE…``: recompute every figure a report states and point at the wrong ones.

Exit code 1 when any figure is wrong, 0 when none is, 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from ktxh.core.errors import KtxhError
from ktxh.reader import check_document, read_document
from ktxh.reader.report import html_report, text_report

from .common import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="Kiểm tra lại các số liệu trong báo cáo, kế hoạch (.docx, .pdf kể cả bản quét, .xlsx, .txt, .md).")
    p.add_argument("files", nargs="+", metavar="TỆP", help="Tệp báo cáo hoặc kế hoạch")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="In danh sách kết quả dạng JSON")
    out.add_argument("--html", action="store_true", help="In một trang HTML để chia sẻ")
    p.add_argument("-o", "--output", help="Ghi kết quả vào tệp này thay vì in ra màn hình")
    p.add_argument("--only-problems", action="store_true", help="Chỉ hiện số liệu sai hoặc không kiểm tra được")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    results = []
    warnings: dict[str, tuple[str, ...]] = {}
    errors: list[tuple[str, str]] = []
    files = list(args.files)
    bar = tqdm(files, desc="Kiểm tra", unit="tệp", file=sys.stderr, disable=len(files) < 2, leave=False)
    for name in bar:
        try:
            doc = read_document(Path(name), filename=name, progress=True)
            results.append((name, check_document(doc)))
            warnings[name] = doc.warnings
        except KtxhError as exc:
            errors.append((name, exc.message))
        except RecursionError:  # a pathological file must not end in a traceback
            errors.append((name, f"Tệp \u201c{name}\u201d có cấu trúc quá sâu, không đọc được."))
    for _name, message in errors:
        print(f"Lỗi: {message}", file=sys.stderr)
    if args.json:
        text = None
        data = [f.to_dict() for _, findings in results for f in findings]
    elif args.html:
        text, data = html_report(results, errors), None
    else:
        text = "\n\n".join(
            text_report(n, f, show_ok=not args.only_problems, warnings=warnings.get(n, ())) for n, f in results
        )
        data = None
    if args.output:
        import json

        Path(args.output).write_text(
            text if text is not None else json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    elif data is not None:
        print_json(data)
    elif text:
        print(text)
    if errors:
        return EXIT_BAD_INPUT
    wrong = any(f.verdict == "wrong" for _, findings in results for f in findings)
    return EXIT_FINDINGS if wrong else EXIT_OK
