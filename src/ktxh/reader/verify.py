"""Recompute each claim and judge the figure the document states.

The rule: a stated figure is right when it equals the true value rounded (half up) or
truncated to the decimals it is written with. "128,7" for 3.732/2.899 = 128,73… is
right; "226,22" for 11.800/4.500 = 262,22… is wrong.

>>> from ktxh.core.numbers import parse_number
>>> judge(parse_number("101,7%"), Decimal(6031) / Decimal(5926) * 100)
'truncated'
>>> judge(parse_number("226,22%"), Decimal(11800) / Decimal(4500) * 100) is None
True
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from ktxh.core.errors import KtxhError
from ktxh.core.growth import check_average_growth, check_growth_multiple, check_shares, check_sum
from ktxh.core.numbers import Number, format_number, quantize

from .claims import Claim
from .document import Finding

HUNDRED = Decimal(100)


def truncate(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)


def judge(stated: Number, true: Decimal) -> str | None:
    """"rounded" or "truncated" when the stated figure is the true value written to its decimals."""
    if quantize(true, stated.decimals) == stated.value:
        return "rounded"
    if truncate(true, stated.decimals) == stated.value:
        return "truncated"
    return None


def _fmt(value: Decimal | None, decimals: int | None = None, unit: str | None = None) -> str:
    if value is None:
        return ""
    try:
        if unit and unit[0] in "%‰":
            return format_number(value, decimals) + unit  # "35%/năm", not "35 %/năm"
        return format_number(value, decimals, unit)
    except KtxhError:
        return str(value)


def _in_unit(n: Number, of: Number) -> Decimal:
    """``n`` expressed in ``of``'s unit (2,678 tỷ and 150.000.000 đồng add up in one unit)."""
    if n.unit == of.unit or not n.scale or not of.scale:
        return n.value
    return n.value * n.scale / of.scale


def _finding(file: str, c: Claim, verdict: str, computed: Decimal | None, note: str,
             decimals: int | None = None, unit: str | None = None) -> Finding:
    stated = c.stated.value if c.stated is not None else None
    s_unit = (c.stated.unit if c.stated is not None else None) or unit
    return Finding(
        file=file, kind=c.kind, verdict=verdict, quote=c.quote, stated=stated, computed=computed,
        location=c.location, note=note,
        stated_text=_fmt(stated, c.stated.decimals if c.stated else None, s_unit) if stated is not None else "",
        computed_text=_fmt(computed, decimals, s_unit) if computed is not None else "",
        inputs=tuple(n.value for n in c.inputs),
    )


def _ratio(file: str, c: Claim) -> Finding:
    if c.data.get("plan_missing"):
        (a,) = c.inputs
        return _finding(file, c, "unverifiable", None,
                        f"Văn bản không ghi số kế hoạch (chỉ tiêu) để tính {_fmt(a.value)} {a.unit} đạt bao nhiêu phần trăm.")
    a, b = c.inputs
    both = a.unit and b.unit and a.scale and b.scale
    av, bv = (a.base_value, b.base_value) if both else (a.value, b.value)
    shown = f"{_fmt(a.value)}/{_fmt(b.value)}"
    if bv == 0:
        return _finding(file, c, "unverifiable", None, f"Mẫu số bằng 0 trong \u201c{shown}\u201d: không tính được tỷ lệ.")
    true = av / bv * HUNDRED
    if c.stated is None:
        return _finding(file, c, "ok", quantize(true, 2),
                        f"Tiến độ {shown} {c.data.get('unit') or ''} = {_fmt(true, 2)}% (không ghi tỷ lệ để đối chiếu).",
                        2, "%")
    how = judge(c.stated, true)
    d = c.stated.decimals
    exact = _fmt(true, max(d + 2, 2))
    if how:
        computed = truncate(true, d) if how == "truncated" else quantize(true, d)
        way = "cắt bớt" if how == "truncated" else "làm tròn"
        return _finding(file, c, "ok", computed, f"{shown} = {exact}%, {way} còn {_fmt(computed, d)}%.", d)
    if c.data.get("either_way") and av != 0 and judge(c.stated, bv / av * HUNDRED):
        inverse = _fmt(bv / av * HUNDRED, max(d + 2, 2))
        return _finding(file, c, "ok", c.stated.value,
                        f"{_fmt(b.value)}/{_fmt(a.value)} = {inverse}%: kế hoạch trên thực hiện, như chỉ tiêu càng thấp càng tốt.", d)
    computed = quantize(true, d)
    return _finding(
        file, c, "wrong", computed,
        f"{shown} = {exact}%, không phải {_fmt(c.stated.value, d)}%; đúng phải là {_fmt(computed, d)}%.", d,
    )


