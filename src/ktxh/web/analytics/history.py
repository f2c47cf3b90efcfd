"""A merged commune's series before 2025, read from the communes it was formed from.

For each period the commune has no approved figure of its own (and which began before
it was formed), the figure comes from its predecessors, and from theirs in turn, by the
indicator's aggregation rule:

- ``sum``: the predecessors' figures added up;
- ``rate``: numerators added up over denominators added up (× 100 for %, × 1000 for ‰),
  never the rates averaged;
- ``average``: the plain mean of the predecessors' figures;
- ``none`` (not additive): no combined figure; each predecessor's figure is shown.

A combined figure needs every predecessor's part; when one is missing the point has no
value and names what is missing. Only approved figures count, as in evaluation.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ktxh.core.numbers import quantize
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period
from ktxh.web.metadata.plans.models import Aggregation

RATE_SCALE = {"%": Decimal(100), "‰": Decimal(1000)}


@dataclass(frozen=True)
class Point:
    period: Period
    value: Decimal | None
    own: bool  # the commune's own figure, not its predecessors'
    parts: tuple[tuple[object, Decimal | None], ...] = ()  # (former commune, its figure)
    missing: tuple[object, ...] = ()  # former communes without the figure

    @property
    def note(self) -> str:
        if self.own:
            return ""
        names = ", ".join(str(u) for u in self.missing)
        if names:
            return f"Thiếu số liệu của {names}."
        return "Cộng từ các đơn vị trước sáp nhập." if self.value is not None else "Không cộng được: xem từng đơn vị."


class _Figures:
    """Approved figures of a commune's whole lineage for a few indicators, fetched once."""

    def __init__(self, units, indicator_ids, period_kind: str) -> None:
        qs = Actual.objects.filter(unit__in=units, indicator_id__in=indicator_ids, status=ActualStatus.APPROVED,
                                   period__kind=period_kind).select_related("period")
        self.values: dict[tuple[int, int, int], Decimal | None] = {}
        self.periods: dict[int, Period] = {}
        for a in qs:
            self.values[(a.unit_id, a.indicator_id, a.period_id)] = a.value
            self.periods[a.period_id] = a.period

    def own(self, unit, indicator_id: int, period: Period) -> Decimal | None:
        return self.values.get((unit.pk, indicator_id, period.pk))

    def has(self, unit, indicator_id: int, period: Period) -> bool:
        return (unit.pk, indicator_id, period.pk) in self.values


def _formed_after(unit, period: Period) -> bool:
    return unit.valid_from is not None and period.starts_on < unit.valid_from


def _predecessors(unit, cache: dict) -> list:
    if unit.pk not in cache:
        cache[unit.pk] = sorted(unit.predecessors.all(), key=lambda u: u.code)
    return cache[unit.pk]


def _total(unit, indicator_id, period, figs: _Figures, preds: dict, missing: list) -> Decimal | None:
    """The unit's additive figure: its own, or its predecessors' added up (recursively)."""
    value = figs.own(unit, indicator_id, period)
    if value is not None:
        return value
    former = _predecessors(unit, preds)
    if not former or not _formed_after(unit, period):
        missing.append(unit)
        return None
    parts = [_total(u, indicator_id, period, figs, preds, missing) for u in former]
    return None if any(p is None for p in parts) else sum(parts, Decimal(0))


def series(unit, indicator, *, period_kind: str = "year") -> list[Point]:
    """The commune's figures of ``indicator`` for every period of ``period_kind`` with data,
    oldest first; before the merger, from its predecessors by the aggregation rule."""
    lineage = unit.lineage()
    ids = [indicator.pk] + [i for i in (indicator.numerator_id, indicator.denominator_id) if i]
    figs = _Figures([unit, *lineage], ids, period_kind)
    preds: dict = {}
    direct = _predecessors(unit, preds)
    out = []
    for period in sorted(figs.periods.values(), key=lambda p: p.ends_on):
        if figs.has(unit, indicator.pk, period):
            out.append(Point(period, figs.own(unit, indicator.pk, period), own=True))
            continue
        if not direct or not _formed_after(unit, period):
            continue
        out.append(_combined(unit, indicator, period, figs, preds, direct))
    return out


def _combined(unit, indicator, period, figs: _Figures, preds: dict, direct: list) -> Point:
    rule = indicator.aggregation
    missing: list = []
    if rule == Aggregation.RATE:
        num = _total(unit, indicator.numerator_id, period, figs, preds, missing)
        den = _total(unit, indicator.denominator_id, period, figs, preds, missing)
        parts = tuple((u, figs.own(u, indicator.pk, period)) for u in direct)
        value = None
        if num is not None and den:
            value = quantize(num / den * RATE_SCALE.get(indicator.unit, Decimal(1)), indicator.decimals)
        return Point(period, value, False, parts, tuple(dict.fromkeys(missing)))
    if rule == Aggregation.SUM:
        value = _total(unit, indicator.pk, period, figs, preds, missing)
        parts = tuple((u, _part(u, indicator.pk, period, figs, preds)) for u in direct)
        return Point(period, value, False, parts, tuple(dict.fromkeys(missing)))
    parts = tuple((u, figs.own(u, indicator.pk, period)) for u in direct)
    missing = [u for u, v in parts if v is None]
    value = None
    if rule == Aggregation.AVERAGE and parts and not missing:
        value = quantize(sum((v for _, v in parts), Decimal(0)) / len(parts), indicator.decimals)
    return Point(period, value, False, parts, tuple(missing))


def _part(unit, indicator_id, period, figs, preds) -> Decimal | None:
    return _total(unit, indicator_id, period, figs, preds, [])
