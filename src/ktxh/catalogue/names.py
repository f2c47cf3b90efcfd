"""Names are names, and a compound line becomes one target per indicator.

:func:`indicator_name` gives the indicator's name for a target line: the catalogue's name
when the line matches one surely, else the line's noun phrase without its figure, its target
verb or its period. :func:`split_compound` cuts a line that states several indicators
into one text per indicator; :func:`read_line` does both and parses each part with
:func:`ktxh.core.targets.parse_target`, each part keeping the whole line as its source.

>>> indicator_name("Hộ sử dụng thủy kế đạt 100%")
'Tỷ lệ hộ sử dụng nước sạch (thủy kế)'
>>> indicator_name("Thu nhập bình quân đầu người đến 2025 đạt 85 triệu đồng/người/năm")
'Thu nhập bình quân đầu người'
>>> clean_name("Phấn đấu giá trị hàng hóa xuất khẩu đạt trên 20 tỷ đồng năm 2024")
'Giá trị hàng hóa xuất khẩu'
>>> split_compound("Giới thiệu việc làm mới bình quân 200 lao động/năm. Tỷ lệ lao động qua đào tạo đạt trên 70%.")
['Giới thiệu việc làm mới bình quân 200 lao động/năm', 'Tỷ lệ lao động qua đào tạo đạt trên 70%']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ktxh.core.errors import KtxhError
from ktxh.core.model import Target, TargetKind
from ktxh.core.targets import parse_target

from .matching import Match, best_match, is_relative, match

_MARKER = re.compile(r"^\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-zđ]\)|[-+–•*])\s*", re.IGNORECASE)
_LEAD_VERBS = re.compile(
    r"^(?:(?:phấn\s+đấu|tiếp\s+tục|duy\s+trì(?:\s+và\s+nâng\s+chất)?|vận\s+động|tập\s+trung|đảm\s+bảo|bảo\s+đảm|"
    r"giữ\s+vững|nâng(?:\s+cao)?|hạ|đẩy\s+mạnh|thực\s+hiện\s+tốt|hoàn\s+thành|xây\s+dựng|có)\s+)+",
    re.IGNORECASE,
)
_FIGURE_TAIL = re.compile(
    r"\s*(?::|\bđạt\b|\blà\b|\bchiếm\b|\bcòn\b|\bxuống\b|\blên\b|\bở\s+mức\b|\btrên\b|\bdưới\b|\btừ\b|\bkhoảng\b|"
    r"[<>≥≤])?\s*(?:\bvà\s+vượt\b\s*)?[<>≥≤]?\s*\d[\d.,]*.*$",
    re.IGNORECASE,
)
_PERIOD = re.compile(
    r"\s*(?:\b(?:đến|tới|vào)\s+(?:cuối\s+)?(?:năm\s+)?(?:19|20)\d{2}\b|\b(?:trong\s+)?năm\s+(?:19|20)\d{2}\b|"
    r"\b(?:hàng|hằng|mỗi)\s+năm\b|\btrong\s+năm\b|\bbình\s+quân\s*/\s*năm\b|/\s*năm\b|"
    r"\bso\s+(?:với\s+)?(?:năm\s+)?(?:(?:19|20)\d{2}|trước|cùng\s+kỳ)\b)",
    re.IGNORECASE,
)
_TAIL_WORDS = re.compile(r"(?:\s+\b(?:đạt|là|có|từ|trên|dưới|khoảng|còn|xuống|lên|tăng|giảm|mức|bình\s+quân)\b)+\s*$",
                         re.IGNORECASE)

_VERB_ONLY = re.compile(r"(?:giảm|tăng|đạt|có|thêm|giải\s+quyết|tuyển)(?:\s+thêm)?", re.IGNORECASE)
_COUNTED = re.compile(r"\d[\d.,]*\s+([\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+){0,3}?)(?=\s+(?:theo|trong|so|và|trở|năm)\b|[,.;]|$)",
                      re.IGNORECASE)

# Where a line holds another indicator: a new sentence, a ";", or ", tỷ lệ …".
_HEAD_NOUN = r"(?:tỷ|tỉ)\s+(?:lệ|suất|trọng)|số\s|tổng\s|thu\s+nhập|giá\s+trị|sản\s+lượng|diện\s+tích|năng\s+suất"
_SENTENCE = re.compile(r"(?<=[^\d\s])\s*\.\s+(?=[A-ZÀ-Ỹ\d])|(?<=\d[%‰])\s*\.\s+(?=[A-ZÀ-Ỹ])|(?<=%)\.\s+(?=\S)|\s*;\s*")
_COMMA_HEAD = re.compile(rf",\s+(?=(?:{_HEAD_NOUN}))", re.IGNORECASE)
_DONE_COMMA = re.compile(r"(?<=\bđạt),\s+(?=\S)", re.IGNORECASE)
_AND_FIGURE = re.compile(r"\s+và\s+(?=\d)", re.IGNORECASE)
_HAS_FIGURE = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _strip_marker(line: str) -> str:
    return _MARKER.sub("", line.strip(), count=1).strip()


def clean_name(line: str) -> str:
    """The noun phrase of a target line: no list marker, figure, target verb or period.

    >>> clean_name("3. Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm.")
    'Thu nhập bình quân đầu người'
    >>> clean_name("Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%.")
    'Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều)'
    """
    t = _strip_marker(line)
    t = re.sub(r"\s*\(", " (", t)
    t = _LEAD_VERBS.sub("", t)
    t = _PERIOD.sub(" ", t)
    t = _FIGURE_TAIL.sub("", t)
    t = re.sub(r"\s+(?:giảm|tăng)(?=\s+\()", "", t, flags=re.IGNORECASE)
    t = _TAIL_WORDS.sub("", t)
    t = re.sub(r"\s+", " ", t).strip(" ,;:.-–")
    if not t or _VERB_ONLY.fullmatch(t):
        # "Giảm 01 hộ cận nghèo theo chuẩn mới": the noun is the figure's unit.
        noun = _COUNTED.search(_strip_marker(line))
        t = f"Số {noun.group(1)}" if noun else t
    return t[:1].upper() + t[1:] if t else (_strip_marker(line).rstrip(". ") or line.strip())


def indicator_name(line: str, unit: str | None = None, *, context: str | None = None) -> str:
    """The catalogue name when ``line`` matches an indicator surely, else :func:`clean_name`."""
    found = best_match(line, unit, context=context)
    return found.name if found else clean_name(line)


_FIGURE_ITEM = re.compile(r"^\s*\d[\d.,]*\s*(?:%|‰)?\s+\S")
_ITEM_VERB = re.compile(r"\s+(?=(?:đạt|được|có|tham\s+gia|thực\s+hiện|sử\s+dụng)\b)", re.IGNORECASE)


def _figure_list(text: str) -> list[str] | None:
    """"Hàng năm có từ 92% gia đình, 75% khối phố, 90% tộc họ đạt chuẩn văn hóa": one text per item,
    each with the words before the first figure and after the last noun."""
    items = [i.strip() for i in text.split(",")]
    if len(items) < 2 or not all(_FIGURE_ITEM.match(i) for i in items[1:]):
        return None
    first = re.search(r"[<>≥≤]?\s*\d", items[0])
    if not first or not _FIGURE_ITEM.match(items[0][first.start():].lstrip("<>≥≤ ")):
        return None
    prefix = items[0][: first.start()].strip()
    items[0] = items[0][first.start():].strip()
    last = _ITEM_VERB.split(items[-1], maxsplit=1)[0]
    tail = items[-1][len(last):].strip()
    items[-1] = last
    return [" ".join(x for x in (prefix, i, tail) if x) for i in items]


_SHARE_HEAD = re.compile(r"^(?P<head>.*?(?:tỷ\s+trọng(?:\s+(?:các\s+)?ngành)?|cơ\s+cấu\s+kinh\s+tế[^:,]*?:))\s*(?P<item>\S.*)$",
                         re.IGNORECASE)
_ENDS_WITH_FIGURE = re.compile(r"\d[\d.,]*\s*%\s*$")


def _share_list(text: str) -> list[str] | None:
    """"… tỷ trọng ngành TM-DV chiếm 63%, CN-TTCN, XDCB 33%, NN 4%": one share per sector, each with the head."""
    m = _SHARE_HEAD.match(text)
    if not m:
        return None
    items: list[str] = []
    pending = ""
    for piece in (p.strip() for p in m.group("item").split(",")):
        pending = f"{pending}, {piece}" if pending else piece
        if _ENDS_WITH_FIGURE.search(pending):
            items.append(pending)
            pending = ""
    if pending or len(items) < 2:
        return None
    head = m.group("head").strip()
    return [f"{head} {i}" for i in items]


def _pieces(text: str) -> list[str]:
    out: list[str] = []
    for sentence in _SENTENCE.split(text):
        listed = _share_list(sentence) or _figure_list(sentence)
        if listed:
            out.extend(listed)
            continue
        for part in _COMMA_HEAD.split(sentence):
            out.extend(_DONE_COMMA.split(part))
    return [p.strip(" .;,") for p in out if p and p.strip(" .;,")]


def _carry_verb(parts: list[str]) -> list[str]:
    """"Giảm 01 hộ nghèo và 01 hộ cận nghèo" → "Giảm 01 hộ nghèo", "Giảm 01 hộ cận nghèo"."""
    out: list[str] = []
    for p in parts:
        halves = _AND_FIGURE.split(p)
        verb = re.match(r"^((?:[\wÀ-ỹ]+\s+){1,2}?)(?=\d)", halves[0])
        if len(halves) > 1 and verb:
            out.append(halves[0])
            out.extend(verb.group(1) + h for h in halves[1:])
        else:
            out.append(p)
    return out


def _distribute_head(text: str) -> list[str] | None:
    """"Huy động …: Mẫu giáo 05 tuổi đạt 100%/năm; Tiểu học đạt 100%/năm" → the head before each item."""
    head, colon, rest = text.partition(":")
    if not colon or _HAS_FIGURE.search(_YEAR.sub("", head)) or ";" not in rest or re.match(r"\s*[<>≥≤]?\s*\d", rest):
        return None
    items = [i.strip(" .") for i in rest.split(";") if i.strip(" .")]
    if len(items) < 2 or not all(_HAS_FIGURE.search(i) for i in items):
        return None
    return [f"{head.strip()}: {i}" for i in items]


def _sentences(text: str) -> list[str]:
    return [s.strip(" .") for s in re.split(r"(?<=[^\d\s])\.\s+(?=[A-ZÀ-Ỹ])|(?<=%)\.\s+(?=[A-ZÀ-Ỹ])", text) if s.strip(" .")]


def split_compound(line: str) -> list[str]:
    """One text per indicator of ``line``; a line that states one indicator comes back whole.

    >>> split_compound("9. Tiếp tục duy trì thực hiện 10 chuẩn Y tế quốc gia. Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%; Giảm tỷ lệ suy dinh dưỡng thể Cân nặng 8,19%.")
    ['Tiếp tục duy trì thực hiện 10 chuẩn Y tế quốc gia', 'Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%', 'Giảm tỷ lệ suy dinh dưỡng thể Cân nặng 8,19%']
    >>> split_compound("14. Giảm 01 hộ nghèo và 01 hộ cận nghèo theo chuẩn mới.")
    ['Giảm 01 hộ nghèo', 'Giảm 01 hộ cận nghèo theo chuẩn mới']
    >>> split_compound("Tỷ lệ người tham gia bảo hiểm y tế: > 99%.")
    ['Tỷ lệ người tham gia bảo hiểm y tế: > 99%']
    """
    text = _strip_marker(line).replace("%o", "‰")
    parts = []
    for sentence in _sentences(text):
        parts.extend(_distribute_head(sentence) or _carry_verb(_pieces(sentence)))
    measurable = sum(1 for p in parts if _measurable(p))
    if len(parts) < 2 or measurable < 2 and not (measurable == 1 and len(parts) <= 4 and _mostly_targets(parts)):
        return [text.rstrip(" .")]
    return parts


def _measurable(text: str) -> bool:
    try:
        return parse_target(text).kind is not TargetKind.QUALITATIVE
    except KtxhError:
        return False


def _mostly_targets(parts: list[str]) -> bool:
    """Parts that each read as a target of their own ("Phấn đấu … không còn hộ nghèo. Tỷ lệ … 90%")."""
    return all(len(p) <= 160 and best_match(p) is not None for p in parts)


@dataclass(frozen=True)
class ReadTarget:
    """One indicator's target read from a line: ``source`` is the whole line as written, ``text`` this part."""

    source: str
    text: str
    target: Target
    match: Match | None
    name: str
    candidates: tuple[Match, ...] = ()

    @property
    def code(self) -> str | None:
        return self.match.code if self.match else None

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source, "text": self.text, "name": self.name, "code": self.code,
            "score": round(self.match.score, 1) if self.match else (round(self.candidates[0].score, 1)
                                                                    if self.candidates else None),
            "kind": self.target.kind.value, "low": _num(self.target.low), "high": _num(self.target.high),
            "unit": self.target.unit, "candidates": [c.to_dict() for c in self.candidates],
        }


