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

from ktxh.core.model import TargetKind
from ktxh.core.review import review_cells

from .data import TermReview

HEADERS = ("STT", "Chỉ tiêu", "ĐVT", "Năm gốc", "Mới nhất", "Mục tiêu", "Tiến độ", "Nhịp đã đạt", "Nhịp cần",
           "Ước cuối kỳ", "Khả năng đạt")


def table_cells(review: TermReview, index: int) -> tuple[str, ...]:
    """The core's cells of one target, its "Mục tiêu" short where the core gives the target's whole words
    (a qualitative target: "Hoàn thành", not "Giữ vững ổn định an ninh chính trị, …" in a 1,3 cm column).

    >>> from ktxh.core.targets import parse_target
    >>> tr = TermReview.from_series([(parse_target("Giữ vững ổn định an ninh chính trị trên địa bàn"), None)],
    ...                             deadline=2025)
    >>> table_cells(tr, 0)[3]
    'Hoàn thành'
    """
    from .narrative import name_only_plan

    r = review.reviews[index]
    cells = list(review_cells(r, review.places(index)))
    if r.target.kind is TargetKind.QUALITATIVE and len(cells[3].split()) > 4:
        cells[3] = name_only_plan(r.target)
    return tuple(cells)


def title(review: TermReview) -> str:
    return f"Đánh giá khả năng thực hiện các chỉ tiêu Nghị quyết đến năm {review.deadline}"


def target_sentence(review: TermReview, index: int) -> str:
    """"<indicator>: <the core's sentence>", or its first note when the core has no sentence."""
    r = review.reviews[index]
    said = r.sentence or (r.notes[0] if r.notes else "")
    return f"{review.name(index)}: {said}" if said else ""
