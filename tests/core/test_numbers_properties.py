"""Property tests for the number reader: vi-VN round trips, and no text crashes it.

A bare "1,234" is ambiguous (Vietnamese 1,234 or English 1 234): the parser keeps the
Vietnamese reading as ``value`` and lists the other in ``alternatives``, so the round
trips are stated on ``.value``.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ktxh.core.errors import KtxhError
from ktxh.core.numbers import (
    _FIGURE_KEYWORDS,
    _NOT_FIGURES,
    find_numbers,
    format_number,
    non_figure_spans,
    parse_number,
    quantize,
)

SETTINGS = settings(max_examples=200, deadline=None)

# From 0 to a thousand billion đồng, with up to six decimals before rounding.
values = st.decimals(min_value=0, max_value=10**12, places=6, allow_nan=False, allow_infinity=False)
decimals = st.integers(min_value=0, max_value=4)


def is_vietnamese(message: str, quoted: str = "") -> bool:
    """True when ``message``, without the quoted input, carries Vietnamese letters."""
    rest = message.replace(quoted, "") if quoted else message
    letters = unicodedata.normalize("NFD", rest.casefold())
    return "đ" in letters or any(unicodedata.combining(c) for c in letters)


def names_text(message: str, text: str) -> bool:
    """The message quotes the text, or its first 57 characters when it is long."""
    return text in message or text[:57] in message


@SETTINGS
@given(values, decimals)
@example(Decimal("1.234"), 3)  # "1,234": ambiguous, value is the Vietnamese reading
@example(Decimal("123"), 3)  # "123,000"
@example(Decimal("1234.5"), 0)  # rounds half up to "1.235"
@example(Decimal("0.5"), 3)  # "0,500"
def test_round_trip_without_unit(x: Decimal, d: int) -> None:
    text = format_number(x, decimals=d)
    number = parse_number(text)
    assert number.value == quantize(x, d), text
    assert number.decimals == d, text
    assert number.unit is None
    if number.ambiguous:
        # Only "a,bcd" with a 1-3 digit head reads two ways; the other reading is English thousands.
        assert d == 3 and x < 1000
        assert number.alternatives == (quantize(x, d) * 1000,)


@SETTINGS
@given(values, decimals)
def test_round_trip_tonnes(x: Decimal, d: int) -> None:
    text = format_number(x, decimals=d, unit="tấn")
    number = parse_number(text)
    assert (number.value, number.unit) == (quantize(x, d), "tấn"), text


@SETTINGS
@given(values, decimals)
@example(Decimal("1500"), 0)  # "1.500 tỷ đồng": Vietnamese grouping, not 1,5
@example(Decimal("5.169"), 3)  # seed 000 "5,169 tỷ": a decimal comma
def test_round_trip_billions(x: Decimal, d: int) -> None:
    text = format_number(x, decimals=d, unit="tỷ đồng")
    number = parse_number(text)
    assert (number.value, number.unit) == (quantize(x, d), "tỷ đồng"), text
    assert number.base_value == quantize(x, d) * 10**9
    assert not number.ambiguous


@SETTINGS
@given(st.decimals(min_value=0, max_value=999, places=6), decimals, st.sampled_from(["%", "‰"]))
@example(Decimal("0.42"), 2, "%")
@example(Decimal("9.1"), 1, "‰")
def test_round_trip_rates(x: Decimal, d: int, unit: str) -> None:
    # Rates stop below 1000: "1.234%" is read as seed 004's English decimal (1,234%), by design.
    text = format_number(x, decimals=d, unit=unit)
    number = parse_number(text)
    assert (number.value, number.unit) == (quantize(x, d), unit), text
    assert not number.ambiguous


@SETTINGS
@given(values, decimals, st.sampled_from(["tấn", "tỷ đồng", "%", None]))
def test_formatted_number_is_found_in_a_sentence(x: Decimal, d: int, unit: str | None) -> None:
    if unit == "%":
        x = x % 999  # below 1000 even once rounded: "1.000%" reads as seed 004's English decimal
    text = format_number(x, decimals=d, unit=unit)
    sentence = f"Năm 2023 đạt {text}, theo Nghị quyết số 08/NQ-HĐND."
    found = list(find_numbers(sentence))
    assert [n.value for n in found] == [quantize(x, d)]
    assert sentence[found[0].start : found[0].end] == text


@SETTINGS
@given(values, decimals)
def test_count_unit_settles_the_comma(x: Decimal, d: int) -> None:
    """People are whole: a lone "," before three digits groups thousands when the ĐVT is Người."""
    whole = quantize(x, 0)
    english = f"{whole:,}"  # "12,575": seed 004's English table style
    assert parse_number(english, unit="Người").value == whole


vietnamese_ish = st.text(
    alphabet=st.sampled_from(list("0123456789.,;:%‰-–/ \t\u00a0đĐtấnỷồngưởiàhộaáeêôơưk<>≥≤()")), max_size=40
)


@SETTINGS
@given(st.one_of(st.text(max_size=80), vietnamese_ish), st.sampled_from([None, "%", "Người", "tỷ đồng", "xyz"]))
@example("12,575", None)
@example("", None)
@example("   ", "%")
@example("1.2.3,4,5", None)
@example("x" * 300, None)
def test_no_text_crashes_parse_number(text: str, unit: str | None) -> None:
    for strict in (False, True):
        try:
            number = parse_number(text, unit=unit, strict=strict)
        except KtxhError as exc:
            assert exc.value == text
            assert names_text(exc.message, text.strip()), exc.message
            assert is_vietnamese(exc.message, text.strip()), exc.message
        else:
            assert number.value >= 0
            assert number.text == text.strip()


@SETTINGS
@given(st.one_of(st.text(max_size=200), vietnamese_ish))
def test_find_numbers_spans_are_the_text(text: str) -> None:
    for number in find_numbers(text):
        assert text[number.start : number.end] == number.text
        assert number.text[0].isdigit()


@given(st.decimals(min_value=-10**12, max_value=10**12, allow_nan=False, allow_infinity=False, places=4), decimals)
def test_format_number_writes_what_babel_writes_for_vi_vn(x: Decimal, d: int) -> None:
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * d if d else "")
    assert format_number(x, d) == format_decimal(quantize(x, d), format=pattern, locale="vi_VN", decimal_quantization=True)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_mixed_units_are_one_amount(billions: int, millions: int) -> None:
    (n,) = find_numbers(f"thu {billions} tỷ {millions} triệu đồng")
    assert n.base_value == billions * 10**9 + millions * 10**6


@given(st.integers(min_value=0, max_value=999))
def test_a_malformed_percent_keeps_its_figure(x: int) -> None:
    (n,) = find_numbers(f"đạt {x},%")
    assert (n.value, n.unit) == (x, "%")


# Pieces of report text around dates, document numbers and codes: every keyword a non-figure can begin
# with, in upper and lower case, with digits, separators and whitespace between.
_PIECES = [*_FIGURE_KEYWORDS,
           "số ", "giờ", "h", "ha", "hộ", "%", "UBND", "NQ", "KL", "QĐ", "HĐND", "I", "V", "IV/", "ngắn ngày",
           "x", "ă", "Đ", "đ", "/", "-", "–", ".", ",", ":", " ", "  ", "\n", "\t", "0", "1", "12", "2023", "7"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
@settings(max_examples=3000, deadline=None)
@example(["Kế hoạch", "  ", "số ", "4"])  # the keyword, spaces and "số" before the digit
@example(["quý", " ", "IV/", "2023"])
def test_non_figure_spans_are_the_plain_regex_scan(pieces: list[str]) -> None:
    # The digit-led scan must find exactly what a plain left-to-right finditer of the regex finds.
    text = "".join(pieces)
    assert non_figure_spans(text) == [m.span() for m in _NOT_FIGURES.finditer(text)]
