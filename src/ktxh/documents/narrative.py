"""Sentences from data, in the seeds' style; every verdict comes from the one evaluator.

Seed 002 writes "Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3tấn/ 5.795,9
tấn bằng 102,37% kế hoạch"; the generator writes the same sentence from the row: status
and % of plan from the row's ``evaluation`` (the dashboard's ``evaluate_plan`` in the
web app, :func:`ktxh.documents.data.evaluated` for a JSON file; never parsed or
evaluated again here), % against last year from ``growth_rate``, rounded half up to 2
decimals so that a checker recomputing them finds the same figure.

>>> from ktxh.documents.data import Period, PeriodKind, Row, evaluated
>>> row = evaluated(Row("Tổng sản lượng lương thực cây có hạt", "tấn", plan=Decimal("5795.9"),
...                     actual=Decimal("5933.3"), previous=Decimal("6031")))
>>> row_sentence(assess(row), Period(PeriodKind.YEAR, 2022))
'Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3/5.795,9 tấn, bằng 102,37% kế hoạch, giảm 1,62% so với năm 2021 (6.031 tấn).'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from ktxh.core.errors import KtxhError
from ktxh.core.evaluate import summary_sentence
from ktxh.core.growth import growth_rate
from ktxh.core.model import Direction, Evaluation, Status, Target, TargetKind
from ktxh.core.numbers import (
    consistent_decimals,
    figure_decimals,
    format_figure,
    format_number,
    parse_number,
    quantize,
)
from ktxh.core.targets import describe_target

from .data import (
    SECTION_CAUSES,
    SECTION_DIRECTIONS,
    SECTION_KEY_TASKS,
    SECTION_LIMITATIONS,
    SECTION_OBJECTIVE,
    SECTION_OPENING,
    SECTION_PLAN_ASSESSMENT,
    SECTION_RESULTS,
    SECTION_STRENGTHS,
    SECTION_TASKS,
    DocumentDataError,
    Field,
    Period,
    Row,
    field_section,
)

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
    ``decimals`` show its figures (``fig``): the indicator's, or more where a % stated beside them
    would not recompute from the figures as shown (``ktxh.core.numbers.consistent_decimals``).
    """

    row: Row
    target: Target
    evaluation: Evaluation
    plan_value: Decimal | None
    growth: Decimal | None
    versus_previous: Decimal | None
    decimals: int | None = None

    def fig(self, value: Decimal, unit: str | None = "") -> str:
        """One of the row's figures as shown, with its unit (the row's unless another is given)."""
        unit = self.row.unit if unit == "" else unit
        return format_figure(value, self.decimals, unit or None)

    def shown(self, value: Decimal) -> Decimal:
        """The figure as shown, as a reader recomputes from it."""
        return quantize(value, figure_decimals(value, self.decimals))

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
            return self.fig(self.plan_value, None)
        text = self.row.target_text
        head, colon, tail = text.partition(":")
        if not (colon and tail.strip()):
            text = text.strip().rstrip(".")
            # "Tỷ lệ hộ cận nghèo đến năm 2025 giảm còn dưới 1,8%" of "Tỷ lệ hộ cận nghèo" → "đến năm 2025 giảm
            # còn dưới 1,8%": the name is not said twice when what follows it holds the figure.
            rest = text[len(self.row.name):].lstrip(" :;,-") if text.lower().startswith(self.row.name.lower()) else ""
            return rest if any(c.isdigit() for c in rest) else text
        tail = tail.strip().rstrip(".")
        # "Tỷ lệ hộ nghèo giảm so với năm 2021: Từ 0,7 - 0,9%" → "giảm so với năm 2021 từ 0,7 - 0,9%".
        rest = head.strip()[len(self.row.name):].strip() if head.lower().startswith(self.row.name.lower()) else ""
        return f"{rest} {tail[:1].lower()}{tail[1:]}" if rest else tail


