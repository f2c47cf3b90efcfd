"""Heading markers as the seeds write them, ranked from "Phần thứ nhất" down to "-" and "*".

>>> classify("Phần thứ hai:")
(1, 'Phần thứ hai', '')
>>> classify("II- Những hạn chế, khuyết điểm.")
(3, 'II', 'Những hạn chế, khuyết điểm')
>>> classify("1.5- Công tác quản lý sử dụng đất:")
(5, '1.5', 'Công tác quản lý sử dụng đất')
>>> classify("II. Về kinh tế: Tiếp tục tập trung phát triển ngành dịch vụ - thương mại theo hướng …")
(3, 'II', 'Về kinh tế')
>>> classify("* Trồng trọt")
(8, '*', 'Trồng trọt')
>>> classify("- Thu ngân sách nhà nước năm 2021 là 3.182.308.468đ/1.839.000.000đ đạt 173,0% kế hoạch") is None
True
"""

from __future__ import annotations

import re

PART, LETTER, ROMAN, NUMBER, ALPHA, STAR, DASH = 1, 2, 3, 4, 7, 8, 9

_PART = re.compile(r"^(Phần\s+thứ\s+\w+|PHẦN\s+THỨ\s+\w+)\s*[:.]?\s*(.*)$")
_LETTER = re.compile(r"^([A-DĐ])\.\s+(\S.*)$")
_ROMAN = re.compile(r"^(X{0,3}(?:IX|IV|V?I{1,3}|V))\s*[.\-–]\s*(\S.*)$")
_NUMBER = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:\.|-|–|\.-)\s*(?=\D)(\S.*)$"
    r"|^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(?=[A-ZĐÀ-Ỹ])(\S.*)$"  # "2.6 Tăng cường …": no dot after
)
_ALPHA = re.compile(r"^([a-zđ])\)\s+(\S.*)$")
_STAR = re.compile(r"^(\*+)\s*(\S.*?)\s*\**$")
_DASH = re.compile(r"^([-–+•])\s*(\S.*)$")
_DIGIT = re.compile(r"\d")
# the first characters of _ROMAN, _LETTER and _DASH (the other markers are tested in ``classify``)
_ROMAN_FIRST, _LETTER_FIRST, _DASH_FIRST = frozenset("IVX"), frozenset("ABCDĐ"), frozenset("-–+•")


def _title(body: str, limit: int = 150) -> str | None:
    """The heading's title: text before an inline ":" when short, else the whole text when short."""
    body = body.strip().strip("*").strip()
    head, colon, _rest = body.partition(":")
    if colon and 0 < len(head) <= 90 and ". " not in head:
        return head.strip()
    if ". " in body[:limit]:
        body = body.split(". ", 1)[0]
    if len(body) <= limit:
        return body.rstrip(" .:;")
    # A numbered point that runs on: name it by its first clause.
    first = re.split(r"[;.,]", body, maxsplit=1)[0]
    return (first[:80].rstrip() + "…") if len(first) > 80 else first.strip()


def classify(text: str) -> tuple[int, str, str] | None:
    """(level, marker, title) when ``text`` opens with a heading marker, else None.

    Each marker opens with its own characters ("P", a Roman numeral's I/V/X, A–D or Đ, a digit, a
    lowercase letter, "*", a bullet), so the first character says which one pattern can match.
    """
    s = text.strip().lstrip("#").strip()  # Markdown "## 1. Về kinh tế"
    if not s:
        return None
    first = s[0]
    if first == "P":
        m = _PART.match(s)
        return (PART, m[1], (m[2] or "").strip(" :.")) if m else None
    if first in _ROMAN_FIRST:
        m = _ROMAN.match(s)
        return (ROMAN, m[1], _title(m[2]) or "") if m and m[1] else None
    if first in _LETTER_FIRST:
        m = _LETTER.match(s)
        return (LETTER, m[1], _title(m[2]) or "") if m else None
    if first.isdecimal():
        m = _NUMBER.match(s)
        if not m:
            return None
        marker, body = (m[1], m[2]) if m[1] else (m[3], m[4])
        return NUMBER + marker.count("."), marker, _title(body) or ""
    if "a" <= first <= "z" or first == "đ":
        m = _ALPHA.match(s)
        return (ALPHA, m[1], _title(m[2]) or "") if m else None
    if first == "*":
        return _bullet(_STAR.match(s), STAR)
    if first in _DASH_FIRST:
        return _bullet(_DASH.match(s), DASH)
    return None


def _bullet(m: re.Match[str] | None, level: int) -> tuple[int, str, str] | None:
    """A bullet is a heading only when it is a short label ("* Trồng trọt", "- Về công tác …:")."""
    if not m:
        return None
    body = m[2].strip().strip("*").strip()
    if len(body) <= 80 and not _DIGIT.search(body) and (body.endswith(":") or "." not in body[:-1]):
        if level == DASH and not body.endswith(":"):
            return None
        return level, m[1][0], body.rstrip(" :")
    return None


def number_parts(marker: str) -> tuple[int, ...] | None:
    """(1, 2) for "1.2"; None for markers that are not numbers."""
    if not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", marker):
        return None
    return tuple(int(p) for p in marker.split("."))
