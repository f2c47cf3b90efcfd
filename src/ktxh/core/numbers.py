"""Numbers as Vietnamese plans and reports write them, and back.

Vietnamese groups thousands with "." and marks decimals with ","; tables pasted from
English spreadsheets do the opposite. A number is read with its unit, which settles
most cases: people are whole (``12,575 người`` is 12 575), percentages are not
(``0.42 %`` is 0,42). What stays ambiguous is reported, never guessed silently.

>>> n = parse_number("5.933,3 tấn")
>>> n.value, n.unit, n.decimals
(Decimal('5933.3'), 'tấn', 1)
>>> parse_number("3.182.308.468đ").value
Decimal('3182308468')
>>> parse_number("84,6 tỷ đồng").base_value
Decimal('84600000000.0')
>>> parse_number("12,575", unit="Người").value
Decimal('12575')
>>> parse_number("0.42", unit="%").value
Decimal('0.42')
>>> parse_number("12,575").ambiguous
True
>>> format_number(Decimal("5933.3"))
'5.933,3'
>>> format_number(Decimal("101.666"), decimals=2)
'101,67'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import lru_cache

from .errors import AmbiguousNumberError, NumberError
from .units import UNIT_PATTERN, Unit, lookup_unit

LOCALE = "vi_VN"

_NUM = r"\d+(?:[.,]\d+)*"
# The first digit comes before the look-behind so that the regex engine can skip to digits fast.
_NUMBER_RE = re.compile(
    rf"(?P<num>\d(?<![\w.,]\d)\d*(?:[.,]\d+)*)(?![.,]\d)(?:[.,](?=[ ]?%))?(?:[ \t\u00a0]{{0,2}}(?P<unit>{UNIT_PATTERN})(?!\w))?",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")  # _NUMBER_RE's first character
_WHOLE_RE = re.compile(rf"\s*(?P<num>{_NUM})\s*(?P<unit>{UNIT_PATTERN})?\s*", re.IGNORECASE)

# Figures that are not quantities: dates, document numbers, standards, "24/24h", times.
# The look-ahead lists every branch's first character: most positions fail on it at once.
_NOT_FIGURES = re.compile(
    r"""
    \b(?=[\dnNtTqQgGIKCVĐDSL])(?:
      \b\d{1,2}/\d{1,2}/\d{2,4}\b                       # 31/10/2023
    | \b(?:ngày|tháng)\s+\d{1,2}(?:/\d{1,4}){0,2}\b(?!\s?(?:ha|tấn|kg|con|hộ|người|%)(?!\w))  # ngày 01/6/2023, tháng 5/2022 (not "ngắn ngày 15 ha")
    | \bquý\s+[IV]+/\d{4}\b                              # quý I/2022
    | \b\d+[a-zđ]?/[A-ZĐ][\w-]*(?:-[\w]+)*               # 1388/UBND-VP, 08/NQ-HĐND, 721/NQ-UBTVQH15
    | \b\d+-(?:NQ|CT|KL|QĐ)/\w+                          # 05-KL/TW, 15-NQ/TW
    | \bISO\s*\d+\s*:\s*\d{4}                            # ISO 9001:2015
    | \b\d+/\d+\s*h\b                                    # 24/24h
    | \b\d{1,2}\s*(?:giờ|h)\s*\d{0,2}\b                  # 7 giờ 30
    | \b(?:năm|Năm|NĂM)\s+\d{4}(?:\s*[-–]\s*\d{4})?       # năm 2021, năm 2021-2025
    | \b(?:giai\s+đoạn|nhiệm\s+kỳ|Giai\s+đoạn|Nhiệm\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4}
    | \b(?:Nghị\s+định|Thông\s+tư|Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kế\s+hoạch|Công\s+văn|Văn\s+bản)\s+(?:số\s+)?\d+
    | \b(?:QL|ĐT|ĐH|DT|TL)\s?\d+[A-Z]?\b                 # roads: ĐT 607A, QL 91
    | \b(?:SN|TCVN)\s*\d+
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text.

    ``value`` is in the unit as written (84,6 for "84,6 tỷ đồng"); ``base_value`` is in
    the unit's base (đồng). ``decimals`` counts the decimals as written, which decides
    how a stated figure is checked. ``alternatives`` holds the other reading of an
    ambiguous number; ``start``/``end`` are the span of number and unit in the source.
    """

    value: Decimal
    unit: str | None
    text: str
    start: int
    end: int
    decimals: int
    alternatives: tuple[Decimal, ...] = ()
    scale: Decimal = Decimal(1)
    base_unit: str | None = None

    @property
    def ambiguous(self) -> bool:
        return bool(self.alternatives)

    @property
    def base_value(self) -> Decimal:
        return self.value * self.scale

    @property
    def warning(self) -> str | None:
        """A Vietnamese sentence explaining the ambiguity, or None."""
        if not self.alternatives:
            return None
        others = " hoặc ".join(format_number(a) for a in self.alternatives)
        return (
            f"Số \u201c{self.text}\u201d đọc được hai cách: {format_number(self.value)} "
            f"hoặc {others}; hãy ghi rõ đơn vị tính hoặc viết theo kiểu Việt Nam (5.933,3)."
        )


def _digits_value(raw: str, unit: Unit | None) -> tuple[Decimal, int, tuple[Decimal, ...]] | None:
    """Read ``raw`` (digits and separators) given its unit; None when it is no number."""
    if raw.isdigit():  # most figures: no separator to weigh
        return Decimal(raw), 0, ()
    seps = [c for c in raw if c in ".,"]
    groups = re.split(r"[.,]", raw)
    kind = unit.kind if unit else None

    def dec(int_part: str, frac: str = "") -> tuple[Decimal, int]:
        text = int_part + ("." + frac if frac else "")
        return Decimal(text), len(frac)

    if not seps:
        v, d = dec(raw)
        return v, d, ()
    thousands_ok = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
    if len(set(seps)) == 2:
        last = seps[-1]
        if seps.count(last) != 1:
            return None
        int_part, frac = raw.rsplit(last, 1)
        int_groups = re.split(r"[.,]", int_part)
        if not (all(len(g) == 3 for g in int_groups[1:]) and 1 <= len(int_groups[0]) <= 3):
            return None
        v, d = dec("".join(int_groups), frac)
        return v, d, ()
    sep = seps[0]
    if len(seps) > 1:
        if not thousands_ok:
            return None
        v, d = dec("".join(groups))
        return v, d, ()
    int_part, frac = groups
    decimal_reading = dec(int_part, frac)
    if len(frac) != 3 or not thousands_ok or int_part == "0":
        # "2.13", "0,42", "101,7": only a decimal reading makes sense.
        return decimal_reading[0], decimal_reading[1], ()
    thousand_reading = Decimal(int_part + frac)
    if kind == "count":
        return thousand_reading, 0, ()
    if kind == "percent" or (unit is not None and unit.scale >= 10**6 and sep == ","):
        return decimal_reading[0], decimal_reading[1], ()
    if sep == ".":
        # Vietnamese grouping: "9.450 con", "1.159". English "1.159" would be rare in these reports.
        return thousand_reading, 0, ()
    # "12,575" with no telling unit: Vietnamese decimal or English thousands.
    return decimal_reading[0], decimal_reading[1], (thousand_reading,)


_ONE = Decimal(1)


@lru_cache(maxsize=8192)
def _reading(raw: str, unit_text: str | None, hint: str | None) -> tuple | None:
    """What ``_make`` derives from the digits and the unit alone (reports repeat the same figures and units)."""
    unit = lookup_unit(unit_text) if unit_text else None
    read = _digits_value(raw, unit or lookup_unit(hint))
    if read is None:
        return None
    value, decimals, alternatives = read
    if unit is None:
        return value, unit_text or None, decimals, alternatives, _ONE, None
    return value, unit.name, decimals, alternatives, unit.scale, unit.base


def _make(raw: str, unit_text: str | None, hint: str | None, start: int, end: int, text: str) -> Number | None:
    read = _reading(raw, unit_text, hint)
    if read is None:
        return None
    value, unit, decimals, alternatives, scale, base = read
    return Number(value, unit, text, start, end, decimals, alternatives, scale, base)


def parse_number(text: str, *, unit: str | None = None, strict: bool = False) -> Number:
    """Parse a text that holds one number and an optional unit.

    ``unit`` is the unit from elsewhere (a table's ĐVT column) and settles ambiguity.
    With ``strict`` an ambiguous number raises instead of carrying ``alternatives``.

    >>> parse_number("06").value
    Decimal('6')
    >>> parse_number("9,1‰").unit
    '‰'
    >>> parse_number("abc")
    Traceback (most recent call last):
    ...
    ktxh.core.errors.NumberError: Không đọc được số từ “abc”.
    """
    if not isinstance(text, str):
        raise NumberError(f"Không đọc được số từ \u201c{text!r}\u201d.", field="số liệu", value=repr(text))
    m = _WHOLE_RE.fullmatch(text) if len(text) <= 200 else None
    number = _make(m["num"], m["unit"], unit, m.start("num"), m.end(), text.strip()) if m else None
    if number is None:
        shown = text if len(text) <= 60 else text[:57] + "…"
        raise NumberError(f"Không đọc được số từ \u201c{shown}\u201d.", field="số liệu", value=text)
    if number.unit is None and unit:
        u = lookup_unit(unit)
        number = Number(
            number.value, u.name if u else unit, number.text, number.start, number.end, number.decimals,
            number.alternatives, u.scale if u else Decimal(1), u.base if u else None,
        )
    if strict and number.ambiguous:
        raise AmbiguousNumberError(number.warning or "", field="số liệu", value=text)
    return number


# Every branch of _NOT_FIGURES that begins with a word, written as the words before its first digit.
# A branch added there with a new first word needs its word here (tests/core/test_numbers_properties.py
# compares ``non_figure_spans`` with a plain ``_NOT_FIGURES.finditer``).
_FIGURE_KEYWORDS = (
    "ngày", "tháng", "quý", "ISO", "năm", "Năm", "NĂM", "giai đoạn", "Giai đoạn", "nhiệm kỳ", "Nhiệm kỳ",
    "Nghị định", "Thông tư", "Quyết định", "Nghị quyết", "Chỉ thị", "Kế hoạch", "Công văn", "Văn bản",
    "QL", "ĐT", "ĐH", "DT", "TL", "SN", "TCVN",
)
# Run over the reversed text, this finds from each digit where a non-figure can begin: the digit itself
# when it starts a word, and the keyword before it ("năm 2021", "quý I/2022", "Quyết định số 12").
# A digit-led scan skips the letters that make most of a report, which the forward regex must try.
_NOT_FIGURE_STARTS = re.compile(
    r"\d(?:\s*(?:/[IV]+\s+)?(?:ốs\s+)?(?P<kw>"
    + "|".join(k[::-1].replace(" ", r"\s+") for k in _FIGURE_KEYWORDS)
    + r")|(?!\w))"
)


def non_figure_spans(text: str) -> list[tuple[int, int]]:
    """Spans of dates, document numbers and codes, whose digits are not quantities.

    The same spans as ``[m.span() for m in _NOT_FIGURES.finditer(text)]``, found faster: every match
    contains a digit, so the regex is tried only where the reversed scan says one can begin.

    >>> non_figure_spans("ngày 01/6/2023 thu 19.656 kg theo Quyết định số 12")
    [(0, 14), (34, 50)]
    """
    n = len(text)
    starts = []
    for m in _NOT_FIGURE_STARTS.finditer(text[::-1]):
        starts.append(n - 1 - m.start())
        if m.start("kw") >= 0:
            starts.append(n - m.end())
    starts.sort()
    spans: list[tuple[int, int]] = []
    pos, match = 0, _NOT_FIGURES.match
    for q in starts:
        if q >= pos and (m := match(text, q)) is not None:
            spans.append(m.span())
            pos = m.end()
    return spans


def find_numbers(text: str, *, skip_non_figures: bool = True) -> Iterator[Number]:
    """Every number in ``text`` with its unit, in order.

    Dates, document numbers ("1388/UBND-VP"), "ISO 9001:2015" and "24/24h" are skipped.

    >>> [str(n.value) for n in find_numbers("đạt: 6.031/5.926 tấn bằng 101,7% kế hoạch")]
    ['6031', '5926', '101.7']
    >>> [n.text for n in find_numbers("Công văn số 1388/UBND-VP ngày 01/6/2023 về 19.656 kg")]
    ['19.656 kg']
    """
    if _DIGIT.search(text) is None:
        return  # every number opens with a digit: most headings and many paragraphs hold none
    found = _find_numbers(text, skip_non_figures)
    if "triệu" in text or "nghìn" in text or "ngàn" in text:  # a mixed amount ends in a smaller step
        found = merge_mixed_units(found, text)
        if "tỷ" in text or "tỉ" in text:
            found = thousand_billions(found, text)
    yield from found


_THOUSAND_BILLION = re.compile(r"[ \t\u00a0]*(?:tỷ|tỉ)(?:[ \t\u00a0]+đồng)?(?!\w)", re.IGNORECASE)
_BILLION_UNIT = lookup_unit("tỷ đồng")


def thousand_billions(numbers: Iterator[Number], text: str) -> Iterator[Number]:
    """Rule "compound money unit": "43,5 nghìn tỷ đồng" is 43.500 tỷ đồng, not 43,5 nghìn đồng.

    >>> [(n.text, str(n.value), n.unit, n.decimals) for n in find_numbers("vốn đầu tư 43,5 nghìn tỷ đồng trở lên")]
    [('43,5 nghìn tỷ đồng', '43500', 'tỷ đồng', 0)]
    """
    for n in numbers:
        m = _THOUSAND_BILLION.match(text, n.end) if n.unit == "nghìn đồng" else None
        if m is None or not n.text.casefold().endswith(("nghìn", "ngàn")) or _BILLION_UNIT is None:
            yield n
            continue
        places = max(0, n.decimals - 3)
        value = (n.value * 1000).quantize(Decimal(1).scaleb(-places))
        yield Number(value, _BILLION_UNIT.name, text[n.start : m.end()], n.start, m.end(), places,
                     scale=_BILLION_UNIT.scale, base_unit=_BILLION_UNIT.base)


_MONEY_STEPS = {"tỷ": Decimal(10**9), "triệu": Decimal(10**6), "nghìn": Decimal(10**3), "ngàn": Decimal(10**3)}


def _money_step(n: Number) -> Decimal | None:
    word = (n.unit or "").split(" ")[0].casefold()
    return _MONEY_STEPS.get(word) if n.decimals == 0 and "/" not in (n.unit or "") else None


def merge_mixed_units(numbers: Iterator[Number], text: str) -> Iterator[Number]:
    """Rule "mixed units": "7 tỷ 250 triệu đồng" is one amount, 7,25 tỷ đồng.

    >>> [(n.text, str(n.value), n.unit) for n in find_numbers("thu 7 tỷ 250 triệu/9 tỷ 800 triệu đồng")]
    [('7 tỷ 250 triệu', '7.250', 'tỷ đồng'), ('9 tỷ 800 triệu đồng', '9.800', 'tỷ đồng')]
    >>> [str(n.base_value) for n in find_numbers("312 triệu 500 nghìn đồng")]
    ['312500000.000']
    """
    pending: Number | None = None
    for n in numbers:
        if pending is not None and pending.unit and n.unit and n.start - pending.end <= 2:
            step, nxt = _money_step(pending), _money_step(n)
            if step and nxt and nxt < step and n.value < step / nxt and not text[pending.end : n.start].strip():
                places = len(str(int(step / nxt))) - 1
                value = pending.value + (n.value * nxt / step).quantize(Decimal(1).scaleb(-places))
                pending = Number(value, pending.unit, text[pending.start : n.end], pending.start, n.end, places,
                                 scale=pending.scale, base_unit=pending.base_unit)
                continue
        if pending is not None:
            yield pending
        pending = n
    if pending is not None:
        yield pending


def _find_numbers(text: str, skip_non_figures: bool) -> Iterator[Number]:
    skips = non_figure_spans(text) if skip_non_figures else []
    si, n_skips = 0, len(skips)
    for m in _NUMBER_RE.finditer(text):
        start = m.start()
        while si < n_skips and skips[si][1] <= start:
            si += 1
        if si < n_skips and skips[si][0] <= start:
            continue
        raw, unit_text = m.group("num", "unit")
        read = _reading(raw, unit_text, None)
        if read is not None:
            value, unit, decimals, alternatives, scale, base = read
            yield Number(value, unit, m.group(), start, m.end(), decimals, alternatives, scale, base)


def quantize(value: Decimal, decimals: int) -> Decimal:
    """Round half up to ``decimals`` places, as people round by hand.

    With as many digits of precision as the result needs, so that no value is too large:

    >>> quantize(Decimal("9" * 29), 0) == Decimal("9" * 29)
    True
    >>> quantize(Decimal("2.345"), 2)
    Decimal('2.35')
    """
    adjusted = value.adjusted() if value.is_finite() and value else 0
    context = Context(prec=max(28, adjusted + decimals + 2))
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=context)


def format_number(value: Decimal | float | int, decimals: int | None = None, unit: str | None = None) -> str:
    """Format in vi-VN: "." groups thousands, "," marks decimals (Babel's vi_VN locale).

    ``decimals`` None keeps the decimals the value has.

    >>> format_number(3182308468, unit="đ")
    '3.182.308.468 đ'
    >>> format_number(Decimal("0.42"), unit="%")
    '0,42%'
    >>> format_number(Decimal("1E+29"))
    '100.000.000.000.000.000.000.000.000.000'
    """
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation as exc:  # pragma: no cover - Decimal(str(float)) never fails for finite floats
        raise NumberError(f"Không định dạng được số \u201c{value}\u201d.", value=str(value)) from exc
    if not d.is_finite():
        raise NumberError(f"Không định dạng được số \u201c{value}\u201d.", value=str(value))
    if decimals is None:
        exp = d.normalize().as_tuple().exponent
        decimals = max(0, -exp) if isinstance(exp, int) else 0
    d = quantize(d, decimals)
    # Babel's vi_VN pattern "#,##0.00" ("." groups, "," decimals), written out: ten times faster, same text
    # (tests/core/test_numbers_properties.py compares the two).
    text = f"{d:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if unit:
        text += unit if unit in ("%", "‰") else f" {unit}"
    return text


def own_decimals(value: Decimal) -> int:
    """The decimals a value has, trailing zeros left out: 5933.300000 as stored has 1."""
    exp = value.normalize().as_tuple().exponent if value.is_finite() else 0
    return max(0, -exp) if isinstance(exp, int) else 0


def figure_decimals(value: Decimal, decimals: int | None) -> int:
    """The decimals a stored figure is shown with: its indicator's (DHIS2's display decimals),
    never more than the figure has. Figures are stored exactly (3.182.308.468 đồng is
    3.182,308468 triệu đồng); a page or a document shows "3.182 triệu đồng".

    >>> figure_decimals(Decimal("3182.308468"), 0), figure_decimals(Decimal("5933.3"), 1)
    (0, 1)
    >>> figure_decimals(Decimal("6031"), 1)  # "6.031", not "6.031,0"
    0
    >>> figure_decimals(Decimal("5933.35"), None)  # no indicator: as stored
    2
    """
    own = own_decimals(value)
    return own if decimals is None else min(own, decimals)


def format_figure(value: Decimal, decimals: int | None, unit: str | None = None) -> str:
    """A stored figure as pages and documents show it (``figure_decimals``).

    >>> format_figure(Decimal("10206.407858"), 0, "triệu đồng")
    '10.206 triệu đồng'
    >>> format_figure(Decimal("0.420000"), 2, "%")
    '0,42%'
    """
    return format_number(value, figure_decimals(value, decimals), unit)


def consistent_decimals(decimals: int | None, ratios: Iterable[tuple[Decimal, Decimal]], places: int = 2) -> int | None:
    """Decimals that keep each ratio a/b × 100 of the figures as shown, rounded to ``places``, equal
    to the ratio of the figures as stored: the indicator's, or more where rounding them would
    change a stated % (the checker, and a reader, recompute "a/b, bằng p%" from what they see).

    >>> consistent_decimals(0, [(Decimal("10206.407858"), Decimal("10038.458242"))])
    0
    >>> consistent_decimals(0, [(Decimal("100.5"), Decimal("100"))])  # 101/100 would say 101,00%
    1
    >>> consistent_decimals(None, [(Decimal("1.5"), Decimal("3"))]) is None
    True
    """
    if decimals is None:
        return None
    pairs = [(a, b) for a, b in ratios if b]
    most = max([decimals, *(max(own_decimals(a), own_decimals(b)) for a, b in pairs)])
    for d in range(decimals, most + 1):
        if all(_shown_ratio(a, b, d, places) == _shown_ratio(a, b, most, places) for a, b in pairs):
            return d
    return most


def _shown_ratio(a: Decimal, b: Decimal, d: int, places: int) -> Decimal | None:
    shown_b = quantize(b, d)
    return quantize(quantize(a, d) / shown_b * 100, places) if shown_b else None


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|đến|tới)\s*")


def in_unit(value: Decimal, unit: str | None, to: str | None) -> Decimal:
    """``value`` written in ``unit`` expressed in ``to`` when both measure the same thing on another
    scale; else unchanged: 3.182.308.468 đồng is 3.182,308468 triệu đồng.

    >>> in_unit(Decimal("3182308468"), "đồng", "triệu đồng")
    Decimal('3182.308468')
    >>> in_unit(Decimal("5"), "tấn", "ha")
    Decimal('5')
    """
    have, want = lookup_unit(unit) if unit else None, lookup_unit(to) if to else None
    if have is None or want is None or have.name == want.name or have.base != want.base:
        return value
    return value * have.scale / want.scale


def figures_in_unit(text: str, to: str) -> str:
    """``text`` with each figure of another scale of ``to``'s unit written in ``to`` (a target typed
    in đồng for an indicator counted in triệu đồng), the bare first end of a range with it.

    >>> figures_in_unit("Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm", "triệu đồng/người/năm")
    'Thu nhập bình quân đầu người: 64 triệu đồng/người/năm'
    >>> figures_in_unit("từ 60.000.000 - 65.000.000 đồng/người", "triệu đồng/người")
    'từ 60 - 65 triệu đồng/người'
    >>> figures_in_unit("tăng 5% so với năm 2023", "triệu đồng")
    'tăng 5% so với năm 2023'
    """
    want = lookup_unit(to)
    if want is None:
        return text
    numbers = list(find_numbers(text))
    edits: list[tuple[int, int, str]] = []
    for i, n in enumerate(numbers):
        have = lookup_unit(n.unit) if n.unit else None
        if have is None or have.name == want.name or have.base != want.base:
            continue
        edits.append((n.start, n.end, format_number(in_unit(n.value, n.unit, to).normalize(), unit=want.name)))
        before = numbers[i - 1] if i else None
        if before is not None and before.unit is None and _RANGE_JOIN.fullmatch(text, before.end, n.start):
            edits.append((before.start, before.end, format_number(in_unit(before.value, n.unit, to).normalize())))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def to_decimal(value: Decimal | float | int | str) -> Decimal:
    """A Decimal from a number or a Vietnamese number text."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, str):
        return parse_number(value).value
    return Decimal(str(value))


_WORD_DIGITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
                "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
_WORD_SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}