def table_plan(result: RowResult) -> str:
    """Biểu 02's "Kế hoạch" cell: the plan figure; else the target's words, unless they only repeat the
    indicator's name — then the core's reading of the target ("nhỏ hơn 2%"), "Hoàn thành" for a task.

    >>> from ktxh.documents.data import evaluated
    >>> table_plan(assess(evaluated(Row("Tỷ lệ nợ quá hạn cuối năm dưới 02%", "%",
    ...                                 target_text="Tỷ lệ nợ quá hạn cuối năm dưới 02%."))))
    'nhỏ hơn 2%'
    """
    if result.plan_value is not None:
        return result.fig(result.plan_value, None)
    words = result.plan_text
    if result.target.kind is TargetKind.QUALITATIVE and len(words.split()) > 4 and not any(c.isdigit() for c in words):
        return "Hoàn thành"  # a task's whole sentence does not go in the column
    if not same_words(words, result.row.name):
        return words
    return name_only_plan(result.target)


def name_only_plan(target: Target | None) -> str:
    """The "Kế hoạch" cell of a target whose words are all in the indicator's name: the core's reading
    of its figure ("nhỏ hơn 2%"), "Hoàn thành" for a task, "Như nội dung chỉ tiêu" for several figures.

    >>> from ktxh.core.targets import parse_target
    >>> name_only_plan(parse_target("Tỷ lệ nợ quá hạn cuối năm dưới 02%"))
    'nhỏ hơn 2%'
    >>> name_only_plan(parse_target("Không để dịch bệnh gia súc, gia cầm"))
    'Hoàn thành'
    """
    if target is None or target.parts:
        return "Như nội dung chỉ tiêu"
    if target.kind is TargetKind.QUALITATIVE:
        return "Hoàn thành"
    return describe_target(target).rsplit(" (", 1)[0]


def lower_first(name: str) -> str:
    """A name inside a sentence: its first letter in lower case, unless it opens an acronym.

    >>> lower_first("Hiện đang quản lý chi trả 277 đối tượng, mở thẻ ATM"), lower_first("BHYT hộ gia đình")
    ('hiện đang quản lý chi trả 277 đối tượng, mở thẻ ATM', 'BHYT hộ gia đình')
    """
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def same_words(a: str, b: str) -> bool:
    """Whether two texts say the same, whatever their case, spacing and closing full stop.

    >>> same_words("trường Mẫu giáo  chuẩn Quốc gia.", "Trường mẫu giáo chuẩn quốc gia")
    True
    """
    return " ".join(a.strip(" .").lower().split()) == " ".join(b.strip(" .").lower().split())


def _percent(value: Decimal) -> Decimal:
    return quantize(value, PERCENT_DECIMALS)


def assess(row: Row) -> RowResult:
    """The row with its evaluation, plan figure and growth against last year (no evaluation here)."""
    evaluation = row.evaluation
    if evaluation is None:
        raise DocumentDataError(f"Chỉ tiêu \u201c{row.name}\u201d chưa được đánh giá: thiếu kết quả đánh giá.",
                                field="evaluation", value=row.name)
    target = evaluation.target
    if target.kind is TargetKind.ASSIGNED:
        plan_value = evaluation.plan_value if evaluation.plan_value is not None else row.plan
    elif target.kind is TargetKind.EXACT:
        plan_value = target.low
    else:
        plan_value = None
    growth = versus = None
    actual = evaluation.actual
    if actual is not None and row.previous is not None and row.previous > 0:
        exact = growth_rate(actual, row.previous)
        growth, versus = _percent(exact), _percent(exact + 100)
    return RowResult(row, target, evaluation, plan_value, growth, versus, _decimals(row, target, evaluation, plan_value))


