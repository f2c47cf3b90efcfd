"""A deterministic country: provinces, communes with their 2025 lineage, plans and figures.

Pure Python, no Django: every table comes out as rows of plain values, ids included,
so the loader (``ktxh.scale.load``) can write them with ``bulk_create`` or ``COPY``.
The same ``Size`` and seed always give the same country.

Since 1 July 2025 (``MERGER_DAY``) most communes are merged from several former ones.
A former commune reports the periods that end before that day; the commune formed from
it reports from then on (the whole of 2025 included). Communes that were not merged
report throughout. Each commune has a yearly plan for the years it reports a full year.

Targets are written the way plans write them ("từ 5.800 tấn", "> 95%", "dưới 2,5%",
"đạt và vượt chỉ tiêu giao từ 5-10%") and read by the core's ``parse_target``; figures
are formatted by the core's ``format_number``.

>>> c = Country(Size(provinces=2, communes=20, mergers=3, indicators=40, targets=12, years=1, first_year=2025))
>>> len(c.provinces), len(c.communes), sum(1 for u in c.communes if u.predecessors)
(2, 20, 3)
>>> c.formers[0].valid_to.isoformat()
'2025-06-30'

Over the real units (``ktxh.scale.real_units``), here two provinces of them:

>>> from ktxh.scale.real_units import read, restrict
>>> r = Country(Size(indicators=40, targets=12, years=1, first_year=2025), real=restrict(read(), ["48", "46"]))
>>> [p.name for p in r.provinces], len(r.communes), len(r.formers)
(['Huế', 'Đà Nẵng'], 134, 413)
>>> db = next(u for u in r.communes if u.code == "20579")
>>> db.name, len(db.predecessors), db.predecessors[0].valid_to.isoformat()
('Điện Bàn Đông', 5, '2025-06-30')
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ktxh.core.model import Direction
from ktxh.core.numbers import format_number
from ktxh.core.periods import Period, PeriodKind
from ktxh.core.review import infer_kind
from ktxh.core.targets import parse_target

from .catalogue import FIELDS, Spec, indicators
from .names import Namer

MERGER_DAY = dt.date(2025, 7, 1)
QUALITATIVE_RESULTS = (("Đạt", 0.8), ("Không đạt", 0.1), ("Chưa đạt", 0.1))


@dataclass(frozen=True)
class Size:
    """How big a country to make. ``mergers``: communes formed by merging (default 91%);
    ``former``: the former communes merged into them (default 3⅓ per merger, at least 2)."""

    provinces: int = 34
    communes: int = 3300
    mergers: int | None = None
    former: int | None = None
    indicators: int = 150
    targets: int = 40
    first_year: int = 2021
    years: int = 5
    seed: int = 2025

    @property
    def merged(self) -> int:
        return min(self.communes, self.mergers if self.mergers is not None else round(self.communes * 0.91))

    @property
    def formers(self) -> int:
        wanted = self.former if self.former is not None else round(self.merged * 10 / 3)
        return max(wanted, 2 * self.merged)

    @property
    def year_range(self) -> range:
        return range(self.first_year, self.first_year + self.years)


@dataclass
class Unit:
    id: int
    code: str
    name: str
    level: str
    kind: str
    parent: Unit | None = None
    population: int = 0
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    predecessors: list[Unit] = field(default_factory=list)
    family: int = 0  # index of the current commune whose indicators this unit tracks

    def reports(self, ends_on: dt.date) -> bool:
        """Whether this unit reports a period ending that day."""
        if self.valid_to is not None:
            return ends_on < MERGER_DAY
        if self.predecessors or self.valid_from is not None:  # formed on 1 July 2025 (merged, or new)
            return ends_on >= MERGER_DAY
        return True

    def full_years(self, years: range) -> list[int]:
        return [y for y in years if self.reports(dt.date(y, 12, 31)) and self.reports(dt.date(y, 1, 31))
                or ((self.predecessors or self.valid_from is not None) and y == MERGER_DAY.year)]





@lru_cache(maxsize=200_000)
def _fmt(value: Decimal, decimals: int) -> str:
    return format_number(value, decimals)


@lru_cache(maxsize=100_000)
def parsed_json(text: str, direction: str, unit: str) -> str:
    """The core's parse of a target, as ``Target.core_target`` makes it and ``Target.parsed`` keeps it."""
    target = parse_target(text, unit=unit or None)
    if target.direction.value != direction:
        target = parse_target(text, unit=unit or None, direction=Direction(direction))
    return json.dumps({**target.to_dict(), "term_kind": infer_kind(target).value}, ensure_ascii=False)


def _round(x: float, decimals: int) -> Decimal:
    return Decimal(f"{x:.{decimals}f}")