def parse_number_words(text: str) -> Decimal | None:
    """An amount written in words, as reports repeat a figure: None when ``text`` is not one.

    >>> parse_number_words("Mười ba tỷ, năm trăm linh ba triệu đồng")
    Decimal('13503000000')
    >>> parse_number_words("Hai trăm lẻ bảy tỷ, bảy trăm sáu hai triệu, sáu trăm ngàn đồng")
    Decimal('207762600000')
    >>> parse_number_words("Ba mươi hai triệu, không trăm tám nghìn, chín trăm ba mươi ba đồng")
    Decimal('32008933')
    >>> parse_number_words("theo kế hoạch") is None
    True
    """
    total, group, digit, seen = 0, 0, None, False
    for word in re.findall(r"\w+", text.casefold()):
        if word in _WORD_DIGITS:
            if digit is not None:  # "hai tư" is "hai mươi tư"
                group += digit * 10
            digit, seen = _WORD_DIGITS[word], True
        elif word == "mười":
            group, seen = group + 10, True
        elif word in ("mươi", "trăm"):
            group += (1 if digit is None else digit) * (10 if word == "mươi" else 100)
            digit = None
        elif word in _WORD_SCALES:
            total += (group + (digit or 0)) * _WORD_SCALES[word]
            group, digit = 0, None
        elif word in ("linh", "lẻ"):
            continue
        elif word in ("đồng", "chẵn", "vnđ"):
            break
        else:
            return None
    return Decimal(total + group + (digit or 0)) if seen else None
