"""Vietnamese text folded for matching: diacritics kept, case folded, abbreviations expanded.

Figures, units, comparators and target verbs are removed, so that a target line and an
indicator name meet on their nouns. Digits that belong to a name stay ("dưới 5 tuổi",
"mức độ 2", "con thứ 3").

>>> normalize("Vận động người dân tham gia BHYT đạt 93%.")
'người dân tham gia bảo hiểm y tế'
>>> normalize("Giá trị TM-DV tăng bình quân 16-17%/năm")
'giá trị thương mại dịch vụ tăng bình quân'
>>> normalize("Số trường đạt chuẩn quốc gia MĐ 2 (luỹ kế)")
'số trường chuẩn quốc gia mức độ 2'
>>> normalize("Tỷ lệ trẻ em dưới 05 tuổi bị suy dinh dưỡng xuống 3,8%")
'tỷ lệ trẻ em 5 tuổi bị suy dinh dưỡng'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style tone placement ("hoá", "thuỷ") to the new one ("hóa", "thủy"), so both meet.
_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(_TONES) + r"(?=\s|$|[^\w])")

# Abbreviations the seeds and real plans use, longest first. Keys are casefolded.
ABBREVIATIONS: dict[str, str] = {
    "vsattp": "vệ sinh an toàn thực phẩm", "attp": "an toàn thực phẩm", "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội", "bhtn": "bảo hiểm thất nghiệp", "tm-dv": "thương mại dịch vụ",
    "tm - dv": "thương mại dịch vụ", "tmdv": "thương mại dịch vụ", "dv-tm": "dịch vụ thương mại",
    "gtsx": "giá trị sản xuất", "cn-ttcn": "công nghiệp tiểu thủ công nghiệp",
    "cn - ttcn": "công nghiệp tiểu thủ công nghiệp", "cn- ttcn": "công nghiệp tiểu thủ công nghiệp",
    "cn-xd": "công nghiệp xây dựng", "cn - xd": "công nghiệp xây dựng", "ttcn": "tiểu thủ công nghiệp",
    "xdcb": "xây dựng cơ bản", "gdvh": "gia đình văn hóa", "gđvh": "gia đình văn hóa", "ntm": "nông thôn mới",
    "nsnn": "ngân sách nhà nước", "nsđp": "ngân sách địa phương", "nsdp": "ngân sách địa phương",
    "thcs": "trung học cơ sở", "thpt": "trung học phổ thông", "tdp": "tổ dân phố", "tdtt": "thể dục thể thao",
    "antt": "an ninh trật tự", "ttatxh": "trật tự an toàn xã hội", "tt atxh": "trật tự an toàn xã hội",
    "atxh": "an toàn xã hội", "anct": "an ninh chính trị", "antq": "an ninh tổ quốc", "bvantq": "bảo vệ an ninh tổ quốc",
    "tngt": "tai nạn giao thông", "ttatgt": "trật tự an toàn giao thông", "atgt": "an toàn giao thông",
    "vsmt": "vệ sinh môi trường", "cchc": "cải cách hành chính", "tthc": "thủ tục hành chính",
    "xklđ": "xuất khẩu lao động", "xkld": "xuất khẩu lao động", "dtts": "dân tộc thiểu số",
    "khhgđ": "kế hoạch hóa gia đình", "khhgd": "kế hoạch hóa gia đình", "nvqs": "nghĩa vụ quân sự",
    "mđ": "mức độ", "qsdđ": "quyền sử dụng đất", "htx": "hợp tác xã", "kt-xh": "kinh tế xã hội",
    "ktxh": "kinh tế xã hội", "vnn-xhtt": "vì người nghèo xã hội từ thiện", "vnn": "vì người nghèo",
    "httnv": "hoàn thành tốt nhiệm vụ", "htxsnv": "hoàn thành xuất sắc nhiệm vụ", "mttq": "mặt trận tổ quốc",
    "cnnn": "công nghiệp ngắn ngày", "pccc": "phòng cháy chữa cháy", "nhcsxh": "ngân hàng chính sách xã hội",
    "cbcc": "cán bộ công chức", "grdp": "tổng sản phẩm trên địa bàn", "vs": "vệ sinh", "xd": "xây dựng",
    "dv": "dịch vụ", "tm": "thương mại", "nn": "nông nghiệp", "cn": "công nghiệp", "lđ": "lao động",
    "kh": "kế hoạch", "nq": "nghị quyết", "th": "tiểu học", "mn": "mầm non", "hs": "học sinh",
}
_ABBR_RE = re.compile(
    r"(?<![\wÀ-ỹ])(" + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\wÀ-ỹ])"
)

# Digits that are part of a name ("dưới 5 tuổi", "mức độ 2"): kept, written as superscripts while
# the figures are dropped (\d does not match them), then turned back.
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_UNSUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_ROMAN = {"i": "1", "ii": "2", "iii": "3"}
_NAME_DIGITS = (
    (re.compile(r"\b0*(\d{1,2})(\s+tuổi)"), lambda m: m.group(1).translate(_SUP) + m.group(2)),
    (re.compile(r"(mức\s+độ\s+)0*(\d)"), lambda m: m.group(1) + m.group(2).translate(_SUP)),
    (re.compile(r"(mức\s+độ\s+)(iii|ii|i)\b"), lambda m: m.group(1) + _ROMAN[m.group(2)].translate(_SUP)),
    (re.compile(r"(con(?:\s+thứ)?\s+)0*(\d)\b"), lambda m: m.group(1) + m.group(2).translate(_SUP)),
    (re.compile(r"(lớp\s+)0*(\d{1,2})\b"), lambda m: m.group(1) + m.group(2).translate(_SUP)),
    (re.compile(r"(qc\s*)0*(\d{1,2})\b"), lambda m: m.group(1) + m.group(2).translate(_SUP)),
    (re.compile(r"(trên\s+|/\s*)0*1(\s+ha)\b"), lambda m: m.group(1) + "¹" + m.group(2)),
)
_FIGURE = re.compile(r"[<>≥≤~]?\s*\d[\d.,]*(?:\s*[-–—]\s*\d[\d.,]*)?\s*(?:%|‰|%o)?")
_UNIT_AFTER = re.compile(
    r"^\s*(?:tỷ\s+đồng|triệu\s+đồng|nghìn\s+đồng|đồng|tỷ|triệu|tấn|ha|km|lao\s+động|người|hộ|cơ\s+sở|trường|lớp|"
    r"con|cây|lượt|chuẩn|học\s+sinh|trường\s+hợp|sản\s+phẩm|tiêu\s+chí|thôn|xã|điểm)(?:\s*/\s*[\wÀ-ỹ]+)*"
)
# Target verbs, comparators and periods: words of the target, not of the indicator.
_TARGET_WORDS = re.compile(
    r"\b(?:phấn\s+đấu|tiếp\s+tục|duy\s+trì|vận\s+động|tập\s+trung|đạt\s+và\s+vượt|đạt|trên|dưới|từ|đến|tới|khoảng|"
    r"trở\s+lên|trở\s+xuống|ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+dưới|không\s+quá|xuống\s+còn|xuống|còn|"
    r"lên\s+mức|ở\s+mức|mức\s+(?=$)|là|có|hàng\s+năm|hằng\s+năm|mỗi\s+năm|trong\s+năm|năm\s+học|năm|"
    r"so\s+với|so|với|chỉ\s+tiêu\s+giao|kế\s+hoạch\s+giao|theo\s+chỉ\s+tiêu|huyện\s+giao|thị\s+xã\s+giao|"
    r"thành\s+phố\s+giao|tỉnh\s+giao|(?:cấp\s+)?trên\s+giao|thấp\s+hơn|cao\s+hơn|trong\s+đó|lũy\s+kế(?=$))\b"
)
# Verbs that open a target line ("Phấn đấu …", "Xây dựng 3/4 trường …"): not the indicator's words.
_LEAD_VERB = re.compile(
    r"^(?:(?:phấn\s+đấu|tiếp\s+tục|duy\s+trì|vận\s+động|tập\s+trung|xây\s+dựng|phát\s+triển\s+mới|nâng\s+cao|"
    r"giữ\s+vững|đảm\s+bảo|bảo\s+đảm|thực\s+hiện\s+tốt|hoàn\s+thành|đẩy\s+mạnh|hạ)\s+)+"
)
_PUNCT = re.compile(r"[^\wÀ-ỹ\s]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """NFC, case folded, "tỉ" → "tỷ", new-style tone marks, abbreviations expanded.

    >>> fold("Tỉ lệ GDVH, hoá")
    'tỷ lệ gia đình văn hóa, hóa'
    """
    t = unicodedata.normalize("NFC", text).casefold().replace("\u00a0", " ")
    t = re.sub(r"\btỉ\b", "tỷ", t)
    t = _TONE_RE.sub(lambda m: _TONES[m.group(0)], t)
    return _ABBR_RE.sub(lambda m: ABBREVIATIONS[m.group(1)], t)


def bare(text: str) -> str:
    """Folded, without tone marks: what a search box compares a query and a name on.

    >>> bare("Phường Lương Sơn") == bare("phuong luong son")
    True
    >>> bare("Tỷ lệ hộ nghèo") == bare("ti le ho ngheo") == bare("Tỉ lệ hộ nghèo")  # tỷ and tỉ are one word
    True
    """
    t = fold(text).replace("đ", "d")
    t = "".join(c for c in unicodedata.normalize("NFD", t) if not unicodedata.combining(c))
    return t.replace("y", "i")  # i and y spell the same sound (tỷ/tỉ, kỹ/kĩ, lý/lí): a search takes either


def _keep_name_digits(t: str) -> str:
    for pattern, repl in _NAME_DIGITS:
        t = pattern.sub(repl, t)
    return t


def _drop_figures(t: str) -> str:
    out = []
    pos = 0
    for m in _FIGURE.finditer(t):
        out.append(t[pos:m.start()])
        rest = t[m.end():]
        u = _UNIT_AFTER.match(rest)
        pos = m.end() + (u.end() if u else 0)
    out.append(t[pos:])
    return " ".join(out)


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The words of an indicator in ``text``: folded, figures and target words gone."""
    t = fold(text)
    t = re.sub(r"^\s*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-zđ]\)|[-+–•*])\s*", "", t)
    t = re.sub(r"\(\s*(?:theo\s+)?(?:nq|nghị\s+quyết)[^)]*\)", " ", t)
    t = re.sub(r"\btheo\s+(?:chuẩn\s+mới|quy\s+định)\b", " ", t)
    t = _keep_name_digits(t)
    t = re.sub(r"\b(?:19|20)\d{2}\b", " ", t)
    t = _drop_figures(t)
    t = t.translate(_UNSUP)
    t = _PUNCT.sub(" ", t)
    t = _LEAD_VERB.sub("", _SPACES.sub(" ", t).strip())
    t = _TARGET_WORDS.sub(" ", t)
    return _SPACES.sub(" ", t).strip()
