"""Checks on figures typed in data entry, before they are saved.

Two kinds of problem:

- a rule between indicators is broken (a share above 100%, a part above its whole, e.g.
  số hộ nghèo > tổng số hộ): an error, the officer must correct it;
- a value jumps far from its own history (ten times last year's, or a tenth of it): a
  warning, the officer corrects it or confirms it with a comment.

Plain functions over small frozen values, no database: the entry page gathers the
figures (from the form, and the commune's stored figures of the same period).

>>> from decimal import Decimal as D
>>> f = Figure(1, "Tỷ lệ hộ nghèo", "%", D("104.5"))
>>> [p.message for p in check([f])]
['“Tỷ lệ hộ nghèo”: tỷ lệ 104,5% vượt quá 100%.']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from ktxh.core.numbers import format_number

JUMP = Decimal(10)  # a value ten times its last one (or a tenth of it) asks for a confirmation
SHARE_WORDS = ("tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "độ che phủ")
# (part, whole): words in the part's and the whole's names, same unit on both sides.
PART_OF = (
    ("hộ nghèo", "tổng số hộ"),
    ("hộ cận nghèo", "tổng số hộ"),
    ("hộ nghèo", "số hộ dân"),
    ("hộ cận nghèo", "số hộ dân"),
    ("tham gia bảo hiểm y tế", "dân số"),
    ("lao động có việc làm", "lao động trong độ tuổi"),
)


@dataclass(frozen=True)
class Figure:
    """One figure: the indicator (``key`` its id), the value read by the core, and the
    last value of the same indicator in an earlier period of the same kind."""

    key: int
    name: str
    unit: str
    value: Decimal | None
    previous: Decimal | None = None
    previous_label: str = ""


@dataclass(frozen=True)
class Problem:
    key: int
    message: str
    blocking: bool  # True: must be corrected; False: a warning to confirm with a comment


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _show(value: Decimal, unit: str) -> str:
    return format_number(value.normalize(), unit=unit or None)


def is_share(f: Figure) -> bool:
    return f.unit.strip() == "%" and any(w in _norm(f.name) for w in SHARE_WORDS)


def share_problem(f: Figure) -> Problem | None:
    """A share (tỷ lệ, tỷ trọng, in %) above 100%."""
    if f.value is not None and is_share(f) and f.value > 100:
        return Problem(f.key, f"“{f.name}”: tỷ lệ {_show(f.value, '%')} vượt quá 100%.", True)
    return None


def named_pairs(figures: Iterable[Figure]) -> list[tuple[int, int]]:
    """(part, whole) pairs found by name in ``PART_OF``, same unit, shares left out."""
    figures = [f for f in figures if not is_share(f)]
    pairs = []
    for part in figures:
        for whole in figures:
            if part.key == whole.key or _norm(part.unit) != _norm(whole.unit):
                continue
            if any(p in _norm(part.name) and w in _norm(whole.name) and p not in _norm(whole.name) for p, w in PART_OF):
                pairs.append((part.key, whole.key))
    return pairs


def part_problem(part: Figure | None, whole: Figure | None, on: int) -> Problem | None:
    """A part above its whole; the problem is shown beside the field ``on`` (the one typed)."""
    if part is None or whole is None or part.value is None or whole.value is None or part.value <= whole.value:
        return None
    return Problem(
        on,
        f"“{part.name}” = {_show(part.value, part.unit)} lớn hơn “{whole.name}” = "
        f"{_show(whole.value, whole.unit)}: phần không thể lớn hơn tổng.",
        True,
    )


def jump_problem(f: Figure, jump: Decimal = JUMP) -> Problem | None:
    """A value ``jump`` times its previous one or more, or ``1/jump`` of it or less."""
    if f.value is None or f.previous is None or f.previous == 0 or f.value == 0:
        return None
    if (f.value > 0) != (f.previous > 0):
        return None
    ratio = f.value / f.previous
    where = f"số liệu {f.previous_label} ({_show(f.previous, f.unit)})" if f.previous_label else \
        f"số liệu kỳ trước ({_show(f.previous, f.unit)})"
    if ratio >= jump:
        what = f"gấp {format_number(ratio, 1)} lần {where}"
    elif ratio <= 1 / jump:
        what = f"chỉ bằng {format_number(ratio * 100, 1)}% {where}"
    else:
        return None
    return Problem(
        f.key,
        f"“{f.name}” = {_show(f.value, f.unit)} {what}. Hãy kiểm tra lại, hoặc xác nhận số liệu kèm lý do.",
        False,
    )


def check(entered: Sequence[Figure], stored: Iterable[Figure] = (), pairs: Iterable[tuple[int, int]] = (),
          jump: Decimal = JUMP) -> list[Problem]:
    """Problems with the ``entered`` figures, given the commune's ``stored`` figures of the same
    period (entered ones win) and (part, whole) ``pairs`` of indicator ids from the catalogue."""
    known = {f.key: f for f in stored}
    known.update({f.key: f for f in entered})
    keys = {f.key for f in entered}
    problems = [p for f in entered for p in (share_problem(f),) if p]
    for part, whole in sorted(set(pairs) | set(named_pairs(known.values()))):
        if part in keys or whole in keys:
            p = part_problem(known.get(part), known.get(whole), on=part if part in keys else whole)
            if p:
                problems.append(p)
    problems += [p for f in entered for p in (jump_problem(f, jump),) if p]
    return problems