def _num(v: object) -> str | None:
    return None if v is None else str(v)


def read_line(line: str, *, label: str | None = None, unit: str | None = None, context: str | None = None
              ) -> list[ReadTarget]:
    """Every indicator's target in a plan line (or a table row: ``label`` and ``unit`` from its cells).

    >>> [(r.code, r.target.kind.value, str(r.target.low)) for r in read_line("Tỷ lệ hộ nghèo: 0.42", unit="%")]
    [('ty-le-ho-ngheo', 'exact', '0.42')]
    """
    texts = [line] if label is not None else split_compound(line)
    out: list[ReadTarget] = []
    for n, text in enumerate(texts):
        try:
            target = parse_target(text, label=label, unit=unit)
        except KtxhError:
            continue
        subject = label if label is not None else _subject(text, target)
        if target.kind is TargetKind.QUALITATIVE or target.unit is None:
            u = unit
        else:
            u = target.unit
        around = context if n == 0 else (context or clean_name(_subject(texts[n - 1], target)))
        candidates = _candidates(subject, u, around, _relative(target) or is_relative(text))
        sure = candidates[0] if candidates and _sure(candidates[0], target) else None
        name = sure.name if sure else (clean_name(subject) if subject.strip() else "") or text.strip() or line.strip()
        out.append(ReadTarget(line.strip(), text, target, sure, name, candidates))
    return out


