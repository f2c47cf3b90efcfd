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
# the first characters a marker can open with: "Phần"/"PHẦN", the Roman numerals' I, V, X, the letters A–D
# and Đ, "*" and the bullets; _ALPHA's lowercase letter and _NUMBER's digit (any \d) are tested apart
_MARKER_FIRST = frozenset("PIVXABCDĐ*-–+•")


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


def _may_open_marker(first: str) -> bool:
    """Whether a marker below can open with ``first``: _MARKER_FIRST, _ALPHA's lowercase letter, _NUMBER's digit."""
    return first in _MARKER_FIRST or "a" <= first <= "z" or first == "đ" or first.isdecimal()


def classify(text: str) -> tuple[int, str, str] | None:
    """(level, marker, title) when ``text`` opens with a heading marker, else None."""
    s = text.strip().lstrip("#").strip()  # Markdown "## 1. Về kinh tế"
    if not s:
        return None
    if not _may_open_marker(s[0]):
        return None  # most paragraphs open with no marker's first character
    m = _PART.match(s)
    if m:
        return PART, m[1], (m[2] or "").strip(" :.")
    m = _ROMAN.match(s)
    if m and m[1]:
        return ROMAN, m[1], _title(m[2]) or ""
    m = _LETTER.match(s)
    if m:
        return LETTER, m[1], _title(m[2]) or ""
    m = _NUMBER.match(s)
    if m:
        marker, body = (m[1], m[2]) if m[1] else (m[3], m[4])
        return NUMBER + marker.count("."), marker, _title(body) or ""
    m = _ALPHA.match(s)
    if m:
        return ALPHA, m[1], _title(m[2]) or ""
    for pattern, level in ((_STAR, STAR), (_DASH, DASH)):
        m = pattern.match(s)
        if m:
            body = m[2].strip().strip("*").strip()
            # A bullet is a heading only when it is a short label ("* Trồng trọt", "- Về công tác …:").
            if len(body) <= 80 and not _DIGIT.search(body) and (body.endswith(":") or "." not in body[:-1]):
                if level == DASH and not body.endswith(":"):
                    return None
                return level, m[1][0], body.rstrip(" :")
            return None
    return None


def number_parts(marker: str) -> tuple[int, ...] | None:
    """(1, 2) for "1.2"; None for markers that are not numbers."""
    if not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", marker):
        return None
    return tuple(int(p) for p in marker.split("."))
