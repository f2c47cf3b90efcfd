"""The term review as the giữa kỳ / nhiệm kỳ report prints it: table cells and sentences.

Every figure is a field of ``ktxh.core.review.Review`` (computed there, never here),
formatted by ``ktxh.core.numbers.format_number``: progress and growth paces to one decimal,
levels with the decimals they were given (at most two).

>>> from decimal import Decimal as D
>>> from ktxh.core.model import Target, TargetKind
>>> from ktxh.core.review import TermSeries
>>> from ktxh.documents.data import TermReview
>>> income = Target("Thu nhập bình quân đầu người đến 2025 đạt 85 triệu đồng/người/năm",
...                 TargetKind.EXACT, low=D(85), high=D(85), unit="triệu đồng/người/năm", year=2025)
>>> tr = TermReview.from_series([(income, TermSeries(2020, D(55), {2021: D(60), 2022: D(66)}, 2025))],
...                             deadline=2025, names=["Thu nhập bình quân đầu người"])
>>> review_cells(tr.reviews[0])
('triệu đồng/người/năm', '55 (2020)', '66 (2022)', '85', '36,7%', '+5,50/năm', '+6,33/năm', '83', 'khó đạt')
>>> target_sentence(tr, 0)
'Thu nhập bình quân đầu người: Để đạt chỉ tiêu Nghị quyết, 3 năm còn lại cần tăng bình quân 6,33 triệu đồng/người/năm.'
"""

from __future__ import annotations

from decimal import Decimal

from ktxh.core.numbers import format_number
from ktxh.core.review import Review, TermKind

from .data import TermReview

HEADERS = ("STT", "Chỉ tiêu", "ĐVT", "Năm gốc", "Mới nhất", "Mục tiêu", "Tiến độ", "Nhịp đã đạt", "Nhịp cần",
           "Ước cuối kỳ", "Khả năng đạt")


def title(review: TermReview) -> str:
    return f"Đánh giá khả năng thực hiện các chỉ tiêu Nghị quyết đến năm {review.deadline}"


def _places(*values: Decimal | None) -> int:
    """Decimals the figures were given with, at most two."""
    places = 0
    for v in values:
        if v is not None:
            exp = v.normalize().as_tuple().exponent
            if isinstance(exp, int) and exp < 0:
                places = max(places, -exp)
    return min(places, 2)


def _value(v: Decimal | None, places: int) -> str:
    return "" if v is None else format_number(v, places)


def _pace(v: Decimal | None, r: Review, places: int) -> str:
    if v is None:
        return ""
    if r.kind is TermKind.GROWTH:
        return f"{format_number(v, 1)}%/năm"
    shown = places if places else (0 if abs(v) >= 10 else 2)
    return f"{'+' if v > 0 else ''}{format_number(v, shown)}/năm"


def review_cells(r: Review) -> tuple[str, ...]:
    """Columns 3–11 of one row: ĐVT, năm gốc, mới nhất, mục tiêu, tiến độ, nhịp đã đạt, nhịp cần, ước, khả năng."""
    places = _places(r.base_value, r.latest_value)
    base = f"{_value(r.base_value, places)} ({r.base_year})" if r.base_value is not None else ""
    if r.kind is TermKind.CUMULATIVE:
        latest = f"{_value(r.achieved, places)} (lũy kế {r.latest_year})" if r.achieved is not None else ""
    else:
        latest = f"{_value(r.latest_value, places)} ({r.latest_year})" if r.latest_value is not None else ""
    if r.kind is TermKind.GROWTH and r.goal_rate is not None:
        goal = f"{format_number(r.goal_rate)}%/năm"
    elif r.goal is not None:
        goal = _value(r.goal, _places(r.goal))
    else:
        goal = r.target.text if r.kind is TermKind.QUALITATIVE else ""
    progress = "" if r.progress is None else f"{format_number(r.progress, 1)}%"
    anticipated = _value(r.anticipated, places)
    if r.anticipated_rate is not None:
        anticipated += f" ({format_number(r.anticipated_rate, 1)}%/năm)"
    return (r.unit or "", base, latest, goal, progress, _pace(r.pace, r, places), _pace(r.pace_needed, r, places),
            anticipated, r.outlook.label)


def target_sentence(review: TermReview, index: int) -> str:
    """"<indicator>: <the core's sentence>", or its first note when the core has no sentence."""
    r = review.reviews[index]
    said = r.sentence or (r.notes[0] if r.notes else "")
    return f"{review.name(index)}: {said}" if said else ""