def _decimals(row: Row, target: Target, evaluation: Evaluation, plan_value: Decimal | None) -> int | None:
    """The row's display decimals, kept so that its stated % of plan and growth recompute from what is shown."""
    actual, ratios = evaluation.actual, []
    if actual is not None and plan_value is not None and evaluation.percent_of_plan is not None:
        ratios.append((plan_value, actual) if target.direction is Direction.DOWN else (actual, plan_value))
    if actual is not None and row.previous is not None and row.previous > 0:
        ratios.append((actual, row.previous))
    return consistent_decimals(row.decimals, ratios, PERCENT_DECIMALS)


def _fmt(value: Decimal, unit: str) -> str:
    return format_number(value, unit=unit or None)


def _growth_clause(result: RowResult, period: Period) -> str:
    row = result.row
    if row.previous is None or result.evaluation.actual is None:
        return ""
    if row.unit in _RATE_UNITS or result.growth is None:
        # A rate against last year's rate: state last year's, not a percent of a percent.
        return f" ({period.previous_phrase}: {result.fig(row.previous)})"
    if result.growth == 0:
        return f", bằng {period.previous_phrase}"
    verb = "tăng" if result.growth > 0 else "giảm"
    # The base figure in brackets, as seed 002 writes it, so a reader can recompute the growth.
    return (f", {verb} {format_number(abs(result.growth), PERCENT_DECIMALS)}% so với {period.previous_phrase} "
            f"({result.fig(row.previous)})")


def _plan_words(result: RowResult) -> str:
    """" (kế hoạch: …)", unless the indicator's name is the target's words already; a plan figure with its
    unit, as a sentence says it ("kế hoạch: 64 triệu đồng/người/năm", not the table's bare "64")."""
    if result.plan_value is not None:
        return f" (kế hoạch: {result.fig(result.plan_value)})"
    words = result.plan_text
    if same_words(words, result.row.name):
        return ""
    return f" (kế hoạch: {words})"


def row_sentence(result: RowResult, period: Period) -> str:
    """One sentence for one indicator, e.g. "… đạt 5.933,3/5.795,9 tấn, bằng 102,37% kế hoạch, …"."""
    row, ev = result.row, result.evaluation
    subject = f"{row.name} {period.phrase}"
    plan = _plan_words(result)
    if result.target.kind is TargetKind.QUALITATIVE:
        if ev.status is Status.CHUA_CO_SO_LIEU:
            return f"{subject}: chưa có số liệu{plan}."
        return f"{subject}: {str(row.actual).strip()}{plan}."
    if ev.actual is None:
        return f"{subject}: chưa có số liệu{plan}."
    verb = ("ước còn" if row.estimate else "còn") if result.down else ("ước đạt" if row.estimate else "đạt")
    if result.is_ratio and not result.down:
        unit = row.unit
        shown = f"{result.fig(ev.actual)}/{result.fig(result.plan_value)}" if unit in _RATE_UNITS else (
            f"{result.fig(ev.actual, None)}/{result.fig(result.plan_value)}")  # type: ignore[arg-type]
        pct = format_number(ev.percent_of_plan, PERCENT_DECIMALS)  # type: ignore[arg-type]
        return f"{subject} {verb} {shown}, bằng {pct}% kế hoạch{_growth_clause(result, period)}."
    growth = _growth_clause(result, period)
    plan_words = f"kế hoạch {sentence_plan(result)}, {_STATUS_PHRASE[ev.status]}"
    if growth.startswith(","):
        # The growth right after the figure it measures, so that no figure of the plan's words comes
        # between them (a checker recomputes it from the last figure before it).
        return f"{subject} {verb} {result.fig(ev.actual)}{growth}, {plan_words}."
    return f"{subject} {verb} {result.fig(ev.actual)}, {plan_words}{growth}."


