"""Statements whose figure can be recomputed from other figures of the same document.

Every number comes from ``ktxh.core.numbers.find_numbers``, which already skips dates,
document numbers, "ISO 9001:2015" and "24/24h"; this module only looks at how the
numbers it returns stand to each other in a sentence.

>>> [(c.kind, str(c.stated.value)) for c in claims_in_text("đạt 11.800 cây/4.500 cây đạt 226,22%")]
[('ratio', '226.22')]
>>> [c.kind for c in claims_in_text("Công văn số 1388/UBND-VP ngày 01/6/2023, đạt hạng 05/14 đơn vị")]
[]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from ktxh.core.errors import KtxhError
from ktxh.core.numbers import Number, find_numbers, parse_number, parse_number_words
from ktxh.core.units import lookup_unit

from .build import build
from .document import Document, Location, Paragraph, Table
from .metadata import metadata_of
from .scan import keyword_finditer, lowered
from .text import read_text

_SLASH = re.compile(r"\s*/\s*(?:(?:KH|kế\s+hoạch)\s+)?|\s+trên\s+tổng\s+số\s+")  # rules "a/KH b", "a trên tổng số b"  # rule "a/KH b": the plan word inside the pair
_LINK = re.compile(r"(?i)(đạt|bằng|=|tỷ lệ|tỉ lệ|chiếm)")
_RANK = re.compile(r"(?i)hạng\s*$")
_RANGE_BEFORE = re.compile(r"\d\s*[-–]\s*$")
_GROWTH_BEFORE = re.compile(r"(?i)\b(tăng|giảm)\s+(?:khoảng\s+)?$")
_GROWTH_AFTER = re.compile(r"(?i)^\s*so\s+(?:với\s+)?(?:cùng\s+kỳ\s+)?(?:năm\s+)?(\d{4})")
_BASE_PAREN = re.compile(r"^\s*\(\s*$")
_YEAR_PAREN = re.compile(r"(?i)năm\s+(\d{4})\s*\(\s*$")
_MULTIPLE_BEFORE = re.compile(r"(?i)gấp\s+$")
_MULTIPLE_AFTER = re.compile(r"(?i)^\s*(?:lần\s+)?so\s+với\s+(?:năm\s+)?(\d{4})")
_TERM = re.compile(r"(?i)(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(\d{4})\s*[-–]\s*(\d{4})")
_CONNECTOR = re.compile(r"(?i)\b(trong\s+đó|bao\s+gồm|gồm)\b(?:\s+có)?\s*:?|\bcó\b|(?<=chỉ tiêu)\s*:")
# where a _CONNECTOR match can begin: at its words, or right after "chỉ tiêu" (its look-behind)
_CONNECTOR_STARTS = (("trong", 0), ("bao", 0), ("gồm", 0), ("có", 0), ("chỉ tiêu", len("chỉ tiêu")))
_SHARE_GAP = re.compile(r"(?i)^\s*,?\s*(=|chiếm|tương\s+ứng)\s*$")
# rule "noun phrase before chiếm": "33.755 hộ chăn nuôi có chuồng trại …, chiếm 80,5%"
_SHARE_PHRASE = re.compile(r"(?i)^[^\d;:()%]{0,90}?,?\s*(?:chiếm(?:\s+tỷ\s+lệ)?|tương\s+ứng)\s*$")
_SERIES_ENTRY = re.compile(r"(?i)(?:năm\s+)?(\d{4})\s*:\s*$")
_STRUCTURE = re.compile(r"(?i)cơ\s+cấu|tỷ\s+trọng|tỉ\s+trọng")


@dataclass(frozen=True)
class Claim:
    """A statement to check. ``stated`` is the figure the document states; ``inputs`` what it rests on."""

    kind: str
    quote: str
    location: Location
    stated: Number | None = None
    inputs: tuple[Number, ...] = ()
    label: str = ""
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


_SENTENCE_END = re.compile(r"[.!?…]+\s+")
_MARKER_ONLY = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]+|[A-DĐa-z])$")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of a paragraph: a cut after "." "!" "?" before a capital letter."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        nxt = text[m.end() : m.end() + 1]
        if not nxt or not (nxt.isupper() or nxt in "-+*"):
            continue
        if _MARKER_ONLY.match(text, start, m.start()):
            continue  # "1. Lĩnh vực kinh tế": the dot of a heading marker ends no sentence
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    if len(text) > MAX_SENTENCE and any(b - a > MAX_SENTENCE for a, b in spans):
        spans = [piece for a, b in spans for piece in _chunks(text, a, b)]
    return spans


MAX_SENTENCE = 1500  # real sentences are shorter; longer runs (junk, tables pasted flat) are cut so work stays linear


def _chunks(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out = []
    while b - a > MAX_SENTENCE:
        cut = max(text.rfind(";", a, a + MAX_SENTENCE), text.rfind(" ", a, a + MAX_SENTENCE))
        cut = cut + 1 if cut > a else a + MAX_SENTENCE
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out


def unit_key(n: Number) -> str | None:
    """What a figure counts, for adding figures up: money in any scale is "money", else the first word."""
    if not n.unit:
        return None
    u = lookup_unit(n.unit)
    if u is not None and u.kind == "money":
        return "money"
    if u is not None and u.kind == "percent":
        return u.name
    word = n.unit.casefold().split()[0].split("/")[0]
    return _SAME_THING.get(word, word)


_SAME_THING = {"em": "trẻ", "cháu": "trẻ"}  # "2.655 trẻ, trong đó: trẻ 5 tuổi có 324 em"


def is_count(n: Number) -> bool:
    u = lookup_unit(n.unit) if n.unit else None
    return u is not None and u.kind == "count"


_TRAILING = ("toàn phường có", "ước đạt", "đạt", "là", "được", "có", "ước")


def _label(text: str) -> str:
    """The indicator's name before "a/b": "Tổng sản lượng … năm 2021 đạt:" → "Tổng sản lượng … năm 2021"."""
    t = " ".join(text[-200:].replace("*", " ").split()).lstrip("-+•– ")
    head, colon, tail = t.rpartition(":")
    if colon and len(tail.split()) >= 2:
        t = tail.strip()  # "Về thu ngân sách: Ước thu" names "Ước thu"
    changed = True
    while changed:
        changed = False
        t = t.rstrip(" :,;(")
        for word in _TRAILING:
            if t.lower().endswith(" " + word) or t.lower() == word:
                t, changed = t[: len(t) - len(word)], True
                break
    return t.strip(" :,;(")


@dataclass
class _Ctx:
    """What a finder needs about one sentence."""

    text: str  # the paragraph text
    start: int
    end: int
    numbers: list[Number]  # the sentence's numbers, offsets in the paragraph text
    location: Location
    low: str | None = None  # the paragraph text lowercased, when that keeps every offset (see ``lowered``)

    @property
    def quote(self) -> str:
        if self._quote is None:
            self._quote = _bounded(self.text, self.start, self.end, self.numbers[0].start)
        return self._quote

    _quote: str | None = None


MAX_QUOTE = 600  # a "sentence" longer than this is no sentence (a table pasted flat, junk): quote a window


