"""Growth as plans and reports state it, and the checks between stated figures.

Rates are in percent, as the seeds write them ("9,2" for "9,2%/năm"); a multiple
is "gấp n lần"; shares are percent of a total. Decimal in, Decimal out.

A stated figure carries its precision: "1,81" means some value in [1,805; 1,815].
The checks work with those intervals, so their tolerance comes from the decimals
as written, never from a fixed constant.

Seed 000: "giá trị tăng trưởng bình quân 9,2%/năm, gấp 1,81 lần so với năm 2015".

>>> check = check_growth_multiple(Decimal("9.2"), Decimal("1.81"), years=5)
>>> quantize(check.years, 2), check.consistent
(Decimal('6.74'), False)
>>> quantize(check.implied_multiple, 2), quantize(check.implied_rate, 1)
(Decimal('1.55'), Decimal('12.6'))

Seed 002: "năm 2023 ước đạt 5.814,7 tấn … tăng 4,7% so với năm 2020 (5551,1 tấn)".

>>> quantize(growth_rate(Decimal("5814.7"), Decimal("5551.1")), 1)
Decimal('4.7')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from .errors import EvaluationError
from .numbers import format_number, quantize  # noqa: F401 - quantize serves the doctests

HUNDRED = Decimal(100)
_PREC = 34  # digits kept in ln/exp, well beyond any stated figure


def _dec(value: Decimal | int | str, field: str) -> Decimal:
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value))
    except ArithmeticError as exc:
        raise EvaluationError(f"{field.capitalize()} không phải là số: \u201c{value}\u201d.", field=field,
                              value=str(value)) from exc
    if not d.is_finite():
        raise EvaluationError(f"{field.capitalize()} không phải là số hữu hạn: \u201c{value}\u201d.",
                              field=field, value=str(value))
    return d


def _show(value: Decimal, decimals: int = 2) -> str:
    return format_number(value, decimals=decimals)


def _decimals(value: Decimal) -> int:
    exp = value.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def _positive_base(value: Decimal, field: str = "giá trị năm gốc") -> Decimal:
    if value == 0:
        raise EvaluationError(
            f"{field.capitalize()} bằng 0: không tính được tốc độ tăng so với số 0.", field=field, value="0"
        )
    if value < 0:
        raise EvaluationError(
            f"{field.capitalize()} âm (\u201c{format_number(value)}\u201d): không tính được tốc độ tăng.",
            field=field, value=str(value),
        )
    return value


def _years(years: Decimal | int) -> Decimal:
    n = _dec(years, "số năm")
    if n <= 0:
        raise EvaluationError(
            f"Số năm phải lớn hơn 0, nhận được \u201c{format_number(n)}\u201d.", field="số năm", value=str(years)
        )
    return n


def _factor(rate: Decimal) -> Decimal:
    """1 + rate/100, refusing a fall of 100% or more (nothing left to grow from)."""
    f = 1 + rate / HUNDRED
    if f <= 0:
        raise EvaluationError(
            f"Tốc độ \u201c{format_number(rate)}%\u201d không hợp lệ: giảm từ 100% trở lên.",
            field="tốc độ tăng", value=str(rate),
        )
    return f


def _pow(base: Decimal, exponent: Decimal) -> Decimal:
    """base ** exponent for base > 0, through ln/exp so fractional exponents work."""
    if base == 1 or exponent == 0:
        return Decimal(1)
    with localcontext() as ctx:
        ctx.prec = _PREC
        result = (base.ln() * exponent).exp()
    return +result


def half_unit(value: Decimal | int) -> Decimal:
    """Half a unit of the last decimal written: how far a rounded figure may be from the truth.

    >>> half_unit(Decimal("1.81")), half_unit(Decimal("9.2")), half_unit(Decimal("35"))
    (Decimal('0.005'), Decimal('0.05'), Decimal('0.5'))
    """
    d = _dec(value, "số liệu")
    exp = d.as_tuple().exponent
    return Decimal(5).scaleb((exp if isinstance(exp, int) else 0) - 1)


def growth_rate(current: Decimal, previous: Decimal) -> Decimal:
    """Growth in percent over the same period (so với cùng kỳ): (current / previous − 1) × 100.

    Seed 002: "6.031 … tấn … tăng 8,6% so với năm 2020" (2020: 5551,1 tấn).

    >>> quantize(growth_rate(Decimal("6031"), Decimal("5551.1")), 1)
    Decimal('8.6')
    """
    previous = _positive_base(_dec(previous, "giá trị kỳ trước"), "giá trị kỳ trước")
    return (_dec(current, "giá trị kỳ này") / previous - 1) * HUNDRED


def multiple(start: Decimal, end: Decimal) -> Decimal:
    """"Gấp n lần": end / start.

    >>> multiple(Decimal("7.89"), Decimal("26.32")).quantize(Decimal("0.01"))
    Decimal('3.34')
    """
    return _dec(end, "giá trị cuối kỳ") / _positive_base(_dec(start, "giá trị năm gốc"))


def average_growth(start: Decimal, end: Decimal, years: Decimal | int) -> Decimal:
    """Average annual (compound) growth in percent: ((end / start)^(1/years) − 1) × 100.

    Seed 000, footnote: thu ngân sách 2016: 7,89 tỷ … 2020: 26,32 tỷ, "tăng bình quân 35%/năm"
    (four steps, 2016 to 2020):

    >>> quantize(average_growth(Decimal("7.89"), Decimal("26.32"), 4), 2)
    Decimal('35.15')
    >>> average_growth(Decimal(0), Decimal(5), 4)
    Traceback (most recent call last):
    ...
    ktxh.core.errors.EvaluationError: Giá trị năm gốc bằng 0: không tính được tốc độ tăng so với số 0.
    """
    start = _positive_base(_dec(start, "giá trị năm gốc"))
    end = _dec(end, "giá trị cuối kỳ")
    n = _years(years)
    if end < 0:
        raise EvaluationError(
            f"Giá trị cuối kỳ âm (\u201c{format_number(end)}\u201d): không tính được tăng bình quân.",
            field="giá trị cuối kỳ", value=str(end),
        )
    if end == 0:
        return -HUNDRED
    return (_pow(end / start, 1 / n) - 1) * HUNDRED


def compound(start: Decimal, rate: Decimal, years: Decimal | int) -> Decimal:
    """The value after ``years`` of growth at ``rate`` %/năm: start × (1 + rate/100)^years.

    Seed 000: thu ngân sách 2020 26,32 tỷ, "tăng 10-15% /năm" to 2025, at the low end:

    >>> quantize(compound(Decimal("26.32"), Decimal(10), 5), 2)
    Decimal('42.39')
    """
    n = _dec(years, "số năm")
    if n < 0:
        raise EvaluationError(
            f"Số năm không được âm, nhận được \u201c{format_number(n)}\u201d.", field="số năm", value=str(years)
        )
    return _dec(start, "giá trị năm gốc") * _pow(_factor(_dec(rate, "tốc độ tăng")), n)


def average_change(start: Decimal, end: Decimal, years: Decimal | int) -> Decimal:
    """Average yearly change in the indicator's own unit: (end − start) / years.

    Seed 000: "Tỷ suất sinh thô giảm bình quân hằng năm 0,2‰" is such a figure.

    >>> average_change(Decimal("0.75"), Decimal(0), 5)
    Decimal('-0.15')
    """
    return (_dec(end, "giá trị cuối kỳ") - _dec(start, "giá trị năm gốc")) / _years(years)


def years_for_multiple(rate: Decimal, multiple: Decimal) -> Decimal:
    """Years of growth at ``rate`` %/năm that give ``multiple``: n with (1 + rate/100)^n = multiple.

    Seed 000: "tăng trưởng bình quân 7,5%, gấp 1,54 lần so với năm 2015":

    >>> quantize(years_for_multiple(Decimal("7.5"), Decimal("1.54")), 2)
    Decimal('5.97')
    """
    f = _factor(_dec(rate, "tốc độ tăng"))
    m = _positive_base(_dec(multiple, "số lần"), "số lần")
    if f == 1:
        raise EvaluationError(
            "Tốc độ tăng bằng 0% thì không thể gấp lên hay giảm đi: không tính được số năm.",
            field="tốc độ tăng", value=str(rate),
        )
    with localcontext() as ctx:
        ctx.prec = _PREC
        n = m.ln() / f.ln()
    return +n


def shares(parts: Sequence[Decimal]) -> tuple[Decimal, ...]:
    """Each part's share of their total, in percent (tỷ trọng).

    >>> [quantize(s, 1) for s in shares([Decimal(3), Decimal(1)])]
    [Decimal('75.0'), Decimal('25.0')]
    """
    values = [_dec(p, "thành phần") for p in parts]
    total = sum(values, Decimal(0))
    if not values or total == 0:
        raise EvaluationError("Tổng các thành phần bằng 0: không tính được tỷ trọng.", field="tổng", value="0")
    return tuple(v / total * HUNDRED for v in values)


# --- checks between stated figures -------------------------------------------------------


@dataclass(frozen=True)
class GrowthCheck:
    """Whether an average growth rate and a multiple ("gấp n lần") agree.

    ``years`` is n solved from (1 + rate/100)^n = multiple; ``years_low``/``years_high``
    bound it over every pair of true values that round to the stated ones. With
    ``expected_years`` given, ``consistent`` tells whether that many years fits, and
    ``implied_multiple``/``implied_rate`` give what each figure alone implies over them.
    """

    rate: Decimal
    multiple: Decimal
    years: Decimal
    years_low: Decimal
    years_high: Decimal
    expected_years: Decimal | None = None
    implied_multiple: Decimal | None = None
    implied_rate: Decimal | None = None
    consistent: bool | None = None
    message: str = ""


def check_growth_multiple(
    rate: Decimal, multiple: Decimal, years: Decimal | int | None = None
) -> GrowthCheck:
    """Check "tăng bình quân r%/năm, gấp m lần" and solve the years it implies.

    The tolerance is the rounding of the two figures as written: the rate within half
    a unit of its last decimal, the multiple likewise. ``years`` fits when some true
    rate and multiple inside those bounds satisfy (1 + r)^years = m.

    Seed 000, ngành dịch vụ: "tăng trưởng bình quân 12,45%, gấp 2,07 lần so với năm 2015":

    >>> c = check_growth_multiple(Decimal("12.45"), Decimal("2.07"), years=5)
    >>> quantize(c.years, 2), quantize(c.years_low, 2), quantize(c.years_high, 2), c.consistent
    (Decimal('6.20'), Decimal('6.18'), Decimal('6.22'), False)

    Công nghiệp, "7,5%, gấp 1,54 lần": six years fit, five do not.

    >>> check_growth_multiple(Decimal("7.5"), Decimal("1.54"), years=6).consistent
    True
    """
    r = _dec(rate, "tốc độ tăng")
    m = _dec(multiple, "số lần")
    n = years_for_multiple(r, m)
    hr, hm = half_unit(r), half_unit(m)
    corners = []
    for rr in (r - hr, r + hr):
        for mm in (m - hm, m + hm):
            if mm > 0 and _factor(rr) != 1:
                corners.append(years_for_multiple(rr, mm))
    # A rate interval that holds 0% makes n unbounded on one side.
    straddles_zero = r - hr <= 0 <= r + hr
    low = min(corners) if corners else n
    high = max(corners) if corners else n
    if straddles_zero:
        low, high = (min(low, Decimal(0)), Decimal("Infinity"))
    if years is None:
        msg = (
            f"Tăng bình quân {format_number(r)}%/năm và gấp {format_number(m)} lần ứng với "
            f"{_show(n)} năm (từ {_show(low)} đến {_show(high)} năm, theo độ làm tròn của số liệu)."
        )
        return GrowthCheck(r, m, n, low, high, message=msg)
    y = _years(years)
    implied_m = _pow(_factor(r), y)
    implied_r = (_pow(_positive_base(m, "số lần"), 1 / y) - 1) * HUNDRED
    # Does some rate in [r ± hr] compound over y years into [m ± hm]? Monotone in the rate.
    lo_m = _pow(_factor(r - hr), y)
    hi_m = _pow(_factor(r + hr), y)
    consistent = lo_m <= m + hm and hi_m >= m - hm
    y_text = format_number(y)
    if consistent:
        msg = (
            f"Khớp: tăng bình quân {format_number(r)}%/năm trong {y_text} năm thì gấp "
            f"{_show(implied_m)} lần, đúng với \u201cgấp {format_number(m)} lần\u201d "
            f"(số năm tính ra: {_show(n)})."
        )
    else:
        msg = (
            f"Không khớp: tăng bình quân {format_number(r)}%/năm trong {y_text} năm thì gấp "
            f"{_show(implied_m)} lần, không phải {format_number(m)} lần; gấp {format_number(m)} lần "
            f"ứng với {_show(n)} năm, hoặc với mức tăng bình quân {_show(implied_r, 1)}%/năm "
            f"trong {y_text} năm."
        )
    return GrowthCheck(r, m, n, low, high, y, implied_m, implied_r, consistent, msg)


@dataclass(frozen=True)
class RateCheck:
    """A stated growth rate against the one computed from the figures it summarises.

    ``low``/``high`` bound the computed rate over the rounding of the input figures;
    ``consistent`` is True when the stated rate, within its own rounding, meets them.
    """

    stated: Decimal
    computed: Decimal
    low: Decimal
    high: Decimal
    consistent: bool
    message: str


def _rate_check(stated: Decimal, computed: Decimal, low: Decimal, high: Decimal, what: str) -> RateCheck:
    h = half_unit(stated)
    ok = stated - h <= high and stated + h >= low
    shown = _show(computed, max(1, _decimals(stated)))
    if ok:
        msg = f"Khớp: {what} tính ra {shown}%, báo cáo ghi {format_number(stated)}%."
    else:
        msg = f"Không khớp: {what} tính ra {shown}%, báo cáo ghi {format_number(stated)}%."
    return RateCheck(stated, computed, low, high, ok, msg)


def check_growth_rate(previous: Decimal, current: Decimal, stated: Decimal) -> RateCheck:
    """Check "tăng p% so với cùng kỳ" against the two figures.

    Seed 002: "5.814,7 tấn … tăng 4,7% so với năm 2020 (5551,1 tấn)":

    >>> check_growth_rate(Decimal("5551.1"), Decimal("5814.7"), Decimal("4.7")).consistent
    True
    """
    p = _positive_base(_dec(previous, "giá trị kỳ trước"), "giá trị kỳ trước")
    c = _dec(current, "giá trị kỳ này")
    s = _dec(stated, "tốc độ tăng")
    hp, hc = half_unit(p), half_unit(c)
    low = growth_rate(c - hc, p + hp)
    high = growth_rate(c + hc, p - hp) if p - hp > 0 else Decimal("Infinity")
    return _rate_check(s, growth_rate(c, p), low, high, "tốc độ tăng so với cùng kỳ")


def check_average_growth(start: Decimal, end: Decimal, years: Decimal | int, stated: Decimal) -> RateCheck:
    """Check "tăng bình quân p%/năm" against the first and last figures of the period.

    Seed 000: thu ngân sách 7,89 tỷ (2016) → 26,32 tỷ (2020), "tăng bình quân 35%/năm":

    >>> check_average_growth(Decimal("7.89"), Decimal("26.32"), 4, Decimal(35)).consistent
    True
    """
    a = _positive_base(_dec(start, "giá trị năm gốc"))
    b = _dec(end, "giá trị cuối kỳ")
    s = _dec(stated, "tốc độ tăng")
    ha, hb = half_unit(a), half_unit(b)
    low = average_growth(a + ha, max(b - hb, Decimal(0)), years)
    high = average_growth(a - ha, b + hb, years) if a - ha > 0 else Decimal("Infinity")
    return _rate_check(s, average_growth(a, b, years), low, high, "tăng bình quân")


@dataclass(frozen=True)
class SumCheck:
    """Parts against the total they should make up.

    ``tolerance`` is the sum of the half-units of every figure as written (the total's
    too, unless it is exact, like the 100% of shares).
    """

    parts: tuple[Decimal, ...]
    total: Decimal
    computed: Decimal
    difference: Decimal
    tolerance: Decimal
    consistent: bool
    message: str


def check_sum(parts: Sequence[Decimal], total: Decimal, *, exact_total: bool = False) -> SumCheck:
    """Check that ``parts`` add up to ``total`` within the rounding of the figures.

    Seed 000: "Tổng vốn đầu tư … 36 tỷ đồng, trong đó … 22,4 tỷ đồng, … 8,6 tỷ đồng, … 5 tỷ đồng":

    >>> check_sum([Decimal("22.4"), Decimal("8.6"), Decimal(5)], Decimal(36)).consistent
    True
    """
    values = tuple(_dec(p, "thành phần") for p in parts)
    if not values:
        raise EvaluationError("Không có thành phần nào để cộng.", field="thành phần", value="")
    t = _dec(total, "tổng")
    computed = sum(values, Decimal(0))
    tol = sum((half_unit(v) for v in values), Decimal(0)) + (Decimal(0) if exact_total else half_unit(t))
    diff = computed - t
    ok = abs(diff) <= tol
    shown = " + ".join(format_number(v) for v in values)
    verdict = "Khớp" if ok else "Không khớp"
    msg = (
        f"{verdict}: {shown} = {format_number(computed)}, so với {format_number(t)} "
        f"lệch {format_number(diff)} (sai số làm tròn cho phép {format_number(tol)})."
    )
    return SumCheck(values, t, computed, diff, tol, ok, msg)


def check_shares(parts: Sequence[Decimal]) -> SumCheck:
    """Check that shares (tỷ trọng, in %) add up to 100% within their rounding.

    Seed 000: TM-DV "chiếm 51,87%", công nghiệp "chiếm 40,5%", nông nghiệp "chiếm 7,6%":

    >>> c = check_shares([Decimal("51.87"), Decimal("40.5"), Decimal("7.6")])
    >>> c.computed, c.tolerance, c.consistent
    (Decimal('99.97'), Decimal('0.105'), True)
    """
    return check_sum(parts, HUNDRED, exact_total=True)