def sentence_plan(result: RowResult) -> str:
    """The plan as a sentence states it: the table's words, never the indicator's name again
    ("kế hoạch nhỏ hơn 2%", "kế hoạch như nội dung chỉ tiêu")."""
    if result.plan_value is not None:
        return result.fig(result.plan_value)  # "kế hoạch 1%", not "kế hoạch 1"
    words = table_plan(result)
    if same_words(result.plan_text, result.row.name) and words[:1].isupper():
        return words[:1].lower() + words[1:]
    return words


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
    """A plan's target as a numbered line states it: "Tỷ lệ hộ nghèo: dưới 2%"; a target that is one
    figure with the indicator's display decimals.

    >>> target_line(Row("Thu ngân sách xã", "triệu đồng", target_text="10.038,458242 triệu đồng", decimals=0))
    'Thu ngân sách xã: 10.038 triệu đồng'
    """
    text = row.target_text
    if not text:
        return f"{row.name}: {format_figure(row.plan, row.decimals, row.unit or None)}"  # type: ignore[arg-type]
    if text.lower().startswith(row.name.lower()):
        return text.rstrip(".")
    text = text.rstrip(".")
    try:
        number = parse_number(text, strict=True)  # the whole text is one figure: "5.800", "10.038,458242 triệu đồng"
    except KtxhError:
        number = None
    if number is not None and (number.unit or "") in ("", row.unit):
        return f"{row.name}: {format_figure(number.value, row.decimals, row.unit or None)}"
    return f"{row.name}: {text}"


# --- đánh giá chung, phương hướng: prose written from the evaluated rows ----------------------------


def _figures(result: RowResult) -> str:
    """The figures of a verdict, as the row sentence states them: "5.933,3/5.795,9 tấn, bằng 102,37% kế hoạch"."""
    row, ev = result.row, result.evaluation
    if ev.actual is None:
        return f"{str(row.actual or '').strip() or 'chưa có số liệu'}{_plan_words(result)}"
    unit = row.unit
    if result.is_ratio and not result.down:
        shown = f"{result.fig(ev.actual)}/{result.fig(result.plan_value)}" if unit in _RATE_UNITS else (
            f"{result.fig(ev.actual, None)}/{result.fig(result.plan_value)}")  # type: ignore[arg-type]
        return f"{shown}, bằng {format_number(ev.percent_of_plan, PERCENT_DECIMALS)}% kế hoạch"  # type: ignore[arg-type]
    return f"{result.fig(ev.actual)}, kế hoạch {sentence_plan(result)}"


def _gap(result: RowResult) -> str:
    """How far a shortfall is from the plan: ", còn thiếu 806 trường hợp so với kế hoạch"; lower being
    better, ", cao hơn 0,19 điểm phần trăm so với kế hoạch". A bound ("dưới 1,8%", "trên 90%") is the plan
    figure missed."""
    ev = result.evaluation
    bound = result.plan_value
    if bound is None and result.target.kind in (TargetKind.MIN, TargetKind.MAX, TargetKind.RANGE):
        bound = result.target.high if result.down else result.target.low
    if ev.actual is None or bound is None:
        return ""
    actual, plan = result.shown(ev.actual), result.shown(bound)  # the gap of what is shown
    gap = (actual - plan) if result.down else (plan - actual)
    if gap <= 0:
        return ""
    word = "cao hơn" if result.down else "còn thiếu"
    shown = format_number(gap) if result.row.unit in _RATE_UNITS else _fmt(gap, result.row.unit)
    if result.row.unit in _RATE_UNITS:
        shown = f"{shown} điểm phần trăm"
    return f", {word} {shown} so với kế hoạch"


def _remaining(result: RowResult) -> str:
    """What is left of the year's target after 6 or 9 months: ", còn phải thực hiện 1.879.000.000 đồng"."""
    if result.down:
        return ""  # a rate still above its ceiling has nothing "left to do" in the months to come
    return _gap(result).replace("còn thiếu", "còn phải thực hiện").replace(" so với kế hoạch", "")


