"""Write a generated country into the configured database, in bulk.

PostgreSQL gets ``COPY … FROM STDIN`` (psycopg's ``cursor.copy``); other databases get
``bulk_create`` in batches. One transaction: a failed load leaves nothing behind.
Needs Django set up (``ktxh generate`` does it); the generator itself does not.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from tqdm import tqdm

from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.metadata.plans.models import Field, Indicator, Plan, Target
from ktxh.web.metadata.units.models import AdminUnit

from .catalogue import FIELDS
from .generator import Country, Size


class LoadError(Exception):
    """The database cannot take the country (message in Vietnamese)."""


@dataclass
class Loaded:
    country: Country
    units: int = 0
    plans: int = 0
    targets: int = 0
    actuals: int = 0
    indicator_ids: dict | None = None
    period_ids: dict | None = None


def _next_id(model) -> int:
    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def _with_defaults(model, columns: list[str], rows: Iterable[tuple]) -> tuple[list[str], Iterator[tuple]]:
    """Every concrete column but an unnamed id, the ones not given filled with the field's default
    (COPY does not apply Django's defaults, and the models may grow columns)."""
    rest = [f for f in model._meta.concrete_fields if f.attname not in columns and not f.primary_key]
    defaults = []
    for f in rest:
        value = f.get_default()
        if connection.vendor == "postgresql" and isinstance(value, dict | list):
            value = json.dumps(value)
        defaults.append(value)
    return columns + [f.attname for f in rest], (row + tuple(defaults) for row in rows)


def _write(model, columns: list[str], rows: Iterable[tuple], *, label: str, total: int | None, progress: bool,
           batch: int) -> int:
    columns, rows = _with_defaults(model, columns, rows)
    bar = tqdm(total=total, desc=label, unit=" dòng", disable=not progress, leave=False)
    count = 0
    if connection.vendor == "postgresql":
        sql = f'COPY {model._meta.db_table} ({", ".join(columns)}) FROM STDIN'
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
                if count % batch == 0:
                    bar.update(batch)
    else:
        chunk = []
        for row in rows:
            chunk.append(model(**dict(zip(columns, row, strict=True))))
            if len(chunk) >= batch:
                model.objects.bulk_create(chunk, batch_size=batch)
                count += len(chunk)
                bar.update(len(chunk))
                chunk = []
        if chunk:
            model.objects.bulk_create(chunk, batch_size=batch)
            count += len(chunk)
    bar.update(count - bar.n)
    bar.close()
    return count


def _catalogue(country: Country) -> tuple[dict[str, int], dict]:
    """Fields, indicators and periods: few rows, made (or found by code) through the ORM."""
    fields = {}
    for order, (code, name) in enumerate(FIELDS, start=1):
        fields[code], _ = Field.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    ids = {}
    for spec in country.specs:
        ind, _ = Indicator.objects.get_or_create(code=spec.code, defaults={
            "name": spec.name, "unit": spec.unit, "field": fields[spec.field], "direction": spec.direction,
            "aggregation": spec.aggregation, "decimals": spec.decimals,
        })
        ids[spec.code] = ind.pk
    for spec in country.specs:
        if spec.aggregation == "rate":
            Indicator.objects.filter(pk=ids[spec.code], numerator=None).update(
                numerator_id=ids[spec.numerator], denominator_id=ids[spec.denominator])
    periods = {key: Period.get(key.kind, key.year, key.number).pk for key in country.periods()}
    return ids, periods


def _real_country(size: Size, real) -> Country:
    """The country over the real units: they are loaded (or found) first, by code; their plans
    must not exist yet."""
    load_real_units(real, progress=False)
    codes = [u.code for u in real.units]
    ids = dict(AdminUnit.objects.filter(code__in=codes).values_list("code", "id"))
    planned = Plan.objects.filter(unit_id__in=ids.values()).values_list("unit__code", flat=True).first()
    if planned:
        raise LoadError(f"Đơn vị mã “{planned}” đã có kế hoạch: hãy sinh số liệu vào cơ sở dữ liệu mới "
                        "(một cơ sở dữ liệu chỉ có danh mục đơn vị từ ktxh units load thì được).")
    return Country(size, real=real, unit_ids=ids)


def load(size: Size, *, progress: bool = True, batch: int = 5000, real=None) -> Loaded:
    """Generate the country of ``size`` and write it; returns what was written. With ``real`` (a
    ``RealCountry``), over the real units: those are written by ``load_real_units`` (idempotent) and
    only plans, targets and figures are generated."""
    now = dt.datetime.now(dt.UTC)
    with transaction.atomic():
        if real is not None:
            country = _real_country(size, real)
        else:
            country = Country(size, first_unit_id=_next_id(AdminUnit))
            codes = [u.code for u in country.units]
            clash = min(set(codes) & set(AdminUnit.objects.values_list("code", flat=True)), default=None)
            if clash:
                raise LoadError(f"Cơ sở dữ liệu đã có đơn vị hành chính mã “{clash}”: hãy nạp dữ liệu mẫu vào "
                                "cơ sở dữ liệu trống.")
        ind_ids, period_ids = _catalogue(country)
        out = Loaded(country, indicator_ids=ind_ids, period_ids=period_ids)
        if real is None:
            out.units = _write(AdminUnit, ["id", "code", "name", "level", "kind", "parent_id", "valid_from",
                                           "valid_to"], country.unit_rows(), label="Đơn vị hành chính",
                               total=len(codes), progress=progress, batch=batch)
            _write(AdminUnit.predecessors.through, ["from_adminunit_id", "to_adminunit_id"], country.lineage_rows(),
                   label="Sáp nhập", total=len(country.formers), progress=progress, batch=batch)
        plans, targets = country.plans_and_targets(ind_ids, _next_id(Plan), _next_id(Target))
        out.plans = _write(
            Plan, ["id", "unit_id", "kind", "start_year", "end_year", "title", "status", "legal_basis",
                   "source_document", "created_at", "approved_at"],
            ((pid, uid, "annual", y, y, title, "approved", basis, "", now, now) for pid, uid, y, title, basis in plans),
            label="Kế hoạch", total=len(plans), progress=progress, batch=batch)
        out.targets = _write(
            Target, ["id", "plan_id", "indicator_id", "year", "source", "text", "parsed", "note", "version"],
            _targets(targets), label="Chỉ tiêu", total=len(targets), progress=progress, batch=batch)
        out.actuals = _write(
            Actual, ["unit_id", "indicator_id", "period_id", "text", "value", "is_estimate", "source_note", "status",
                     "version", "review_comment", "updated_at"],
            ((u, i, p, text, value, False, "", status, 1, "", now)
             for u, i, p, text, value, status in country.actual_rows(ind_ids, period_ids)),
            label="Số liệu thực hiện", total=None, progress=progress, batch=batch)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), [AdminUnit, Plan, Target]):
                    cursor.execute(sql)
                cursor.execute("ANALYZE")
    from ktxh.web.analytics.rollup import invalidate

    invalidate()
    return out