def _plan_round(x: float) -> Decimal:
    """Plans use round figures: two significant digits (5.795,9 → 5.800)."""
    if x <= 0:
        return Decimal(0)
    digits = len(str(int(x))) - 2
    return Decimal(round(x, -digits)) if digits > 0 else _round(x, 1 if x < 10 else 0)


class Country:
    """A country of ``size``; over the real units (``real``, from ``ktxh.scale.real_units``) when given,
    then ``size``'s provinces, communes, mergers and former communes are those of ``real``, and
    ``unit_ids`` (code → id) the ids the units already have in the database."""

    def __init__(self, size: Size | None = None, first_unit_id: int = 1, *, real=None,
                 unit_ids: dict[str, int] | None = None) -> None:
        self.size = size = size or Size()
        self.first_unit_id = first_unit_id
        self.rng = random.Random(size.seed)
        self.specs: list[Spec] = indicators(size.indicators)
        self.fields = [f for f in FIELDS if any(s.field == f[0] for s in self.specs)]
        self.real = real
        if real is None:
            self._units()
        else:
            self._real_units(real, unit_ids)
        self._tracking()

    def _real_units(self, real, unit_ids: dict[str, int] | None) -> None:
        """The provinces, communes and former communes of ``real`` with its lineage; populations drawn
        (a former commune about 9 000 people, a commune the sum of its share of its predecessors)."""
        rng = self.rng
        ids = unit_ids or {u.code: self.first_unit_id + n for n, u in enumerate(real.units)}

        def unit(r, parent=None) -> Unit:
            return Unit(ids[r.code], r.code, r.name, r.level, r.kind, parent, valid_from=r.valid_from, valid_to=r.valid_to)

        self.provinces = [unit(p) for p in real.provinces]
        by_code = {p.code: p for p in self.provinces}
        self.formers = [unit(f, by_code[f.parent]) for f in real.formers]
        self.communes = [unit(c, by_code[c.parent]) for c in real.communes]
        formers = {u.code: u for u in self.formers}
        for u in self.formers:
            u.population = max(300, int(rng.lognormvariate(9.1, 0.5)))
        shares = {old: len(real.successors(old)) for _, old in real.lineage}
        for i, u in enumerate(self.communes):
            u.family = i
            u.predecessors = [formers[old.code] for old in real.predecessors(u.code)]
            u.population = (sum(old.population // shares[old.code] for old in u.predecessors)
                            or int(rng.lognormvariate(9.6, 0.45)))
        first_successor = {old: new for new, old in sorted(real.lineage, reverse=True)}
        index = {u.code: i for i, u in enumerate(self.communes)}
        for u in self.formers:
            u.family = index[first_successor[u.code]]

    # -- units -----------------------------------------------------------------------------------
    def _units(self) -> None:
        rng, size = self.rng, self.size
        namer = Namer(rng)
        self.provinces = []
        for i in range(size.provinces):
            kind = "thanh_pho" if i < max(1, size.provinces * 6 // 34) else "tinh"
            self.provinces.append(Unit(self.first_unit_id + i, f"{i + 1:02d}", namer.take("vn"), "province", kind))
        weights = [rng.uniform(0.5, 1.5) for _ in self.provinces]
        homes = list(self.provinces) + rng.choices(self.provinces, weights, k=max(0, size.communes - len(self.provinces)))
        homes = homes[: size.communes]
        homes.sort(key=lambda p: p.id)
        merged = set(rng.sample(range(size.communes), size.merged))
        shares = [2 if i in merged else 0 for i in range(size.communes)]
        for i in rng.choices(sorted(merged), k=size.formers - 2 * len(merged)) if merged else []:
            shares[i] += 1
        next_id = self.first_unit_id + size.provinces
        self.formers: list[Unit] = []
        self.communes: list[Unit] = []
        code = 1
        pending = []
        for i, province in enumerate(homes):
            kind = "dac_khu" if rng.random() < 0.004 else ("phuong" if rng.random() < 0.25 else "xa")
            pop = int(rng.lognormvariate(9.6, 0.45)) * (2 if i in merged else 1)
            unit = Unit(0, "", namer.take(province.code), "commune", kind, province, pop)
            unit.family = i
            if i in merged:
                unit.valid_from = MERGER_DAY
                cuts = sorted(rng.uniform(0.15, 1) for _ in range(shares[i]))
                total = sum(cuts)
                for cut in cuts:
                    old = Unit(next_id, f"{code:05d}", namer.take(province.code), "commune",
                               "phuong" if kind == "phuong" else "xa", province, max(300, int(pop * cut / total)),
                               valid_to=MERGER_DAY - dt.timedelta(days=1))
                    old.family = i
                    next_id += 1
                    code += 1
                    unit.predecessors.append(old)
                    self.formers.append(old)
            pending.append(unit)
        for unit in pending:
            unit.id, unit.code = next_id, f"{code:05d}"
            next_id += 1
            code += 1
            self.communes.append(unit)

    @property
    def units(self) -> list[Unit]:
        return self.provinces + self.formers + self.communes

    def periods(self) -> list[Period]:
        keys = []
        for y in self.size.year_range:
            keys += [Period(PeriodKind.MONTH, y, m) for m in range(1, 13)]
            keys += [Period(PeriodKind.QUARTER, y, q) for q in range(1, 5)]
            keys.append(Period(PeriodKind.YEAR, y))
        return keys

    # -- what each commune tracks ------------------------------------------------------------------
    def _tracking(self) -> None:
        """Each current commune (and its former communes) plans ``targets`` indicators; rates bring
        their numerator and denominator along; population and households are always counted."""
        by_code = {s.code: s for s in self.specs}
        planned_pool = list(self.specs)
        order = {s.code: n for n, s in enumerate(self.specs)}
        self.planned: list[list[Spec]] = []
        self.tracked: list[list[Spec]] = []
        self.factor: list[dict[str, float]] = []
        for _ in self.communes:
            planned = self.rng.sample(planned_pool, min(self.size.targets, len(planned_pool)))
            codes = {s.code for s in planned} | ({"dan-so", "tong-so-ho"} & by_code.keys())
            for s in planned:
                if s.aggregation == "rate":
                    codes |= {s.numerator, s.denominator}
            self.planned.append(sorted(planned, key=lambda s: order[s.code]))
            self.tracked.append([s for s in self.specs if s.code in codes])
            self.factor.append({s.code: self.rng.uniform(0.8, 1.2) for s in self.specs if s.code in codes})

    def expected(self, unit: Unit, spec: Spec, year: int) -> float:
        """The figure a unit's year is built around (no noise)."""
        f = self.factor[unit.family][spec.code]
        t = year - self.size.first_year
        if spec.model == "count":
            return unit.population * spec.base * f * 1.03**t
        if spec.model == "level":
            x = spec.base * f * (1 + (0.01 if spec.direction == "up" else -0.03) * t)
            return min(x, 99.5) if spec.unit == "%" else x
        if spec.model == "growth":
            return spec.base * f
        return 0.0

    # -- rows ------------------------------------------------------------------------------------
    def unit_rows(self) -> Iterator[tuple]:
        """(id, code, name, level, kind, parent_id, valid_from, valid_to)"""
        for u in self.units:
            yield (u.id, u.code, u.name, u.level, u.kind, u.parent.id if u.parent else None, u.valid_from, u.valid_to)

    def lineage_rows(self) -> Iterator[tuple]:
        """(from_adminunit_id, to_adminunit_id): the merged commune and each former one."""
        for u in self.communes:
            for old in u.predecessors:
                yield (u.id, old.id)

    def planning_units(self) -> Iterator[tuple[Unit, int]]:
        """Every (unit, year) with a yearly plan: the years the unit reports in full."""
        for u in self.formers + self.communes:
            for y in self.size.year_range:
                if dt.date(y, 1, 1) < MERGER_DAY <= dt.date(y, 12, 31):
                    if u.valid_to is None:  # 2025: the commune standing at the year's end plans it
                        yield u, y
                elif u.reports(dt.date(y, 12, 31)):
                    yield u, y

    def plans_and_targets(self, indicator_ids: dict[str, int], first_plan: int = 1, first_target: int = 1):
        """Two lists: plan rows (id, unit_id, year, title, legal_basis) and target rows
        (id, plan_id, indicator_id, year, source, text, parsed)."""
        rng = random.Random(self.size.seed + 1)
        plans, targets = [], []
        plan_id, target_id = first_plan, first_target
        for u, y in self.planning_units():
            title = f"Kế hoạch phát triển kinh tế - xã hội năm {y} của {_KIND_NAMES[u.kind]} {u.name}"
            basis = f"Nghị quyết số {rng.randint(1, 40):02d}/NQ-HĐND ngày {rng.randint(10, 28)}/12/{y - 1}"
            plans.append((plan_id, u.id, y, title, basis))
            for spec in self.planned[u.family]:
                for source, text in self._target_texts(rng, u, spec, y):
                    parsed = parsed_json(text, spec.direction, spec.unit)
                    targets.append((target_id, plan_id, indicator_ids[spec.code], y, source, text, parsed))
                    target_id += 1
            plan_id += 1
        return plans, targets

    def _target_texts(self, rng: random.Random, u: Unit, spec: Spec, y: int) -> list[tuple[str, str]]:
        style, unit = spec.style, spec.unit
        x = self.expected(u, spec, y) * rng.uniform(0.95, 1.08)
        if spec.aggregation == "rate":
            x = self._rate_expected(u, spec, y) * rng.uniform(0.97, 1.03)
        if style == "qual":
            return [("hdnd", rng.choice(("Đạt", "Giữ vững")))]
        if style == "growth":
            a = _round(x, 1)
            return [("hdnd", f"tăng {_fmt(a, 1)} – {_fmt(a + 1, 1)}%")]
        if style == "assigned":
            given = _plan_round(x / 1.07)
            return [("hdnd", "đạt và vượt chỉ tiêu giao từ 5-10%"), ("cap_tren", f"{_fmt(given, 0)} {unit}")]
        if style == "change_base" and y > self.size.first_year and not u.predecessors:
            a = _round(rng.uniform(2, 10), 0)
            return [("hdnd", f"giảm so với năm {y - 1}: từ {_fmt(a, 0)} - {_fmt(a + 5, 0)}%")]
        if style in ("percent_up", "percent_down", "change_base"):
            p = min(Decimal("99.5"), _round(x * 2, 0) / 2)
            d = 0 if p == p.to_integral_value() else 1
            if spec.direction == "down":
                return [("hdnd", rng.choice((f"dưới {_fmt(p, d)}%", f"không quá {_fmt(p, d)}%")))]
            r = rng.random()
            if r < 0.35:
                return [("hdnd", f"≥ {_fmt(p, d)}%")]
            if r < 0.55:
                return [("hdnd", f"> {_fmt(p, d)}%")]
            if r < 0.8:
                return [("hdnd", f"{_fmt(p - 1, d)} – {_fmt(p, d)}%")]
            return [("hdnd", f"đạt {_fmt(p, d)}%")]
        v = _plan_round(x)
        d = 1 if v < 10 else 0
        if style == "amount_down":
            return [("hdnd", rng.choice((f"dưới {_fmt(v, d)} {unit}", f"không quá {_fmt(v, d)} {unit}")))]
        r = rng.random()
        text = (f"{_fmt(v, d)} {unit}" if r < 0.6 else f"từ {_fmt(v, d)} {unit}" if r < 0.85 else f"trên {_fmt(v, d)} {unit}")
        out = [("hdnd", text)]
        if r > 0.9:  # a congress target for the same indicator (seed 000's footnotes): counted after the council's
            out.append(("dai_hoi", f"từ {_fmt(_plan_round(x * 0.97), d)} {unit}"))
        return out

    def _rate_expected(self, u: Unit, spec: Spec, y: int) -> float:
        by_code = {s.code: s for s in self.specs}
        den = self.expected(u, by_code[spec.denominator], y)
        return 100 * self.expected(u, by_code[spec.numerator], y) / den if den else 0.0

    def actual_rows(self, indicator_ids: dict[str, int], period_ids: dict[Period, int]) -> Iterator[tuple]:
        """(unit_id, indicator_id, period_id, text, value, status): every figure, in a fixed order."""
        rng = random.Random(self.size.seed + 2)
        periods = self.periods()
        for u in self.formers + self.communes:
            tracked = self.tracked[u.family]
            for key in periods:
                if not u.reports(key.ends_on):
                    continue
                values: dict[str, Decimal | None] = {}
                for spec in tracked:
                    if key.kind == "month" and spec.freq != "month":
                        continue
                    if key.kind == "quarter" and spec.freq == "year":
                        continue
                    if spec.aggregation == "rate":
                        num, den = values.get(spec.numerator), values.get(spec.denominator)
                        value = _round(float(num) * 100 / float(den), spec.decimals) if num is not None and den else None
                    elif spec.model == "qual":
                        value = None
                    else:
                        x = self.expected(u, spec, key.year) * rng.gauss(1, 0.07)
                        if spec.model == "count" and not spec.stock and key.kind != "year":
                            x /= 12 if key.kind == "month" else 4
                        value = _round(max(x, 0), spec.decimals)
                    values[spec.code] = value
                    r = rng.random()
                    if r < 0.02:
                        continue  # not reported
                    status = "approved" if r < 0.95 else "submitted" if r < 0.98 else "draft"
                    if spec.model == "qual":
                        text = rng.choices([t for t, _ in QUALITATIVE_RESULTS], [w for _, w in QUALITATIVE_RESULTS])[0]
                    elif value is None:
                        continue
                    else:
                        text = _fmt(value, spec.decimals)
                    yield (u.id, indicator_ids[spec.code], period_ids[key], text, value, status)


_KIND_NAMES = {"xa": "xã", "phuong": "phường", "dac_khu": "đặc khu", "thi_tran": "thị trấn"}
