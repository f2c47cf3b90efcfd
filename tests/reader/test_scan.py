"""The keyword-led scans (ktxh.reader.scan) find exactly what a plain ``finditer`` finds, for every
pattern the reader runs that way, on texts built from the patterns' own words in any case."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ktxh.reader.claims import _CONNECTOR, _CONNECTOR_STARTS
from ktxh.reader.metadata import _UNIT, _UNIT_STARTS
from ktxh.reader.scan import keyword_finditer, lowered
from ktxh.reader.target_lists import _RUN_IN, _RUN_IN_STARTS
from ktxh.reader.text import _SPACED_COLUMN, _SPACED_STARTS

SCANS = [(_CONNECTOR, _CONNECTOR_STARTS), (_UNIT, _UNIT_STARTS), (_SPACED_COLUMN, _SPACED_STARTS),
         (_RUN_IN, _RUN_IN_STARTS)]
WORDS = ["trong đó", "Trong  đó", "TRONG ĐÓ", "bao gồm", "gồm", "có", "Có", "chỉ tiêu", "CHỈ TIÊU", ":", "phường",
         "Phường", "XÃ", "xã", "thị trấn", "Thị  Trấn", "Lê Lợi", "ĐVT", "đơn vị tính", "kế hoạch năm 2025", "KH",
         "KH 2024", "ước thực hiện", "Ước TH", "thực hiện", "TH", "tỷ lệ (%)", "%", "% so với KH", "+/-", "±",
         "tăng/giảm", "chênh lệch", "các chỉ tiêu chủ yếu", "Các nhóm chỉ tiêu", "chỉ tiêu về", "CHỈ TIÊU XÃ HỘI", "İ", "ẞ", "thôn", "12", "3,5", "(", ")", ",", ".", "\n", "họ", "khu"]
SEPARATORS = st.sampled_from(["", " ", "  ", "\t", "-", "x"])
TEXTS = st.lists(st.tuples(st.sampled_from(WORDS), SEPARATORS), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts))


def _plain(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text, start, end)]


def _led(pattern: re.Pattern[str], starts, text: str, start: int, end: int) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in keyword_finditer(pattern, text, lowered(text), starts, start, end)]


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(0, 40), st.integers(0, 40))
@example("Kết quả 18 chỉ tiêu: 04 vượt, trong đó có 2", 0, 0)
@example("UBND Phường Lê Lợi, xã Nam và Thị trấn Đông", 5, 0)
@example("Chỉ tiêu ĐVT KH TH % +/-", 0, 0)
def test_same_matches_as_finditer(text: str, cut_start: int, cut_end: int) -> None:
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    for pattern, starts in SCANS:
        assert _led(pattern, starts, text, start, end) == _plain(pattern, text, start, end), pattern.pattern


def test_a_text_whose_lowering_changes_length_is_scanned_plainly() -> None:
    text = "İ trong đó có"
    assert lowered(text) is None
    assert _led(_CONNECTOR, _CONNECTOR_STARTS, text, 0, len(text)) == _plain(_CONNECTOR, text, 0, len(text))


VIETNAMESE_LETTERS = ("abcdefghijklmnopqrstuvwxyzđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


def test_lowered_agrees_with_ignorecase_on_every_character() -> None:
    """Every character that ``re.IGNORECASE`` takes for a lowercase letter is that letter in ``lowered``
    (or makes the text scan plainly): the keyword-led scans then miss no case-insensitive match."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in VIETNAMESE_LETTERS:
        for m in re.finditer("(?i)" + re.escape(letter), every):
            low = lowered(m.group())
            assert low is None or low == letter, (m.group(), letter)


@example("Thı trấn Đông", 0, 0)
@example("trong đó ſố", 0, 0)
@given(TEXTS, st.just(0), st.just(0))
@settings(max_examples=20, deadline=None)
def test_dotless_i_and_long_s(text: str, cut_start: int, cut_end: int) -> None:
    text = text.replace("i", "ı").replace("s", "ſ")
    for pattern, starts in SCANS:
        assert _led(pattern, starts, text, 0, len(text)) == _plain(pattern, text, 0, len(text)), pattern.pattern


# _MET as it was written before its look-behinds moved after the first digit (the reference)
_MET_BEFORE = re.compile(r"(?i)(?<!không\s)(?<!chưa\s)(?P<n>\d+)(?:\s*/\s*(?P<of>\d+))?\s+chỉ\s+tiêu"
                         r"\s+(?:hoàn\s+thành|đạt)(?:\s+kế\s+hoạch)?(?!\s+(?:và|vượt))")
COUNTS = st.lists(st.sampled_from(["không ", "KHÔNG ", "chưa ", "Chưa ", "và ", "12", "3", "/", "26", " ", "chỉ tiêu",
                                   "CHỈ TIÊU", " đạt", " hoàn thành", " kế hoạch", " vượt", " và vượt", ";", "x"]),
                  max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(COUNTS)
@example("không 12 chỉ tiêu đạt, chưa 3 chỉ tiêu đạt; 5/7 chỉ tiêu hoàn thành kế hoạch")
def test_met_count_regex_unchanged(text: str) -> None:
    from ktxh.reader.claims import _MET

    assert [(m.span(), m.groups()) for m in _MET.finditer(text)] == [
        (m.span(), m.groups()) for m in _MET_BEFORE.finditer(text)]