def _targets(rows) -> Iterator[tuple]:
    pg = connection.vendor == "postgresql"
    for tid, plan_id, ind, year, source, text, parsed in rows:
        yield (tid, plan_id, ind, year, source, text, parsed if pg else json.loads(parsed), "", 1)


@dataclass
class UnitsLoaded:
    """What ``load_real_units`` changed: units made, units corrected, lineage links added and removed."""

    created: int = 0
    updated: int = 0
    linked: int = 0
    unlinked: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.linked or self.unlinked)


_UNIT_FIELDS = ("name", "level", "kind", "parent_id", "valid_from", "valid_to", "note")


def _unit_values(u, parent_id: int | None) -> dict:
    return {"name": u.name, "level": u.level, "kind": u.kind, "parent_id": parent_id, "valid_from": u.valid_from,
            "valid_to": u.valid_to, "note": f"Trước 01/7/2025 thuộc {u.district}" if u.district else ""}


def _upsert(units, ids: dict[str, int], parent_of, bar, out: UnitsLoaded, batch: int) -> None:
    """Make the units not in ``ids`` and correct those that differ; ``ids`` gains the new ones."""
    existing = {u.code: u for u in AdminUnit.objects.filter(code__in=[u.code for u in units])}
    new, changed = [], []
    for u in units:
        values = _unit_values(u, parent_of(u))
        row = existing.get(u.code)
        if row is None:
            new.append(AdminUnit(code=u.code, **values))
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            changed.append(row)
        bar.update(1)
    AdminUnit.objects.bulk_create(new, batch_size=batch)
    AdminUnit.objects.bulk_update(changed, _UNIT_FIELDS, batch_size=batch)
    out.created += len(new)
    out.updated += len(changed)
    ids.update(AdminUnit.objects.filter(code__in=[u.code for u in units]).values_list("code", "id"))


def load_real_units(country=None, *, progress: bool = True, batch: int = 2000) -> UnitsLoaded:
    """Write the real provinces, communes and former communes (``ktxh.scale.real_units``) and the
    lineage between them; a unit is found by its code, so loading again changes nothing, and a
    unit whose name, kind or dates the packages correct is corrected. One transaction."""
    from .real_units import read

    country = country or read()
    out = UnitsLoaded()
    ids: dict[str, int] = {}
    total = len(country.units) + len(country.lineage)
    with transaction.atomic(), tqdm(total=total, desc="Đơn vị hành chính", unit=" dòng", disable=not progress) as bar:
        _upsert(country.provinces, ids, lambda u: None, bar, out, batch)
        _upsert(country.formers + country.communes, ids, lambda u: ids[u.parent], bar, out, batch)
        through = AdminUnit.predecessors.through
        ours = [ids[u.code] for u in country.communes]
        have = set(through.objects.filter(from_adminunit_id__in=ours).values_list("from_adminunit_id", "to_adminunit_id"))
        want = {(ids[new], ids[old]) for new, old in country.lineage}
        through.objects.bulk_create([through(from_adminunit_id=a, to_adminunit_id=b) for a, b in sorted(want - have)],
                                    batch_size=batch)
        gone = have - want
        for a, b in gone:
            through.objects.filter(from_adminunit_id=a, to_adminunit_id=b).delete()
        out.linked, out.unlinked = len(want - have), len(gone)
        bar.update(len(country.lineage))
    if out.changed:
        from ktxh.web.analytics.rollup import invalidate

        invalidate()
    return out