def _bounded(text: str, start: int, end: int, at: int) -> str:
    if end - start <= MAX_QUOTE:
        return text[start:end].strip()
    lo = max(start, at - MAX_QUOTE // 3)
    return "…" + text[lo : min(end, lo + MAX_QUOTE)].strip() + "…"


def _ratios(ctx: _Ctx) -> Iterator[Claim]:
    nums, text = ctx.numbers, ctx.text
    for i in range(len(nums) - 1):
        a, b = nums[i], nums[i + 1]
        if not _SLASH.fullmatch(text[a.end : b.start]):
            continue
        if _RANK.search(text[max(ctx.start, a.start - 12) : a.start]):
            continue  # "đạt hạng 05/14 đơn vị" is a rank
        if i > 0 and _SLASH.fullmatch(text[nums[i - 1].end : a.start]):
            continue  # the tail of a chain "a/b/c"
        stated = _stated_after(ctx, i) or _stated_before(ctx, i)
        if stated is None and i + 2 < len(nums) and _QUOTIENT_GAP.fullmatch(text[b.end : nums[i + 2].start]):
            yield Claim("quotient", ctx.quote, ctx.location, nums[i + 2], (a, b), "", {})
            continue
        clause_start = max(ctx.start, text.rfind(";", max(ctx.start, a.start - 300), a.start) + 1)
        label = _label(text[clause_start : a.start])
        if len(label.split()) < 4 or label.lower().startswith("kết quả") or label.endswith(" và"):
            # "Đến nay 4/4 khối phố có nhà sinh hoạt văn hoá": the name comes after the figures.
            after = re.split(r"[,.;(=]|\d", text[b.end : min(ctx.end, b.end + 120)], maxsplit=1)[0]
            label = " ".join(f"{b.unit or ''} {after}".split()).strip() or label
        yield Claim(
            "ratio" if stated else "progress", ctx.quote, ctx.location, stated, (a, b), label,
            {"unit": b.unit or a.unit},
        )


# rule "difference against the plan": "33/ 31,5 ha vượt 1,5 ha so với KH", "86/95 ha, còn thiếu 9 ha so với kế hoạch"
_DIFF_GAP = re.compile(r"(?i)^[^\d;()]{0,30}?\b(?P<verb>vượt|tăng|hơn|thừa|cao\s+hơn|giảm|thiếu|còn\s+thiếu|hụt|thấp\s+hơn)"
                       r"(?:\s+(?:so\s+với\s+)?(?:kế\s+hoạch|KH|chỉ\s+tiêu))?\s*$")
_DIFF_AFTER = re.compile(r"(?i)\s*(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|KH\b|chỉ\s+tiêu|cùng\s+kỳ|năm\s+trước)")
_LESS = ("giảm", "thiếu", "còn thiếu", "hụt", "thấp hơn")


def _differences(ctx: _Ctx) -> Iterator[Claim]:
    """The difference stated after a pair "a/b": a − b for "vượt", b − a for "thiếu" (same unit, not a percent)."""
    nums, text = ctx.numbers, ctx.text
    for i in range(len(nums) - 2):
        a, b, d = nums[i], nums[i + 1], nums[i + 2]
        if not _SLASH.fullmatch(text[a.end : b.start]) or (d.unit or "").endswith("%") or d.unit in ("‰",):
            continue
        if d.unit and b.unit and unit_key(d) != unit_key(b):
            continue
        m = _DIFF_GAP.match(text[b.end : d.start])
        if m is None or not (d.unit or _DIFF_AFTER.match(text, d.end)) or not (
                _DIFF_AFTER.match(text, d.end) or "kế" in m.group(0).lower() or "kh" in m.group(0).lower()):
            continue
        less = " ".join(m["verb"].lower().split()) in _LESS
        yield Claim("difference", ctx.quote, ctx.location, d if d.unit else _with_unit(d, b), (a, b), "",
                    {"less": less})


_QUOTIENT_GAP = re.compile(r"\s*=\s*")
_PERCENT_FIRST_GAP = re.compile(r"\s*\(\s*")


def _stated_after(ctx: _Ctx, i: int) -> Number | None:
    """"a/b … đạt p%": the percent after the pair, linked by "đạt", "bằng", "=" or "tỷ lệ"."""
    nums = ctx.numbers
    if i + 2 >= len(nums):
        return None
    c, gap = nums[i + 2], ctx.text[nums[i + 1].end : nums[i + 2].start]
    if c.unit == "%" and len(gap) <= 60 and ";" not in gap and _LINK.search(gap):
        return c
    return None


def _stated_before(ctx: _Ctx, i: int) -> Number | None:
    """Rule "percent first": "58,9% (66/112 thôn)", "a/b xã (p%)" is the other way round."""
    if i == 0:
        return None
    p = ctx.numbers[i - 1]
    if p.unit == "%" and _PERCENT_FIRST_GAP.fullmatch(ctx.text[p.end : ctx.numbers[i].start]):
        return p
    return None


def _growth_current(ctx: _Ctx, i: int, base: Number | None) -> Number | None:
    """The figure that grew: the numerator of an "a/b" before it, the last figure of the base's kind,
    or else the last percent before it."""
    nums, text = ctx.numbers, ctx.text
    for j in range(i - 1, -1, -1):
        x = nums[j]
        if j > 0 and _SLASH.fullmatch(text[nums[j - 1].end : x.start]):
            current = nums[j - 1]
            return _with_unit(current, x) if current.unit is None and x.unit else current
        if x.unit and x.unit != "%" and (base is None or unit_key(x) == unit_key(base)):
            return x
    return next((nums[j] for j in range(i - 1, -1, -1) if nums[j].unit == "%"), None)


def _growths(ctx: _Ctx, bases: dict[tuple[int, str | None], list[Number]]) -> Iterator[Claim]:
    """Rule "growth": "tăng 8,4% so với năm 2020 (5551,1 tấn)", the base in parentheses or elsewhere."""
    nums, text = ctx.numbers, ctx.text
    for i, n in enumerate(nums):
        if n.unit != "%":
            continue
        before = text[max(ctx.start, n.start - 16) : n.start]
        m_after = _GROWTH_AFTER.match(text[n.end : n.end + 40])
        m_before = _GROWTH_BEFORE.search(before)
        if not (m_before and m_after) or _RANGE_BEFORE.search(before):
            continue
        year = int(m_after[1])
        after_end = n.end + m_after.end()
        following = [x for x in nums[i + 1 :] if x.start >= after_end]
        base = following[0] if following and _BASE_PAREN.match(text[after_end : following[0].start]) else None
        current = _growth_current(ctx, i, base)
        where = "văn bản"
        if base is None and current is not None:
            found = bases.get((year, unit_key(current)), [])
            if len({x.value for x in found}) == 1:
                base, where = found[0], "chỗ khác trong văn bản"
        yield Claim(
            "growth", ctx.quote, ctx.location, n, tuple(x for x in (current, base) if x is not None), "",
            {"year": year, "direction": m_before[1].lower(), "current": current, "base": base, "base_where": where},
        )


def _with_unit(n: Number, other: Number) -> Number:
    return replace(n, unit=other.unit, scale=other.scale, base_unit=other.base_unit)


def _multiples(ctx: _Ctx, term_end: int | None) -> Iterator[Claim]:
    nums, text = ctx.numbers, ctx.text
    for i, m in enumerate(nums):
        if m.unit not in (None, "lần"):
            continue
        if not _MULTIPLE_BEFORE.search(text[max(ctx.start, m.start - 8) : m.start]):
            continue
        after = _MULTIPLE_AFTER.match(text[m.end : m.end + 40])
        if not after or i == 0:
            continue
        rate = nums[i - 1]
        if not (rate.unit or "").startswith("%") or "bình quân" not in text[max(0, rate.start - 40) : rate.start]:
            continue
        base_year = int(after[1])
        terms = list(_TERM.finditer(text))
        end_year = int(terms[-1][2]) if terms else term_end
        yield Claim(
            "multiple", ctx.quote, ctx.location, m, (rate,), "",
            {"rate": rate, "base_year": base_year, "end_year": end_year, "term_from_text": bool(terms)},
        )


def _parts_after(nums: list[Number], text: str, start: int, key: str) -> list[Number]:
    out = []
    for k, x in enumerate(nums):
        if x.start < start or unit_key(x) != key:
            continue
        nxt = nums[k + 1] if k + 1 < len(nums) else None
        prev = nums[k - 1] if k > 0 else None
        if nxt is not None and _SLASH.fullmatch(text[x.end : nxt.start]):
            continue
        if prev is not None and _SLASH.fullmatch(text[prev.end : x.start]):
            continue
        if _RANGE_BEFORE.search(text[max(0, x.start - 4) : x.start]):
            continue
        if "/" in (x.unit or "") or _in_sub_parenthesis(text, start, x.start):
            continue  # "2,99 con/hộ" is a rate; "(trong đó, có 13 chỉ tiêu vượt)" a part of a part
        out.append(x)
    return out


_SUB_PAREN = re.compile(r"(?i)\(\s*trong\s+đó")


def _in_sub_parenthesis(text: str, start: int, at: int) -> bool:
    opened = text.rfind("(", start, at)
    return opened > text.rfind(")", start, at) and bool(_SUB_PAREN.match(text, opened))


def _unpaired(nums: list[Number], text: str) -> list[Number]:
    """The figures that are not one side of an "a/b" pair."""
    out = []
    for k, x in enumerate(nums):
        if k + 1 < len(nums) and _SLASH.fullmatch(text[x.end : nums[k + 1].start]):
            continue
        if k > 0 and _SLASH.fullmatch(text[nums[k - 1].end : x.start]):
            continue
        out.append(x)
    return out


_COUNT_OUTCOME = re.compile(r"(?i)\s*(?:chỉ\s+tiêu\s+)?(?:hoàn\s+thành\s+)?(?:vượt|đạt|không\s+đạt|chưa\s+đạt|hoàn\s+thành)")


def _bare_count_parts(nums: list[Number], text: str, start: int, total: Number) -> list[Number]:
    """Rule "bare counts": "Kết quả 18 chỉ tiêu: 04 vượt, 11 đạt, 02 không đạt" counts chỉ tiêu too."""
    if (total.unit or "").casefold() != "chỉ tiêu":
        return []
    return [_with_unit(x, total) for x in nums if x.start >= start and x.unit is None
            and _COUNT_OUTCOME.match(text, x.end)]


def _total_claim(ctx: _Ctx, total: Number, parts: list[Number], how: str) -> Claim:
    """A total (or, for "chỉ tiêu", a count) with its parts; a count naming vượt and không đạt is exhaustive."""
    kind = "count" if (total.unit or "").casefold() == "chỉ tiêu" else "total"
    sentence = ctx.text[ctx.start : ctx.end]
    exhaustive = kind == "count" and bool(re.search(r"(?i)không\s+đạt", sentence)) and "vượt" in sentence.casefold()
    return Claim(kind, ctx.quote, ctx.location, total, tuple(parts), "",
                 {"how": how, "rest": ctx.text[parts[-1].end : ctx.end], "exhaustive": exhaustive})


def _connector_total(ctx: _Ctx, before: list[Number], is_co: bool) -> Number | None:
    """The figure a connector's parts add up to: the last of its kind before the connector."""
    for total in reversed(before):
        key = unit_key(total)
        if key is None or key.endswith("%") or key == "‰":
            continue
        if is_co and not (is_count(total) and before[-1] is total):
            return None
        if any(unit_key(x) == key for x in before if x.start > total.start):
            continue
        return total
    return None


def _connector_parts(ctx: _Ctx, m: re.Match[str], total: Number, is_co: bool) -> list[Number]:
    """The parts after "trong đó", "gồm", "có" or "N chỉ tiêu:", up to a closing ")" when it opened one."""
    nums, text = ctx.numbers, ctx.text
    parts = _parts_after(nums, text, m.end(), unit_key(total) or "")
    opened = text.rfind("(", ctx.start, m.start())
    if opened > text.rfind(")", ctx.start, m.start()):
        close = text.find(")", m.end())
        parts = [p for p in parts if close < 0 or p.end <= close]  # "(trong đó: …)" ends at ")"
    if is_co:
        parts = [p for p in parts if is_count(p)] or _bare_count_parts(nums, text, m.end(), total)
    return parts


def _connector_totals(ctx: _Ctx) -> Iterator[tuple[Number, list[Number], str]]:
    """Rule "Tổng … x, trong đó: a; b; c" and "22 chỉ tiêu … có 06 …, có 14 …"."""
    for m in keyword_finditer(_CONNECTOR, ctx.text, ctx.low, _CONNECTOR_STARTS, ctx.start, ctx.end):
        is_co = not m[1]
        before = [x for x in ctx.numbers if x.end <= m.start()]
        total = _connector_total(ctx, before, is_co) if before else None
        if total is not None:
            yield total, _connector_parts(ctx, m, total, is_co), "connector"


def _parenthesis_totals(ctx: _Ctx) -> Iterator[tuple[Number, list[Number], str]]:
    """Rule "parts in parentheses": "335 con tại 20 hộ (29 con lợn nái; 255 con lợn thịt; 51 con lợn con)"."""
    nums, text = ctx.numbers, ctx.text
    for m in re.finditer(r"\(([^()]*)\)", text[ctx.start : ctx.end]):
        o, c = ctx.start + m.start(), ctx.start + m.end()
        by_key: dict[str, list[Number]] = {}
        for x in _unpaired(nums, text):
            k = unit_key(x) if o < x.start and x.end < c else None
            if k and not k.endswith("%"):
                by_key.setdefault(k, []).append(x)
        before = [x for x in nums if x.end <= o]
        for key, parts in by_key.items():
            total = next((x for x in reversed(before) if unit_key(x) == key), None)
            if total is None and before and is_count(before[-1]) and re.fullmatch(r"[\s,]*", text[before[-1].end : o]):
                total = before[-1]
            if total is not None and len(parts) >= 2:
                yield total, parts, "paren"


def _totals(ctx: _Ctx) -> Iterator[Claim]:
    """Totals and counts stated with their parts in one sentence, each (total, parts) once."""
    seen: set[tuple[int, tuple[int, ...]]] = set()
    for total, parts, how in (*_connector_totals(ctx), *_parenthesis_totals(ctx)):
        ident = (total.start, tuple(p.start for p in parts))
        if len(parts) >= 2 and ident not in seen:
            seen.add(ident)
            yield _total_claim(ctx, total, parts, how)


_OF_PLAN_GAP = re.compile(r"(?i)^\s*,?\s*(?:ước\s+)?(?:đạt|bằng)\s+$")
_OF_PLAN_AFTER = re.compile(r"(?i)^\s*(?:so\s+với\s+)?(?:kế\s+hoạch|KH\b|chỉ\s+tiêu|NQ\b|nghị\s+quyết)")


def _of_plan(ctx: _Ctx) -> Iterator[Claim]:
    """"5.814,7 tấn đạt 100,1% kế hoạch": a ratio whose plan figure the document does not give."""
    nums, text = ctx.numbers, ctx.text
    for i, n in enumerate(nums):
        if n.unit != "%" or i == 0:
            continue
        prev = nums[i - 1]
        if not prev.unit or prev.unit.startswith(("%", "‰")):
            continue
        if i > 1 and _SLASH.fullmatch(text[nums[i - 2].end : prev.start]):
            continue  # "a/b đạt p%" is a ratio with both figures
        if _OF_PLAN_GAP.match(text[prev.end : n.start]) and _OF_PLAN_AFTER.match(text[n.end : n.end + 30]):
            plan = _plan_in_parenthesis(ctx, i, prev)
            if plan is not None:
                yield Claim("ratio", ctx.quote, ctx.location, n, (prev, plan), "", {"unit": prev.unit})
            else:
                yield Claim("ratio", ctx.quote, ctx.location, n, (prev,), "", {"plan_missing": True})


_PLAN_PAREN = re.compile(r"(?i)\(\s*(?:kế\s+hoạch|KH|chỉ\s+tiêu)[^()\d]{0,30}$")


def _plan_in_parenthesis(ctx: _Ctx, i: int, actual: Number) -> Number | None:
    """Rule "plan stated after": "35 tỷ đồng, đạt 116,6% so với kế hoạch (kế hoạch năm là 30 tỷ đồng)"."""
    for x in ctx.numbers[i + 1 : i + 3]:
        if unit_key(x) == unit_key(actual) and _PLAN_PAREN.search(ctx.text[max(ctx.start, x.start - 40) : x.start]):
            return x
    return None


def _shares(ctx: _Ctx) -> Iterator[Claim]:
    nums, text = ctx.numbers, ctx.text
    found: list[tuple[Number, Number]] = []
    for i, n in enumerate(nums):
        if n.unit != "%" or i == 0:
            continue
        prev = nums[i - 1]
        if i > 1 and _SLASH.fullmatch(text[nums[i - 2].end : prev.start]):
            continue  # "20/21 tổ = 95,45%" is a ratio
        if is_count(prev) and _SHARE_GAP.match(text[prev.end : n.start]):
            found.append((prev, n))
    for prev, n in found:
        # "73 hộ = 2.13%; hộ cận nghèo 69 hộ = 1.99%": shares of the same households imply one total.
        peers = tuple((q, m) for q, m in found if m is not n and unit_key(q) == unit_key(prev))
        yield Claim("share", ctx.quote, ctx.location, n, (prev,), "", {"part": prev, "peers": peers})


def _structure(ctx: _Ctx) -> Claim | None:
    """A sentence listing the structure of a whole: "tỷ trọng TM-DV chiếm 63%, CN-TTCN 33%, NN 4%"."""
    text = ctx.quote
    if not re.search(r"(?i)cơ\s+cấu", text) or "chiếm" not in text:
        return None
    pct = [n for n in ctx.numbers if n.unit == "%" and not _RANGE_BEFORE.search(ctx.text[max(0, n.start - 4) : n.start])]
    if len(pct) < 2 or any(_GROWTH_BEFORE.search(ctx.text[max(0, n.start - 12) : n.start]) for n in pct):
        return None
    return Claim("share", ctx.quote, ctx.location, None, tuple(pct), "", {"group": "sentence"})


def _economy_shares(ctx: _Ctx) -> list[Number]:
    """Shares of "tỷ trọng … nền kinh tế" stated one per sector, to add up across paragraphs."""
    out = []
    for n in ctx.numbers:
        if n.unit != "%":
            continue
        before = ctx.text[max(ctx.start, n.start - 10) : n.start]
        after = ctx.text[n.end : n.end + 40]
        if re.search(r"(?i)chiếm\s+$", before) and _STRUCTURE.search(after):
            out.append(n)
    return out


def base_index(doc: Document, numbers: list[list[Number]]) -> dict[tuple[int, str | None], list[Number]]:
    """Figures written as "năm 2020 (5551,1 tấn)", by year and kind, for growth claims elsewhere."""
    index: dict[tuple[int, str | None], list[Number]] = {}
    for p, nums in zip(doc.paragraphs, numbers, strict=True):
        if "(" not in p.text:
            continue
        for n in nums:
            m = _YEAR_PAREN.search(p.text[max(0, n.start - 16) : n.start])
            if m and n.unit:
                index.setdefault((int(m[1]), unit_key(n)), []).append(n)
    return index


def _series(doc: Document, p: Paragraph, nums: list[Number], spans: list[tuple[int, int]]) -> Iterator[Claim]:
    """A figure whose footnote lists it year by year ("Năm 2016: 7,89 tỷ; 2017: 10,94 tỷ; …")."""
    for offset, number in p.footnotes:
        note = doc.footnote(number)
        if note is None:
            continue
        entries = []
        for x in find_numbers(note.text):
            m = _SERIES_ENTRY.search(note.text[max(0, x.start - 12) : x.start])
            if m and x.unit:
                entries.append((int(m[1]), x))
        anchor = next((x for x in reversed(nums) if x.end <= offset and offset - x.end <= 3), None)
        if len(entries) < 2 or anchor is None or unit_key(anchor) != unit_key(entries[0][1]):
            continue
        s0, s1 = next(((a, b) for a, b in spans if a <= anchor.start < b), (0, len(p.text)))
        quote = p.text[s0:s1].strip()
        linked = f"chú thích số {number}: \u201c{note.text}\u201d"
        yield Claim(
            "series", quote, p.location, anchor, tuple(x for _, x in entries), "",
            {"years": [y for y, _ in entries], "linked": linked},
        )
        # "tăng bình quân 35%/năm" after the figure: the series' own average growth.
        rest = p.text[anchor.end : s1]
        m = re.search(r"(?i)tăng\s+bình\s+quân\s+", rest)
        if m:
            rate = next((x for x in nums if x.start >= anchor.end + m.end() and (x.unit or "").startswith("%")), None)
            if rate is not None and rate.start - (anchor.end + m.end()) <= 2:
                yield Claim(
                    "average_growth", quote, p.location, rate, (entries[0][1], entries[-1][1]), "",
                    {"years": entries[-1][0] - entries[0][0], "linked": linked,
                     "first_year": entries[0][0], "last_year": entries[-1][0]},
                )


_PLUS = re.compile(r"\s*\+\s*")
_TIMES = re.compile(r"\s*[x×*]\s*")
_EQUALS = re.compile(r"\s*=\s*")


_WORDS_AFTER = re.compile(r"\s*\.?\s*\(\s*([^()\d]{6,200}?)\s*\)")


def _amounts_in_words(ctx: _Ctx) -> Iterator[Claim]:
    """Rule "amount in words": "13.503.000.000đ (Mười ba tỷ, năm trăm linh ba triệu đồng)"."""
    for n in ctx.numbers:
        if unit_key(n) != "money":
            continue
        m = _WORDS_AFTER.match(ctx.text, n.end)
        value = parse_number_words(m[1]) if m else None
        if value is None:
            continue
        stated = Number(value, "đồng", m[1], m.start(1), m.end(1), 0)
        yield Claim("words", ctx.quote, ctx.location, stated, (n,), "", {})


def _explicit_arithmetic(ctx: _Ctx) -> Iterator[Claim]:
    """Rules "a + b + c = d" (a total) and "a người x b triệu x 12 tháng = d đ" (a product)."""
    nums, text = ctx.numbers, ctx.text
    i = 0
    while i < len(nums) - 2:
        for kind, op in (("total", _PLUS), ("product", _TIMES)):
            j = i
            while j + 1 < len(nums) and op.fullmatch(text[nums[j].end : nums[j + 1].start]):
                j += 1
            if j > i and j + 1 < len(nums) and _EQUALS.fullmatch(text[nums[j].end : nums[j + 1].start]):
                data = {"how": "explicit", "rest": ""}
                yield Claim(kind, ctx.quote, ctx.location, nums[j + 1], tuple(nums[i : j + 1]), "", data)
                i = j + 1
                break
        else:
            i += 1


_YIELD_WORD = re.compile(r"(?i)năng\s+suất[^\d]{0,20}$")
_OUTPUT_WORD = re.compile(r"(?i)^[^\d;]{0,40}sản\s+lượng[^\d;]{0,25}$")
_CHANGE_BEFORE = re.compile(r"(?i)(?:vượt|tăng|giảm|thừa|thiếu|còn)\s*$")


def _yields(text: str, nums: list[Number], location: Location, quote: str) -> Iterator[Claim]:
    """Rule "area × yield = output": "diện tích 180 ha, năng suất 62 tạ/ha, sản lượng 1.116 tấn"."""
    for k, y in enumerate(nums):
        if (y.unit or "").casefold() != "tạ/ha" or not _YIELD_WORD.search(text[max(0, y.start - 30) : y.start]):
            continue
        output = next((o for o in nums[k + 1 : k + 2] if (o.unit or "").casefold() == "tấn"
                       and _OUTPUT_WORD.match(text[y.end : o.start])), None)
        area = None
        for j in range(k - 1, -1, -1):
            a = nums[j]
            if (a.unit or "").casefold() != "ha":
                continue
            if j > 0 and _SLASH.fullmatch(text[nums[j - 1].end : a.start]):
                continue  # the plan of "33/31,5 ha"
            if _CHANGE_BEFORE.search(text[max(0, a.start - 8) : a.start]):
                continue  # "vượt 1,5 ha so với KH"
            area = a
            break
        if area is not None and output is not None:
            yield Claim("product", quote, location, y, (area, output), "", {"how": "yield", "tons_per_unit": Decimal(10)})


_OF_WHICH_START = re.compile(r"(?i)\W*trong\s+đó\s*:?")


def _totals_across_sentences(text: str, nums: list[Number], spans: list[tuple[int, int]],
                             location: Location) -> Iterator[Claim]:
    """Rule "parts in the next sentences": "Tổng diện tích 96 ha. Trong đó lúa 40/38 ha. Đậu 25/25 ha. Ngô 31/35 ha."."""
    for k in range(1, len(spans)):
        s0, s1 = spans[k]
        if not _OF_WHICH_START.match(text, s0):
            continue
        before = [x for x in nums if spans[k - 1][0] <= x.start < s0 and x.unit and x.unit[0] not in "%‰"]
        if not before:
            continue
        total = before[-1]
        idx = next(j for j, x in enumerate(nums) if x is total)
        if idx > 0 and _SLASH.fullmatch(text[nums[idx - 1].end : total.start]):
            total = _with_unit(nums[idx - 1], total) if nums[idx - 1].unit is None else nums[idx - 1]
        key = unit_key(total)
        end = _parts_end(text, spans, k)
        parts = [x for x in _unpaired_or_numerators(nums, text) if s0 <= x.start < end and unit_key(x) == key
                 and not _CHANGE_BEFORE.search(text[max(0, x.start - 8) : x.start])]
        if len(parts) >= 2:
            quote = text[spans[k - 1][0] : end].strip()
            yield Claim("total", quote, location, total, tuple(parts), "", {"how": "sentences", "rest": ""})


def _parts_end(text: str, spans: list[tuple[int, int]], k: int) -> int:
    """Where the parts after "Trong đó" end: at ";", or the sentence's end, or, when the parts are one per
    short sentence ("Trong đó lúa 40/38ha. Đậu 25/25ha. Ngô 31/35ha."), after the last such sentence."""
    s0, s1 = spans[k]
    semi = text.find(";", s0, s1)
    if semi >= 0:
        return semi
    end = s1
    if len(re.findall(r"\d+(?:[.,]\d+)*\s*/", text[s0:s1])) == 1:
        for a, b in spans[k + 1 :]:
            if b - a > 50 or ";" in text[a:b] or len(re.findall(r"\d+(?:[.,]\d+)*\s*/", text[a:b])) != 1:
                break
            end = b
    return end


def _unpaired_or_numerators(nums: list[Number], text: str) -> list[Number]:
    """Figures that are not the plan (b) of an "a/b" pair."""
    return [x for j, x in enumerate(nums) if not (j > 0 and _SLASH.fullmatch(text[nums[j - 1].end : x.start]))]


_SPLIT_PERCENT = re.compile(r"(?i)^\W*(?:ước\s+)?(?:đạt|bằng)(?:\s+tỷ\s+lệ)?\s*$")


def _split_percent(previous: Claim | None, text: str, start: int, nums: list[Number]) -> Claim | None:
    """Rule "pair and percent split": "86/95 ha. Đạt 90,53% so với kế hoạch" (a full stop or a line break)."""
    if previous is None or previous.kind != "progress" or not nums or nums[0].unit != "%":
        return None
    if not _SPLIT_PERCENT.match(text[start : nums[0].start]):
        return None
    quote = f"{previous.quote} {text[start : nums[0].end + 40].strip()}"
    return replace(previous, kind="ratio", stated=nums[0], quote=quote)


def _whole_for(part: Number, text: str, nums: list[Number], before: int) -> tuple[Number, str] | None:
    """The whole a share is of, stated elsewhere in the paragraph: "tổng số … là 41.944 hộ", or "66/112 thôn"."""
    key = unit_key(part)
    named = []
    for j, x in enumerate(nums):
        if x is part or unit_key(x) != key or x.value <= part.value:
            continue
        if j > 0 and _SLASH.fullmatch(text[nums[j - 1].end : x.start]):
            return x, f" (tổng lấy từ “{nums[j - 1].text}/{x.text}”)"
        window = text[max(0, x.start - 70) : x.start]
        is_share = j + 1 < len(nums) and nums[j + 1].unit == "%" and bool(_SHARE_GAP.match(text[x.end : nums[j + 1].start]))
        if x.start < before and not is_share and re.search(r"(?i)\btổng\b", window):
            named.append(x)
    if len(named) == 1:
        return named[0], f" (tổng “{named[0].text}” ghi ở câu khác)"
    return None


_PCT_PART = re.compile(r"\s*\(\s*$")


def _stated_of_pair(nums: list[Number], text: str, k: int) -> bool:
    """Is nums[k] the percent an "a/b" pair right before it states ("2/2 lao động đạt 100% (…)")?"""
    if k < 2 or not _SLASH.fullmatch(text[nums[k - 2].end : nums[k - 1].start]):
        return False
    gap = text[nums[k - 1].end : nums[k].start]
    return ";" not in gap and len(gap) < 40


def _paragraph_shares(text: str, nums: list[Number], location: Location, quote_of) -> Iterator[Claim]:
    """Shares whose whole is stated elsewhere, percent-first shares "1,8% (2 thôn)", and their consistency."""
    loose: list[tuple[Number, Number, str]] = []
    for k in range(len(nums) - 1):
        a, b = nums[k], nums[k + 1]
        if k > 0 and _SLASH.fullmatch(text[nums[k - 1].end : a.start]):
            continue
        if a.unit and a.unit[0] not in "%‰" and b.unit == "%" and (
                _SHARE_GAP.match(text[a.end : b.start]) or _SHARE_PHRASE.match(text[a.end : b.start])):
            part, pct = a, b
        elif a.unit == "%" and b.unit and b.unit[0] not in "%‰" and _PCT_PART.match(text[a.end : b.start]) and (
                text[b.end : b.end + 2].strip().startswith(")")) and not _stated_of_pair(nums, text, k):
            part, pct = b, a
        else:
            continue
        found = _whole_for(part, text, nums, part.start)
        quote = quote_of(part.start)
        if found is not None:
            whole, where = found
            yield Claim("share", quote, location, pct, (part, whole), "",
                        {"part": part, "whole": whole, "whole_where": where})
        else:
            loose.append((part, pct, quote))
    for i in range(len(loose)):
        for j in range(i + 1, len(loose)):
            (p1, m1, q1), (p2, m2, q2) = loose[i], loose[j]
            if unit_key(p1) == unit_key(p2) and p1.value != p2.value:
                yield Claim("consistency", q1 if q1 == q2 else f"{q1} … {q2}", location, m2, (p1, m1, p2, m2), "",
                            {"pairs": ((p1, m1), (p2, m2))})


def _count_pairs(text: str, nums: list[Number], location: Location) -> Iterator[Claim]:
    """Rule "counts as pairs": "13/26 chỉ tiêu vượt …; 10/26 chỉ tiêu đạt …; 03/26 chỉ tiêu không đạt"."""
    pairs: dict[Decimal, list[Number]] = {}
    for k in range(len(nums) - 1):
        a, b = nums[k], nums[k + 1]
        if (b.unit or "").casefold() == "chỉ tiêu" and _SLASH.fullmatch(text[a.end : b.start]):
            pairs.setdefault(b.value, []).append(_with_unit(a, b) if a.unit is None else a)
    for whole, parts in pairs.items():
        if len(parts) >= 3 and re.search(r"(?i)không\s+đạt", text) and re.search(r"(?i)vượt", text):
            total = next(n for n in nums if n.value == whole and (n.unit or "").casefold() == "chỉ tiêu")
            yield Claim("count", text.strip(), location, total, tuple(parts), "", {"how": "pairs", "exhaustive": True})


_MET_OR = r"(?:hoàn\s+thành|đạt)\s+và\s+(?:hoàn\s+thành\s+)?vượt"
_COUNT_NUM = r"(?P<n>\d+)(?:\s*/\s*(?P<of>\d+))?\s+chỉ\s+tiêu"
# rule "met and exceeded": "có 23 chỉ tiêu hoàn thành và vượt kế hoạch" / "hoàn thành và hoàn thành vượt mức 23/25
# chỉ tiêu", whose parts ("13/26 chỉ tiêu vượt …; 10/26 chỉ tiêu đạt kế hoạch") stand in the next sentences
_MET_OR_EXCEEDED = re.compile(
    rf"(?i){_COUNT_NUM}\s+(?:[^\d.;:]{{0,40}}?\s)?{_MET_OR}|{_MET_OR}(?:\s+mức)?(?:\s+kế\s+hoạch)?\s+{_COUNT_NUM.replace('?P<n>', '?P<n2>').replace('?P<of>', '?P<of2>')}")
_EXCEEDED = re.compile(
    rf"(?i){_COUNT_NUM}\s+(?:hoàn\s+thành\s+)?vượt|(?<!và\s)(?<!và\shoàn\sthành\s)vượt(?:\s+mức)?(?:\s+kế\s+hoạch)?\s+"
    + _COUNT_NUM.replace("?P<n>", "?P<n2>").replace("?P<of>", "?P<of2>"))
# The look-behinds stand after the first digit ("không 12 chỉ tiêu đạt" still reads "2 chỉ tiêu đạt", as
# before): a pattern that opens with a digit lets the regex engine skip from digit to digit.
_MET = re.compile(r"(?i)(?P<n>\d(?<!không\s\d)(?<!chưa\s\d)\d*)(?:\s*/\s*(?P<of>\d+))?\s+chỉ\s+tiêu"
                  r"\s+(?:hoàn\s+thành|đạt)(?:\s+kế\s+hoạch)?(?!\s+(?:và|vượt))")


def _count_at(m: re.Match[str], nums: list[Number]) -> tuple[Number, str | None] | None:
    """The Number a count regex matched ("13" of "13/26 chỉ tiêu") and its denominator as written."""
    g = "n" if m.group("n") is not None else "n2"
    at = m.start(g)
    n = next((x for x in nums if x.start == at), None)
    return (n, m.group("of" if g == "n" else "of2")) if n is not None else None


def _count_phrases(paragraphs: list[Paragraph], numbers: list[list[Number]]) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every count "met and exceeded", "exceeded", "met" of the paragraphs, as (paragraph, offset, kind, match)."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for i, (p, nums) in enumerate(zip(paragraphs, numbers, strict=True)):
        low = p.text.lower()
        if not nums or "chỉ tiêu" not in low:
            continue
        exceeded = "vượt" in low  # the two patterns before _MET need it
        for kind, pattern in (("total", _MET_OR_EXCEEDED), ("exceeded", _EXCEEDED), ("met", _MET)):
            if exceeded or pattern is _MET:
                found.extend((i, m.start(), kind, m) for m in pattern.finditer(p.text))
    found.sort(key=lambda f: (f[0], f[1]))
    return found


def _met_and_exceeded(paragraphs: list[Paragraph], numbers: list[list[Number]]) -> Iterator[Claim]:
    """A count of targets "met and exceeded" against the counts exceeded and met stated after it, before the
    next such count, within three paragraphs. Not exhaustive: parts short of the total stay unverifiable."""
    found = _count_phrases(paragraphs, numbers)
    totals = [f for f in found if f[2] == "total"]
    for t_i, t_at, _, t_m in totals:
        total = _count_at(t_m, numbers[t_i])
        if total is None:
            continue
        nxt = next(((i, at) for i, at, _, _ in totals if (i, at) > (t_i, t_at)), (len(paragraphs), 0))
        window = [f for f in found if (t_i, t_m.end()) <= (f[0], f[1]) < nxt and f[0] <= t_i + 2]
        parts = []
        for want in ("exceeded", "met"):
            hit = next((f for f in window if f[2] == want), None)
            got = _count_at(hit[3], numbers[hit[0]]) if hit else None
            if got is None or (got[1] and total[1] and got[1] != total[1]):
                break
            parts.append(got[0] if got[0].unit else _with_unit(got[0], total[0]))
        if len(parts) == 2:
            p = paragraphs[t_i]
            yield Claim("count", _bounded(p.text, 0, len(p.text), t_m.start()), p.location, total[0], tuple(parts),
                        "", {"how": "met and exceeded", "exhaustive": False})


def _pair_units(nums: list[Number], text: str) -> list[Number]:
    """Rule "one unit for a pair": in "40/38ha" the 40 is hectares too."""
    out = list(nums)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.unit is None and b.unit and _SLASH.fullmatch(text[a.end : b.start]):
            out[k] = _with_unit(a, b)
    return out


class _Features:
    """What a sentence holds that the rules need, found once: a rule whose needs it lacks is not run."""

    __slots__ = ("ctx", "pair", "many", "percent", "money_in_words", "equals")

    def __init__(self, ctx: _Ctx) -> None:
        text, s0, s1, nums = ctx.text, ctx.start, ctx.end, ctx.numbers
        self.ctx = ctx
        # a "/" or "trên": an "a/b" or "a trên tổng số b" pair can stand in it
        self.pair = len(nums) >= 2 and (text.find("/", s0, s1) >= 0 or text.find("trên", s0, s1) >= 0)
        self.many = len(nums) >= 3  # a total and two parts, a pair and its difference
        self.percent = "%" in {n.unit for n in nums}
        # an amount of money with a "(" from the sentence on: its words may follow
        self.money_in_words = text.find("(", s0) >= 0 and any(unit_key(n) == "money" for n in nums)
        self.equals = text.find("=", s0, s1) >= 0  # "a + b = c", "a x b = c"

    def has(self, *words: str) -> bool:
        """Whether the sentence holds one of ``words`` (lowercase), in any case."""
        c = self.ctx
        return c.low is None or any(c.low.find(w, c.start, c.end) >= 0 for w in words)


def _sentence_claims(ctx: _Ctx, bases: dict[tuple[int, str | None], list[Number]],
                     term_end: int | None) -> tuple[list[Claim], list[Number]]:
    """The sentence rules' claims, in order, and the sector shares to add up across paragraphs.

    Each rule runs only on a sentence that can hold its claim: the same claims, in the same order, as
    running every rule on every sentence (tests/reader/test_findings_unchanged.py)."""
    f, n = _Features(ctx), len(ctx.numbers)
    out: list[Claim] = []
    if f.pair:
        out.extend(_ratios(ctx))
    if f.many and f.equals:
        out.extend(_explicit_arithmetic(ctx))
    if f.money_in_words:
        out.extend(_amounts_in_words(ctx))
    if f.percent and f.has("tăng", "giảm"):
        out.extend(_growths(ctx, bases))
    if n >= 2 and f.has("gấp"):
        out.extend(_multiples(ctx, term_end))
    if f.many:
        out.extend(_totals(ctx))
    if f.many and f.pair:
        out.extend(_differences(ctx))
    if f.percent and n >= 2:
        out.extend(_shares(ctx))
        out.extend(_of_plan(ctx))
    structure = _structure(ctx) if f.percent and f.has("cấu") else None
    if structure is not None:
        out.append(structure)
    return out, (_economy_shares(ctx) if f.percent and f.has("chiếm") else [])


def find_claims(doc: Document) -> list[Claim]:
    """Every checkable statement in the document's paragraphs, in reading order."""
    numbers = [_pair_units(list(find_numbers(p.text)), p.text) for p in doc.paragraphs]
    bases = base_index(doc, numbers)
    term_end = doc.metadata.period.end_year if doc.metadata.period and doc.metadata.period.kind in (
        "nhiệm kỳ", "giai đoạn") else None
    claims: list[Claim] = []
    shares: dict[tuple[str, ...], list[tuple[Number, str, Location]]] = {}
    for p, nums in zip(doc.paragraphs, numbers, strict=True):
        if not nums:
            continue
        first_of_paragraph = len(claims)
        spans = sentences(p.text)
        starts = [n.start for n in nums]
        low = lowered(p.text)
        for s0, s1 in spans:
            sn = nums[bisect_left(starts, s0) : bisect_left(starts, s1)]
            if not sn:
                continue
            ctx = _Ctx(p.text, s0, s1, sn, p.location, low)
            joined = _split_percent(claims[-1] if claims else None, p.text, s0, sn)
            if joined is not None:
                claims[-1] = joined
            found, sector_shares = _sentence_claims(ctx, bases, term_end)
            claims.extend(found)
            for n in sector_shares:
                shares.setdefault(_share_group(p.location.section), []).append((n, ctx.quote, p.location))
        claims.extend(_series(doc, p, nums, spans))
        claims.extend(_paragraph_rules(p, nums, spans))
        _drop_loose_shares(claims, first_of_paragraph)
    for group in shares.values():
        if len(group) >= 2:
            quote = " … ".join(q for _, q, _ in group)
            claims.append(Claim("share", quote, group[0][2], None, tuple(n for n, _, _ in group), "",
                                {"group": "sections"}))
    claims.extend(_met_and_exceeded(doc.paragraphs, numbers))
    for table in doc.tables:
        claims.extend(table_claims(table))
        claims.extend(table_rules(table))
        claims.extend(_cell_claims(table, bases))
    return claims


def _drop_loose_shares(claims: list[Claim], start: int) -> None:
    """A share left "no whole" by the sentence rule is dropped once a paragraph rule found its whole
    (``claims[start:]`` are the paragraph's)."""
    judged = {id(c.data["part"]) for c in claims[start:] if c.kind == "share" and c.data.get("whole")}
    if judged:
        claims[start:] = [c for c in claims[start:] if not (
            c.kind == "share" and not c.data.get("whole") and id(c.data.get("part")) in judged)]


def _paragraph_rules(p: Paragraph, nums: list[Number], spans: list[tuple[int, int]]) -> Iterator[Claim]:
    """The rules that look across the sentences of one paragraph."""
    def quote_of(at: int) -> str:
        s0, s1 = next(((a, b) for a, b in spans if a <= at < b), (0, len(p.text)))
        return _bounded(p.text, s0, s1, at)

    # each rule only where its claim can stand: a yield in tạ/ha, two sentences, a percent, counts of chỉ tiêu
    units = {(n.unit or "").casefold() for n in nums}
    if "tạ/ha" in units:
        yield from _yields(p.text, nums, p.location, p.text.strip()[:MAX_QUOTE])
    if len(spans) > 1:
        yield from _totals_across_sentences(p.text, nums, spans, p.location)
    if "%" in units and len(nums) >= 2:
        yield from _paragraph_shares(p.text, nums, p.location, quote_of)
    if "chỉ tiêu" in units:
        yield from _count_pairs(p.text, nums, p.location)


def _cell_claims(table: Table, bases: dict[tuple[int, str | None], list[Number]]) -> Iterator[Claim]:
    """Sentences written inside cells ("Đạt 32/64 = 50%") are checked like paragraphs."""
    for r, row in enumerate(table.rows, start=1):
        for cell in row:
            if len(cell) < 5 or not any(ch in cell for ch in "/%"):
                continue
            nums = list(find_numbers(cell))
            if len(nums) < 2:
                continue
            loc = _table_location(table, r, row.index(cell) if cell in row else None)
            starts = [n.start for n in nums]
            for s0, s1 in sentences(cell):
                sn = nums[bisect_left(starts, s0) : bisect_left(starts, s1)]
                if sn:
                    ctx = _Ctx(cell, s0, s1, sn, loc, lowered(cell))
                    yield from _ratios(ctx)
                    yield from _growths(ctx, bases)
                    yield from _totals(ctx)
                    yield from _shares(ctx)
                    yield from _of_plan(ctx)


_PLAN_COL = re.compile(r"(?i)kế\s+hoạch|^kh\b|chỉ\s+tiêu\s+(?:giao|năm|kế)")
_ACTUAL_COL = re.compile(r"(?i)thực\s+hiện|^th\b|^ước|kết\s+quả")
_PERCENT_COL = re.compile(r"(?i)tỷ\s+lệ|tỉ\s+lệ|%|so\s+(?:với|sánh)")
_UNIT_COL = re.compile(r"(?i)^(?:đvt|đơn\s+vị(?:\s+tính)?)$")
_LABEL_COL = re.compile(r"(?i)chỉ\s+tiêu|nội\s+dung|danh\s+mục|tên")


def _find(header: tuple[str, ...], pattern: re.Pattern[str], taken: set[int]) -> int | None:
    for i, cell in enumerate(header):
        if i not in taken and pattern.search(cell.strip()):
            taken.add(i)
            return i
    return None


# rule "difference column": "+/-", "Tăng/giảm", "Chênh lệch" = TH − KH, signed
_DIFF_COL = re.compile(r"(?i)^\s*(?:\+\s*/\s*[-−–]|±|tăng\s*\(?\+?\)?\s*/?\s*giảm|chênh\s+lệch|so\s+sánh\s*\(\s*\+\s*/\s*[-−–]\s*\))")
_SIGNED = re.compile(r"^\s*(?P<sign>[+\-−–])?\s*(?P<rest>\d.*)$")


def _signed_cell(cell: str, unit: str | None) -> tuple[Number, bool] | None:
    """"+2", "- 1,5", "−0,3": the figure and whether it is a fall; None when the cell holds no number, or a
    percent ("+1,12%": a growth rate, not a difference in the row's unit)."""
    m = _SIGNED.match(cell)
    if m is None or "%" in cell or "‰" in cell:
        return None
    try:
        return parse_number(m["rest"], unit=unit), m["sign"] is not None and m["sign"] != "+"
    except KtxhError:
        return None


def _row_label(cells: list[str], col: int | None) -> str:
    label = cells[col if col is not None else 0]
    # "II. Kinh tế", "2.1 Lúa", "- Lúa": a marker, not the "X" of "Xuất khẩu lao động".
    return re.sub(r"^\s*(?:[IVX]+(?:[.\-]\s*|\s+)|\d+(?:\.\d+)*[.\-]?\s*)|^\s*[-+•]\s*", "", label).strip()


def _row_claims(table: Table, r: int, row: tuple[str, ...], cols: dict[str, int | None], width: int) -> Iterator[Claim]:
    cells = [*row, *[""] * (width - len(row))]
    unit = cells[cols["unit"]].strip() if cols["unit"] is not None else None
    try:
        actual = parse_number(cells[cols["actual"]], unit=unit or None)
        plan = parse_number(cells[cols["plan"]], unit=unit or None)
    except KtxhError:
        return  # a group row, or a cell in words ("đạt")
    label, quote = _row_label(cells, cols["label"]), " | ".join(c for c in row if c)
    if cols["percent"] is not None:
        try:
            pct = parse_number(cells[cols["percent"]], unit="%")
        except KtxhError:
            pct = None
        if pct is not None:
            # A lower-is-better row states plan / actual (the seeds' and the evaluator's way): either reading.
            yield Claim("ratio", quote, _table_location(table, r, cols["percent"]), pct, (actual, plan), label,
                        {"unit": unit, "either_way": True})
    diff = _signed_cell(cells[cols["diff"]], unit or None) if cols["diff"] is not None else None
    if diff is not None:
        stated, less = diff
        if stated.unit is None and (actual.unit or plan.unit):
            stated = _with_unit(stated, actual if actual.unit else plan)
        yield Claim("difference", quote, _table_location(table, r, cols["diff"]), stated, (actual, plan), label,
                    {"less": less})


def table_claims(table: Table) -> Iterator[Claim]:
    """Rows of a table with plan, actual and percent or "+/-" columns ("Kế hoạch | Thực hiện | Tỷ lệ % | +/-")."""
    for h, header in enumerate(table.rows[:3]):
        taken: set[int] = set()
        cols = {}
        for name, pattern in (("unit", _UNIT_COL), ("diff", _DIFF_COL), ("percent", _PERCENT_COL),
                              ("actual", _ACTUAL_COL), ("plan", _PLAN_COL), ("label", _LABEL_COL)):
            cols[name] = _find(header, pattern, taken)
        if cols["plan"] is None or cols["actual"] is None or (cols["percent"] is None and cols["diff"] is None):
            continue
        for r, row in enumerate(table.rows[h + 1 :], start=h + 2):
            yield from _row_claims(table, r, row, cols, len(header))
        return


_ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_ENGLISH_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")
_TOTAL_ROW = re.compile(r"(?i)^\s*(?:tổng\s+số|tổng\s+cộng|tổng|cộng|toàn\s+(?:xã|phường|huyện|tỉnh))\b")
_SPLIT_COL = re.compile(r"(?i)^\s*(?:chia\s+ra|trong\s+đó)")
_PRODUCT_COLS = {"area": re.compile(r"(?i)diện\s+tích"), "yield": re.compile(r"(?i)năng\s+suất"),
                 "output": re.compile(r"(?i)sản\s+lượng")}


def _english_table(table: Table) -> bool:
    """A table pasted from an English spreadsheet: "1,052,600" and "36.0" in the same table."""
    cells = [c.strip() for row in table.rows for c in row]
    return any(_ENGLISH_THOUSANDS.match(c) for c in cells) and any(_ENGLISH_DECIMAL.match(c) for c in cells)


def _cell_number(cell: str, unit: str | None, english: bool) -> Number | None:
    text = cell.strip().replace(",", "") if english else cell.strip()
    if not text or not text[0].isdigit():
        return None
    try:
        return parse_number(text, unit=unit)
    except KtxhError:
        return None


def _table_location(table: Table, r: int, col: int | None = None) -> Location:
    """Row ``r`` (1-based) of a table; in an Excel sheet, the cell itself ("trang tính “Biểu 01”, ô E7")."""
    loc = table.location
    if table.sheet is None:
        return Location(loc.section, None, loc.line, table.index, r, loc.page, ocr=loc.ocr)
    row0, col0 = table.origin
    cell = f"{_column_letter(col0 + (col or 0))}{row0 + r - 1}"
    return Location(loc.section, None, None, table.index, r, sheet=table.sheet, cell=cell)


def _column_letter(n: int) -> str:
    """1 → "A", 27 → "AA"."""
    out = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _table_products(table: Table, english: bool) -> Iterator[Claim]:
    """Rule "products in a table": columns Diện tích / Năng suất / Sản lượng (per year): area × yield = output."""
    header = table.rows[0]
    groups: dict[str, dict[str, int]] = {}
    for j, cell in enumerate(header):
        for role, pattern in _PRODUCT_COLS.items():
            if pattern.search(cell):
                key = " ".join(pattern.sub(" ", cell).split())
                groups.setdefault(key, {})[role] = j
    for r, row in enumerate(table.rows[1:], start=2):
        for cols in groups.values():
            if len(cols) < 3 or max(cols.values()) >= len(row):
                continue
            area = _cell_number(row[cols["area"]], "ha", english)
            yld = _cell_number(row[cols["yield"]], "tạ/ha", english)
            output = _cell_number(row[cols["output"]], "tấn", english)
            if area and yld and output:
                yield Claim("product", " | ".join(row), _table_location(table, r, cols["yield"]), yld, (area, output), row[0],
                            {"how": "yield", "tons_per_unit": Decimal(10)})


def _table_column_totals(table: Table, english: bool) -> Iterator[Claim]:
    """Rule "total row": a row "TỔNG SỐ" adds up the rows under it, column by column."""
    rows = table.rows
    for r, row in enumerate(rows):
        if not row or not _TOTAL_ROW.match(row[0]):
            continue
        below = []
        for other in rows[r + 1 :]:
            if other and _TOTAL_ROW.match(other[0]):
                break
            below.append(other)
        if sum(1 for o in below if o and _outline_level(o[0]) is not None) >= 3:
            continue  # rows "1.", "1.1.", "-" under the total: an outline, read by _table_outline_totals
        for j in range(1, len(row)):
            total = _cell_number(row[j], None, english)
            parts = [_cell_number(o[j], None, english) if j < len(o) else None for o in below]
            if total is None or len(parts) < 2 or any(p is None for p in parts):
                continue
            yield Claim("total", " | ".join(row), _table_location(table, r + 1, j), total,
                        tuple(p for p in parts if p is not None), row[0], {"how": "table"})


def _table_split_columns(table: Table, english: bool) -> Iterator[Claim]:
    """Rule "Chia ra" columns: the columns under "Chia ra"/"Trong đó" add up to the column before."""
    header = table.rows[0]
    first = next((j for j, c in enumerate(header) if _SPLIT_COL.match(c)), None)
    if first is None or first == 0:
        return
    last = first
    while last + 1 < len(header) and not _PERCENT_COL.search(header[last + 1]):
        last += 1
    if last == first:
        return
    for r, row in enumerate(table.rows[1:], start=2):
        if len(row) <= last:
            continue
        total = _cell_number(row[first - 1], None, english)
        parts = [_cell_number(row[j], None, english) for j in range(first, last + 1)]
        if total is not None and all(p is not None for p in parts):
            yield Claim("total", " | ".join(row), _table_location(table, r, first - 1), total,
                        tuple(p for p in parts if p is not None), row[0], {"how": "table"})


_SHARE_HEADER = re.compile(r"(?i)^\s*(?:%|tỷ\s+lệ\s*\(?%?\)?|cơ\s+cấu\s*\(?%?\)?)\s*$")


def _table_shares(table: Table, english: bool) -> Iterator[Claim]:
    """Rule "share column": a "%" column beside a figure column, its 100 row the whole: each row's % is its share."""
    header = table.rows[0]
    if _find(header, _PLAN_COL, set()) is not None and _find(header, _ACTUAL_COL, set()) is not None:
        return  # "KH | TH | %": the percent is of the plan, not a share of a whole
    for j in range(1, len(header)):
        if not _SHARE_HEADER.match(header[j]) or _SHARE_HEADER.match(header[j - 1]):
            continue
        whole = None
        for row in table.rows[1:]:
            pct = _cell_number(row[j], "%", english) if j < len(row) else None
            if pct is not None and pct.value == 100:
                whole = _cell_number(row[j - 1], None, english)
                break
        if whole is None:
            continue
        for r, row in enumerate(table.rows[1:], start=2):
            if j >= len(row):
                continue
            part, pct = _cell_number(row[j - 1], None, english), _cell_number(row[j], "%", english)
            if part is None or pct is None or pct.value == 100:
                continue
            yield Claim("share", " | ".join(row), _table_location(table, r, j), pct, (part, whole), row[0],
                        {"part": part, "whole": whole, "whole_where": " (tổng ở hàng 100%)"})


def _outline_level(label: str) -> int | None:
    """The rank of a row by its marker: "1." 1, "1.1." 2, "-" 3, "+" 4; an unmarked first row 0."""
    t = label.strip()
    if re.match(r"\d+\.\d+", t):
        return 2
    if re.match(r"\d+\.", t):
        return 1
    if t[:1] in "-–":
        return 3
    if t[:1] == "+":
        return 4
    return None


def _outline_children(levels: list[int | None], i: int) -> list[int]:
    """The rows one rank under row ``i``, up to the next row of its rank or higher."""
    children: list[int] = []
    level = levels[i]
    if level is None:
        return children
    for k in range(i + 1, len(levels)):
        if levels[k] is None or levels[k] <= level:  # type: ignore[operator]
            break
        if levels[k] == min(x for x in levels[i + 1 : k + 1] if x is not None):
            children.append(k)
    return children


def _table_outline_totals(table: Table, english: bool) -> Iterator[Claim]:
    """Rule "outline totals": rows "1.", "1.1.", "-", "+" add up to the row they stand under."""
    rows = table.rows[1:]
    levels = [_outline_level(r[0]) if r else None for r in rows]
    if sum(1 for x in levels if x is not None) < 3:
        return
    levels = [0 if (x is None and i == 0) else x for i, x in enumerate(levels)]
    for i in range(len(rows)):
        children = _outline_children(levels, i)
        if len(children) < 2:
            continue
        total = _cell_number(rows[i][1], None, english) if len(rows[i]) > 1 else None
        parts = [_cell_number(rows[k][1], None, english) if len(rows[k]) > 1 else None for k in children]
        if total is not None and all(p is not None for p in parts):
            yield Claim("total", " | ".join(rows[i]), _table_location(table, i + 2, 1), total,
                        tuple(p for p in parts if p is not None), rows[i][0], {"how": "table"})


def table_rules(table: Table) -> Iterator[Claim]:
    """The rules that read a table's own arithmetic: products, total rows, "Chia ra" columns."""
    if not table.rows:
        return
    english = _english_table(table)
    yield from _table_products(table, english)
    yield from _table_column_totals(table, english)
    yield from _table_split_columns(table, english)
    yield from _table_shares(table, english)
    yield from _table_outline_totals(table, english)


def _share_group(section: tuple[str, ...]) -> tuple[str, ...]:
    """Sector shares are siblings ("1.1.", "1.2.", "1.3."): group them under their common parent."""
    for i, title in enumerate(section):
        if re.match(r"\d+\.\d+", title):
            return section[:i]
    return section


def claims_in_text(text: str) -> list[Claim]:
    """Claims of a piece of text (for tests and quick use); reads it as ``read_text_document`` does,
    without the target lists (claims need none)."""
    built = build(read_text(text))
    doc = Document(source="văn bản", format="text", metadata=metadata_of([p.text for p in built.paragraphs]),
                   headings=tuple(built.headings), paragraphs=tuple(built.paragraphs), tables=tuple(built.tables),
                   footnotes=tuple(built.footnotes))
    return find_claims(doc)
