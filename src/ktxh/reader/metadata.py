"""Who issued a document, for which unit, when, over which period, on which legal bases.

>>> m = metadata_of(["Số: /BC-UBND", "Lương Sơn, ngày tháng 6 năm 2023", "BÁO CÁO",
...                  "Đánh giá kết quả giữa kỳ …, giai đoạn 2021-2025",
...                  "Thực hiện Công văn số 1388/UBND-VP ngày 01/6/2023 của UBND thành phố Sông Công. "
...                  "UBND phường Lương Sơn báo cáo như sau:"])
>>> m.doc_type, m.issuer, m.unit, m.place, m.year, m.period.text
('Báo cáo', 'Ủy ban nhân dân', 'phường Lương Sơn', 'Lương Sơn', 2023, 'giai đoạn 2021-2025')
>>> m.legal_bases
('Công văn số 1388/UBND-VP ngày 01/6/2023',)
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from .document import Metadata, Period, Signer
from .scan import keyword_finditer, lowered

_TYPES = {"BC": "Báo cáo", "KH": "Kế hoạch", "NQ": "Nghị quyết", "QĐ": "Quyết định"}
_TYPE_LINE = re.compile(r"^\s*(BÁO CÁO|KẾ HOẠCH|NGHỊ QUYẾT|QUYẾT ĐỊNH)\b")
_NUMBER_LINE = re.compile(r"Số\s*:\s*[\d\s]*/\s*(BC|KH|NQ|QĐ)-([A-ZĐ]+)")
_CLOSING = re.compile(r"(?i)trên\s+đây\s+là\s+(?:\w+\s+)?(báo\s+cáo|kế\s+hoạch|nghị\s+quyết)")
_UNIT = re.compile(r"(?i)\b(phường|xã|thị\s+trấn)\s+(\w+(?:\s+\w+){0,3})")
_UNIT_STARTS = (("phường", 0), ("xã", 0), ("thị", 0))  # where a _UNIT match can begin
_PLACE_DATE = re.compile(
    r"^\s*(?P<place>[^,\d]{2,40}),\s*(?P<date>ngày\s+(?P<d>\d{1,2})?\s*tháng\s+(?P<m>\d{1,2})?\s*năm\s+(?P<y>\d{4}))"
)
_PERIODS = [
    (re.compile(r"(?i)\b(giai\s+đoạn|nhiệm\s+kỳ)\s+(\d{4})\s*[-–]\s*(\d{4})"), "range"),
    (re.compile(r"(?i)\b(\d{1,2})\s+tháng\s+(?:đầu\s+|cuối\s+)?năm\s+(\d{4})"), "months"),
    (re.compile(r"(?i)\bnăm\s+(\d{4})"), "year"),
]
_LEGAL = re.compile(
    r"(?:Nghị\s+quyết|Quyết\s+định|Công\s+văn|Kế\s+hoạch|Thông\s+tư|Nghị\s+định|Chỉ\s+thị|Kết\s+luận|Văn\s+bản)"
    r"\s+số\s+[\w/.\-]+(?:\s+ngày\s+\d{1,2}/\d{1,2}/\d{4})?"
)
_SIGNED = re.compile(r"T\.?\s*/?\s*M\.?\s+(ỦY\s+BAN\s+NHÂN\s+DÂN|ĐẢNG\s+ỦY|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN)")
_SIGNED_NAMES = {"ỦY BAN NHÂN DÂN": "Ủy ban nhân dân", "ĐẢNG ỦY": "Đảng ủy", "HỘI ĐỒNG NHÂN DÂN": "Hội đồng nhân dân"}
_ISSUERS = [
    (re.compile(r"(?i)\bT\.?\s*/?\s*M\.?\s+ỦY\s+BAN\s+NHÂN\s+DÂN|\bUBND\b|ủy\s+ban\s+nhân\s+dân"), "Ủy ban nhân dân"),
    (re.compile(r"(?i)\bT\.?\s*/?\s*M\.?\s+ĐẢNG\s+ỦY|ban\s+chấp\s+hành\s+đảng\s+bộ|đảng\s+ủy"), "Đảng ủy"),
    (re.compile(r"(?i)hội\s+đồng\s+nhân\s+dân|\bHĐND\b"), "Hội đồng nhân dân"),
]


def _unit_name(kind: str, words: str) -> str | None:
    """ "phường Lương Sơn" from "Phường" + "Lương Sơn báo cáo": the capitalised words, not all-caps ones."""
    name = []
    for w in words.split():
        if not w[:1].isupper() or (len(w) > 1 and w.isupper()):
            break
        name.append(w)
    return f"{' '.join(kind.lower().split())} {' '.join(name)}" if name else None


def _period(text: str) -> Period | None:
    for pattern, kind in _PERIODS:
        m = pattern.search(text)
        if not m:
            continue
        if kind == "range":
            word = " ".join(m[1].lower().split())
            return Period(m[0], word, int(m[2]), int(m[3]))
        if kind == "months":
            return Period(m[0], "tháng", int(m[2]), int(m[2]))
        # "tình hình năm 2021 và quyết nghị nhiệm vụ năm 2022": the latest year named is the one planned for.
        m = max(pattern.finditer(text), key=lambda x: int(x[1]))
        return Period(m[0], "năm", int(m[1]), int(m[1]))
    return None


def _doc_type(paragraphs: Sequence[str], head: Sequence[str]) -> str | None:
    """"Báo cáo", "Kế hoạch", "Nghị quyết": from the number line, the title line, or the closing."""
    for p in head:
        m = _NUMBER_LINE.search(p)
        if m:
            return _TYPES.get(m[1])
    for p in head:
        m = _TYPE_LINE.match(p)
        if m:
            return m[1].capitalize()
    m = _CLOSING.search("\n".join(paragraphs[-20:]))
    if m:
        return " ".join(m[1].split()).capitalize()
    return "Nghị quyết" if re.search(r"(?i)quyết\s+nghị", "\n".join(head)) else None


def _issuer(paragraphs: Sequence[str], head_text: str) -> str | None:
    """Who signs: "TM. ỦY BAN NHÂN DÂN" at the end, or the issuer named at the head."""
    signature = "\n".join(paragraphs[-25:])
    signed = _SIGNED.search(signature)
    if signed:
        return _SIGNED_NAMES[" ".join(signed[1].split())]
    return next((name for pattern, name in _ISSUERS if pattern.search(head_text) or pattern.search(signature)), None)


def _place_date(head: Sequence[str]) -> tuple[str | None, str | None, int | None]:
    for p in head:
        m = _PLACE_DATE.match(p)
        if m:
            return m["place"].strip(), " ".join(m["date"].split()), int(m["y"])
    return None, None, None


def _legal_bases(body_text: str) -> list[str]:
    legal: list[str] = []
    for m in _LEGAL.finditer(body_text):
        ref = " ".join(m[0].split())
        if "ngày" in ref and ref not in legal:
            legal.append(ref)
    return legal


_TITLE = re.compile(r"^(?:(?P<auth>(?:TM|KT|TL|TUQ)\.?\s*[^\n]{2,40}?)\s*\n\s*)?"
                    r"(?P<title>(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BÍ\s+THƯ))$")
_AUTH = re.compile(r"^(?:TM|KT|TL|TUQ|T/M)\.?\s+\S")
_NAME = re.compile(r"^[A-ZÀ-ỸĐ][a-zà-ỹđA-ZÀ-ỸĐ]*(?:\s+[A-ZÀ-ỸĐ][a-zà-ỹđA-ZÀ-ỸĐ]*){1,4}$")


def _bare(text: str) -> str:
    return " ".join(text.replace("*", "").replace("_", " ").split())


def signer_of(paragraphs: Sequence[str]) -> Signer | None:
    """The signature block nearest the end: an authority line (TM., KT.), the title, the name.

    >>> signer_of(["- Lưu: VP-UB.", "**TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH**", "Dương Thị Lưu"])
    Signer(authority='TM. ỦY BAN NHÂN DÂN', title='CHỦ TỊCH', name='Dương Thị Lưu')
    >>> signer_of(["- Lưu: VT.", "CHỦ TỊCH", "PHẠM VĂN NGON", "Biểu số 01"]).name
    'Phạm Văn Ngon'
    >>> signer_of(["Chủ tịch UBND phường chỉ đạo quyết liệt."]) is None
    True
    """
    tail = paragraphs[-60:]
    for i in range(len(tail) - 1, -1, -1):
        if i + 1 >= len(tail) or not ("TỊCH" in tail[i] or "THƯ" in tail[i] or "*" in tail[i]):
            continue  # _TITLE ends in "CHỦ TỊCH" or "BÍ THƯ" ("*" may stand inside a word: _bare drops it)
        m = _TITLE.match(_bare(tail[i]))
        line = _bare(tail[i + 1])
        if not m or not _NAME.match(line):
            continue
        before = _bare(tail[i - 1]) if i > 0 else ""
        authority = m["auth"] or (before if i > 0 and _AUTH.match(before) else None)
        name = line if not line.isupper() else line.title()
        return Signer(authority.replace("T/M", "TM.").replace("TM..", "TM.") if authority else None,
                      " ".join(m["title"].split()), name)
    return None


_RECIPIENTS = re.compile(r"^\W*Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.I)


def recipients_of(paragraphs: Sequence[str]) -> tuple[str, ...]:
    """The last "Nơi nhận:" list, one entry a line, without the dash and the closing punctuation.

    >>> recipients_of(["Nơi nhận:", "- UBND TP (b/c);", "- ĐU, HĐND (b/c);", "- Lưu: VP-UB.", "TM. ỦY BAN NHÂN DÂN"])
    ('UBND TP (b/c)', 'ĐU, HĐND (b/c)', 'Lưu: VP-UB')
    """
    tail = paragraphs[-80:]
    # _RECIPIENTS needs "nhận" (in any case; "*" and "_" may stand inside it: _bare drops them)
    starts = [i for i, p in enumerate(tail) if ("nhận" in p.lower() or "*" in p or "_" in p)
              and _RECIPIENTS.match(_bare(p))]
    if not starts:
        return ()
    out: list[str] = []
    first = _RECIPIENTS.match(_bare(tail[starts[-1]]))["rest"]  # type: ignore[index]
    for line in itertools.chain([first] if first else [], (_bare(p) for p in tail[starts[-1] + 1:])):
        if not line.startswith(("-", "+", "•")):
            if out:
                break
            continue
        entry = line.lstrip("-+• ").rstrip(" ;,.")
        if entry:
            out.append(entry)
    return tuple(out)


_OBJECTIVE = re.compile(r"(?i)^\W*(?:[IVX]+|\d+(?:\.\d+)*)?\.?\s*(?:phương\s+hướng\s*,\s*)?mục\s+tiêu(?:\s+(?:tổng\s+quát|chung))?\s*:?\s*$")
_HEADING = re.compile(r"^\W*(?:[IVX]+|\d+(?:\.\d+)*)\.\s|^[A-ZĐ\W\d]+$")


def objective_of(paragraphs: Sequence[str]) -> str:
    """A plan's "Mục tiêu tổng quát" (or "Phương hướng, mục tiêu chung"): the paragraphs under that
    heading up to the next one, a paragraph cut by a page joined again (seed 004's "các hộ sản" / "xuất").

    >>> objective_of(["1. Mục tiêu tổng quát", "Năm 2024, là năm thứ tư … các hộ sản", "xuất, kinh doanh phát triển.",
    ...               "2. Các chỉ tiêu kinh tế- xã hội chủ yếu năm 2024"])
    'Năm 2024, là năm thứ tư … các hộ sản xuất, kinh doanh phát triển.'
    >>> objective_of(["I. Phương hướng, mục tiêu chung:", "Tiếp tục nâng cao năng lực lãnh đạo …", "II. Chỉ tiêu chủ yếu:"])
    'Tiếp tục nâng cao năng lực lãnh đạo …'
    >>> objective_of(["2. Mục tiêu cụ thể", "Tăng thu ngân sách."])  # a heading of other words is not it
    ''
    """
    for i, line in enumerate(paragraphs):
        if not _OBJECTIVE.match(_bare(line)):
            continue
        out: list[str] = []
        for text in paragraphs[i + 1:i + 8]:
            text = _bare(text)
            if not text:
                continue
            if _HEADING.match(text) or text.endswith(":"):
                break
            out.append(text)
        return " ".join(out)
    return ""


def metadata_of(paragraphs: Sequence[str]) -> Metadata:
    """Metadata from the paragraph texts, looking at the head of the document first."""
    head = list(paragraphs[:12])
    head_text = "\n".join(head)
    body_text = "\n".join(paragraphs)
    units = Counter(u for m in keyword_finditer(_UNIT, body_text, lowered(body_text), _UNIT_STARTS)
                    if (u := _unit_name(m[1], m[2])))
    # "phường Lương Sơn" and "Phường Lê Lợi" count together; the most named unit is the document's.
    unit = units.most_common(1)[0][0] if units else None
    place, date, year = _place_date(head)
    periods = [found for p in head if not (_PLACE_DATE.match(p) or _LEGAL.search(p)) and (found := _period(p))]
    # The widest period named at the head is the document's (a term over the year it starts).
    period = max(periods, key=lambda x: (x.end_year - x.start_year, -periods.index(x)), default=None)
    return Metadata(_doc_type(paragraphs, head), _issuer(paragraphs, head_text), unit, place, date, year, period,
                    tuple(periods), tuple(_legal_bases(body_text)), signer_of(paragraphs),
                    recipients_of(paragraphs), objective_of(paragraphs))