def _growth(file: str, c: Claim) -> Finding:
    cur, base, year = c.data["current"], c.data["base"], c.data["year"]
    word = "tăng" if c.data["direction"] == "tăng" else "giảm"
    if cur is None or base is None:
        missing = f"số liệu năm {year}" if base is None else "số liệu kỳ này"
        return _finding(file, c, "unverifiable", None, f"Không tìm thấy {missing} trong văn bản để tính mức {word}.")
    cv, bv = _in_unit(cur, base), base.value
    if bv == 0:
        return _finding(file, c, "unverifiable", None, f"Số liệu năm {year} bằng 0: không tính được mức {word}.")
    rel = (cv / bv - 1) * HUNDRED
    true = rel if word == "tăng" else -rel
    d = c.stated.decimals
    src = "" if c.data.get("base_where") == "văn bản" else f" (số liệu năm {year} lấy ở {c.data['base_where']})"
    shown = f"{_fmt(cv)} so với {_fmt(bv)}{src}"
    candidates = [true]
    if (cur.unit or "").startswith("%"):
        candidates.append(abs(cv - bv))  # a rate falls by points: "0,42% giảm 0,06%"
    for t in candidates:
        how = judge(c.stated, t)
        if how:
            computed = truncate(t, d) if how == "truncated" else quantize(t, d)
            return _finding(file, c, "ok", computed, f"{shown}: {word} {_fmt(t, max(d + 2, 2))}%.", d)
    return _finding(file, c, "wrong", quantize(true, d),
                    f"{shown}: {word} {_fmt(true, max(d + 2, 2))}%, không phải {_fmt(c.stated.value, d)}%.", d)


def _multiple(file: str, c: Claim) -> Finding:
    rate, m = c.data["rate"], c.stated
    base_year, end_year = c.data["base_year"], c.data["end_year"]
    if end_year is None or end_year <= base_year:
        return _finding(file, c, "unverifiable", None,
                        f"Không rõ năm cuối kỳ để tính số năm từ năm {base_year}.")
    years = end_year - base_year
    try:
        check = check_growth_multiple(rate.value, m.value, years=years)
    except KtxhError as exc:
        return _finding(file, c, "unverifiable", None, exc.message)
    where = "" if c.data.get("term_from_text") else " (năm cuối lấy theo kỳ của văn bản)"
    note = f"{check.message} Số năm tính từ năm {base_year} đến {end_year}: {years}{where}."
    computed = quantize(check.implied_multiple, m.decimals) if check.implied_multiple is not None else None
    return _finding(file, c, "ok" if check.consistent else "wrong", computed, note, m.decimals, "lần")


def _sum(file: str, c: Claim, extra: str = "") -> Finding:
    total, parts = c.stated, c.inputs
    values = [_in_unit(p, total) for p in parts]
    s = sum(values, Decimal(0))
    shown = " + ".join(_fmt(v) for v in values)
    rest = c.data.get("rest", "")
    vague = re.search(r"(?i)\b(nhiều|một số|các|khác|còn lại)\b", rest) if rest else None
    exact = total.decimals == 0 and all(p.decimals == 0 for p in parts)
    if exact:
        consistent = s == total.value
    else:
        consistent = check_sum(values, total.value).consistent
    if consistent:
        return _finding(file, c, "ok", s, f"{shown} = {_fmt(s)}, khớp với tổng {_fmt(total.value)}.{extra}")
    if s > total.value:
        return _finding(file, c, "wrong", s,
                        f"{shown} = {_fmt(s)}, lớn hơn tổng đã ghi {_fmt(total.value)}.{extra}")
    remainder = total.value - s
    if c.data.get("exhaustive"):
        return _finding(file, c, "wrong", s,
                        f"{shown} = {_fmt(s)}, không bằng tổng đã ghi {_fmt(total.value)} "
                        f"(các phần vượt, đạt, không đạt phải cộng đủ).{extra}")
    why = (f" Phần còn lại ({vague[0]} …) không ghi số." if vague else
           " Có thể văn bản chưa liệt kê hết các phần.")
    return _finding(file, c, "unverifiable", s,
                    f"{shown} = {_fmt(s)}, còn thiếu {_fmt(remainder)} so với tổng {_fmt(total.value)}.{why}{extra}")


def _series(file: str, c: Claim) -> Finding:
    years = c.data["years"]
    extra = f" Đã nối số liệu \u201c{c.stated.text}\u201d với {c.data['linked']} (các năm {years[0]}–{years[-1]})."
    return _sum(file, c, extra)


