"""The indicator catalogue: one row per indicator, shipped as CSV files per field in ``data/``.

Each file ``data/<field>.csv`` holds the indicators of one field (lĩnh vực); ``data/fields.csv``
names the fields. The loader reads them once through :mod:`importlib.resources` and returns
frozen :class:`Indicator` records.

>>> ind = get("ty-le-bhyt")
>>> ind.name, ind.unit, ind.field, ind.aggregation, ind.numerator, ind.denominator
('Tỷ lệ người dân tham gia bảo hiểm y tế', '%', 'y-te', 'rate', 'nguoi-bhyt', 'dan-so')
>>> get("ty-le-ho-ngheo").direction
'down'
>>> field_name("quoc-phong")
'Quốc phòng - an ninh'
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ktxh.core.errors import KtxhError

DIRECTIONS = ("up", "down")
AGGREGATIONS = ("sum", "rate", "average", "none")
COLUMNS = ("code", "name", "unit", "field", "direction", "aggregation", "numerator", "denominator", "decimals",
           "synonyms", "sources")


class CatalogueError(KtxhError):
    """A catalogue row that cannot be read (raised while loading the packaged data)."""


@dataclass(frozen=True)
class Indicator:
    """One catalogue indicator.

    ``direction``: "up" (higher is better) or "down"; ``aggregation``: "sum" (communes add up),
    "rate" (``numerator`` / ``denominator`` × 100, both catalogue codes), "average" or "none"
    (not additive); ``synonyms``: the spellings reports use, abbreviations included;
    ``sources``: where the indicator was seen (seed, real plan, QĐ 05/2023/QĐ-TTg).
    """

    code: str
    name: str
    unit: str
    field: str
    direction: str = "up"
    aggregation: str = "sum"
    numerator: str | None = None
    denominator: str | None = None
    decimals: int = 0
    synonyms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def qualitative(self) -> bool:
        """An indicator judged by words (đạt / không đạt), not by a figure."""
        return not self.unit


def _split(cell: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in cell.split("|") if s.strip())


def _row(row: dict[str, str], where: str) -> Indicator:
    try:
        decimals = int(row["decimals"] or 0)
    except ValueError as exc:
        raise CatalogueError(f"{where}: số chữ số thập phân “{row['decimals']}” không phải số nguyên.",
                             field="decimals", value=row["decimals"]) from exc
    return Indicator(
        code=row["code"].strip(), name=row["name"].strip(), unit=row["unit"].strip(), field=row["field"].strip(),
        direction=row["direction"].strip(), aggregation=row["aggregation"].strip(),
        numerator=row["numerator"].strip() or None, denominator=row["denominator"].strip() or None,
        decimals=decimals, synonyms=_split(row["synonyms"]), sources=_split(row["sources"]),
    )


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("ktxh.catalogue").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@lru_cache(maxsize=1)
def fields() -> dict[str, str]:
    """Field codes to their Vietnamese names, in the order plans list them."""
    return {r["code"]: r["name"] for r in _read("fields.csv")}


def field_name(code: str) -> str:
    return fields().get(code, code)


@lru_cache(maxsize=1)
def load_catalogue() -> tuple[Indicator, ...]:
    """Every catalogue indicator, field by field in ``fields()`` order, rows in file order.

    >>> len(load_catalogue()) > 200
    True
    """
    out: list[Indicator] = []
    for code in fields():
        for n, row in enumerate(_read(f"{code}.csv"), start=2):
            if tuple(row) != COLUMNS:
                raise CatalogueError(f"data/{code}.csv dòng {n}: cột phải là {', '.join(COLUMNS)}.",
                                     field="cột", value=",".join(row))
            out.append(_row(row, f"data/{code}.csv dòng {n}"))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Indicator]:
    return {i.code: i for i in load_catalogue()}


def get(code: str) -> Indicator:
    """The indicator with this code; a Vietnamese error naming the code when there is none."""
    try:
        return _by_code()[code]
    except KeyError:
        raise CatalogueError(f"Không có chỉ tiêu mã “{code}” trong danh mục.", field="mã chỉ tiêu", value=code) from None


def find(code: str) -> Indicator | None:
    return _by_code().get(code)
