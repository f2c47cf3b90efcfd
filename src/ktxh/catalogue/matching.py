"""A target line or a report sentence → catalogue indicators, each with a score out of 100.

Matching runs rapidfuzz over :func:`~ktxh.catalogue.normalize.normalize`\\ d text against
every name and synonym of the catalogue, keeps the best spelling per indicator, and drops
the indicators whose unit cannot be the line's ("%" never matches an indicator in tấn).
Below :data:`THRESHOLD` the caller asks a person to choose.

>>> best = match("Vận động người dân tham gia BHYT đạt 93%.", unit="%")[0]
>>> best.code, best.score >= THRESHOLD
('ty-le-bhyt', True)
>>> [m.code for m in match("Sản lượng lúa: 2.961 tấn", unit="tấn")][:1]
['san-luong-lua']
>>> any(m.code == "san-luong-lua" for m in match("Sản lượng lúa đạt 95%", unit="%"))
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from ktxh.core.units import lookup_unit

from .model import Indicator, load_catalogue
from .normalize import normalize

#: Below this score a match is a suggestion only: the person chooses.
THRESHOLD = 80.0

# Counts of the same thing: people, households, places. A count of one never matches another.
_FAMILIES = {
    "người": "người", "lao động": "người", "công dân": "người", "học sinh": "người", "h.sinh": "người", "em": "người",
    "bệnh nhân": "người", "trẻ": "người", "hội viên": "người", "lượt người": "người", "đảng viên": "người",
    "hộ": "hộ", "hộ nghèo": "hộ", "hộ cận nghèo": "hộ", "hộ dân": "hộ", "gia đình": "hộ",
    "thôn": "thôn", "tổ": "thôn", "tdp": "thôn", "tổ dân phố": "thôn", "khối": "thôn", "khối phố": "thôn",
    "khóm": "thôn", "nhóm": "thôn", "làng": "thôn", "ấp": "thôn",
    "vụ": "vụ", "ca": "vụ", "trường hợp": "vụ", "đơn": "vụ",
    "cơ sở": "cơ sở", "doanh nghiệp": "cơ sở", "hợp tác xã": "cơ sở", "htx": "cơ sở", "trang trại": "cơ sở",
    "gia trại": "cơ sở",
}
# A change in percent, or a share of what was assigned, fits an indicator in any unit.
_RELATIVE = re.compile(
    r"\b(?:tăng|giảm)\b[^.;:]*?\d[\d.,]*\s*(?:[-–]\s*\d[\d.,]*\s*)?%|\d\s*%\s*(?:chỉ\s+tiêu|kế\s+hoạch|so\s+với|dự\s+toán)"
    r"|(?:chỉ\s+tiêu|kế\s+hoạch|dự\s+toán)[^.;]*\bgiao\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Match:
    """A catalogue indicator proposed for a text: ``score`` 0–100, ``spelling`` the name or synonym that matched."""

    code: str
    name: str
    unit: str
    field: str
    score: float
    spelling: str

    @property
    def sure(self) -> bool:
        """At or above :data:`THRESHOLD`: safe to take without asking."""
        return self.score >= THRESHOLD

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "name": self.name, "unit": self.unit, "field": self.field,
                "score": round(self.score, 1), "spelling": self.spelling, "sure": self.sure}


@lru_cache(maxsize=1024)
def _family(unit: str) -> tuple[str, str] | None:
    """(kind, family) of a unit: ("money", "đồng"), ("count", "người"), ("percent", "%")…"""
    u = lookup_unit(unit)
    head = unit.strip().casefold().split("/")[0].strip()
    if u is None:
        return ("measure", head) if head else None
    if u.kind == "count":
        return "count", _FAMILIES.get(head, head)
    if u.kind in ("money", "percent"):
        return u.kind, u.kind
    return u.kind, u.base.split("/")[0]


def _per(unit: str) -> frozenset[str]:
    """What a unit is counted per, the period left out: "triệu đồng/người/năm" → {"người"}."""
    parts = [p.strip().casefold() for p in unit.split("/")[1:]]
    return frozenset(p for p in parts if p and p not in ("năm", "năm học", "tháng"))


def compatible(indicator_unit: str, unit: str | None, *, relative: bool = False) -> bool:
    """Whether a figure in ``unit`` can be a value of an indicator measured in ``indicator_unit``.

    A figure "per" something (ha, người) fits only an indicator counted per the same thing; an
    indicator per person also takes a figure that leaves "/người" out, as plans often do.

    >>> compatible("%", "tấn"), compatible("tấn", "kg"), compatible("người", "lao động")
    (False, True, True)
    >>> compatible("triệu đồng", "%"), compatible("triệu đồng", "%", relative=True)
    (False, True)
    >>> compatible("", "%"), compatible("hộ", "người")
    (True, False)
    >>> compatible("tỷ đồng", "triệu đồng/ha/năm"), compatible("triệu đồng/người/năm", "triệu đồng")
    (False, True)
    """
    if not unit:
        return True
    if relative and unit.strip() in ("%", "‰"):
        return True
    line = _family(unit)
    if not indicator_unit:
        # A qualitative indicator ("đạt chuẩn") takes a count or a percentage of what was to be done.
        return line is None or line[0] in ("count", "percent")
    ind = _family(indicator_unit)
    if line is None or ind is None:
        return True
    return line == ind and _per(unit) <= _per(indicator_unit)


@lru_cache(maxsize=1)
def _choices() -> tuple[list[str], list[tuple[Indicator, str]]]:
    texts: list[str] = []
    owners: list[tuple[Indicator, str]] = []
    for ind in load_catalogue():
        for spelling in (ind.name, *ind.synonyms):
            key = normalize(spelling)
            if key:
                texts.append(key)
                owners.append((ind, spelling))
    return texts, owners


@lru_cache(maxsize=1)
def _index() -> dict[str, frozenset[int]]:
    """Word → the spellings holding it, for the words that name few indicators (not "tỷ", "lệ", "số")."""
    texts, _ = _choices()
    words: dict[str, set[int]] = {}
    for i, t in enumerate(texts):
        for w in set(t.split()):
            words.setdefault(w, set()).add(i)
    cap = max(20, len(texts) // 12)
    return {w: frozenset(ids) for w, ids in words.items() if len(ids) <= cap}


def _candidates(query: str) -> list[int] | None:
    """Spellings that share a telling word with the query; None (all of them) when no word tells."""
    index = _index()
    ids: set[int] = set()
    for w in query.split():
        ids |= index.get(w, frozenset())
    return sorted(ids) if ids else None


#: The score: mostly the whole phrase in order (token_sort_ratio), some credit when one phrase
#: holds the other's words (token_set_ratio).
IN_ORDER, IN_COMMON = 0.6, 0.4


def is_relative(text: str) -> bool:
    """A target stated as a percentage change or a share of the assigned plan.

    >>> is_relative("Thu ngân sách tăng 10-15% /năm"), is_relative("Tỷ lệ hộ nghèo: 0,42%")
    (True, False)
    """
    return bool(_RELATIVE.search(text))


def match(text: str, unit: str | None = None, *, limit: int = 5, context: str | None = None,
          relative: bool | None = None) -> list[Match]:
    """Catalogue indicators for ``text``, best first, at most ``limit``, only those whose unit fits ``unit``.

    ``context`` is the heading or parent row ("Tốc độ phát triển GTSX" above "- Dịch vụ"): it is
    tried with the text when the text alone is not sure. ``relative`` (inferred from the text
    when None) lets a percentage change match an indicator in any unit.
    """
    if relative is None:
        relative = is_relative(text)
    found = _match(normalize(text), unit, relative, limit)
    if context and (not found or not found[0].sure):
        with_context = _match(normalize(f"{context} {text}"), unit, relative, limit)
        if with_context and (not found or with_context[0].score > found[0].score):
            found = with_context
    return found


def _match(query: str, unit: str | None, relative: bool, limit: int) -> list[Match]:
    if not query:
        return []
    texts, owners = _choices()
    # Spellings sharing a telling word; rapidfuzz's own scorers (C) pick the best of them by words
    # held in common, then score those by the phrase in order; the score blends the two.
    ids = _candidates(query)
    pool = texts if ids is None else [texts[i] for i in ids]
    pre = process.extract(query, pool, scorer=fuzz.token_set_ratio, limit=max(60, limit * 10))
    ordered = process.extract(query, [t for t, _s, _i in pre], scorer=fuzz.token_sort_ratio, limit=None)
    hits = [(pre[k][0], IN_ORDER * sort + IN_COMMON * pre[k][1], pre[k][2] if ids is None else ids[pre[k][2]])
            for _t, sort, k in ordered]
    best: dict[str, Match] = {}
    for _text, score, i in hits:
        ind, spelling = owners[i]
        if not compatible(ind.unit, unit, relative=relative):
            continue
        if unit and ind.unit and unit.strip().casefold() == ind.unit.casefold():
            score = min(100.0, score + 2.0)  # the same unit breaks a tie between siblings
        if ind.code not in best or score > best[ind.code].score:
            best[ind.code] = Match(ind.code, ind.name, ind.unit, ind.field, float(score), spelling)
    return sorted(best.values(), key=lambda m: (-m.score, m.code))[:limit]


def best_match(text: str, unit: str | None = None, *, context: str | None = None) -> Match | None:
    """The best match when it is sure (score ≥ :data:`THRESHOLD`), else None: a person decides."""
    found = match(text, unit, limit=1, context=context)
    return found[0] if found and found[0].sure else None
