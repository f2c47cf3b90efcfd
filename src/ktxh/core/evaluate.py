"""Evaluation: how an actual stands against its target, and the summary of many.

One rule for every kind of target. A target asks for a value (or, for ``change``,
an improvement) inside an interval; inside is *đạt*, beyond the good end is *vượt*,
short of it is *cơ bản đạt* when at least ``threshold`` % of plan (90 by default)
and *không đạt* otherwise. Lower-is-better indicators are judged the other way round.

% of plan is computed as the seeds do: actual / plan × 100, and plan / actual × 100
when lower is better (6.031/5.926 tấn → 101,77%).

>>> from ktxh.core.targets import parse_target
>>> e = evaluate(parse_target("Tỷ lệ người tham gia bảo hiểm y tế: > 99%"), "99,3%")
>>> e.status.value, e.percent_of_plan
('dat', Decimal('100.30'))
>>> evaluate(parse_target("Tiểu học dưới 01%"), "1,05").status.label
'cơ bản đạt'
>>> evaluate(parse_target("Số lượng cây lâm nghiệp phân tán: 4.500 cây"), "11.800").status.value
'vuot'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from .errors import EvaluationError, NumberError
from .model import Direction, Evaluation, Status, Target, TargetKind
from .numbers import format_number, parse_number, quantize
from .rules import PERCENT_DECIMALS, QUALITATIVE_NO, QUALITATIVE_YES, THRESHOLD_CO_BAN_DAT

DEFAULT_THRESHOLD = THRESHOLD_CO_BAN_DAT
_HUNDRED = Decimal(100)
_LARGEST = Decimal(10) ** 24  # beyond any budget in đồng; larger means a typing slip

Actual = Decimal | int | float | str | bool | None


def _to_decimal(value: Actual, what: str, unit: str | None = None) -> Decimal | None:
    """A finite Decimal from ``value``; errors name ``what`` (kết quả, số liệu kỳ gốc, …)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise EvaluationError(f"{what} phải là số, không phải \u201c{value}\u201d.", field=what, value=str(value))
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | float):
        result = Decimal(str(value))
    else:
        try:
            result = parse_number(value, unit=unit).value
        except NumberError as exc:
            # The actual is what a person expects to be asked about; other figures say which they are.
            message = exc.message if what == "kết quả" else f"{what.capitalize()}: {exc.message}"
            raise EvaluationError(message, field=what, value=str(value)) from exc
    if not result.is_finite() or abs(result) > _LARGEST:
        raise EvaluationError(f"{what.capitalize()} phải là một số hữu hạn, không quá 10^24, không phải \u201c{value}\u201d.", field=what, value=str(value))
    return result


