"""``ktxh review FILE [--json]``: a term plan and its yearly figures in, the term review out.

FILE is JSON or CSV as docs/review-format.md describes. Every figure goes through
ktxh.core (parse_number, parse_target, review_target, format_number); a file with a
bad figure is refused whole, naming the target and the field (exit 2).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

from ktxh.core.errors import KtxhError
from ktxh.core.model import Direction, Target
from ktxh.core.numbers import parse_number
from ktxh.core.review import (
    Review,
    TermKind,
    TermSeries,
    infer_kind,
    review_all,
    review_cells,
    summarize,
    summary_sentence,
)
from ktxh.core.targets import parse_target

from .common import fail, json_reason, os_reason, print_json

FIXED_COLUMNS = ("target", "kind", "direction", "unit", "base_year", "base", "deadline", "source")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("review", help="Đánh giá giữa kỳ / cuối kỳ các chỉ tiêu nhiệm kỳ.")
    p.add_argument("file", metavar="FILE", help="Tệp kế hoạch nhiệm kỳ và số liệu từng năm (.json hoặc .csv)")
    p.add_argument("--json", action="store_true", help="In kết quả dạng JSON")
    p.set_defaults(func=run)


# --- reading the plan -------------------------------------------------------------------------------


class PlanError(KtxhError):
    """A term plan file that cannot be read as documented."""


def _where(index: int, text: str) -> str:
    shown = text if len(text) <= 50 else text[:49] + "…"
    return f"Chỉ tiêu thứ {index} (\u201c{shown}\u201d)"


def _figure(raw: Any, *, where: str, field: str, unit: str | None) -> Decimal | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise PlanError(f"{where}, {field}: \u201c{raw}\u201d không phải là số.", field=field, value=str(raw))
    if isinstance(raw, int | Decimal):
        return Decimal(raw)
    if isinstance(raw, float):
        return Decimal(str(raw))
    if not isinstance(raw, str):
        raise PlanError(f"{where}, {field}: \u201c{raw}\u201d không phải là số.", field=field, value=str(raw))
    try:
        return parse_number(raw, unit=unit, strict=True).value
    except KtxhError as exc:
        raise PlanError(f"{where}, {field}: {exc.message}", field=field, value=raw) from exc


def _year(raw: Any, *, where: str, field: str) -> int | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip()
    if not text.isdigit() or not 1900 <= int(text) <= 2200:
        raise PlanError(f"{where}, {field}: \u201c{raw}\u201d không phải là một năm.", field=field, value=text)
    return int(text)


def _choice(raw: Any, enum: type, *, where: str, field: str, allowed: str) -> Any:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        return enum(str(raw).strip())
    except ValueError as exc:
        raise PlanError(
            f"{where}, {field}: \u201c{raw}\u201d không hợp lệ; chỉ nhận {allowed}.", field=field, value=str(raw)
        ) from exc


def _item(index: int, row: dict[str, Any], plan: dict[str, Any]) -> tuple[Target, TermSeries | None]:
    text = row.get("target")
    if not isinstance(text, str) or not text.strip():
        raise PlanError(f"Chỉ tiêu thứ {index}: thiếu nội dung chỉ tiêu (trường \u201ctarget\u201d).", field="target")
    where = _where(index, text.strip())
    direction = _choice(row.get("direction"), Direction, where=where, field="direction", allowed="up, down")
    kind = _choice(
        row.get("kind"), TermKind, where=where, field="kind",
        allowed="growth, level, share, reduction, cumulative, qualitative",
    )
    unit = row.get("unit") or None
    try:
        target = parse_target(text, direction=direction, unit=unit if kind is not TermKind.GROWTH else None)
    except KtxhError as exc:
        raise PlanError(f"{where}: {exc.message}", field="target", value=text) from exc
    base_year = _year(row.get("base_year"), where=where, field="base_year") or plan.get("base_year")
    deadline = _year(row.get("deadline"), where=where, field="deadline") or plan.get("deadline")
    values_raw = row.get("values") or {}
    if not isinstance(values_raw, dict):
        raise PlanError(f"{where}, values: phải là bảng {{năm: số liệu}}.", field="values")
    inferred = kind or infer_kind(target)
    figure_unit = unit or (None if inferred is TermKind.GROWTH else target.unit)
    values: dict[int, Decimal] = {}
    for y, v in values_raw.items():
        year = _year(y, where=where, field="values")
        value = _figure(v, where=where, field=f"năm {y}", unit=figure_unit)
        if year is not None and value is not None:
            values[year] = value
    base = _figure(row.get("base"), where=where, field="base", unit=figure_unit)
    if inferred is TermKind.QUALITATIVE:
        return target, None
    if base_year is None or deadline is None:
        raise PlanError(f"{where}: thiếu năm gốc (base_year) hoặc năm cuối (deadline).", field="base_year")
    if base is None and not values:
        return target, None
    try:
        series = TermSeries(base_year, base, values, deadline, kind=kind, direction=direction, unit=unit)
    except KtxhError as exc:
        raise PlanError(f"{where}: {exc.message}", field=exc.field, value=exc.value) from exc
    return target, series


def plan_from_json(text: str) -> tuple[dict[str, Any], list[tuple[Target, TermSeries | None]]]:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise PlanError(f"Tệp JSON hỏng ở {json_reason(exc)}.", field="tệp") from exc
    if not isinstance(data, dict) or not isinstance(data.get("targets"), list):
        raise PlanError("Tệp JSON phải là một đối tượng có danh sách \u201ctargets\u201d.", field="targets")
    plan = {
        "name": data.get("name") or "",
        "period": data.get("period") or "",
        "base_year": _year(data.get("base_year"), where="Kế hoạch", field="base_year"),
        "deadline": _year(data.get("deadline"), where="Kế hoạch", field="deadline"),
    }
    items = []
    for i, row in enumerate(data["targets"], 1):
        if not isinstance(row, dict):
            raise PlanError(f"Chỉ tiêu thứ {i}: phải là một đối tượng JSON.", field="targets")
        items.append(_item(i, row, plan))
    return plan, items


def plan_from_csv(text: str) -> tuple[dict[str, Any], list[tuple[Target, TermSeries | None]]]:
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip() for h in (reader.fieldnames or [])]
    unknown = [h for h in header if h and h not in FIXED_COLUMNS and not h.isdigit()]
    if "target" not in header:
        raise PlanError("Tệp CSV thiếu cột \u201ctarget\u201d.", field="target")
    if unknown:
        raise PlanError(f"Tệp CSV có cột lạ: {', '.join(unknown)}.", field="cột", value=unknown[0])
    plan: dict[str, Any] = {"name": "", "period": "", "base_year": None, "deadline": None}
    items = []
    for i, raw in enumerate(reader, 1):
        row = {(k or "").strip(): v for k, v in raw.items()}
        row["values"] = {k: v for k, v in row.items() if k.isdigit()}
        items.append(_item(i, row, plan))
    return plan, items


def load_plan(path: Path) -> tuple[dict[str, Any], list[tuple[Target, TermSeries | None]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise PlanError(f"Không đọc được tệp \u201c{path}\u201d: {os_reason(exc)}.", field="tệp", value=str(path)) from exc
    except UnicodeDecodeError as exc:
        raise PlanError(f"Tệp \u201c{path}\u201d không phải văn bản UTF-8.", field="tệp", value=str(path)) from exc
    if path.suffix.lower() == ".csv":
        return plan_from_csv(text)
    return plan_from_json(text)


# --- showing the review --------------------------------------------------------------------------


def _row(i: int, r: Review) -> list[str]:
    label = r.target.text
    if len(label) > 48:
        label = label[:47] + "…"
    cells = [c if len(c) <= 40 else c[:39] + "…" for c in review_cells(r)]  # keep the terminal table narrow
    return [str(i), label, *cells]


HEADER = [
    "TT", "Chỉ tiêu", "ĐVT", "Gốc", "Mới nhất", "Mục tiêu", "Tiến độ", "Nhịp đã đạt", "Nhịp cần",
    "Ước cuối kỳ", "Đánh giá",
]
RIGHT = {0, 3, 4, 5, 6, 7, 8, 9}


def _table(rows: list[list[str]]) -> str:
    rows = [[unicodedata.normalize("NFC", c) for c in row] for row in rows]
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [c.rjust(w) if i in RIGHT and n else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        lines.append(" | ".join(cells).rstrip())
        if n == 0:
            lines.append("-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def _period(plan: dict[str, Any], items: list[tuple[Target, TermSeries | None]]) -> str:
    if plan.get("period"):
        return plan["period"]
    series = [s for _, s in items if s is not None]
    if not series:
        return ""
    return f"giai đoạn {min(s.base_year for s in series) + 1} - {max(s.deadline for s in series)}"


def run(args: argparse.Namespace) -> int:
    try:
        plan, items = load_plan(Path(args.file))
    except KtxhError as exc:
        return fail(exc)
    if not items:
        return fail(PlanError("Tệp không có chỉ tiêu nào.", field="targets"))
    reviews = review_all(items)
    period = _period(plan, items)
    summary = summary_sentence(reviews, period=period)
    if args.json:
        print_json(
            {
                "name": plan.get("name", ""),
                "period": period,
                "summary": summary,
                "counts": {k.value: v for k, v in summarize(reviews).items()},
                "reviews": [r.to_dict() for r in reviews],
            }
        )
        return 0
    if plan.get("name"):
        print(plan["name"])
    print(_table([HEADER] + [_row(i, r) for i, r in enumerate(reviews, 1)]))
    print()
    for i, r in enumerate(reviews, 1):
        lines = ([r.sentence] if r.sentence else []) + list(r.notes)
        if lines:
            print(f"{i}. " + " ".join(lines))
    print()
    print(summary)
    return 0
