"""Properties: any text reads without a traceback, and a/b = p% is judged by the rounding rule."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ktxh.core.numbers import format_number, quantize
from ktxh.reader import ReaderError, check_document, read_document

from .conftest import seed_path

ALPHABET = "0123456789.,/%:;()-–+*= \n\tđạtbằngtăngsovớinămchiếmtrongđócóhộngườitỷđồngIVXABPhầnthứ\ufffd"
SEED_LINES = [line for p in ("000", "002", "003", "004") for line in seed_path(p).read_text(encoding="utf-8").splitlines()]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_any_text_reads_or_fails_cleanly(text: str) -> None:
    try:
        doc = read_document(text.encode(), filename="x.txt")
    except ReaderError as exc:
        assert exc.message and exc.field == "tệp"
        return
    for f in check_document(doc):
        assert f.verdict in ("ok", "wrong", "unverifiable")
        assert f.quote


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=40))
def test_seed_lines_in_any_order(lines: list[str]) -> None:
    try:
        doc = read_document("\n".join(lines).encode(), filename="tron.txt")
    except ReaderError:
        return  # only blank lines drawn
    for f in check_document(doc):
        assert f.verdict in ("ok", "wrong", "unverifiable")


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 10**7), st.integers(1, 10**7), st.integers(0, 3))
def test_a_over_b_is_right_rounded_and_wrong_off_by_a_unit(a: int, b: int, decimals: int) -> None:
    # Under 1.000%: the core reads a lone "1.000%" as 1,000 (percentages are read as decimals).
    assume(a < 9 * b)
    true = Decimal(a) / Decimal(b) * 100
    right = quantize(true, decimals)
    unit = Decimal(1).scaleb(-decimals)
    off = right + 2 * unit
    for stated, verdict in ((right, "ok"), (off, "wrong")):
        text = f"Kết quả có {format_number(a)}/{format_number(b)} hộ đạt {format_number(stated, decimals)}%."
        [f] = check_document(read_document(text.encode(), filename="a.txt"))
        assert (f.kind, f.verdict) == ("ratio", verdict), text
        if verdict == "wrong":
            assert f.computed == right