def _average_growth(file: str, c: Claim) -> Finding:
    first, last = c.inputs
    try:
        check = check_average_growth(first.value, last.value, c.data["years"], c.stated.value)
    except KtxhError as exc:
        return _finding(file, c, "unverifiable", None, exc.message)
    d = c.stated.decimals
    note = (f"Từ {_fmt(first.value)} (năm {c.data['first_year']}) đến {_fmt(last.value)} (năm {c.data['last_year']}), "
            f"{c.data['years']} năm: {check.message} Đã nối với {c.data['linked']}.")
    return _finding(file, c, "ok" if check.consistent else "wrong", quantize(check.computed, d), note, d)


def _implied_total(part: Number, pct: Number) -> tuple[Decimal, Decimal]:
    """The totals for which ``part`` is ``pct`` once rounded or truncated to its decimals."""
    unit = Decimal(1).scaleb(-pct.decimals)
    low_pct, high_pct = pct.value - unit / 2, pct.value + unit
    if low_pct <= 0:
        return Decimal(0), Decimal("Infinity")
    return part.value * HUNDRED / high_pct, part.value * HUNDRED / low_pct


def _share(file: str, c: Claim) -> Finding:
    whole = c.data.get("whole")
    if whole is not None and c.data.get("part") is not None:
        part = c.data["part"]
        if whole.value == 0:
            return _finding(file, c, "unverifiable", None, "Tổng số bằng 0: không tính được tỷ lệ.")
        where = c.data.get("whole_where", "")
        shown = f"{_fmt(part.value)}/{_fmt(whole.value)} {whole.unit or ''}{where}".rstrip()
        return _judged(file, c, _in_unit(part, whole) / whole.value * HUNDRED, shown, "%")
    if c.data.get("part") is not None:
        part = c.data["part"]
        note = f"Không có tổng số để tính {_fmt(part.value)} {part.unit or ''} chiếm bao nhiêu phần trăm."
        lo, hi = _implied_total(part, c.stated)
        for q, m in c.data.get("peers", ()):
            qlo, qhi = _implied_total(q, m)
            if qhi < lo or qlo > hi:
                note += (f" Lưu ý: {_fmt(part.value)} {part.unit} = {_fmt(c.stated.value)}% ngụ ý tổng khoảng "
                         f"{_fmt(lo, 0)}–{_fmt(hi, 0)}, còn {_fmt(q.value)} {q.unit} = {_fmt(m.value)}% ngụ ý "
                         f"{_fmt(qlo, 0)}–{_fmt(qhi, 0)}: hai tỷ lệ trong cùng câu không cùng một tổng.")
                break
        return _finding(file, c, "unverifiable", None, note)
    values = [n.value for n in c.inputs]
    check = check_shares(values)
    shown = " + ".join(_fmt(v) for v in values)
    if check.consistent:
        return _finding(file, c, "ok", check.computed, f"Tỷ trọng {shown} = {_fmt(check.computed)}%, khớp 100%.",
                        unit="%")
    if check.computed > HUNDRED:
        return _finding(file, c, "wrong", check.computed, f"Tỷ trọng {shown} = {_fmt(check.computed)}%, vượt 100%.",
                        unit="%")
    return _finding(file, c, "unverifiable", check.computed,
                    f"Tỷ trọng {shown} = {_fmt(check.computed)}%, chưa đủ 100% (có thể thiếu thành phần).", unit="%")


def _judged(file: str, c: Claim, true: Decimal, shown: str, unit: str | None = None) -> Finding:
    """The stated figure against ``true``: right when rounded or truncated to its decimals."""
    d = c.stated.decimals
    how = judge(c.stated, true)
    exact = _fmt(true, max(d + 2, 2))
    if how:
        computed = truncate(true, d) if how == "truncated" else quantize(true, d)
        way = "cắt bớt" if how == "truncated" else "làm tròn"
        return _finding(file, c, "ok", computed, f"{shown} = {exact}, {way} còn {_fmt(computed, d)}.", d, unit)
    computed = quantize(true, d)
    return _finding(file, c, "wrong", computed,
                    f"{shown} = {exact}, không phải {_fmt(c.stated.value, d)}; đúng phải là {_fmt(computed, d)}.",
                    d, unit)


def _quotient(file: str, c: Claim) -> Finding:
    """"207.762.600.000/6476 = 32.081.933đ": a total over a count."""
    a, b = c.inputs
    if b.value == 0:
        return _finding(file, c, "unverifiable", None, "Mẫu số bằng 0: không chia được.")
    return _judged(file, c, a.value / b.value, f"{_fmt(a.value)}/{_fmt(b.value)}")


