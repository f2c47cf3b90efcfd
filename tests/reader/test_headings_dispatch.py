"""``classify`` picks the one marker pattern a paragraph's first character allows: it must read every
text as trying the patterns one after another did (the reference below is the code before)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ktxh.reader import headings as h


def _sequential(text: str) -> tuple[int, str, str] | None:
    s = text.strip().lstrip("#").strip()
    if not s:
        return None
    m = h._PART.match(s)
    if m:
        return h.PART, m[1], (m[2] or "").strip(" :.")
    m = h._ROMAN.match(s)
    if m and m[1]:
        return h.ROMAN, m[1], h._title(m[2]) or ""
    m = h._LETTER.match(s)
    if m:
        return h.LETTER, m[1], h._title(m[2]) or ""
    m = h._NUMBER.match(s)
    if m:
        marker, body = (m[1], m[2]) if m[1] else (m[3], m[4])
        return h.NUMBER + marker.count("."), marker, h._title(body) or ""
    m = h._ALPHA.match(s)
    if m:
        return h.ALPHA, m[1], h._title(m[2]) or ""
    for pattern, level in ((h._STAR, h.STAR), (h._DASH, h.DASH)):
        m = pattern.match(s)
        if m:
            body = m[2].strip().strip("*").strip()
            if len(body) <= 80 and not h._DIGIT.search(body) and (body.endswith(":") or "." not in body[:-1]):
                if level == h.DASH and not body.endswith(":"):
                    return None
                return level, m[1][0], body.rstrip(" :")
            return None
    return None


PIECES = ["X. ", "XII- ", "Đ. ", "A. ", "D. ", "a) ", "đ) ", "II. ", "IV- ", "1. ", "2.1. ", "2.6 ", "* ", "- ", "+ ", "• ", "Phần thứ hai", "PHẦN THỨ NHẤT", "P", "II", "IV", "X", "V", "I", "A", "Đ", "D", "a", "đ", "z", "1", "2.1",
          "12", "٣", "*", "**", "-", "–", "+", "•", "#", "## ", ".", "-", ")", ":", " ", "  ", "Về kinh tế", "Lúa",
          "đạt 95%", ". Tiếp", "x"]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
@example("II- Những hạn chế, khuyết điểm.")
@example("1.5- Công tác quản lý sử dụng đất:")
@example("- Về công tác xã hội:")
@example("٣. Chữ số Ả Rập")
@example("Đ. Về kinh tế")
@example("a) Trồng trọt")
def test_classify_as_before(text: str) -> None:
    assert h.classify(text) == _sequential(text)