def strengths(results: Iterable[RowResult], period: Period) -> list[str]:
    """Ưu điểm: the count of targets reached, then each target exceeded with its figures."""
    results = list(results)
    over = [r for r in results if r.evaluation.status is Status.VUOT]
    met = [r for r in results if r.evaluation.status is Status.DAT]
    if not over and not met:
        return []
    lines = [f"Các chỉ tiêu đạt và vượt kế hoạch {period.phrase}: {len(over) + len(met):02d}/{len(results):02d} "
             "chỉ tiêu" + (f", trong đó {len(over):02d} chỉ tiêu vượt kế hoạch." if over else ".")]
    lines += [f"{r.row.name} đạt {_figures(r)}, vượt kế hoạch." for r in over]
    return lines


def limitations(results: Iterable[RowResult], period: Period) -> list[str]:
    """Tồn tại, hạn chế: each target not achieved or only mostly, with its figures and the gap."""
    results, lines = list(results), []
    progress = period.kind.value in ("6-thang", "9-thang")
    for status in (Status.KHONG_DAT, Status.CO_BAN_DAT):
        for r in results:
            if r.evaluation.status is not status:
                continue
            if progress:
                # Progress against the year's target (the evaluator's note says so), not the year's verdict.
                remaining = _remaining(r)
                lines.append(f"{r.row.name} {period.phrase} {_verb(r)} {_figures(r)} năm {period.year}"
                             f"{remaining and remaining + ' trong ' + period.next_phrase}.")
            else:
                lines.append(f"{r.row.name} {period.phrase} {_verb(r)} {_figures(r)}{_gap(r)}, "
                             f"{_STATUS_PHRASE[status]}.")
    return lines


def _verb(result: RowResult) -> str:
    if result.down:
        return "ước còn" if result.row.estimate else "còn"
    return "ước đạt" if result.row.estimate else "đạt"


NAMED_AT_MOST = 5  # names in one sentence; the rest are counted and found in Biểu số 02


def named(names: list[str]) -> str:
    """Names of indicators for a sentence: all of a few, else the first ones and how many more.

    >>> named(["Tỷ lệ hộ nghèo", "Số hộ nghèo"])
    'Tỷ lệ hộ nghèo; Số hộ nghèo'
    >>> named([f"Chỉ tiêu {i}" for i in range(1, 36)])
    'Chỉ tiêu 1; Chỉ tiêu 2; Chỉ tiêu 3; Chỉ tiêu 4; Chỉ tiêu 5 và 30 chỉ tiêu khác, xem Biểu số 02'
    """
    if len(names) <= NAMED_AT_MOST + 1:
        return "; ".join(names)
    return f"{'; '.join(names[:NAMED_AT_MOST])} và {len(names) - NAMED_AT_MOST:02d} chỉ tiêu khác, xem Biểu số 02"


def causes(results: Iterable[RowResult], period: Period) -> list[str]:
    """Nguyên nhân, prefilled where the data says something; the officer completes it."""
    results = list(results)
    lines = []
    falling = [r for r in results if r.evaluation.status in (Status.KHONG_DAT, Status.CO_BAN_DAT)
               and r.growth is not None and ((r.growth < 0) != r.down) and r.growth != 0]
    for r in falling:
        verb = "tăng" if r.growth > 0 else "giảm"  # type: ignore[operator]
        lines.append(f"{r.row.name} {verb} {format_number(abs(r.growth), PERCENT_DECIMALS)}% so với "  # type: ignore[arg-type]
                     f"{period.previous_phrase} ({r.fig(r.row.previous)}): "  # type: ignore[arg-type]
                     "kết quả đi xuống so với kỳ trước, cần làm rõ nguyên nhân.")
    missing = [r.row.name for r in results if r.evaluation.status is Status.CHUA_CO_SO_LIEU]
    if missing:
        lines.append(f"Còn {len(missing):02d} chỉ tiêu chưa có số liệu được phê duyệt ({named(missing)}): "
                     "chưa đánh giá được, cần cập nhật số liệu trước khi ký ban hành.")
    estimated = [r.row.name for r in results if r.row.estimate and r.evaluation.actual is not None]
    if estimated:
        lines.append(f"Số liệu của {len(estimated):02d} chỉ tiêu là số ước thực hiện ({named(estimated)}), "
                     "sẽ được cập nhật khi có số liệu chính thức.")
    if not lines and results:
        lines.append("Các chỉ tiêu đều có số liệu được phê duyệt; nguyên nhân chủ quan, khách quan của những tồn "
                     "tại, hạn chế do cán bộ bổ sung.")
    elif not lines:
        lines.append(f"Kế hoạch chưa có chỉ tiêu tính cho {period.phrase}; nguyên nhân do cán bộ bổ sung.")
    return lines


