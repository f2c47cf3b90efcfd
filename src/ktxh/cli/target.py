"""``ktxh target TEXT``: show how a target as written is read."""

from __future__ import annotations

import argparse
import sys

from ktxh.core.errors import KtxhError
from ktxh.core.model import Target
from ktxh.core.numbers import format_number
from ktxh.core.targets import describe_target, parse_target, states_a_target

from .common import fail, print_json

EXIT_NO_TARGET = 1  # the line was read, and it states no target

KIND_LABELS = {
    "exact": "mức cụ thể",
    "range": "khoảng",
    "min": "tối thiểu",
    "max": "tối đa",
    "qualitative": "định tính",
    "change": "thay đổi so với kỳ gốc",
    "assigned": "so với chỉ tiêu cấp trên giao",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("target", help="Đọc một chỉ tiêu như được viết, ví dụ \u201cTừ 0,7 - 0,9%%\u201d.")
    p.add_argument("text", metavar="CHỈ_TIÊU", help="Chỉ tiêu, ví dụ \u201c> 99%%\u201d")
    p.add_argument("--label", help="Tên chỉ tiêu, khi con số đứng riêng (cột Danh mục)")
    p.add_argument("--unit", help="Đơn vị tính (ĐVT), ví dụ \u201c%%\u201d, \u201cNgười\u201d")
    p.add_argument("--direction", choices=["up", "down"], help="Chiều tốt: up (càng cao càng tốt), down")
    p.add_argument("--json", action="store_true", help="In kết quả dạng JSON")
    p.set_defaults(func=run)


def _lines(t: Target, indent: str = "") -> list[str]:
    rows = [
        f"{indent}Chỉ tiêu: {t.label or t.text}",
        f"{indent}  Loại: {KIND_LABELS[t.kind.value]} ({t.kind.value})",
        f"{indent}  Đọc là: {describe_target(t)}",
    ]
    if t.low is not None:
        rows.append(f"{indent}  Cận dưới: {format_number(t.low)}{' (không kể bằng)' if t.low_strict else ''}")
    if t.high is not None:
        rows.append(f"{indent}  Cận trên: {format_number(t.high)}{' (không kể bằng)' if t.high_strict else ''}")
    if t.unit:
        rows.append(f"{indent}  Đơn vị tính: {t.unit}")
    if t.base:
        rows.append(f"{indent}  Kỳ gốc: {t.base}")
    if t.year:
        rows.append(f"{indent}  Năm đích: {t.year}")
    for w in t.warnings:
        rows.append(f"{indent}  Lưu ý: {w}")
    for part in t.parts:
        rows.append(f"{indent}  Trong đó:")
        rows.extend(_lines(part, indent + "    "))
    return rows


def run(args: argparse.Namespace) -> int:
    try:
        target = parse_target(args.text, label=args.label, unit=args.unit, direction=args.direction)
    except KtxhError as exc:
        return fail(exc)
    if not states_a_target(target):
        print(f"Lỗi: Dòng \u201c{args.text.strip()}\u201d không nêu chỉ tiêu nào: không có con số đo được, cũng không có "
              "việc phải làm (duy trì, giữ vững, hoàn thành…) hay tên một chỉ tiêu (tỷ lệ, số hộ, thu ngân sách…).",
              file=sys.stderr)
        return EXIT_NO_TARGET
    if args.json:
        print_json(target.to_dict())
    else:
        print("\n".join(_lines(target)))
    return 0
