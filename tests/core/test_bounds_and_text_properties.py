"""Property tests of the two rules every stored input passes (issue 13 item 1).

``check_value`` keeps exactly the values a double holds (SQLite's REAL, a JSON number) and refuses
the rest with a Vietnamese message; ``clean_text`` leaves nothing a database or a .docx refuses.
"""

from __future__ import annotations

import io
import unicodedata
from decimal import Decimal

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktxh.core.bounds import MAX_DECIMALS, MAX_DIGITS, check_value, digits_of
from ktxh.core.errors import NumberError
from ktxh.core.numbers import format_number, parse_number
from ktxh.core.text import clean_text

SETTINGS = settings(max_examples=300, deadline=None)
storable = st.builds(
    lambda whole, frac, places, neg: (-1 if neg else 1) * (Decimal(whole) + Decimal(frac).scaleb(-places)),
    st.integers(min_value=0, max_value=10**9 - 1), st.integers(min_value=0, max_value=999_999),
    st.just(MAX_DECIMALS), st.booleans(),
)
anything = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(lambda d: abs(d) < Decimal("1e60"))


@SETTINGS
@given(storable)
def test_a_value_within_the_bounds_survives_a_double_exactly(value):
    assert check_value(value) == value
    assert Decimal(repr(float(value))) == value  # what SQLite and JSON give back


@SETTINGS
@given(anything)
def test_every_value_is_kept_exactly_or_refused_in_vietnamese(value):
    whole, decimals = digits_of(value)
    try:
        kept = check_value(value, field="số liệu")
    except NumberError as exc:
        assert whole + decimals > MAX_DIGITS or decimals > MAX_DECIMALS
        assert exc.field == "số liệu" and ("quá lớn" in exc.message or "chữ số thập phân" in exc.message)
        assert exc.value in exc.message
    else:
        assert kept == value and Decimal(repr(float(value))) == value


@pytest.mark.parametrize("text", ["999.999.999.999.999.999", "9999999999999999", "0,00000000000000000001",
                                  "9" * 5000])
def test_the_issue_s_figures_are_refused(text):
    with pytest.raises(NumberError):
        check_value(parse_number(text).value, shown=text)


@SETTINGS
@given(st.text(max_size=200) | st.text(st.characters(max_codepoint=0xFFFF), max_size=200))
def test_clean_text_leaves_only_what_postgresql_and_a_docx_take(raw):
    text = clean_text(raw)
    assert clean_text(text) == text  # once is enough
    assert text == unicodedata.normalize("NFC", text)
    assert all(c in "\t\n" or unicodedata.category(c) not in ("Cc", "Cs") for c in text)
    text.encode("utf-8")  # PostgreSQL's encoding: no lone surrogate, no NUL
    d = docx.Document()
    d.add_paragraph(text)  # lxml refuses the characters XML 1.0 cannot hold
    d.save(io.BytesIO())


@SETTINGS
@given(storable)
def test_format_number_stands_any_size(value):
    assert format_number(value * Decimal(10) ** 40)  # 55 digits: no InvalidOperation
