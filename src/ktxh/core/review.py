"""Mid-term and term reviews: how far each term target has come and whether it can still be met.

Modelled on ESCAP's SDG progress assessment, scaled down to a commune's five-year term:

* **progress** (ESCAP's current status index): the share of the way from the base-year
  value to the goal covered by the latest value, in percent;
* **pace achieved**: compound average growth in %/năm for growth targets ("tăng bình
  quân 15-16%/năm"), average yearly change in the indicator's unit for the rest;
* **pace needed** for the years left ("Để đạt chỉ tiêu Nghị quyết, 2 năm còn lại cần tăng
  bình quân 12,3%/năm");
* **anticipated value** at the deadline (ESCAP's anticipated progress index) from a
  time-weighted least-squares line through the base value and the actuals, on the
  logarithm of the values for growth targets (compound growth), on the values
  themselves otherwise, and on the yearly amounts for cumulative targets.

Weights: a point in year t weighs ``t − t_first + 1`` (the earliest point 1, each later
year one more), so the latest years pull the line hardest, as ESCAP's weighting does.
With two points the line simply joins them.

Classes (:class:`Outlook`): *đã đạt* (the goal is met already: for a growth target,
the value the goal rate compounds to by the deadline is reached), *có khả năng đạt*
(the anticipated value meets the goal), *không thể đạt* (the deadline has passed; or,
for a cumulative target, the yearly amount still needed exceeds every year seen and
every year the trend projects, with at least two years seen), *khó đạt* (the rest). Lower-is-better targets are judged the
other way round. The record rule is kept to cumulative totals: for a level or a growth
rate, needing a little more than the best year so far is hard, not impossible.

>>> from decimal import Decimal as D
>>> from ktxh.core.model import Direction, Target, TargetKind
>>> income = Target("Thu nhập bình quân đầu người đến 2025 đạt 85 triệu đồng/người/năm",
...                 TargetKind.EXACT, low=D(85), high=D(85), unit="triệu đồng/người/năm", year=2025)
>>> r = review_target(income, TermSeries(2020, D(55), {2021: D(60), 2022: D(66)}, 2025))
>>> r.progress, r.pace, r.pace_needed, r.outlook.label
(Decimal('36.66666666666666666666666667'), Decimal('5.5'), Decimal('6.333333333333333333333333333'), 'khó đạt')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, localcontext
from enum import StrEnum
from typing import Any

from .errors import EvaluationError
from .growth import average_growth, compound
from .model import Direction, Target, TargetKind, to_jsonable
from .numbers import format_number, own_decimals, quantize
from .rules import IMPLAUSIBLE_GROWTH, MIN_FORECAST_POINTS

HUNDRED = Decimal(100)


class TermKind(StrEnum):
    GROWTH = "growth"  # "Tốc độ tăng trưởng … bình quân 15-16%/năm": compound average growth
    LEVEL = "level"  # "Thu nhập bình quân đầu người đến 2025 đạt 85 triệu đồng"
    SHARE = "share"  # "tỷ trọng ngành TM-DV chiếm 63%"
    REDUCTION = "reduction"  # "không còn hộ nghèo", "Tỷ lệ trẻ em suy dinh dưỡng còn 4,5%"
    CUMULATIVE = "cumulative"  # a total summed over the term's years
    QUALITATIVE = "qualitative"  # listed, not scored

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    TermKind.GROWTH: "tăng bình quân",
    TermKind.LEVEL: "mức cuối kỳ",
    TermKind.SHARE: "tỷ trọng",
    TermKind.REDUCTION: "giảm",
    TermKind.CUMULATIVE: "tổng cả kỳ",
    TermKind.QUALITATIVE: "định tính",
}


class Outlook(StrEnum):
    DA_DAT = "da_dat"
    CO_KHA_NANG_DAT = "co_kha_nang_dat"
    KHO_DAT = "kho_dat"
    KHONG_THE_DAT = "khong_the_dat"
    CHUA_DANH_GIA = "chua_danh_gia"  # qualitative, or too few figures

    @property
    def label(self) -> str:
        return OUTLOOK_LABELS[self]


OUTLOOK_LABELS = {
    Outlook.DA_DAT: "đã đạt",
    Outlook.CO_KHA_NANG_DAT: "có khả năng đạt",
    Outlook.KHO_DAT: "khó đạt",
    Outlook.KHONG_THE_DAT: "không thể đạt",
    Outlook.CHUA_DANH_GIA: "chưa đánh giá",
}


@dataclass(frozen=True)
class TermSeries:
    """A term target's figures: the base-year value, the yearly actuals so far, the deadline.

    ``values`` maps a year to its actual (for a cumulative target: that year's amount).
    ``kind`` overrides the kind inferred from the target's text, ``direction`` its
    direction and ``unit`` its unit (the series of "không còn hộ nghèo" is a rate, in %). ``base_value`` may be None when the report does not give it: the
    earliest actual then serves as the base, and the review says so.
    """

    base_year: int
    base_value: Decimal | None
    values: Mapping[int, Decimal]
    deadline: int
    kind: TermKind | None = None
    direction: Direction | None = None
    unit: str | None = None

    def __post_init__(self) -> None:
        if self.deadline <= self.base_year:
            raise EvaluationError(
                f"Năm cuối nhiệm kỳ ({self.deadline}) phải sau năm gốc ({self.base_year}).",
                field="năm cuối nhiệm kỳ", value=str(self.deadline),
            )
        for year in self.values:
            if not self.base_year <= year <= self.deadline:
                raise EvaluationError(
                    f"Số liệu năm {year} nằm ngoài kỳ đánh giá {self.base_year}–{self.deadline}.",
                    field="năm", value=str(year),
                )
        object.__setattr__(self, "values", dict(sorted(self.values.items())))


@dataclass(frozen=True)
class Trend:
    """A weighted least-squares line y = intercept + slope × year (on ln y when ``log``)."""

    slope: Decimal
    intercept: Decimal
    log: bool = False

    def at(self, year: int | Decimal) -> Decimal:
        y = self.intercept + self.slope * Decimal(year)
        if self.log:
            with localcontext() as ctx:
                ctx.prec = 34
                y = y.exp()
        # 20 significant digits: far beyond any figure, and free of the last-digit noise.
        with localcontext() as ctx:
            ctx.prec = 20
            return +y


def time_weights(years: Sequence[int]) -> list[Decimal]:
    """The weight of each year: ``year − first year + 1``.

    >>> time_weights([2020, 2021, 2023])
    [Decimal('1'), Decimal('2'), Decimal('4')]
    """
    first = min(years)
    return [Decimal(y - first + 1) for y in years]


def weighted_trend(points: Sequence[tuple[int, Decimal]], *, log: bool = False) -> Trend:
    """Fit y = a + b·t by least squares with :func:`time_weights` (on ln y when ``log``).

    b = Σw(t − t̄)(y − ȳ) / Σw(t − t̄)², a = ȳ − b·t̄, with t̄ and ȳ the weighted means.

    >>> t = weighted_trend([(2020, Decimal(10)), (2021, Decimal(12)), (2022, Decimal(13))])
    >>> quantize(t.slope, 4), quantize(t.at(2025), 4)
    (Decimal('1.4000'), Decimal('17.3000'))
    """
    if len({t for t, _ in points}) < 2:
        raise EvaluationError(
            "Cần số liệu của ít nhất hai năm để ước xu hướng.", field="số liệu", value=str(len(points))
        )
    ts = [t for t, _ in points]
    ys = [v for _, v in points]
    if log:
        if any(v <= 0 for v in ys):
            raise EvaluationError(
                "Có số liệu bằng 0 hoặc âm: không ước được xu hướng tăng bình quân.", field="số liệu", value="0"
            )
        with localcontext() as ctx:
            ctx.prec = 34
            ys = [+v.ln() for v in ys]
    ws = time_weights(ts)
    total = sum(ws, Decimal(0))
    t_bar = sum((w * t for w, t in zip(ws, ts, strict=True)), Decimal(0)) / total
    y_bar = sum((w * y for w, y in zip(ws, ys, strict=True)), Decimal(0)) / total
    sxx = sum((w * (t - t_bar) ** 2 for w, t in zip(ws, ts, strict=True)), Decimal(0))
    sxy = sum((w * (t - t_bar) * (y - y_bar) for w, t, y in zip(ws, ts, ys, strict=True)), Decimal(0))
    slope = sxy / sxx
    return Trend(slope, y_bar - slope * t_bar, log)


@dataclass(frozen=True)
class Review:
    """One term target reviewed.

    ``goal`` is the value to reach by ``deadline`` (for a growth target, the base value
    compounded at ``goal_rate``; for a cumulative target, the term total). ``pace`` and
    ``pace_needed`` are in %/năm for growth targets and in the indicator's unit per
    year otherwise. ``anticipated`` is the value expected at the deadline (the total,
    for cumulative targets) and ``anticipated_rate`` the average growth it implies.
    """

    target: Target
    kind: TermKind
    direction: Direction
    outlook: Outlook
    unit: str | None = None
    base_year: int | None = None
    base_value: Decimal | None = None
    latest_year: int | None = None
    latest_value: Decimal | None = None
    deadline: int | None = None
    goal: Decimal | None = None
    goal_rate: Decimal | None = None
    achieved: Decimal | None = None  # the cumulative total so far; the latest value otherwise
    progress: Decimal | None = None
    pace: Decimal | None = None
    pace_needed: Decimal | None = None
    anticipated: Decimal | None = None
    anticipated_rate: Decimal | None = None
    best_year: Decimal | None = None
    sentence: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def years_left(self) -> int | None:
        if self.deadline is None or self.latest_year is None:
            return None
        return self.deadline - self.latest_year

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(
            {
                "target": self.target.text,
                "kind": self.kind,
                "direction": self.direction,
                "unit": self.unit,
                "base_year": self.base_year,
                "base_value": self.base_value,
                "latest_year": self.latest_year,
                "latest_value": self.latest_value,
                "achieved": self.achieved,
                "deadline": self.deadline,
                "goal": self.goal,
                "goal_rate": self.goal_rate,
                "progress": self.progress,
                "pace": self.pace,
                "pace_needed": self.pace_needed,
                "anticipated": self.anticipated,
                "anticipated_rate": self.anticipated_rate,
                "outlook": self.outlook,
                "outlook_label": self.outlook.label,
                "sentence": self.sentence,
                "notes": list(self.notes),
            }
        )


_SHARE_WORDS = re.compile(r"\btỷ\s+trọng\b|\btỉ\s+trọng\b|\bchiếm\b|\bcơ\s+cấu\b", re.IGNORECASE)
_CUMULATIVE_WORDS = re.compile(
    r"lũy\s+kế|luỹ\s+kế|cộng\s+dồn|cả\s+(?:giai\s+đoạn|nhiệm\s+kỳ)|trong\s+(?:0?5|năm)\s+năm"
    r"|giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4}|nhiệm\s+kỳ\s+\d{4}\s*[-–]\s*\d{4}",
    re.IGNORECASE,
)


def infer_kind(target: Target) -> TermKind:
    """The kind of term target, from the parsed target and its words.

    >>> from ktxh.core.model import TargetKind as K
    >>> infer_kind(Target("Tốc độ tăng trưởng … bình quân 15-16%/ năm", K.CHANGE, low=Decimal(15),
    ...                   high=Decimal(16), unit="%", per_year=True, change_mode="percent")).value
    'growth'
    """
    if target.kind in (TargetKind.QUALITATIVE, TargetKind.ASSIGNED):
        return TermKind.QUALITATIVE
    if target.kind is TargetKind.CHANGE and target.change_mode == "percent" and target.per_year:
        return TermKind.GROWTH
    text = target.text
    if _CUMULATIVE_WORDS.search(text) and target.kind is not TargetKind.CHANGE:
        return TermKind.CUMULATIVE
    if _SHARE_WORDS.search(text) and target.unit == "%" and target.kind is not TargetKind.CHANGE:
        return TermKind.SHARE
    if target.direction is Direction.DOWN:
        return TermKind.REDUCTION
    return TermKind.LEVEL


def _met(value: Decimal, goal: Decimal, direction: Direction, strict: bool = False) -> bool:
    if direction is Direction.DOWN:
        return value < goal if strict else value <= goal
    return value > goal if strict else value >= goal


def _unit_per_year(unit: str | None) -> str:
    if unit in ("%", "‰"):
        return f"điểm {unit}/năm"
    if unit and unit.replace(" ", "").endswith("/năm"):
        return unit  # "triệu đồng/người/năm": already a yearly figure
    return f"{unit}/năm" if unit else "/năm"


def _goal_value(target: Target, direction: Direction) -> Decimal | None:
    if direction is Direction.DOWN:
        return target.high if target.high is not None else target.low
    return target.low if target.low is not None else target.high


def _qualitative(target: Target, kind: TermKind, direction: Direction, why: str) -> Review:
    return Review(target, kind, direction, Outlook.CHUA_DANH_GIA, unit=target.unit, notes=(why,))


def review_target(target: Target, series: TermSeries | None) -> Review:
    """Review one term target against its series.

    Thin or odd data (no base, one figure, a zero base for a growth target) gives a review
    whose ``notes`` say what is missing, with outlook *chưa đánh giá*. Figures that cannot
    be computed at all (a fall of 100% or more) raise EvaluationError; :func:`review_all`
    turns those into a note too.
    """
    direction = series.direction if series and series.direction else target.direction
    kind = series.kind if series and series.kind else infer_kind(target)
    if kind is TermKind.QUALITATIVE:
        why = (
            "Chỉ tiêu so với mức cấp trên giao hằng năm: đánh giá theo từng năm, không chấm theo nhiệm kỳ."
            if target.kind is TargetKind.ASSIGNED
            else "Chỉ tiêu định tính: liệt kê, không chấm điểm."
        )
        return _qualitative(target, kind, direction, why)
    if series is None:
        return _qualitative(target, kind, direction, "Chưa có số liệu của chỉ tiêu này.")
    # A growth target's own unit is "%"; its series is in the indicator's unit, if given.
    unit = series.unit or (None if kind is TermKind.GROWTH else target.unit)
    if kind is TermKind.CUMULATIVE:
        result = _review_cumulative(target, series, direction, unit)
    else:
        result = _review_level(target, series, kind, direction, unit)
    return replace(result, unit=unit)


def _missing_years(years: Iterable[int], first: int, last: int) -> list[int]:
    have = set(years)
    return [y for y in range(first + 1, last) if y not in have]


def _review_level(target: Target, s: TermSeries, kind: TermKind, direction: Direction, unit: str | None) -> Review:
    """A level, share, reduction or growth target: from the base value to the goal at the deadline."""
    notes: list[str] = []
    start = _level_points(s, notes)
    if start is None:
        return _qualitative(target, kind, direction, "Chưa có số liệu của chỉ tiêu này.")
    base_year, base, points = start
    latest_year, latest = points[-1]
    missing = _missing_years([y for y, _ in points], base_year, latest_year)
    if missing:
        notes.append("Thiếu số liệu năm " + ", ".join(str(y) for y in missing) + ".")
    term_years = s.deadline - base_year
    elapsed = latest_year - base_year
    left = s.deadline - latest_year
    common = dict(
        base_year=base_year, base_value=base, latest_year=latest_year, latest_value=latest,
        achieved=latest, deadline=s.deadline,
    )

    amount = _goal_value(target, direction)
    if amount is None:
        return _qualitative(target, kind, direction, "Chỉ tiêu không nêu con số để so sánh.")
    goal, goal_rate, strict = _level_goal(target, kind, direction, base, amount, term_years)
    if goal is None:
        notes.append("Giá trị năm gốc bằng 0 hoặc âm: không tính được tăng bình quân so với năm gốc.")
        return Review(target, kind, direction, Outlook.CHUA_DANH_GIA, goal_rate=goal_rate,
                      notes=tuple(notes), **common)

    growth = kind is TermKind.GROWTH
    progress = _level_progress(base, latest, goal, direction, strict, elapsed, notes)
    pace, best = _level_paces(points, base, latest, elapsed, growth, direction)
    met = _met(latest, goal, direction, strict)
    pace_needed = _level_pace_needed(latest, goal, left, growth) if left > 0 and not met else None
    notes.extend(implausible_pace(pace, growth))
    anticipated, anticipated_rate = _level_anticipated(points, s.deadline, base, term_years, growth, left, notes)

    outlook = _outlook(met, left, anticipated, goal, direction, strict, pace_needed, best, len(points) - 1)
    if outlook is Outlook.CHUA_DANH_GIA and not any("để ước giá trị cuối kỳ" in n for n in notes):
        notes.append("Chưa đủ số liệu để đánh giá khả năng đạt.")
    sentence = _needed_sentence(kind, unit, left, pace_needed, outlook)
    return Review(
        target, kind, direction, outlook, goal=goal, goal_rate=goal_rate, progress=progress, pace=pace,
        pace_needed=pace_needed, anticipated=anticipated, anticipated_rate=anticipated_rate, best_year=best,
        sentence=sentence, notes=tuple(notes), **common,
    )


def _level_points(s: TermSeries, notes: list[str]) -> tuple[int, Decimal, list[tuple[int, Decimal]]] | None:
    """The base year, the base value and the points from the base on; None without any figure.

    Without a base value (given, or among the actuals) the earliest actual serves as the
    base, and ``notes`` says so.
    """
    points = list(s.values.items())
    base_year, base = s.base_year, s.base_value
    if base is None and base_year in s.values:
        base = s.values[base_year]
    if base is None:
        if not points:
            return None
        base_year, base = points[0]
        notes.append(f"Không có giá trị năm gốc {s.base_year}: lấy năm {base_year} làm gốc.")
    else:
        points = [(base_year, base)] + [(y, v) for y, v in points if y != base_year]
    return base_year, base, points


def _level_goal(
    target: Target, kind: TermKind, direction: Direction, base: Decimal, amount: Decimal, term_years: int
) -> tuple[Decimal | None, Decimal | None, bool]:
    """The goal as a level at the deadline, the goal rate (growth targets) and whether the goal is strict.

    The goal is None for a growth target whose base value is 0 or negative: no rate compounds from it.
    """
    strict = bool(target.low_strict if direction is Direction.UP else target.high_strict)
    sign = -1 if direction is Direction.DOWN else 1
    if kind is TermKind.GROWTH:
        goal_rate = sign * (target.low if target.low is not None else amount)
        if base <= 0:
            return None, goal_rate, strict
        return compound(base, goal_rate, term_years), goal_rate, False
    if target.kind is TargetKind.CHANGE and target.change_mode == "percent":
        return base * (1 + sign * amount / HUNDRED), None, strict
    if target.kind is TargetKind.CHANGE:
        return base + sign * amount * (term_years if target.per_year else 1), None, strict
    return amount, None, strict


def _level_progress(
    base: Decimal, latest: Decimal, goal: Decimal, direction: Direction, strict: bool, elapsed: int, notes: list[str]
) -> Decimal | None:
    """Progress: the share of the way from base to goal covered, in % (ESCAP's current status index)."""
    if elapsed == 0:
        return None
    if goal != base:
        return (latest - base) / (goal - base) * HUNDRED
    if _met(latest, goal, direction, strict):
        notes.append("Chỉ tiêu bằng giá trị năm gốc: chỉ cần giữ mức.")
        return HUNDRED
    notes.append("Chỉ tiêu bằng giá trị năm gốc nhưng số liệu mới nhất chưa giữ được mức.")
    return None


def _level_paces(
    points: Sequence[tuple[int, Decimal]], base: Decimal, latest: Decimal, elapsed: int, growth: bool,
    direction: Direction,
) -> tuple[Decimal | None, Decimal | None]:
    """The pace achieved since the base and the best pace between two successive figures.

    In %/năm (compound) for growth targets, in the indicator's unit per year otherwise.
    """
    if elapsed <= 0:
        return None, None
    if growth:
        pace = average_growth(base, latest, elapsed) if latest >= 0 else None
    else:
        pace = (latest - base) / elapsed
    steps = list(zip(points, points[1:], strict=False))
    if growth:
        rates = [average_growth(v0, v1, y1 - y0) for (y0, v0), (y1, v1) in steps if v0 > 0 and v1 >= 0]
    else:
        rates = [(v1 - v0) / (y1 - y0) for (y0, v0), (y1, v1) in steps]
    if not rates:
        return pace, None
    return pace, (min(rates) if direction is Direction.DOWN else max(rates))


def _level_pace_needed(latest: Decimal, goal: Decimal, left: int, growth: bool) -> Decimal | None:
    """The pace the years left need to reach the goal from the latest value."""
    if growth:
        return average_growth(latest, goal, left) if latest > 0 else None
    return (goal - latest) / left


def _level_anticipated(
    points: Sequence[tuple[int, Decimal]], deadline: int, base: Decimal, term_years: int, growth: bool, left: int,
    notes: list[str],
) -> tuple[Decimal | None, Decimal | None]:
    """The value anticipated at the deadline from the weighted trend (ESCAP's anticipated progress).

    With it, for growth targets, the average growth from the base it implies. A figure
    that cannot be computed leaves a note instead.
    """
    anticipated = anticipated_rate = None
    if len(points) >= MIN_FORECAST_POINTS:
        try:
            trend = weighted_trend(points, log=growth)
            anticipated = trend.at(deadline)
            if growth:
                anticipated_rate = average_growth(base, anticipated, term_years)
        except EvaluationError as exc:
            notes.append(exc.message)
    elif left > 0:
        notes.append(f"Mới có {len(points)} số liệu (kể cả năm gốc): cần ít nhất {MIN_FORECAST_POINTS} "
                     "số liệu để ước giá trị cuối kỳ.")
    return anticipated, anticipated_rate


def implausible_pace(pace: Decimal | None, growth: bool = True) -> list[str]:
    """A note when an average growth (%/năm) is beyond ``rules.IMPLAUSIBLE_GROWTH`` either way.

    >>> implausible_pace(Decimal("73.29"))
    ['Nhịp đã đạt 73,3%/năm là bất thường (quá 30%/năm): kiểm tra lại số liệu năm gốc và năm mới nhất.']
    >>> implausible_pace(Decimal("12.6")), implausible_pace(None), implausible_pace(Decimal(87), growth=False)
    ([], [], [])
    """
    if not growth or pace is None or abs(pace) <= IMPLAUSIBLE_GROWTH:
        return []
    return [f"Nhịp đã đạt {format_number(quantize(pace, 1))}%/năm là bất thường (quá "
            f"{format_number(IMPLAUSIBLE_GROWTH)}%/năm): kiểm tra lại số liệu năm gốc và năm mới nhất."]


def _outlook(
    met: bool, left: int, anticipated: Decimal | None, goal: Decimal, direction: Direction, strict: bool,
    pace_needed: Decimal | None, best: Decimal | None, steps: int, history: bool = False,
) -> Outlook:
    if met:
        return Outlook.DA_DAT
    if left <= 0:
        return Outlook.KHONG_THE_DAT
    if anticipated is not None and _met(anticipated, goal, direction, strict):
        return Outlook.CO_KHA_NANG_DAT
    if history and pace_needed is not None and best is not None and steps >= 2:
        beyond = pace_needed < best if direction is Direction.DOWN else pace_needed > best
        if beyond:
            return Outlook.KHONG_THE_DAT
    if anticipated is None:
        return Outlook.CHUA_DANH_GIA
    return Outlook.KHO_DAT


def _review_cumulative(target: Target, s: TermSeries, direction: Direction, unit: str | None) -> Review:
    notes: list[str] = []
    goal = _goal_value(target, direction)
    if goal is None:
        return _qualitative(target, TermKind.CUMULATIVE, direction, "Chỉ tiêu không nêu con số để so sánh.")
    # The term's years are those after the base year.
    first = s.base_year + 1
    amounts = {y: v for y, v in s.values.items() if y >= first}
    if not amounts:
        return _qualitative(target, TermKind.CUMULATIVE, direction, "Chưa có số liệu năm nào của nhiệm kỳ.")
    latest_year = max(amounts)
    missing = [y for y in range(first, latest_year) if y not in amounts]
    trend = weighted_trend(list(amounts.items())) if len(amounts) >= 2 else None
    achieved = sum(amounts.values(), Decimal(0))
    if missing:
        if trend is None:
            return Review(
                target, TermKind.CUMULATIVE, direction, Outlook.CHUA_DANH_GIA, latest_year=latest_year,
                deadline=s.deadline, goal=goal, achieved=achieved,
                notes=("Thiếu số liệu năm " + ", ".join(map(str, missing)) + ": tổng lũy kế chưa đầy đủ.",),
            )
        filled = sum((max(trend.at(y), Decimal(0)) for y in missing), Decimal(0))
        notes.append(
            "Thiếu số liệu năm " + ", ".join(map(str, missing)) + f": tạm ước {format_number(quantize(filled, 2))} "
            "theo xu hướng để cộng lũy kế."
        )
        achieved += filled
    left = s.deadline - latest_year
    elapsed = latest_year - s.base_year
    progress = achieved / goal * HUNDRED if goal != 0 else None
    pace = achieved / elapsed
    met = _met(achieved, goal, direction)
    pace_needed = (goal - achieved) / left if left > 0 and not met else None
    # The best a year can be expected to bring: the record so far, or the trend's best ahead.
    possible = list(amounts.values())
    anticipated = None
    if trend is not None:
        ahead = [max(trend.at(y), Decimal(0)) for y in range(latest_year + 1, s.deadline + 1)]
        anticipated = achieved + sum(ahead, Decimal(0))
        possible += ahead
    best = max(possible) if direction is Direction.UP else min(possible)
    if trend is None:
        notes.append("Mới có số liệu một năm: chưa ước được tổng cuối kỳ.")
    outlook = _outlook(met, left, anticipated, goal, direction, False, pace_needed, best, len(amounts), True)
    sentence = _needed_sentence(TermKind.CUMULATIVE, unit, left, pace_needed, outlook)
    return Review(
        target, TermKind.CUMULATIVE, direction, outlook, base_year=s.base_year, base_value=s.base_value,
        latest_year=latest_year, latest_value=amounts[latest_year], deadline=s.deadline, goal=goal,
        achieved=achieved, progress=progress, pace=pace, pace_needed=pace_needed, anticipated=anticipated,
        best_year=best, sentence=sentence, notes=tuple(notes),
    )


def _needed_sentence(kind: TermKind, unit: str | None, left: int, needed: Decimal | None, outlook: Outlook) -> str:
    if outlook is Outlook.DA_DAT:
        return "Đã đạt chỉ tiêu Nghị quyết."
    if left <= 0:
        return "Đã hết nhiệm kỳ, chỉ tiêu không đạt."
    if needed is None:
        return ""
    years = f"{left} năm còn lại" if left > 1 else "năm còn lại"
    if kind is TermKind.GROWTH:
        verb = "tăng" if needed >= 0 else "giảm"
        return f"Để đạt chỉ tiêu Nghị quyết, {years} cần {verb} bình quân {format_number(abs(needed), 1)}%/năm."
    if kind is TermKind.CUMULATIVE:
        amount = format_number(needed, _shown_decimals(needed))
        return f"Để đạt chỉ tiêu Nghị quyết, {years} cần đạt bình quân {amount} {unit or ''}/năm.".replace(" /", "/")
    verb = "tăng" if needed >= 0 else "giảm"
    amount = format_number(abs(needed), _shown_decimals(needed))
    per = _unit_per_year(unit)
    return f"Để đạt chỉ tiêu Nghị quyết, {years} cần {verb} bình quân {amount} {per}.".replace(" /", "/")


def _shown_decimals(value: Decimal) -> int:
    """Two decimals below 10 in size, one below 1000, none above: enough to act on."""
    size = abs(value)
    return 2 if size < 10 else 1 if size < 1000 else 0


def review_all(items: Iterable[tuple[Target, TermSeries | None]]) -> list[Review]:
    """Review every (target, series) pair; bad figures become a review with a note, not an error."""
    out = []
    for target, series in items:
        try:
            out.append(review_target(target, series))
        except EvaluationError as exc:
            kind = series.kind if series and series.kind else infer_kind(target)
            out.append(_qualitative(target, kind, target.direction, exc.message))
    return out


def summarize(reviews: Iterable[Review]) -> dict[Outlook, int]:
    """Counts by outlook, every class present (zero where none)."""
    counts = dict.fromkeys(Outlook, 0)
    for r in reviews:
        counts[r.outlook] += 1
    return counts


def summary_sentence(reviews: Sequence[Review], *, period: str = "") -> str:
    """The seeds' summary sentence, counts zero-padded to two digits.

    >>> from ktxh.core.model import TargetKind as K
    >>> q = Review(Target("Giữ vững ổn định an ninh chính trị", K.QUALITATIVE), TermKind.QUALITATIVE,
    ...            Direction.UP, Outlook.CHUA_DANH_GIA)
    >>> a = Review(Target("…", K.EXACT), TermKind.LEVEL, Direction.UP, Outlook.CO_KHA_NANG_DAT)
    >>> b = Review(Target("…", K.EXACT), TermKind.LEVEL, Direction.UP, Outlook.KHO_DAT)
    >>> summary_sentence([a, a, b, q], period="nhiệm kỳ 2021 - 2025")
    'Kết quả đánh giá 04 chỉ tiêu nhiệm kỳ 2021 - 2025: có 02 chỉ tiêu có khả năng đạt, 01 chỉ tiêu khó đạt; 01 chỉ tiêu định tính không chấm điểm.'
    """
    counts = summarize(reviews)
    qualitative = sum(1 for r in reviews if r.kind is TermKind.QUALITATIVE)
    unjudged = counts[Outlook.CHUA_DANH_GIA] - qualitative
    parts = [
        f"{counts[o]:02d} chỉ tiêu {o.label}"
        for o in (Outlook.DA_DAT, Outlook.CO_KHA_NANG_DAT, Outlook.KHO_DAT, Outlook.KHONG_THE_DAT)
        if counts[o]
    ]
    head = f"Kết quả đánh giá {len(reviews):02d} chỉ tiêu" + (f" {period}" if period else "")
    text = head + (": có " + ", ".join(parts) if parts else ": chưa có chỉ tiêu nào đánh giá được khả năng đạt")
    tail = []
    if unjudged:
        tail.append(f"{unjudged:02d} chỉ tiêu chưa đủ số liệu để đánh giá")
    if qualitative:
        tail.append(f"{qualitative:02d} chỉ tiêu định tính không chấm điểm")
    return text + ("; " + ", ".join(tail) if tail else "") + "."


# --- showing a review: one formatter for the CLI table, the documents and the pages ---------------


def _places(*values: Decimal | None, decimals: int | None = None) -> int:
    """Decimals the figures were given with, at most the indicator's display decimals (two when unknown)."""
    places = max((own_decimals(v) for v in values if v is not None), default=0)
    return min(places, 2 if decimals is None else decimals)


def _value(v: Decimal | None, places: int) -> str:
    return "" if v is None else format_number(v, places)


def _pace(v: Decimal | None, r: Review, places: int) -> str:
    if v is None:
        return ""
    if r.kind is TermKind.GROWTH:
        return f"{format_number(v, 1)}%/năm"
    shown = places if places else (0 if abs(v) >= 10 else 2)
    return f"{'+' if v > 0 else ''}{format_number(v, shown)}/năm"


def review_cells(r: Review, decimals: int | None = None) -> tuple[str, ...]:
    """Columns 3–11 of one row: ĐVT, năm gốc, mới nhất, mục tiêu, tiến độ, nhịp đã đạt, nhịp cần, ước, khả năng;
    levels with the indicator's display ``decimals`` at most (3.182,308468 triệu đồng with 0: "3.182")."""
    places = _places(r.base_value, r.latest_value, decimals=decimals)
    base = f"{_value(r.base_value, places)} ({r.base_year})" if r.base_value is not None else ""
    if r.kind is TermKind.CUMULATIVE:
        latest = f"{_value(r.achieved, places)} (lũy kế {r.latest_year})" if r.achieved is not None else ""
    else:
        latest = f"{_value(r.latest_value, places)} ({r.latest_year})" if r.latest_value is not None else ""
    if r.kind is TermKind.GROWTH and r.goal_rate is not None:
        goal = f"{format_number(r.goal_rate)}%/năm"
    elif r.goal is not None:
        goal = _value(r.goal, _places(r.goal, decimals=decimals))
    else:
        goal = r.target.text if r.kind is TermKind.QUALITATIVE else ""
    progress = "" if r.progress is None else f"{format_number(r.progress, 1)}%"
    anticipated = _value(r.anticipated, places)
    if r.anticipated_rate is not None:
        anticipated += f" ({format_number(r.anticipated_rate, 1)}%/năm)"
    return (r.unit or "", base, latest, goal, progress, _pace(r.pace, r, places), _pace(r.pace_needed, r, places),
            anticipated, r.outlook.label)


# --- next year's plan: a target proposed from the trend -----------------------------------------

MIN_TREND_POINTS = 3  # fewer years than this: no trend, the target is kept


@dataclass(frozen=True)
class Proposal:
    """Next year's target proposed for an indicator: the text to put in the draft plan, the value
    it reads as (None when this year's text is kept) and the note saying where it comes from."""

    text: str
    value: Decimal | None
    note: str

    @property
    def from_trend(self) -> bool:
        return self.value is not None


def _proposal_text(kind: TargetKind, value: Decimal, unit: str | None) -> str:
    shown = format_number(value.normalize(), None, unit or None)  # no trailing zeros: "100%", not "100,0%"
    if kind is TargetKind.MIN:
        return f"Từ {shown} trở lên"
    if kind is TargetKind.MAX:
        return f"Dưới {shown}"
    return shown


def propose_next(target: Target, values: Mapping[int, Decimal], year: int, *, unit: str | None = None,
                 decimals: int | None = None) -> Proposal:
    """Next ``year``'s target from this year's ``target`` and the yearly actuals ``values``.

    A level (an exact figure, "từ … trở lên", "dưới …") with actuals of at least three years
    before ``year`` is proposed at the time-weighted trend line's value in ``year`` (as the term
    review forecasts), never behind the latest actual (a plan does not plan a decline; for a
    lower-is-better indicator, never above it), a percentage kept within 0–100. Anything else —
    a growth rate, a qualitative target, too few years — keeps this year's text. The note
    begins with "đề xuất" and says why.

    >>> from ktxh.core.targets import parse_target
    >>> grain = parse_target("5.795,9 tấn")
    >>> p = propose_next(grain, {2020: Decimal("5551.1"), 2021: Decimal("6031"), 2022: Decimal("5933.3")}, 2023)

    Weights 1, 2, 3: t̄ = 2021,33, ȳ = 5.902,17, slope 444,47 / 3,333 = 133,34 tấn a year, so
    2023 → 5.902,17 + 133,34 × 1,667 = 6.124,4, shown whole as the figures of that size are:

    >>> p.text, p.value
    ('6.124 tấn', Decimal('6124'))
    >>> p.note
    'đề xuất theo xu hướng số liệu 2020–2022 (mới nhất 5.933,3 tấn năm 2022); kế hoạch năm trước: 5.795,9 tấn'
    >>> propose_next(grain, {2022: Decimal("5933.3")}, 2023).note
    'đề xuất: giữ như kế hoạch năm trước (chưa đủ số liệu 3 năm để tính xu hướng)'
    >>> propose_next(parse_target("> 99%"), {2021: Decimal(99), 2022: Decimal("99.6"), 2023: Decimal("99.9")}, 2024).text
    'Từ 100% trở lên'
    """
    unit = unit if unit is not None else target.unit
    points = sorted((y, v) for y, v in values.items() if y < year and v is not None)
    level = target.kind in (TargetKind.EXACT, TargetKind.MIN, TargetKind.MAX) and not target.per_year
    if not level:
        why = "chỉ tiêu định tính" if target.kind is TargetKind.QUALITATIVE else "chỉ tiêu tốc độ, mức tăng hoặc khoảng"
        return Proposal(target.text, None, f"đề xuất: giữ như kế hoạch năm trước ({why})")
    if len(points) < MIN_TREND_POINTS:
        return Proposal(target.text, None,
                        f"đề xuất: giữ như kế hoạch năm trước (chưa đủ số liệu {MIN_TREND_POINTS} năm để tính xu hướng)")
    latest_year, latest = points[-1]
    value = weighted_trend(points).at(year)
    direction = target.direction
    value = max(value, latest) if direction is Direction.UP else min(value, latest)
    if unit == "%":
        value = min(max(value, Decimal(0)), HUNDRED)
    value = max(value, Decimal(0))
    places = decimals if decimals is not None else max(_shown_decimals(latest), _shown_decimals(target.low or target.high or latest))
    value = quantize(value, places)
    note = (f"đề xuất theo xu hướng số liệu {points[0][0]}–{latest_year} "
            f"(mới nhất {format_number(latest, None, unit)} năm {latest_year}); "
            f"kế hoạch năm trước: {target.text}")
    return Proposal(_proposal_text(target.kind, value, unit), value, note)