def _product(file: str, c: Claim) -> Finding:
    """Area × yield = output ("180 ha, 62 tạ/ha, 1.116 tấn") or "41 người x 22 triệu x 12 tháng = …"."""
    if c.data.get("how") == "yield":
        area, output = c.inputs
        if area.value == 0:
            return _finding(file, c, "unverifiable", None, "Diện tích bằng 0: không tính được năng suất.")
        true = output.value * c.data["tons_per_unit"] / area.value
        shown = f"Sản lượng {_fmt(output.value)} {output.unit} / diện tích {_fmt(area.value)} {area.unit}"
        return _judged(file, c, true, shown, c.stated.unit)
    value = Decimal(1)
    for n in c.inputs:
        value *= n.base_value
    true = value / c.stated.scale
    shown = " × ".join(_fmt(n.value) + (f" {n.unit}" if n.unit else "") for n in c.inputs)
    return _judged(file, c, true, shown, c.stated.unit)


def _difference(file: str, c: Claim) -> Finding:
    """"33/31,5 ha vượt 1,5 ha so với KH": actual − plan (plan − actual for "thiếu", "giảm")."""
    a, b = c.inputs
    first, second = (b, a) if c.data.get("less") else (a, b)
    true = _in_unit(first, c.stated) - _in_unit(second, c.stated)
    shown = f"{_fmt(_in_unit(first, c.stated))} − {_fmt(_in_unit(second, c.stated))}"
    if true < 0:
        word = "thiếu" if not c.data.get("less") else "vượt"
        return _finding(file, c, "wrong", true, f"{shown} = {_fmt(true)}: số liệu cho thấy {word}, không phải như đã ghi.")
    return _judged(file, c, true, shown, c.stated.unit)


def _consistency(file: str, c: Claim) -> Finding:
    """Two shares of one whole ("07 hộ chiếm 0,42%", "21 hộ chiếm 1,27%"): can one total give both?"""
    (p1, m1), (p2, m2) = c.data["pairs"]
    lo1, hi1 = _implied_total(p1, m1)
    lo2, hi2 = _implied_total(p2, m2)
    shown = (f"{_fmt(p1.value)} {p1.unit} = {_fmt(m1.value)}% ngụ ý tổng {_fmt(lo1, 0)}–{_fmt(hi1, 0)}; "
             f"{_fmt(p2.value)} {p2.unit} = {_fmt(m2.value)}% ngụ ý tổng {_fmt(lo2, 0)}–{_fmt(hi2, 0)}")
    if max(lo1, lo2) <= min(hi1, hi2):
        return _finding(file, c, "ok", None, f"{shown}: hai tỷ lệ cùng một tổng, khớp nhau.")
    return _finding(file, c, "wrong", None, f"{shown}: không có tổng nào cho cả hai tỷ lệ.")


def _words(file: str, c: Claim) -> Finding:
    """The figure against the same amount written in words."""
    (n,) = c.inputs
    shown = f"\u201c{c.stated.text}\u201d = {_fmt(c.stated.value)} đồng"
    if n.base_value == c.stated.value:
        return _finding(file, c, "ok", n.base_value, f"{shown}, khớp với số {n.text}.", 0, "đồng")
    return _finding(file, c, "wrong", n.base_value, f"{shown}, không khớp với số {n.text} ({_fmt(n.base_value)} đồng).",
                    0, "đồng")


_VERIFIERS = {
    "ratio": _ratio, "progress": _ratio, "growth": _growth, "multiple": _multiple, "total": _sum,
    "count": _sum, "series": _series, "average_growth": _average_growth, "share": _share,
    "quotient": _quotient, "words": _words, "product": _product, "consistency": _consistency,
    "difference": _difference,
}


OCR_NOTE = (" Số liệu này đọc từ bản quét bằng OCR: máy có thể đọc nhầm chữ số hoặc dấu phẩy, "
            "hãy đối chiếu với bản giấy trước khi kết luận là sai.")


def verify(claim: Claim, file: str = "") -> Finding:
    """The finding for one claim; a claim that cannot be computed is "unverifiable", never an error.

    A "wrong" verdict on figures read by OCR says that the scan may have been misread.
    """
    try:
        finding = _VERIFIERS[claim.kind](file, claim)
    except (KtxhError, ArithmeticError) as exc:
        return _finding(file, claim, "unverifiable", None, f"Không tính lại được: {exc}")
    if finding.verdict == "wrong" and claim.location.ocr:
        finding = replace(finding, note=finding.note + OCR_NOTE)
    return finding


__all__ = ["judge", "truncate", "verify"]
