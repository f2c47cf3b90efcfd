"""The small frozen values the core passes around: targets and evaluations.

Kept apart from the parsers so that every layer (reader, web app, documents) can name
them without pulling in a parser.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from enum import StrEnum
from typing import Any

_BASE_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


class TargetKind(StrEnum):
    EXACT = "exact"  # "Tỉ lệ lao động phi nông nghiệp: 83%"
    RANGE = "range"  # "14 – 15%/năm", "Từ 0,7 - 0,9%"
    MIN = "min"  # "> 99%", "trên 75%", "từ 40 tỷ", "99% trở lên"
    MAX = "max"  # "dưới 02%", "xuống dưới 7.1%"
    QUALITATIVE = "qualitative"  # "đạt", "giữ vững", "Thực hiện tốt phong trào …"
    CHANGE = "change"  # "tăng 2,5% …/năm", "Giảm 01 hộ nghèo", "giảm so với năm 2021 từ 0,7-0,9%"
    ASSIGNED = "assigned"  # "đạt và vượt chỉ tiêu giao từ 5-10%"


class Direction(StrEnum):
    UP = "up"  # higher is better
    DOWN = "down"  # lower is better


class Status(StrEnum):
    VUOT = "vuot"
    DAT = "dat"
    CO_BAN_DAT = "co_ban_dat"
    KHONG_DAT = "khong_dat"
    CHUA_CO_SO_LIEU = "chua_co_so_lieu"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.VUOT: "vượt",
    Status.DAT: "đạt",
    Status.CO_BAN_DAT: "cơ bản đạt",
    Status.KHONG_DAT: "không đạt",
    Status.CHUA_CO_SO_LIEU: "chưa có số liệu",
}


def to_jsonable(value: Any) -> Any:
    """Decimals become numbers and enums their values, recursively: ready for json.dumps."""
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    return value


@dataclass(frozen=True)
class Target:
    """A target (chỉ tiêu) as written, and what it asks for.

    ``low``/``high`` bound the wanted value (or the wanted change, for ``change``
    and ``assigned``); ``low_strict``/``high_strict`` tell ">" from "≥".
    ``change_mode`` is "percent" (grow by p%) or "absolute" (fall by 01 hộ, by
    0,7 points) for ``change``; ``base`` is what the change is measured against
    ("năm 2021"). ``parts`` are sub-targets ("trong đó …", "với > 50 lao động").
    """

    text: str
    kind: TargetKind
    low: Decimal | None = None
    high: Decimal | None = None
    low_strict: bool = False
    high_strict: bool = False
    unit: str | None = None
    per_year: bool = False
    direction: Direction = Direction.UP
    label: str = ""
    base: str | None = None
    change_mode: str | None = None
    qualitative: str | None = None
    year: int | None = None
    parts: tuple[Target, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_measurable(self) -> bool:
        return self.kind is not TargetKind.QUALITATIVE

    @property
    def base_year(self) -> int | None:
        """The year a change is measured from, the first one ``base`` names ("so với năm 2021").

        >>> Target("giảm so với năm 2021", TargetKind.CHANGE, base="năm 2021").base_year
        2021
        >>> Target("tăng 5%", TargetKind.CHANGE).base_year is None
        True
        """
        m = _BASE_YEAR.search(self.base or "")
        return int(m.group(1)) if m else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; Decimals become numbers, enums their values; ``base_year`` included
        (derived, for readers that cannot run Python, such as the SQL roll-up)."""
        d = asdict(self)
        d["parts"] = [p.to_dict() for p in self.parts]
        d["base_year"] = self.base_year
        return to_jsonable(d)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Target:
        """The target ``to_dict`` gave, exactly: a stored parse is the parse.

        >>> t = Target("Từ 0,7 - 0,9%", TargetKind.RANGE, Decimal("0.7"), Decimal("0.9"), unit="%")
        >>> Target.from_dict(t.to_dict()) == t
        True
        """
        names = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        kw["kind"] = TargetKind(kw["kind"])
        kw["direction"] = Direction(kw.get("direction") or Direction.UP)
        for key in ("low", "high"):
            if kw.get(key) is not None:
                kw[key] = Decimal(str(kw[key]))
        kw["parts"] = tuple(cls.from_dict(p) for p in kw.get("parts") or ())
        kw["warnings"] = tuple(kw.get("warnings") or ())
        return cls(**kw)


@dataclass(frozen=True)
class Evaluation:
    """How an actual stands against a target.

    ``percent_of_plan`` is computed as the seeds do: actual / plan × 100 for
    higher-is-better, plan / actual × 100 for lower-is-better (None where it makes
    no sense, e.g. qualitative targets). ``compared`` is the figure set against the
    target: the actual itself, or its change from the base for change targets.
    ``base`` is the figure a change target was measured from (None when there was none
    and the actual was taken to be the change itself), so that a table can show it and
    compute the change again (Biểu 02's formulas).
    """

    target: Target
    actual: Decimal | None
    status: Status
    percent_of_plan: Decimal | None = None
    compared: Decimal | None = None
    plan_value: Decimal | None = None
    note: str = ""
    base: Decimal | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(
            {
                "target": self.target.to_dict(),
                "actual": self.actual,
                "status": self.status,
                "status_label": self.status.label,
                "percent_of_plan": self.percent_of_plan,
                "compared": self.compared,
                "plan_value": self.plan_value,
                "note": self.note,
                "base": self.base,
            }
        )


# Kept for modules written before the public name.
_jsonable = to_jsonable
