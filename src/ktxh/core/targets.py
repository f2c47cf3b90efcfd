"""Targets (chỉ tiêu) as plans write them, read into a :class:`~ktxh.core.model.Target`.

The grammar is the plans' own: a label, often a colon, then figures with their
comparators ("> 99%", "trên 75%", "dưới 02%", "từ 40 tỷ", "99% trở lên"), ranges
("14 – 15%", "Từ 0,7 - 0,9%"), verbs of change ("tăng 2,5% …/năm", "Giảm 01 hộ
nghèo"), figures relative to what the upper level assigns ("đạt và vượt chỉ tiêu giao
từ 5-10%"), and words with no figure ("đạt", "giữ vững"). A line may hold several
figures: the first is the target, the rest are its ``parts``. A line that states no
measurable target is qualitative, never an error.

>>> t = parse_target("Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%.")
>>> t.kind.value, t.low, t.high, t.unit, t.direction.value, t.change_mode, t.base
('change', Decimal('0.7'), Decimal('0.9'), '%', 'down', 'absolute', 'năm 2021')
>>> t = parse_target("Tỷ lệ người tham gia bảo hiểm y tế: > 99%.")
>>> t.kind.value, t.low, t.low_strict
('min', Decimal('99'), True)
>>> parse_target("Thực hiện tốt phong trào bảo vệ an ninh tổ quốc.").kind.value
'qualitative'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .errors import TargetError
from .model import Direction, Target, TargetKind
from .numbers import Number, find_numbers, format_number, parse_number
from .units import lookup_unit

MAX_TARGET_LENGTH = 2000

# Digits that belong to a name, not a figure: "05 tuổi", "con thứ 3", "mức độ 2", years.
_NOT_TARGET_FIGURES = re.compile(
    r"""
      \d+\s*tuổi
    | (?:thứ|con|lớp|mức\s+độ|MĐ|QC|khóa|khoá|lần\s+thứ|[Đđ]ề\s+án|Chỉ\s+thị|Nghị\s+quyết|(?<!dân\s)số)\s+\d+\+?
    | \d+\s*\+
    | \b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b
    | (?<![\d.,])(?:19|20)\d{2}(?![\d.,]|\s*(?:%|‰|tỷ|triệu|đồng|tấn|ha|người|hộ))
    """,
    re.VERBOSE | re.IGNORECASE,
)
_RANGE_JOINER = re.compile(r"\s*(?:-|–|—|đến|tới|~)\s*", re.IGNORECASE)
_FRACTION_JOINER = re.compile(r"\s*/\s*")

_MIN_STRICT = re.compile(r"(?:>|lên trên|trên|hơn|vượt)\s*$", re.IGNORECASE)
_MIN = re.compile(r"(?:≥|>=|tối thiểu|ít nhất|không dưới|không thấp hơn|từ)\s*$", re.IGNORECASE)
_MAX_STRICT = re.compile(r"(?:<|dưới|thấp hơn)\s*$", re.IGNORECASE)
_MAX = re.compile(r"(?:≤|<=|không quá|tối đa|không vượt quá)\s*$", re.IGNORECASE)
_DOWN_TO = re.compile(r"(?:còn|xuống(?:\s+còn|\s+mức)?)\s*$", re.IGNORECASE)
_UP_TO = re.compile(r"lên(?:\s+mức)?\s*$", re.IGNORECASE)
# rule "percent of plan or more": "đạt 100% chỉ tiêu (được giao) trở lên" is a minimum of 100%
_OR_MORE = re.compile(
    r"^\s*(?:(?:chỉ\s+tiêu|kế\s+hoạch|KH)(?:\s+(?:được\s+)?giao)?\s+)?trở\s+lên", re.IGNORECASE)
_OR_LESS = re.compile(r"^\s*trở\s+xuống", re.IGNORECASE)

_UP_VERB = re.compile(r"\b(?:tăng|tốc độ phát triển)\b", re.IGNORECASE)
_DOWN_VERB = re.compile(r"\b(?:giảm|hạ)\b", re.IGNORECASE)
_RATE_SUBJECT = re.compile(r"\b(?:tỷ|tỉ)\s+(?:lệ|suất|trọng)\b", re.IGNORECASE)
_CHANGE_NOUN = re.compile(r"\b(?:mức|số)\s+(?:tăng|giảm)\b|\b(?:tốc độ|tăng trưởng)\b", re.IGNORECASE)
_BASE = re.compile(r"so\s+(?:với\s+)?(?:(năm\s+\d{4}|cùng\s+kỳ(?:\s+năm\s+trước)?|năm\s+trước)|(\d{4}))", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:đến|tới|vào)\s+(?:cuối\s+)?(?:năm\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)
_PER_YEAR = re.compile(r"(?:hàng|hằng|mỗi)\s+năm|(?<!người)/\s*năm(?!\s*học)\b", re.IGNORECASE)
_PER_YEAR_AFTER = re.compile(r"^\s*/\s*năm(?:\s+học)?", re.IGNORECASE)
_ASSIGNED = re.compile(r"(?:chỉ\s+tiêu|kế\s+hoạch)(?:\s+[\wÀ-ỹ]+){0,3}?\s+giao", re.IGNORECASE)
_ASSIGNED_LOWER = re.compile(r"thấp\s+hơn\s+(?:chỉ\s+tiêu|kế\s+hoạch)", re.IGNORECASE)
_NONE_LEFT = re.compile(r"không\s+còn\s+([\wÀ-ỹ ]{2,30}?)(?=[.,;]|$)", re.IGNORECASE)
_QUALITATIVE = re.compile(
    r"\b(giữ vững|duy trì|hoàn thành|thực hiện tốt|đảm bảo|bảo đảm|không để|đạt chuẩn|đạt|phấn đấu|tiếp tục)\b",
    re.IGNORECASE,
)
_LOWER_IS_BETTER = re.compile(
    r"hộ\s+nghèo|cận\s+nghèo|nghèo|suy\s+dinh\s+dưỡng|bỏ\s+học|nợ\s+quá\s+hạn|nợ\s+xấu|sinh\s+con\s+(?:thứ\s+)?3"
    r"|tỷ\s+suất\s+sinh|tỉ\s+suất\s+sinh|tỷ\s+lệ\s+sinh|tai\s+nạn|tội\s+phạm|ô\s+nhiễm|tồn\s+đọng|thất\s+nghiệp"
    r"|dịch\s+bệnh|mù\s+chữ|tái\s+nghèo|vi\s+phạm|cháy\s+nổ|đuối\s+nước",
    re.IGNORECASE,
)
_FILLER_START = re.compile(r"^(?:theo|trong|của|để|với|và|đạt|năm|tại|so|ở)\b", re.IGNORECASE)
_CUE = r"(?:\s|[,;:.()\-–>|<≥≤]|\b(?:với|và|trong\s+đó|có|từ|đạt|là|trên|dưới|chiếm|còn|xuống|lên|khoảng|mức|ở)\b)+"
_CUE_WORDS = re.compile(rf"^{_CUE}|{_CUE}$", re.IGNORECASE)
_SENTENCE_SPLIT = re.compile(r"(?<=[.;])\s+|;\s*|\s*,?\s*trong\s+đó\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class _Figure:
    """One target figure in a sentence: a value or a range, with its span and unit."""

    low: Decimal
    high: Decimal
    unit: str | None
    start: int
    end: int
    is_range: bool
    is_fraction: bool = False


def _clean(text: str) -> str:
    text = re.sub(r"<[^>]{0,40}>", "", text)
    text = text.replace("\u00a0", " ").replace("–", "-").replace("—", "-").replace("%o", "‰")
    return re.sub(r"[ \t]+", " ", text).strip()


def _strip_cues(text: str) -> str:
    return _CUE_WORDS.sub("", text).strip(" ,;:.-")


def _figures(sentence: str, unit_hint: str | None = None) -> list[_Figure]:
    masked = [m.span() for m in _NOT_TARGET_FIGURES.finditer(sentence)]
    numbers: list[Number] = []
    for n in find_numbers(sentence):
        if any(a <= n.start < b for a, b in masked):
            continue
        if n.unit is None and unit_hint and (n.ambiguous or lookup_unit(unit_hint)):
            # The ĐVT column decides: "12,575" people are twelve thousand.
            hinted = parse_number(n.text, unit=unit_hint)
            n = replace(n, value=hinted.value, decimals=hinted.decimals, alternatives=hinted.alternatives)
        numbers.append(n)
    out: list[_Figure] = []
    i = 0
    while i < len(numbers):
        n = numbers[i]
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        gap_end = nxt.start if nxt else n.end
        # The number's own span may have swallowed a unit; compare gap from the digits' end.
        digits_end = n.start + len(re.match(r"[\d.,]+", n.text).group(0))  # type: ignore[union-attr]
        gap = sentence[digits_end:gap_end] if nxt else ""
        if nxt and n.unit in (None, nxt.unit, "%") and _RANGE_JOINER.fullmatch(gap):
            out.append(_Figure(n.value, nxt.value, nxt.unit or n.unit, n.start, nxt.end, True))
            i += 2
            continue
        if nxt and _FRACTION_JOINER.fullmatch(sentence[n.end : nxt.start]):
            # "3/3 nhóm": progress as a count; the target is the numerator.
            out.append(_Figure(n.value, n.value, nxt.unit or n.unit, n.start, nxt.end, False, True))
            i += 2
            continue
        out.append(_Figure(n.value, n.value, n.unit, n.start, n.end, False))
        i += 1
    return out


def _split_per_year(unit: str | None) -> tuple[str | None, bool]:
    """"%/năm" → ("%", True); "triệu đồng/người/năm" stays whole (a unit, not a yearly pace)."""
    if not unit:
        return unit, False
    m = re.fullmatch(r"([^/]+?)\s*/\s*năm(?:\s+học)?", unit)
    if m:
        return m.group(1).strip(), True
    return unit, False


_VERB_BEFORE = re.compile(
    # rule "a change per year after a colon": "giảm bình quân/năm: trên 10%"
    r"(?i)\b(?:tăng|giảm)\s+(?:bình\s+quân\s*(?:/\s*năm|hằng\s+năm|hàng\s+năm|mỗi\s+năm)?\s*:?\s*)?"
    r"(?:từ\s+|ít\s+nhất\s+|trên\s+|khoảng\s+|thêm\s+)?$")


def _infer_direction(context: str, kind: TargetKind, verb_down: bool) -> Direction:
    if kind is TargetKind.MAX or verb_down or _LOWER_IS_BETTER.search(context):
        return Direction.DOWN
    return Direction.UP


def _bounds(fig: _Figure, before: str, after: str
            ) -> tuple[TargetKind, Decimal | None, Decimal | None, bool, bool, bool]:
    """Kind and bounds from the comparator around a figure: "> 99%", "dưới 02%", "99% trở lên", "14 – 15%".
    The last item says the figure is a level to fall to ("xuống còn 5%")."""
    if fig.is_range:
        return TargetKind.RANGE, fig.low, fig.high, False, False, False
    if _MAX_STRICT.search(before):
        return TargetKind.MAX, None, fig.high, False, True, False
    if _MAX.search(before) or _OR_LESS.match(after):
        return TargetKind.MAX, None, fig.high, False, False, False
    if _MIN_STRICT.search(before):
        return TargetKind.MIN, fig.low, None, True, False, False
    if _MIN.search(before) or _OR_MORE.match(after):
        return TargetKind.MIN, fig.low, None, False, False, False
    return TargetKind.EXACT, fig.low, fig.high, False, False, bool(_DOWN_TO.search(before))


def _change_mode(verb_text: str, before: str, unit: str | None, base: str | None, has_verb: bool) -> str | None:
    """"percent" (grow by p%) or "absolute" (by points, by 01 hộ) when the figure is a change; else None."""
    rate_subject = bool(_RATE_SUBJECT.search(verb_text))
    change_noun = bool(_CHANGE_NOUN.search(verb_text))
    verb_adjacent = bool(_VERB_BEFORE.search(before) or _VERB_BEFORE.search(verb_text))  # rule "giảm từ 4% trở lên/năm": the verb governs its figure
    if not (has_verb and (not rate_subject or base or change_noun or verb_adjacent)):
        return None
    if unit == "%" and (not rate_subject or change_noun) and not base_is_rate(verb_text, base):
        return "percent"
    return "absolute"


def _figure_target(
    fig: _Figure,
    sentence: str,
    context: str,
    label: str,
    unit_hint: str | None,
    line_per_year: bool,
    base: str | None,
    year: int | None,
    direction: Direction | None,
) -> Target:
    before = sentence[: fig.start]
    after = sentence[fig.end :]
    unit, unit_per_year = _split_per_year(fig.unit or unit_hint)
    if unit:
        known = lookup_unit(unit)
        unit = known.name if known else unit
    per_year = unit_per_year or line_per_year or bool(_PER_YEAR_AFTER.match(after))
    kind, low, high, low_strict, high_strict, level_down = _bounds(fig, before, after)
    level_marker = level_down or bool(_UP_TO.search(before))

    verb_text = context + " " + before
    up_verb = _UP_VERB.search(verb_text)
    down_verb = _DOWN_VERB.search(verb_text)
    change_mode = _change_mode(verb_text, before, unit, base, bool(up_verb or down_verb) and not level_marker)
    if change_mode is not None:
        if kind is TargetKind.EXACT:
            high = low
        kind = TargetKind.CHANGE if kind in (TargetKind.EXACT, TargetKind.RANGE, TargetKind.MIN) else kind
    verb_down = bool(down_verb) and (not up_verb or down_verb.start() > up_verb.start()) or level_down
    if direction is None:
        direction = _infer_direction(context + " " + before, kind, verb_down)
    if _ASSIGNED.search(context + " " + before) and unit == "%" and re.search(r"vượt", verb_text, re.I):
        kind, change_mode = TargetKind.ASSIGNED, None
    return Target(
        text=sentence,
        kind=kind,
        low=low,
        high=high,
        low_strict=low_strict,
        high_strict=high_strict,
        unit=unit,
        per_year=per_year,
        direction=direction,
        label=label,
        base=base,
        change_mode=change_mode,
        year=year,
    )


def base_is_rate(text: str, base: str | None) -> bool:
    """A rate measured against a base year changes by points, not by percent."""
    return bool(base and _RATE_SUBJECT.search(text))


def _qualitative(text: str, label: str, direction: Direction | None, context: str) -> Target:
    if _ASSIGNED.search(text):
        lower = bool(_ASSIGNED_LOWER.search(text))
        return Target(
            text=text,
            kind=TargetKind.ASSIGNED,
            low=None if lower else Decimal(0),
            high=Decimal(0) if lower else None,
            direction=direction or (Direction.DOWN if lower else Direction.UP),
            label=label,
        )
    none_left = _NONE_LEFT.search(text)
    if none_left:
        noun = none_left.group(1).strip()
        unit = lookup_unit(noun)
        return Target(
            text=text,
            kind=TargetKind.MAX,
            low=None,
            high=Decimal(0),
            unit=unit.name if unit else noun,
            direction=Direction.DOWN,
            label=label,
            qualitative="không còn",
        )
    m = _QUALITATIVE.search(text)
    word = m.group(1).lower() if m else None
    return Target(
        text=text,
        kind=TargetKind.QUALITATIVE,
        direction=direction or _infer_direction(context, TargetKind.QUALITATIVE, False),
        label=label,
        qualitative=word,
    )


def _part_labels(sentence: str, figures: list[_Figure]) -> list[str]:
    labels: list[str] = []
    consumed_until = 0
    for i, fig in enumerate(figures):
        stop = figures[i + 1].start if i + 1 < len(figures) else len(sentence)
        after_raw = sentence[fig.end : stop]
        after = re.split(r"[,;.]", after_raw, maxsplit=1)[0]
        after_label = _strip_cues(after)
        before_label = _strip_cues(sentence[max(consumed_until, figures[i - 1].end if i else 0) : fig.start])
        if after_label and not _FILLER_START.match(after_label) and (not before_label or i > 0):
            labels.append(after_label)
            consumed_until = fig.end + len(after)
        else:
            labels.append(before_label)
    return labels


MAX_DIGITS = 15  # a commune's figures have at most 13 digits (tens of thousands of tỷ đồng in đồng)


def _refuse_huge_numbers(text: str, original: str) -> None:
    """Rule "no 20-digit figure": a clear error instead of a figure no plan states.

    >>> parse_target("Sản lượng 12345678901234567890 tấn")
    Traceback (most recent call last):
    ...
    ktxh.core.errors.TargetError: Số “12345678901234567890” có 20 chữ số, quá lớn cho một chỉ tiêu (tối đa 15 chữ số).
    """
    for m in re.finditer(r"\d[\d.,]*", text):
        digits = sum(ch.isdigit() for ch in m.group(0))
        if digits > MAX_DIGITS:
            raise TargetError(
                f"Số \u201c{m.group(0)}\u201d có {digits} chữ số, quá lớn cho một chỉ tiêu (tối đa {MAX_DIGITS} chữ số).",
                field="chỉ tiêu", value=original[:200],
            )


_FROM_TO = re.compile(r"(?i)^\s*(?:[^\d\s]+\s+){0,3}?(xuống|lên)(?:\s+(?:còn|mức|đến))?\s*$")


def _from_to(sentence: str, figures: list[_Figure]) -> tuple[Target, int] | None:
    """Rule "from a base to a level": "giảm số hộ nghèo từ 45 hộ xuống còn 38 hộ" is at most 38 hộ, from 45.

    >>> t = parse_target("Giảm số hộ nghèo từ 45 hộ xuống còn 38 hộ")
    >>> t.kind.value, t.high, t.unit, t.base, t.direction.value
    ('max', Decimal('38'), 'hộ', '45 hộ', 'down')
    """
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        if not re.search(r"(?i)\btừ\s*$", sentence[: a.start]):
            continue
        m = _FROM_TO.match(sentence[a.end : b.start])
        if not m:
            continue
        unit = b.unit or a.unit
        known = lookup_unit(unit) if unit else None
        unit = known.name if known else unit
        base = f"{format_number(a.low)} {unit}" if unit and unit not in ("%", "‰") else f"{format_number(a.low)}{unit or ''}"
        if m.group(1).lower() == "xuống":
            t = Target(text=sentence, kind=TargetKind.MAX, low=None, high=b.low, unit=unit, direction=Direction.DOWN,
                       base=base)
        else:
            t = Target(text=sentence, kind=TargetKind.MIN, low=b.low, high=None, unit=unit, direction=Direction.UP,
                       base=base)
        return t, i
    return None


def _scope_last(figures: list[_Figure], sentence: str) -> list[_Figure]:
    """Rule "a count of units is the scope": in "3/9 thôn … còn dưới 30%" the target is "dưới 30%"."""
    if len(figures) > 1 and figures[0].is_fraction and any(f.unit in ("%", "‰") for f in figures[1:]):
        return [*figures[1:], figures[0]]
    return figures


def parse_target(
    text: str,
    *,
    label: str | None = None,
    unit: str | None = None,
    direction: Direction | str | None = None,
) -> Target:
    """Parse a target as written.

    ``label`` is the indicator's name when the figure stands apart (a table's
    "Danh mục" column); ``unit`` is its ĐVT; ``direction`` ("up"/"down") overrides
    the direction inferred from words like "giảm", "dưới", "hạ tỷ lệ".

    >>> t = parse_target("Giải quyết việc làm trong năm: Từ 100-120 lao động, trong đó xuất khẩu lao động theo hợp đồng từ 10-12 người.")
    >>> t.kind.value, t.low, t.high, t.unit, [(p.kind.value, p.low, p.high, p.unit, p.label) for p in t.parts]
    ('range', Decimal('100'), Decimal('120'), 'lao động', [('range', Decimal('10'), Decimal('12'), 'người', 'xuất khẩu lao động theo hợp đồng')])
    >>> t = parse_target("14,5 – 16,5", label="Tốc độ phát triển GTSX", unit="%")
    >>> t.kind.value, t.low, t.high, t.unit
    ('change', Decimal('14.5'), Decimal('16.5'), '%')
    >>> parse_target("12,575", label="Dân số", unit="Người").low
    Decimal('12575')
    """
    direction = _direction_of(direction)
    original, text = _checked_text(text)
    line = _line_of(text, label, unit)
    targets: list[Target] = []
    for sentence in (x.strip() for x in _SENTENCE_SPLIT.split(line.body)):
        if sentence:
            targets.extend(_sentence_targets(sentence, line, direction, bool(targets)))
    targets = targets or [_qualitative(text, line.label, direction, line.context)]  # ";" or "trong đó" alone
    return _main_target(targets, original, line.label)


@dataclass(frozen=True)
class _Line:
    """What a whole target line tells every sentence of it: label, context, unit, base, year, per year."""

    body: str
    label: str
    context: str
    unit: str | None
    base: str | None
    year: int | None
    per_year: bool


def _direction_of(direction: Direction | str | None) -> Direction | None:
    if direction is None or isinstance(direction, Direction):
        return direction
    try:
        return Direction(direction)
    except ValueError as exc:
        raise TargetError(
            f"Chiều đánh giá \u201c{direction}\u201d không hợp lệ: chỉ nhận \u201cup\u201d (càng cao càng tốt) "
            "hoặc \u201cdown\u201d (càng thấp càng tốt).",
            field="chiều đánh giá",
            value=direction,
        ) from exc


def _checked_text(text: object) -> tuple[str, str]:
    """The line as given and cleaned, without its numbering; errors in Vietnamese for what is no target line."""
    if not isinstance(text, str):
        raise TargetError(f"Chỉ tiêu phải là một đoạn chữ, không phải \u201c{text!r}\u201d.", field="chỉ tiêu", value=repr(text))
    original = text
    text = _clean(text)
    _refuse_huge_numbers(text, original)
    if not text:
        raise TargetError("Chỉ tiêu trống: hãy ghi nội dung chỉ tiêu.", field="chỉ tiêu", value=original)
    if len(text) > MAX_TARGET_LENGTH:
        raise TargetError(
            f"Chỉ tiêu dài {len(text)} ký tự, quá {MAX_TARGET_LENGTH} ký tự: \u201c{text[:60]}…\u201d.",
            field="chỉ tiêu",
            value=original[:200],
        )
    # Rule "numbering is never a figure": "11.Tỷ lệ…", "2.5. Trên 96%…", "(7) Duy trì …", "7) …", "a) …", bullets;
    # never a figure ("14,5 – 16,5").
    text = re.sub(r"^(?:\d+(?:\.\d+)*\.\s*(?=[^\d\s])|\(\s*\d{1,3}\s*\)\s*|\d{1,3}\)\s*(?=\D)|[a-zđ]\)\s*"
                  r"|[-+*•]\s*(?=\D))", "", text).strip() or text
    return original, text


def _line_of(text: str, label: str | None, unit: str | None) -> _Line:
    body = text
    if label is None:
        head, colon, tail = text.partition(":")
        if colon and tail.strip() and not re.match(r"\s*\d{4}\b", tail):
            label, body = head.strip(), tail.strip()
        else:
            label = text.rstrip(". ")
    label = _clean(label)
    context = label if label != text.rstrip(". ") else ""
    whole = f"{label} {body}"
    base_m = _BASE.search(whole)
    base = _clean(base_m.group(1) or f"năm {base_m.group(2)}") if base_m else None
    year_m = _YEAR.search(whole)
    # "Hàng năm" opening a line governs all of it; elsewhere it governs its own sentence.
    per_year = bool(_PER_YEAR.search(context)) or bool(re.match(r"\s*(?:hàng|hằng|mỗi)\s+năm", body, re.IGNORECASE))
    return _Line(body, label, context, _clean(unit) if unit else None, base,
                 int(year_m.group(1)) if year_m else None, per_year)


def _shared_comparator(previous: Target | None, t: Target, fig: _Figure) -> Target:
    """"từ 92% gia đình, 75% khối phố": the list shares its first comparator."""
    if previous is None or t.kind is not TargetKind.EXACT or previous.kind not in (TargetKind.MIN, TargetKind.MAX) \
            or fig.is_fraction:
        return t
    return replace(
        t,
        kind=previous.kind,
        low=t.low if previous.kind is TargetKind.MIN else None,
        high=t.high if previous.kind is TargetKind.MAX else None,
        low_strict=previous.low_strict,
        high_strict=previous.high_strict,
    )


def _sentence_targets(sentence: str, line: _Line, direction: Direction | None, after_first: bool) -> list[Target]:
    """The targets one sentence of a line states, in order (the first sentence's first is the line's)."""
    label = line.label
    figures = _figures(sentence, line.unit)
    if not figures:
        return [_qualitative(sentence, label if not after_first else _strip_cues(sentence.rstrip(".")), direction,
                             line.context)]
    out: list[Target] = []
    from_to = _from_to(sentence, figures)
    if from_to is not None:
        t, i = from_to
        out.append(replace(t, label=label if not after_first else _strip_cues(sentence[: figures[i].start])))
        figures = figures[:i] + figures[i + 2 :]
        if not figures:
            return out
    figures = _scope_last(figures, sentence)
    previous: Target | None = None
    for fig, part_label in zip(figures, _part_labels(sentence, figures), strict=True):
        clause_end = re.search(r"[,;]", sentence[fig.end :])
        clause = sentence[: fig.end + clause_end.start()] if clause_end else sentence
        sentence_per_year = line.per_year or bool(_PER_YEAR.search(clause))
        t = _figure_target(fig, sentence, line.context, label, line.unit, sentence_per_year, line.base, line.year,
                           direction)
        t = _shared_comparator(previous, t, fig)
        if after_first or out or fig is not figures[0]:
            t = replace(t, label=part_label or (t.unit or ""))
        out.append(t)
        previous = t
    tail = sentence[figures[-1].end :].strip(" ,.")
    if _ASSIGNED.search(tail) or _NONE_LEFT.search(tail):
        # "…còn 4,5%, tỷ lệ sinh con 3 trở lên thấp hơn chỉ tiêu trên giao hàng năm"
        out.append(_qualitative(tail, _strip_cues(tail), None, tail))
    return out


def _main_target(targets: list[Target], original: str, label: str) -> Target:
    """The line's target (its first measurable one) with the others as parts, ranges written backwards mended."""
    for i, t in enumerate(targets):
        if t.low is not None and t.high is not None and t.low > t.high:
            # "15 – 10%": written the wrong way round; read as a range, and say so.
            targets[i] = replace(t, low=t.high, high=t.low, warnings=t.warnings + (
                f"Khoảng \u201c{format_number(t.low)} – {format_number(t.high)}\u201d ghi ngược; "
                f"đã đọc là từ {format_number(t.high)} đến {format_number(t.low)}.",))
    measurable = [t for t in targets if t.kind is not TargetKind.QUALITATIVE]
    main = measurable[0] if measurable else targets[0]
    parts = tuple(replace(t, text=t.text) for t in targets if t is not main)
    warnings: list[str] = [w for t in targets for w in t.warnings]
    if main.kind is TargetKind.QUALITATIVE and not measurable:
        warnings.append("Chỉ tiêu không nêu số đo được: đánh giá bằng nhận xét (đạt / không đạt).")
    return replace(main, text=original.strip(), label=label, parts=parts, warnings=tuple(warnings))