#: A line with no figure names an indicator measured by a figure only when it names it this closely.
FIGURELESS_THRESHOLD = 90.0


def _sure(found: Match, target: Target) -> bool:
    if target.kind is TargetKind.QUALITATIVE and found.unit:
        return found.score >= FIGURELESS_THRESHOLD
    return found.sure


def _subject(text: str, target: Target) -> str:
    """What names the indicator: the label before ":", with the words after it that come before the figure."""
    text = re.sub(r"\s*\([^)]*\d[^)]*\)", "", text)
    head, colon, body = text.partition(":")
    if not colon or not target.label:
        return re.sub(r"\s*\([^)]*\d[^)]*\)", "", target.label or text)
    lead = re.split(r"[\d<>≥≤]", body, maxsplit=1)[0]
    return f"{head.strip()} {lead.strip()}".strip()


def _candidates(subject: str, unit: str | None, context: str | None, relative: bool) -> tuple[Match, ...]:
    """Matches for the whole subject; when none is sure, for its first clause (a line names its indicator first)."""
    found = tuple(match(subject, unit, context=context, relative=relative))
    if found and found[0].sure:
        return found
    first = re.split(r"[,;]\s+|\s+và\s+", subject, maxsplit=1)[0]
    if first != subject:
        head = tuple(match(first, unit, context=context, relative=relative))
        if head and head[0].sure:
            return head
    return found


def _relative(target: Target) -> bool:
    """A change stated in % (of anything) or a share of the assigned plan fits an indicator in any unit."""
    return target.kind is TargetKind.ASSIGNED or (target.kind is TargetKind.CHANGE and target.unit in ("%", "‰"))