def direction_lines(results: Iterable[RowResult], period: Period, next_fields: Iterable[Field]) -> list[str]:
    """Phương hướng: the next period's targets (from the next plan, or proposed, marked "đề xuất").

    For 6 and 9 months the next period finishes this year's plan: the targets not yet reached.
    """
    lines: list[str] = []
    results = list(results)
    pending = [r for r in results if r.evaluation.status not in (Status.DAT, Status.VUOT)]
    if period.kind.value in ("6-thang", "9-thang"):
        if pending:
            lines.append(f"Tập trung chỉ đạo hoàn thành các chỉ tiêu năm {period.year} chưa đạt:")
            lines += [f"{target_line(r.row)}{_remaining(r)}." for r in pending]
        else:
            lines.append(f"Duy trì kết quả đã đạt, hoàn thành toàn diện các chỉ tiêu năm {period.year}.")
        return lines
    rows = [row for f in next_fields for row in f.rows]
    if rows:
        lines.append(f"Phấn đấu thực hiện đạt và vượt các chỉ tiêu chủ yếu {period.next_phrase}:")
        lines += [f"{target_line(row)}{' (đề xuất)' if row.proposed else ''}." for row in rows]
    short = [r.row.name for r in pending if r.evaluation.status is not Status.CHUA_CO_SO_LIEU]
    if short:
        lines.append(f"Tập trung khắc phục các tồn tại, hạn chế; có giải pháp cụ thể cho các chỉ tiêu "
                     f"{period.phrase} chưa đạt: {'; '.join(short)}.")
    if not lines:
        lines.append(f"Tiếp tục duy trì, phát huy kết quả đã đạt được {period.phrase}.")
    return lines


def key_task_lines(tasks) -> list[str]:
    """Kết quả thực hiện nhiệm vụ trọng tâm: each task with its result ("chưa có kết quả" when none)."""
    lines = []
    for t in tasks:
        content = t.content.strip().rstrip(".;")
        result = t.result.strip().rstrip(".;")
        lines.append(f"{content}: {result}." if result else f"{content}: chưa có kết quả báo cáo.")
    return lines


def change_text(row: Row) -> str:
    """The next year's target against this year's result, for the plan's table: "+1,12%", "−3,00%".

    Only where both are one figure: ``row.plan`` (the target's figure, given by the adapter
    from the stored parse) and ``row.actual``.

    >>> change_text(Row("Tổng sản lượng lương thực", "tấn", plan=Decimal("6000"), actual=Decimal("5933.3")))
    '+1,12%'
    """
    if not isinstance(row.actual, Decimal) or row.actual <= 0 or row.plan is None:
        return ""
    change = _percent(growth_rate(row.plan, row.actual))
    sign = "+" if change > 0 else ("\u2212" if change < 0 else "")
    return f"{sign}{format_number(abs(change), PERCENT_DECIMALS)}%"


def plan_assessment(results: list[RowResult], period: Period) -> list[str]:
    """The next year's plan opens with this year in brief: the count, then what fell short, by name."""
    if not results:
        return [f"Kế hoạch chưa có chỉ tiêu nào tính cho {period.phrase}."]
    lines = [summary(results, period)]
    short = [r.row.name for r in results if r.evaluation.status in (Status.KHONG_DAT, Status.CO_BAN_DAT)]
    if short:
        lines.append(f"Các chỉ tiêu chưa đạt kế hoạch: {'; '.join(short)}.")
    return lines