def describe_target(target: Target) -> str:
    """A short Vietnamese reading of a parsed target, as shown beside a form field.

    >>> describe_target(parse_target("Tỷ lệ người tham gia bảo hiểm y tế: > 99%"))
    'lớn hơn 99% (càng cao càng tốt)'
    """

    def f(v: Decimal | None) -> str:
        return format_number(v) + (target.unit if target.unit in ("%", "‰") else f" {target.unit}" if target.unit else "")

    k = target.kind
    if k is TargetKind.QUALITATIVE:
        core = f"định tính ({target.qualitative or 'nhận xét'})"
    elif k is TargetKind.RANGE:
        core = f"từ {f(target.low)} đến {f(target.high)}"
    elif k is TargetKind.MIN:
        core = ("lớn hơn " if target.low_strict else "từ ") + f(target.low) + ("" if target.low_strict else " trở lên")
    elif k is TargetKind.MAX:
        core = ("nhỏ hơn " if target.high_strict else "không quá ") + f(target.high)
    elif k is TargetKind.CHANGE:
        core = _describe_change(target)
    elif k is TargetKind.ASSIGNED:
        core = _describe_assigned(target)
    else:
        core = f"bằng {f(target.low)}"
    if target.per_year:
        core += " mỗi năm"
    way = "càng thấp càng tốt" if target.direction is Direction.DOWN else "càng cao càng tốt"
    return f"{core} ({way})"


