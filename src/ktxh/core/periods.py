"""Reporting periods: their kinds, labels, first and last days, and how reports name them.

Every layer speaks of periods through this module: the web app's ``tracking.Period`` takes
its kinds, codes, labels and bounds from here, the documents their titles, the reader the
period of a sentence.

>>> p = Period(PeriodKind.HALF, 2023)
>>> p.label, p.code, p.starts_on.isoformat(), p.ends_on.isoformat()
('6 tháng đầu năm 2023', 'half:2023', '2023-01-01', '2023-06-30')
>>> read_period("Báo cáo kết quả 9 tháng đầu năm 2024").label
'9 tháng đầu năm 2024'
>>> read_period("nhiệm kỳ 2021 – 2026").code
'term:2021-2026'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from .errors import KtxhError

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_ROMAN_NUMBER = {v: k for k, v in ROMAN.items()}


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"  # 6 tháng đầu năm
    NINE = "nine"  # 9 tháng đầu năm
    YEAR = "year"
    TERM = "term"  # nhiệm kỳ, giai đoạn 5 năm

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    PeriodKind.MONTH: "Tháng", PeriodKind.QUARTER: "Quý", PeriodKind.HALF: "6 tháng", PeriodKind.NINE: "9 tháng",
    PeriodKind.YEAR: "Năm", PeriodKind.TERM: "Nhiệm kỳ",
}


class PeriodError(KtxhError):
    """A period that cannot be: month 13, a term ending before it starts."""


@dataclass(frozen=True)
class Period:
    """A reporting period: ``number`` is the month or quarter; ``end_year`` the last year of a term."""

    kind: PeriodKind
    year: int
    number: int | None = None
    end_year: int | None = None

    def __post_init__(self) -> None:
        bounds(self.kind, self.year, self.number, self.end_year)  # refuse an impossible period early

    @property
    def label(self) -> str:
        return label(self.kind, self.year, self.number, self.end_year)

    @property
    def code(self) -> str:
        return code(self.kind, self.year, self.number, self.end_year)

    @property
    def starts_on(self) -> dt.date:
        return bounds(self.kind, self.year, self.number, self.end_year)[0]

    @property
    def ends_on(self) -> dt.date:
        return bounds(self.kind, self.year, self.number, self.end_year)[1]

    @property
    def is_term(self) -> bool:
        return self.kind is PeriodKind.TERM


def label(kind: str, year: int, number: int | None = None, end_year: int | None = None) -> str:
    """How the reports name a period.

    >>> label("quarter", 2023, 2), label("month", 2023, 5), label("term", 2021, end_year=2025)
    ('Quý II/2023', 'Tháng 5/2023', 'Nhiệm kỳ 2021–2025')
    """
    match PeriodKind(kind):
        case PeriodKind.MONTH:
            return f"Tháng {number}/{year}"
        case PeriodKind.QUARTER:
            return f"Quý {ROMAN.get(number or 0, number)}/{year}"
        case PeriodKind.HALF:
            return f"6 tháng đầu năm {year}"
        case PeriodKind.NINE:
            return f"9 tháng đầu năm {year}"
        case PeriodKind.YEAR:
            return f"Năm {year}"
        case _:
            return f"Nhiệm kỳ {year}–{end_year}"


def code(kind: str, year: int, number: int | None = None, end_year: int | None = None) -> str:
    """A key naming the period once.

    >>> code("year", 2023), code("month", 2023, 5), code("term", 2021, end_year=2025)
    ('year:2023', 'month:2023-05', 'term:2021-2025')
    """
    if kind == PeriodKind.TERM:
        return f"term:{year}-{end_year}"
    return f"{kind}:{year}" + (f"-{number:02d}" if number is not None else "")


def _month_or_quarter(kind: PeriodKind, year: int, number: int | None) -> tuple[dt.date, dt.date]:
    top = 12 if kind is PeriodKind.MONTH else 4
    if not number or not 1 <= number <= top:
        what = "Tháng" if kind is PeriodKind.MONTH else "Quý"
        raise PeriodError(f"{what} “{number}” không hợp lệ (1–{top}).", field="number", value=str(number))
    first, last = (number, number) if kind is PeriodKind.MONTH else (number * 3 - 2, number * 3)
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def bounds(kind: str, year: int, number: int | None = None, end_year: int | None = None) -> tuple[dt.date, dt.date]:
    """First and last day of a period.

    >>> [d.isoformat() for d in bounds("quarter", 2024, 1)]
    ['2024-01-01', '2024-03-31']
    >>> bounds("month", 2024, 13)
    Traceback (most recent call last):
    ...
    ktxh.core.periods.PeriodError: Tháng “13” không hợp lệ (1–12).
    """
    try:
        kind = PeriodKind(kind)
    except ValueError:
        raise PeriodError(f"Loại kỳ “{kind}” không có.", field="kind", value=str(kind)) from None
    if not 1900 <= year <= 2200:
        raise PeriodError(f"Năm “{year}” không hợp lệ.", field="year", value=str(year))
    if kind in (PeriodKind.MONTH, PeriodKind.QUARTER):
        return _month_or_quarter(kind, year, number)
    if number is not None:
        raise PeriodError("Chỉ kỳ tháng và kỳ quý mới có số tháng hoặc số quý.", field="number", value=str(number))
    if kind is PeriodKind.TERM:
        if not end_year or end_year <= year or end_year > year + 10:
            raise PeriodError(f"Nhiệm kỳ từ năm {year} cần năm kết thúc sau đó, không phải “{end_year}”.",
                              field="end_year", value=str(end_year))
        return dt.date(year, 1, 1), dt.date(end_year, 12, 31)
    last_month = {PeriodKind.HALF: 6, PeriodKind.NINE: 9, PeriodKind.YEAR: 12}[kind]
    return dt.date(year, 1, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])


_Y = r"((?:19|20)\d{2})"
_DASH = r"\s*[-–—]\s*"
_READERS: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(rf"(?:nhiệm\s+kỳ|giai\s+đoạn|kế\s+hoạch\s+5\s+năm)\s*(?:\(\s*)?{_Y}{_DASH}{_Y}", re.I), PeriodKind.TERM),
    (re.compile(rf"6\s+tháng\s+(?:đầu\s+)?năm\s+{_Y}", re.I), PeriodKind.HALF),
    (re.compile(rf"9\s+tháng\s+(?:đầu\s+)?năm\s+{_Y}", re.I), PeriodKind.NINE),
    (re.compile(rf"quý\s+(I{{1,3}}|IV|[1-4])\s*(?:/|năm\s+){_Y}", re.I), PeriodKind.QUARTER),
    (re.compile(rf"tháng\s+(1[0-2]|0?[1-9])\s*(?:/|năm\s+){_Y}", re.I), PeriodKind.MONTH),
    (re.compile(rf"năm\s+{_Y}", re.I), PeriodKind.YEAR),
)


def read_period(text: str) -> Period | None:
    """The first period a text names, the longest kind first ("6 tháng đầu năm 2023" is not "năm 2023").

    >>> read_period("Quý II/2023").code, read_period("tháng 5 năm 2023").code
    ('quarter:2023-02', 'month:2023-05')
    >>> read_period("giai đoạn 2021-2025").label
    'Nhiệm kỳ 2021–2025'
    >>> read_period("Tổng sản lượng lương thực") is None
    True
    """
    for pattern, kind in _READERS:
        m = pattern.search(text)
        if m is None:
            continue
        try:
            return _from_match(kind, m)
        except PeriodError:
            continue
    return None


def _from_match(kind: PeriodKind, m: re.Match[str]) -> Period:
    if kind is PeriodKind.TERM:
        return Period(kind, int(m.group(1)), end_year=int(m.group(2)))
    if kind in (PeriodKind.QUARTER, PeriodKind.MONTH):
        raw = m.group(1).upper()
        number = _ROMAN_NUMBER.get(raw) or int(raw)
        return Period(kind, int(m.group(2)), number)
    return Period(kind, int(m.group(1)))
