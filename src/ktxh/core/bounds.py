"""How large and how fine a stored figure or target bound may be: one rule, checked before storage.

A figure is kept in ``Actual.value`` (``DecimalField(max_digits=24, decimal_places=6)``) and a
target's bounds in the JSON of ``Target.parsed``. On SQLite a decimal column holds a binary
double, and JSON numbers are doubles too: both hold 15 significant decimal digits exactly and no
more (sixteen nines come back as 10¹⁶). So that what is stored is what was typed, on SQLite and
PostgreSQL alike, a value is refused — never rounded — when it has more than :data:`MAX_DECIMALS`
decimals or more than :data:`MAX_DIGITS` digits in all. The largest commune or province figure
(a budget of 10¹⁴ đồng) is far inside.

>>> check_value(Decimal("3182.308468"), field="số liệu")
Decimal('3182.308468')
>>> check_value(Decimal("9999999999999999"), field="số liệu")
Traceback (most recent call last):
...
ktxh.core.errors.NumberError: Số liệu “9.999.999.999.999.999” quá lớn: chỉ lưu được số có tối đa 15 chữ số.
"""

from __future__ import annotations

from decimal import Decimal

from .errors import NumberError

MAX_DIGITS = 15  #: significant digits a double (SQLite REAL, a JSON number) holds exactly
MAX_DECIMALS = 6  #: decimal places of ``Actual.value``
MAX_INTEGER_DIGITS = MAX_DIGITS  #: digits before the comma (with no decimals)


def _shown(value: Decimal) -> str:
    """The value in vi-VN digits, exactly as given (no rounding), for a message.

    >>> _shown(Decimal("-1234567.50"))
    '-1.234.567,5'
    """
    plain = format(value.normalize(), "f")
    sign, plain = ("-", plain[1:]) if plain.startswith("-") else ("", plain)
    whole, _, frac = plain.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def digits_of(value: Decimal) -> tuple[int, int]:
    """(digits before the comma, decimals) of ``value`` once trailing zeros are dropped.

    >>> digits_of(Decimal("5933.30"))
    (4, 1)
    >>> digits_of(Decimal("0.000001"))
    (0, 6)
    >>> digits_of(Decimal("1E+20"))
    (21, 0)
    """
    _, digits, exp = value.normalize().as_tuple()
    if not isinstance(exp, int) or digits == (0,):
        return (0, 0)
    decimals = max(0, -exp)
    return (max(0, len(digits) + exp), decimals)


def check_value(value: Decimal, *, field: str = "số liệu", shown: str | None = None) -> Decimal:
    """``value`` if it can be stored exactly; else a :class:`NumberError` naming ``field`` and the value.

    ``shown`` is the text as the person typed it, quoted in the message when given.

    >>> check_value(Decimal("0.1234567"), field="Tỷ lệ hộ nghèo")
    Traceback (most recent call last):
    ...
    ktxh.core.errors.NumberError: Tỷ lệ hộ nghèo “0,1234567” có 7 chữ số thập phân: chỉ lưu được tối đa 6 chữ số thập phân.
    >>> check_value(Decimal("-12.5"))
    Decimal('-12.5')
    """
    label = field[:1].upper() + field[1:]
    quoted = shown if shown is not None else (_shown(value) if value.is_finite() else str(value))
    if not value.is_finite():
        raise NumberError(f"{label} “{quoted}” không phải một số.", field=field, value=quoted)
    whole, decimals = digits_of(value)
    if decimals > MAX_DECIMALS:
        raise NumberError(
            f"{label} “{quoted}” có {decimals} chữ số thập phân: chỉ lưu được tối đa {MAX_DECIMALS} chữ số thập phân.",
            field=field, value=quoted)
    if whole + decimals > MAX_DIGITS:
        raise NumberError(f"{label} “{quoted}” quá lớn: chỉ lưu được số có tối đa {MAX_DIGITS} chữ số.",
                          field=field, value=quoted)
    return value


def check_bounds(values: list[Decimal | None], *, field: str = "chỉ tiêu", shown: str | None = None) -> None:
    """Every value of ``values`` (a target's bounds; None skipped) checked by :func:`check_value`.

    >>> check_bounds([Decimal("14"), None, Decimal("15")])
    >>> check_bounds([Decimal("1E+30")], shown="Đạt 10^30 tấn")
    Traceback (most recent call last):
    ...
    ktxh.core.errors.NumberError: Chỉ tiêu “Đạt 10^30 tấn” có số quá lớn: chỉ lưu được số có tối đa 15 chữ số.
    """
    for v in values:
        if v is None:
            continue
        try:
            check_value(v, field=field)
        except NumberError as exc:
            label = field[:1].upper() + field[1:]
            if shown is None:
                raise
            what = "quá nhiều chữ số thập phân" if digits_of(v)[1] > MAX_DECIMALS else "số quá lớn"
            limit = (f"tối đa {MAX_DECIMALS} chữ số thập phân" if what != "số quá lớn"
                     else f"số có tối đa {MAX_DIGITS} chữ số")
            raise NumberError(f"{label} “{shown}” có {what}: chỉ lưu được {limit}.",
                              field=field, value=shown) from exc