_TARGET_WORDS = re.compile(
    r"\b(?:tỷ|tỉ|số|tổng|thu|chi|diện\s+tích|sản\s+lượng|năng\s+suất|giá\s+trị|hộ|người|lao\s+động|xã|phường|thôn|"
    r"trường|học\s+sinh|trẻ|dân|thu\s+nhập|ngân\s+sách|vốn|đường|rừng|nước|điện|rác|bảo\s+hiểm|y\s+tế|văn\s+hóa|"
    r"văn\s+hoá|giáo\s+dục|nông\s+thôn|an\s+ninh|quốc\s+phòng|quân|tuyển|chuẩn|tiêu\s+chí|kế\s+hoạch|chỉ\s+tiêu)\b",
    re.IGNORECASE,
)


def states_a_target(target: Target) -> bool:
    """Rule "no target at all": a line with no figure, no verb of a target and no indicator word is none.

    >>> states_a_target(parse_target("abc xyz"))
    False
    >>> states_a_target(parse_target("Duy trì xã đạt chuẩn quốc gia về y tế"))
    True
    """
    if target.kind is not TargetKind.QUALITATIVE or target.qualitative:
        return True
    return bool(_TARGET_WORDS.search(target.text))


def _describe_change(target: Target) -> str:
    """"giảm ít nhất 4 điểm phần trăm", "tăng 2,5 – 3%" so với năm 2021."""
    verb = "giảm" if target.direction is Direction.DOWN else "tăng"
    points = target.change_mode == "absolute" and target.unit == "%"
    unit = " điểm phần trăm" if points else ("%" if target.unit == "%" else f" {target.unit}" if target.unit else "")
    n = format_number
    amount = n(target.low) if target.high in (None, target.low) else f"{n(target.low)} – {n(target.high)}"
    if target.high is None:
        amount = ("hơn " if target.low_strict else "ít nhất ") + n(target.low)
    return f"{verb} {amount}{unit}" + (f" so với {target.base}" if target.base else "")


def _describe_assigned(target: Target) -> str:
    if target.high is not None and target.low is None:
        return "thấp hơn chỉ tiêu cấp trên giao"
    if target.low:
        hi = f" – {format_number(target.high)}" if target.high is not None else ""
        return f"vượt chỉ tiêu cấp trên giao {format_number(target.low)}{hi}%"
    return "đạt chỉ tiêu cấp trên giao"
