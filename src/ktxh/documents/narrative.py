"""Sentences from data, in the seeds' style; every figure comes from ktxh.core.

Seed 002 writes "Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3tấn/ 5.795,9
tấn bằng 102,37% kế hoạch"; the generator writes the same sentence from the row, with
% of plan from ``evaluate`` and % against last year from ``growth_rate``, both rounded
half up to 2 decimals so that a checker recomputing them finds the same figure.

>>> from ktxh.documents.data import Period, PeriodKind, Row
>>> row = Row("Tổng sản lượng lương thực cây có hạt", "tấn", plan=Decimal("5795.9"),
...           actual=Decimal("5933.3"), previous=Decimal("6031"))
>>> row_sentence(assess(row), Period(PeriodKind.YEAR, 2022))
'Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3/5.795,9 tấn, bằng 102,37% kế hoạch, giảm 1,62% so với năm 2021 (6.031 tấn).'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ktxh.core.errors import KtxhError
from ktxh.core.evaluate import evaluate, summary_sentence
from ktxh.core.growth import growth_rate
from ktxh.core.model import Direction, Evaluation, Status, Target, TargetKind
from ktxh.core.numbers import format_number, parse_number, quantize
from ktxh.core.targets import parse_target

from .data import DocumentDataError, Field, Period, Row

PERCENT_DECIMALS = 2
_RATE_UNITS = ("%", "‰")
_STATUS_PHRASE = {
    Status.VUOT: "vượt kế hoạch",
    Status.DAT: "đạt kế hoạch",
    Status.CO_BAN_DAT: "cơ bản đạt kế hoạch",
    Status.KHONG_DAT: "không đạt kế hoạch",
    Status.CHUA_CO_SO_LIEU: "chưa có số liệu",
}


@dataclass(frozen=True)
class RowResult:
    """A row with its parsed target, its evaluation and its growth against last year.

    ``plan_value`` is the plan figure when the target is one figure (exact, or the upper
    level's assignment), else None and the target is shown as written. ``versus_previous``
    is actual / previous × 100 (the tables' "% so với cùng kỳ"), ``growth`` the same less 100.
    """

    row: Row
    target: Target
    evaluation: Evaluation
    plan_value: Decimal | None
    growth: Decimal | None
    versus_previous: Decimal | None

    @property
    def is_ratio(self) -> bool:
        """% of plan is plainly actual / plan (or plan / actual when lower is better)."""
        return self.plan_value is not None and self.evaluation.percent_of_plan is not None

    @property
    def down(self) -> bool:
        return self.target.direction is Direction.DOWN

    @property
    def plan_text(self) -> str:
        """The plan as the tables show it: the figure, or the target's own words."""
        if self.plan_value is not None:
            return format_number(self.plan_value)
        text = self.row.target_text
        head, colon, tail = text.partition(":")
        return (tail if colon and tail.strip() else text).strip().rstrip(".")


def _percent(value: Decimal) -> Decimal:
    return quantize(value, PERCENT_DECIMALS)


def assess(row: Row) -> RowResult:
    """Parse the row's target and evaluate its actual, all through ktxh.core."""
    target = parse_target(row.target_or_plan, label=row.name, unit=row.unit or None, direction=row.direction)
    assigned = row.plan if target.kind is TargetKind.ASSIGNED else None
    if target.kind is TargetKind.ASSIGNED and row.plan is None and row.actual is not None:
        raise DocumentDataError(
            f"Chỉ tiêu \u201c{row.name}\u201d tính theo chỉ tiêu cấp trên giao: cần số kế hoạch giao (plan).",
            field="plan", value=row.target_text)
    if target.kind is TargetKind.EXACT and row.plan is not None and row.target_text and target.low != row.plan:
        raise DocumentDataError(
            f"Chỉ tiêu \u201c{row.name}\u201d: kế hoạch {format_number(row.plan)} khác chỉ tiêu "
            f"\u201c{row.target_text}\u201d.", field="plan", value=format_number(row.plan))
    try:
        evaluation = evaluate(target, row.actual, base=row.previous, assigned=assigned)
    except KtxhError as exc:
        raise DocumentDataError(f"Chỉ tiêu \u201c{row.name}\u201d: {exc.message}", field=exc.field or "actual",
                                value=exc.value) from exc
    if target.kind is TargetKind.ASSIGNED:
        plan_value = row.plan
    elif target.kind is TargetKind.EXACT:
        plan_value = target.low
    else:
        plan_value = None
    growth = versus = None
    actual = evaluation.actual
    if actual is not None and row.previous is not None and row.previous > 0:
        exact = growth_rate(actual, row.previous)
        growth, versus = _percent(exact), _percent(exact + 100)
    return RowResult(row, target, evaluation, plan_value, growth, versus)


def _fmt(value: Decimal, unit: str) -> str:
    return format_number(value, unit=unit or None)


def _growth_clause(result: RowResult, period: Period) -> str:
    row = result.row
    if row.previous is None or result.evaluation.actual is None:
        return ""
    if row.unit in _RATE_UNITS or result.growth is None:
        # A rate against last year's rate: state last year's, not a percent of a percent.
        return f" ({period.previous_phrase}: {_fmt(row.previous, row.unit)})"
    if result.growth == 0:
        return f", bằng {period.previous_phrase}"
    verb = "tăng" if result.growth > 0 else "giảm"
    # The base figure in brackets, as seed 002 writes it, so a reader can recompute the growth.
    return (f", {verb} {format_number(abs(result.growth), PERCENT_DECIMALS)}% so với {period.previous_phrase} "
            f"({_fmt(row.previous, row.unit)})")


def row_sentence(result: RowResult, period: Period) -> str:
    """One sentence for one indicator, e.g. "… đạt 5.933,3/5.795,9 tấn, bằng 102,37% kế hoạch, …"."""
    row, ev = result.row, result.evaluation
    subject = f"{row.name} {period.phrase}"
    if result.target.kind is TargetKind.QUALITATIVE:
        if ev.status is Status.CHUA_CO_SO_LIEU:
            return f"{subject}: chưa có số liệu (kế hoạch: {result.plan_text})."
        return f"{subject}: {str(row.actual).strip()} (kế hoạch: {result.plan_text})."
    if ev.actual is None:
        return f"{subject}: chưa có số liệu (kế hoạch: {result.plan_text})."
    verb = ("ước còn" if row.estimate else "còn") if result.down else ("ước đạt" if row.estimate else "đạt")
    if result.is_ratio and not result.down:
        unit = row.unit
        shown = f"{_fmt(ev.actual, unit)}/{_fmt(result.plan_value, unit)}" if unit in _RATE_UNITS else (
            f"{format_number(ev.actual)}/{_fmt(result.plan_value, unit)}")  # type: ignore[arg-type]
        pct = format_number(ev.percent_of_plan, PERCENT_DECIMALS)  # type: ignore[arg-type]
        return f"{subject} {verb} {shown}, bằng {pct}% kế hoạch{_growth_clause(result, period)}."
    return (f"{subject} {verb} {_fmt(ev.actual, row.unit)}, kế hoạch {result.plan_text}, "
            f"{_STATUS_PHRASE[ev.status]}{_growth_clause(result, period)}.")


def assess_fields(fields: Iterable[Field]) -> list[tuple[Field, list[RowResult]]]:
    return [(f, [assess(r) for r in f.rows]) for f in fields]


def summary(results: Iterable[RowResult], period: Period) -> str:
    """The seeds' count sentence over every indicator, by ``summary_sentence``."""
    return summary_sentence([r.evaluation for r in results], scope=f"kinh tế - xã hội {period.phrase}")


def status_label(result: RowResult) -> str:
    """The "Đánh giá" column: "Vượt", "Đạt", "Cơ bản đạt", "Không đạt", "Chưa có số liệu"."""
    label = result.evaluation.status.label
    return label[:1].upper() + label[1:]


def target_line(row: Row) -> str:
    """A plan's target as a numbered line states it: "Tỷ lệ hộ nghèo: dưới 2%"."""
    text = row.target_text
    if not text:
        return f"{row.name}: {_fmt(row.plan, row.unit)}"  # type: ignore[arg-type]
    if text.lower().startswith(row.name.lower()):
        return text.rstrip(".")
    text = text.rstrip(".")
    try:
        bare = parse_number(text).unit is None  # "5.800" needs its ĐVT; "dưới 2%" has its own words
    except KtxhError:
        bare = False
    tail = "" if not (bare and row.unit) else (row.unit if row.unit in _RATE_UNITS else " " + row.unit)
    return f"{row.name}: {text}{tail}"
