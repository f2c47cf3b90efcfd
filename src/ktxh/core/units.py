"""Units (ĐVT) as the seeds write them, and what kind of quantity each one measures.

The kind decides how an ambiguous separator is read: a count of people is whole, so
``12,575 người`` is twelve thousand; a percentage is not, so ``0,42%`` is a fraction.

>>> lookup_unit("tỷ đồng").base, lookup_unit("tỷ đồng").scale
('đồng', Decimal('1000000000'))
>>> lookup_unit("H.sinh").kind
'count'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

UnitKind = Literal["percent", "money", "count", "measure", "time"]


@dataclass(frozen=True)
class Unit:
    """A unit: its canonical spelling, kind, and the factor to its base unit."""

    name: str
    kind: UnitKind
    base: str
    scale: Decimal = Decimal(1)


def _u(name: str, kind: UnitKind, base: str | None = None, scale: int | str = 1) -> Unit:
    return Unit(name, kind, base or name, Decimal(scale))


_CANONICAL: list[tuple[tuple[str, ...], Unit]] = [
    (("%",), _u("%", "percent")),
    (("‰", "%o", "‰o"), _u("‰", "percent")),
    (("tỷ đồng", "tỷ", "tỉ đồng", "tỉ"), _u("tỷ đồng", "money", "đồng", 10**9)),
    (("triệu đồng", "triệu"), _u("triệu đồng", "money", "đồng", 10**6)),
    (("nghìn đồng", "ngàn đồng", "nghìn", "ngàn"), _u("nghìn đồng", "money", "đồng", 1000)),
    (("đồng", "đ", "vnđ", "vnd"), _u("đồng", "money")),
    (("tấn",), _u("tấn", "measure")),
    (("kg",), _u("kg", "measure", "tấn", "0.001")),
    (("tạ",), _u("tạ", "measure", "tấn", "0.1")),
    (("m³", "m3"), _u("m³", "measure")),
    (("ha", "hecta", "héc ta"), _u("ha", "measure")),
    (("m²", "m2"), _u("m²", "measure")),
    (("km",), _u("km", "measure")),
    (("mét", "m"), _u("m", "measure")),
    (("lít",), _u("lít", "measure")),
    (("năm học",), _u("năm học", "time")),
    (("năm",), _u("năm", "time")),
    (("tháng",), _u("tháng", "time")),
    (("ngày",), _u("ngày", "time")),
    (("lần",), _u("lần", "measure")),
    (("điểm",), _u("điểm", "measure")),
]

# Things that are counted: whole numbers, so a lone "," before three digits groups thousands.
_COUNT_WORDS = (
    "người", "hộ", "hộ nghèo", "hộ cận nghèo", "hồ sơ", "học sinh", "h.sinh", "em", "trường", "lớp",
    "phòng học", "con", "cây", "lao động", "lượt", "lượt người", "cơ sở", "trường hợp", "công dân",
    "đơn", "tổ", "tdp", "tổ dân phố", "khối", "khối phố", "khóm", "thôn", "phòng", "căn", "cái",
    "loa", "bình", "phần quà", "suất", "ca", "ổ dịch", "đợt", "cuộc", "giải", "sản phẩm", "tuyến",
    "nhà", "vụ", "nhóm", "gia đình", "đ/c", "di tích", "hợp tác xã", "htx", "doanh nghiệp", "chỉ tiêu",
    "tiêu chí", "hội viên", "bệnh nhân", "trẻ", "đơn vị", "ghe", "lớp tập huấn", "buổi", "phường", "xã",
    "tộc họ", "trang trại", "gia trại", "thẻ", "tài khoản", "mô hình", "công trình", "dự án", "hộ dân",
    "cơ quan", "tuyến đường", "tuyến phố", "chuẩn", "thanh niên", "lệnh gọi", "liều", "đàn",
)

_TABLE: dict[str, Unit] = {}
for _spellings, _unit in _CANONICAL:
    for _s in _spellings:
        _TABLE[_s.casefold()] = _unit
for _w in _COUNT_WORDS:
    _TABLE.setdefault(_w.casefold(), _u(_w, "count"))

def _trie_pattern(words: list[str]) -> str:
    """One regex for many words, common prefixes shared, longer words first.

    A flat "a|ab|abc…" alternation of a hundred units is tried word by word after every
    number; the trie fails on the first letter that no unit has.

    >>> p = re.compile(_trie_pattern(["tỷ", "tỷ đồng", "tấn"]))
    >>> [p.match(t).group(0) for t in ("tỷ đồng", "tỷ", "tấn/ha")]
    ['tỷ đồng', 'tỷ', 'tấn']
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # Greedy "?" tries the longer spelling first, so "tỷ đồng" wins over "tỷ".
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return build(trie)


# Spellings are matched case-insensitively, so the trie holds them folded.
UNIT_PATTERN = (
    "(?:"
    + _trie_pattern(sorted(_TABLE))
    + r")(?:\s?/\s?(?:người|năm học|năm|tháng|ha|hộ|lao động))*"
)


@lru_cache(maxsize=4096)
def lookup_unit(text: str | None) -> Unit | None:
    """The unit written as ``text`` (any case, optional "/năm" tail), or None if unknown.

    >>> lookup_unit("Người").kind
    'count'
    >>> lookup_unit("triệu đồng/người/năm").name
    'triệu đồng/người/năm'
    >>> lookup_unit("xyz") is None
    True
    """
    if not text:
        return None
    key = " ".join(text.strip().casefold().split())
    if key in _TABLE:
        return _TABLE[key]
    head, sep, tail = key.partition("/")
    if sep and head.strip() in _TABLE:
        unit = _TABLE[head.strip()]
        tail = "/".join(p.strip() for p in tail.split("/"))
        return Unit(f"{unit.name}/{tail}", unit.kind, f"{unit.base}/{tail}", unit.scale)
    return None


def unit_kind(text: str | None) -> UnitKind | None:
    """The kind of the unit written as ``text``; None when unknown or absent."""
    unit = lookup_unit(text)
    return unit.kind if unit else None