def objective_lines(data, results: list[RowResult]) -> list[str]:
    """Mục tiêu tổng quát: the plan's or the commune's own words; else one sentence from the figures."""
    plan = data.next_plan
    own = (plan.general_objective if plan is not None else "") or data.objective
    if own:
        return [line.strip() for line in own.splitlines() if line.strip()]
    year = plan.year if plan is not None else data.period.year + 1
    count = sum(len(f.rows) for f in plan.fields) if plan is not None else 0
    short = [r.row.name for r in results if r.evaluation.status in (Status.KHONG_DAT, Status.CO_BAN_DAT)]
    sentence = (f"Phấn đấu hoàn thành {count:02d} chỉ tiêu chủ yếu năm {year}; giữ vững kết quả các chỉ tiêu "
                f"đã đạt năm {data.period.year}")
    if short:
        sentence += f", tập trung khắc phục các chỉ tiêu chưa đạt ({'; '.join(short)})"
    return [sentence + "; giữ vững quốc phòng, an ninh, trật tự an toàn xã hội."]


def task_lines(plan) -> list[str]:
    """Nhiệm vụ, giải pháp: by field ("Lĩnh vực kinh tế:" then its tasks), else one list."""
    if plan is None:
        return []
    if plan.task_groups:
        out = []
        for group in plan.task_groups:
            out.append(f"{group.field}:")
            out += [f"- {t}" for t in group.tasks]
        return out
    return [f"- {t}" for t in plan.tasks]


def opening_line(data, kind: str) -> str:
    """The opening sentence: "Thực hiện Nghị quyết số 08/NQ-HĐND ngày 26/12/2022, UBND phường … báo cáo …"."""
    who, p = data.issuer.short_name, data.period
    if kind == "ke-hoach" and data.next_plan is not None:
        default = f"{who} xây dựng kế hoạch phát triển kinh tế - xã hội năm {data.next_plan.year} như sau:"
    else:
        default = f"{who} báo cáo kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội {p.phrase} như sau:"
    return f"{data.basis.rstrip('. ')}, {default}" if data.basis else default


def figure_previews(data) -> dict[str, list[str]]:
    """The generated sentences of the parts of figures (printed after the officer's words), to show beside them."""
    assessed = assess_fields(data.fields)
    results = [r for _, rs in assessed for r in rs]
    out = {SECTION_RESULTS: [summary(results, data.period)] if results else []}
    for f, rows in assessed:
        out[field_section(f.code)] = [row_sentence(r, data.period) for r in rows]
    return out


def generated_sections(data) -> dict[str, list[str]]:
    """What the generator writes for each prose section, one paragraph a line: the officer's
    narrative form is prefilled with it, and an officer's own text replaces it in the document."""

    results = [r for _, rs in assess_fields(data.fields) for r in rs]
    a, p = data.assessment, data.period
    next_fields = data.next_plan.fields if data.next_plan is not None else ()
    return {
        SECTION_OPENING: [opening_line(data, "bao-cao")],
        SECTION_KEY_TASKS: key_task_lines(data.key_tasks),
        SECTION_STRENGTHS: list(a.strengths) or strengths(results, p),
        SECTION_LIMITATIONS: list(a.limitations) or limitations(results, p),
        SECTION_CAUSES: list(a.causes) or causes(results, p),
        SECTION_DIRECTIONS: list(data.directions) or direction_lines(results, p, next_fields),
        SECTION_OBJECTIVE: objective_lines(data, results),
        SECTION_TASKS: task_lines(data.next_plan),
        SECTION_PLAN_ASSESSMENT: plan_assessment(results, p),
    }
