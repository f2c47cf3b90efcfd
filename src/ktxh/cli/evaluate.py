"""``ktxh evaluate --target … --actual …``: % of plan and the class, in Vietnamese."""

from __future__ import annotations

import argparse
from decimal import Decimal

from ktxh.core.errors import KtxhError
from ktxh.core.evaluate import evaluate
from ktxh.core.numbers import format_number
from ktxh.core.targets import describe_target, parse_target

from .common import fail, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="Đánh giá kết quả thực hiện so với chỉ tiêu.")
    p.add_argument("--target", required=True, help="Chỉ tiêu như được viết, ví dụ \u201c> 99%%\u201d")
    p.add_argument("--actual", help="Kết quả thực hiện, ví dụ \u201c99,3%%\u201d; bỏ trống nếu chưa có")
    p.add_argument("--base", help="Số liệu kỳ gốc, cho chỉ tiêu tăng/giảm so với năm trước")
    p.add_argument("--assigned", help="Số chỉ tiêu cấp trên giao, cho chỉ tiêu \u201cvượt chỉ tiêu giao\u201d")
    p.add_argument("--label", help="Tên chỉ tiêu, khi con số đứng riêng")
    p.add_argument("--unit", help="Đơn vị tính (ĐVT)")
    p.add_argument("--direction", choices=["up", "down"], help="Chiều tốt: up hoặc down")
    p.add_argument("--threshold", default="90", help="Ngưỡng \u201ccơ bản đạt\u201d, %% kế hoạch (mặc định 90)")
    p.add_argument("--json", action="store_true", help="In kết quả dạng JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        target = parse_target(args.target, label=args.label, unit=args.unit, direction=args.direction)
        try:
            threshold = Decimal(args.threshold.replace(",", "."))
        except ArithmeticError:
            return fail(f"Ngưỡng \u201c{args.threshold}\u201d không phải là số.")
        result = evaluate(target, args.actual, base=args.base, assigned=args.assigned, threshold=threshold)
    except KtxhError as exc:
        return fail(exc)
    if args.json:
        print_json(result.to_dict())
        return 0
    print(f"Chỉ tiêu: {target.label or target.text} — {describe_target(target)}")
    if result.actual is not None:
        print(f"Thực hiện: {format_number(result.actual)}{target.unit if target.unit in ('%', '‰') else (' ' + target.unit if target.unit else '')}")
    if result.compared is not None and result.compared != result.actual:
        print(f"Mức thay đổi so với kỳ gốc: {format_number(result.compared, 2)}")
    if result.percent_of_plan is not None:
        print(f"Đạt {format_number(result.percent_of_plan, 2)}% kế hoạch")
    print(f"Đánh giá: {result.status.label}")
    if result.note:
        print(f"Ghi chú: {result.note}")
    return 0