def _percent(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    if denominator == 0:
        return None
    # Two places, as the seeds state it ("102,37%"); show it with 2 decimals to round only once.
    return quantize(numerator / denominator * _HUNDRED, PERCENT_DECIMALS)


def _interval(target: Target) -> tuple[Decimal | None, Decimal | None]:
    low, high = target.low, target.high
    if target.kind is TargetKind.EXACT:
        return low, low
    return low, high


def _plan_figure(low: Decimal | None, high: Decimal | None, down: bool) -> Decimal | None:
    """The plan figure: the end to reach (``low``, or ``high`` when lower is better), else the other end."""
    if down:
        return high if high is not None else low
    return low if low is not None else high


def _short_status(pct: Decimal | None, threshold: Decimal) -> Status:
    """Short of plan: *cơ bản đạt* at ``threshold`` % of plan or more, *không đạt* below."""
    return Status.CO_BAN_DAT if pct is not None and pct >= threshold else Status.KHONG_DAT


def _classify(
    value: Decimal, low: Decimal | None, high: Decimal | None, target: Target, threshold: Decimal, down: bool
) -> tuple[Status, Decimal | None]:
    """Status and % of plan of ``value`` against [low, high] (None = unbounded)."""
    if down:
        return _classify_lower_better(value, low, high, target, threshold)
    return _classify_higher_better(value, low, high, target, threshold)


def _classify_lower_better(
    value: Decimal, low: Decimal | None, high: Decimal | None, target: Target, threshold: Decimal
) -> tuple[Status, Decimal | None]:
    """Lower is better: the good end is ``low``, the plan figure is ``high``."""
    plan = _plan_figure(low, high, down=True)
    pct = _percent(plan, value) if plan is not None and value > 0 else None
    above = high is not None and (value > high or (target.high_strict and value == high))
    if above:
        return _short_status(pct, threshold), pct
    if low is not None and value < low and target.kind is not TargetKind.MAX:
        return Status.VUOT, pct
    return Status.DAT, pct


def _classify_higher_better(
    value: Decimal, low: Decimal | None, high: Decimal | None, target: Target, threshold: Decimal
) -> tuple[Status, Decimal | None]:
    """Higher is better: the good end is ``high``, the plan figure is ``low``."""
    plan = _plan_figure(low, high, down=False)
    pct = _percent(value, plan) if plan is not None else None
    below = low is not None and (value < low or (target.low_strict and value == low))
    if below:
        return _short_status(pct, threshold), pct
    if high is not None and value > high and target.kind is not TargetKind.MIN:
        return Status.VUOT, pct
    return Status.DAT, pct


def _checked_threshold(threshold: Decimal | int) -> Decimal:
    """The *cơ bản đạt* threshold as a Decimal in (0, 100], or a Vietnamese error naming it."""
    threshold = Decimal(threshold)
    if threshold.is_nan() or not Decimal(0) < threshold <= _HUNDRED:
        raise EvaluationError(
            f"Ngưỡng \u201ccơ bản đạt\u201d phải lớn hơn 0 và không quá 100 (% kế hoạch), không phải {threshold}.", field="ngưỡng", value=str(threshold)
        )
    return threshold


def evaluate(
    target: Target,
    actual: Actual,
    *,
    base: Actual = None,
    assigned: Actual = None,
    threshold: Decimal | int = DEFAULT_THRESHOLD,
) -> Evaluation:
    """Evaluate ``actual`` against ``target``.

    ``base`` is the value a ``change`` target is measured from (last year's figure);
    without it the actual is taken to be the change itself (a reported growth rate,
    "giảm 17 hộ"). ``assigned`` is the upper level's figure for ``assigned`` targets.

    >>> from ktxh.core.targets import parse_target
    >>> t = parse_target("Tỷ lệ hộ nghèo giảm so với năm 2021: Từ 0,7 - 0,9%")
    >>> evaluate(t, "1,92", base="2,13").status.label   # fell 0,21 points of the 0,7 wanted
    'không đạt'
    >>> evaluate(parse_target("Giao quân đạt chỉ tiêu thị xã giao."), 6, assigned=5).status.label
    'vượt'
    >>> evaluate(parse_target("Tổng thu ngân sách: đạt và vượt chỉ tiêu giao từ 5-10%"),
    ...          "3.182.308.468", assigned="1.839.000.000").percent_of_plan
    Decimal('173.05')
    """
    threshold = _checked_threshold(threshold)
    down = target.direction is Direction.DOWN
    if target.kind is TargetKind.QUALITATIVE:
        return _evaluate_qualitative(target, actual)
    value = _to_decimal(actual, "kết quả", target.unit)
    if value is None:
        return Evaluation(target, None, Status.CHUA_CO_SO_LIEU)
    if target.kind is TargetKind.ASSIGNED:
        return _evaluate_assigned(target, value, _to_decimal(assigned, "chỉ tiêu giao", target.unit), threshold, down)
    if target.kind is TargetKind.CHANGE:
        return _evaluate_change(target, value, _to_decimal(base, "số liệu kỳ gốc", target.unit), threshold, down)
    low, high = _interval(target)
    status, pct = _classify(value, low, high, target, threshold, down)
    return Evaluation(target, value, status, pct, value, _plan_figure(low, high, down))


def _evaluate_qualitative(target: Target, actual: Actual) -> Evaluation:
    """A qualitative target: the actual is a word, *đạt* or *không đạt* (or a bool)."""
    if actual is None or actual == "":
        return Evaluation(target, None, Status.CHUA_CO_SO_LIEU)
    word = str(actual).strip().casefold() if not isinstance(actual, bool) else ("đạt" if actual else "không đạt")
    if word in QUALITATIVE_YES:
        return Evaluation(target, None, Status.DAT, note=str(actual))
    if word in QUALITATIVE_NO:
        return Evaluation(target, None, Status.KHONG_DAT, note=str(actual))
    raise EvaluationError(
        f"Chỉ tiêu định tính chỉ nhận \u201cđạt\u201d hoặc \u201ckhông đạt\u201d, không phải \u201c{actual}\u201d.",
        field="kết quả",
        value=str(actual),
    )


def _evaluate_assigned(
    target: Target, value: Decimal, given: Decimal | None, threshold: Decimal, down: bool
) -> Evaluation:
    """An assigned target: judged against the upper level's figure ``given``, % of plan against it too."""
    if given is None:
        return Evaluation(target, value, Status.CHUA_CO_SO_LIEU, note="Chưa có số chỉ tiêu cấp trên giao.")
    pct_given = _percent(value, given) if not down else (_percent(given, value) if value else None)
    low = given * (1 + (target.low or 0) / _HUNDRED) if target.low is not None else None
    # "Đạt chỉ tiêu giao" names one figure: above it is vượt, as the seeds count "vượt 100%".
    high = given * (1 + target.high / _HUNDRED) if target.high is not None else low
    if down:
        low, high = None, given
    status, _ = _classify(value, low, high, target, threshold, down)
    if status is Status.KHONG_DAT or status is Status.CO_BAN_DAT:
        # Short of the wanted level: judged, like the % shown, against the assigned figure.
        status = _short_status(pct_given, threshold)
    return Evaluation(target, value, status, pct_given, value, given)


def _evaluate_change(
    target: Target, value: Decimal, base_value: Decimal | None, threshold: Decimal, down: bool
) -> Evaluation:
    """A change target: judged by the size of the change in the good direction.

    Without a base the actual is the change itself ("giảm 17 hộ": 17 of 14 wanted is
    121,43%). With a base the % of plan compares levels, as a planner does: grown 9%
    where 10% was planned is 109 / 110 = 99,09% of plan.
    """
    low, high = _interval(target)
    if base_value is None:
        status, pct = _classify(value, low, high, target, threshold, down=False)
        return Evaluation(target, value, status, pct, value, low)
    improvement = (base_value - value) if down else (value - base_value)
    if target.change_mode == "percent":
        if base_value == 0:
            raise EvaluationError(
                "Không tính được tốc độ tăng khi số liệu kỳ gốc bằng 0.", field="số liệu kỳ gốc", value="0"
            )
        compared = improvement / base_value * _HUNDRED
        planned = base_value * (1 + (low or Decimal(0)) / _HUNDRED * (-1 if down else 1))
    else:
        compared = improvement
        planned = base_value + (-(low or 0) if down else (low or 0))
    if down:
        pct = _percent(planned, value) if value > 0 else None
    else:
        pct = _percent(value, planned) if planned > 0 else None
    status, _ = _classify(compared, low, high, target, threshold, down=False)
    if status in (Status.CO_BAN_DAT, Status.KHONG_DAT):
        status = _short_status(pct, threshold)
    way = "ngược chiều mong muốn" if improvement < 0 else ("giảm" if down else "tăng")
    note = f"So với kỳ gốc ({format_number(base_value)}): {way} {format_number(abs(quantize(compared, 2)))}"
    note += "%" if target.change_mode == "percent" else (" điểm" if target.unit == "%" else "")
    return Evaluation(target, value, status, pct, quantize(compared, 4), planned, note, base_value)


def summarize(evaluations: Iterable[Evaluation]) -> dict[Status, int]:
    """Counts by status, every status present (zero where none)."""
    counts = Counter(e.status for e in evaluations)
    return {s: counts.get(s, 0) for s in Status}


def _n(count: int) -> str:
    return f"{count:02d}"


def summary_sentence(evaluations: Iterable[Evaluation], *, scope: str = "", threshold: int = 90) -> str:
    """The seeds' summary sentence, counts zero-padded as they write them.

    >>> from ktxh.core.model import Status
    >>> from ktxh.core.targets import parse_target
    >>> t = parse_target("Tỷ lệ thu gom rác: 100%")
    >>> evs = [Evaluation(t, None, s) for s in [Status.VUOT] * 6 + [Status.DAT] * 14 + [Status.CO_BAN_DAT, Status.KHONG_DAT]]
    >>> summary_sentence(evs, scope="kinh tế - xã hội năm 2023")
    'Kết quả thực hiện 22 chỉ tiêu kinh tế - xã hội năm 2023: có 06 chỉ tiêu vượt, 14 chỉ tiêu đạt, 01 chỉ tiêu cơ bản đạt (đạt từ 90% kế hoạch trở lên), 01 chỉ tiêu không đạt.'
    """
    evaluations = list(evaluations)
    if not evaluations:
        return "Chưa có chỉ tiêu nào để đánh giá" + (f" {scope}" if scope else "") + "."
    counts = summarize(evaluations)
    total = len(evaluations)
    pieces = []
    if counts[Status.VUOT]:
        pieces.append(f"{_n(counts[Status.VUOT])} chỉ tiêu vượt")
    if counts[Status.DAT]:
        pieces.append(f"{_n(counts[Status.DAT])} chỉ tiêu đạt")
    if counts[Status.CO_BAN_DAT]:
        pieces.append(f"{_n(counts[Status.CO_BAN_DAT])} chỉ tiêu cơ bản đạt (đạt từ {threshold}% kế hoạch trở lên)")
    if counts[Status.KHONG_DAT]:
        pieces.append(f"{_n(counts[Status.KHONG_DAT])} chỉ tiêu không đạt")
    if counts[Status.CHUA_CO_SO_LIEU]:
        pieces.append(f"{_n(counts[Status.CHUA_CO_SO_LIEU])} chỉ tiêu chưa có số liệu")
    head = f"Kết quả thực hiện {_n(total) if total < 10 else total} chỉ tiêu" + (f" {scope}" if scope else "")
    return f"{head}: có " + ", ".join(pieces) + "."
