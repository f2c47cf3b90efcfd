"""The analytics tables (``CommuneCount``) built and kept fresh.

A province's rows for a period are built on first use by one statement (the roll-up's,
``rollup.status_sql``: the evaluator's rules, the plan and primary target ``plans.selection``
chooses), grouped by commune, field and status. After that only the communes whose figures
or targets change are computed again: ``signals`` calls ``schedule(unit, period)`` and the
work runs in the writing process once the change is committed (``transaction.on_commit``),
each commune once however many of its figures changed. A change this module is not told
about (a bulk load, a new indicator, units) calls ``rollup.invalidate()``: rows are built again on
the next visit.
"""

from __future__ import annotations

import threading
from collections import defaultdict

from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction

from ktxh.core.model import Status
from ktxh.core.rules import THRESHOLD_CO_BAN_DAT
from ktxh.web.data.tracking.models import Period, PeriodKind
from ktxh.web.metadata.units.models import AdminUnit

from . import rollup
from .models import CommuneCount, CountsBuilt

ALL = None  # every period of a unit: a yearly figure is the base of "so với năm …" targets


def _rows(period: Period, province_id: int, unit_ids: list[int] | None = None) -> list[CommuneCount]:
    """The rows of ``province_id``'s communes (of ``unit_ids`` only, when given) for ``period``."""
    units = list(unit_ids or ())
    sql, fixed = rollup.status_sql(province=True, term=period.kind == PeriodKind.TERM, units=len(units))
    counted = (f"SELECT unit_id, field_id, status, SUM(CASE WHEN is_primary THEN 1 ELSE 0 END) AS n FROM ({sql}) s "
               f"GROUP BY unit_id, field_id, status")
    params = {**fixed, **rollup._params(period, province_id, THRESHOLD_CO_BAN_DAT),
              **{f"unit{k}": u for k, u in enumerate(units)}}
    # the primary database: a refresh right after a write must not read a replica that lags
    found: dict[tuple[int, int | None], CommuneCount] = {}
    for unit_id, field_id, status, n in rollup._run(counted, params, alias=DEFAULT_DB_ALIAS):
        if not n:
            continue
        for key in ((unit_id, field_id), (unit_id, None)):
            row = found.get(key)
            if row is None:
                row = found[key] = CommuneCount(period_id=period.pk, province_id=province_id, unit_id=key[0],
                                                field_id=key[1])
            setattr(row, Status(status).value, getattr(row, Status(status).value) + int(n))
            row.total += int(n)
    return list(found.values())


def build(period: Period, province_id: int) -> None:
    """Compute ``province_id``'s rows for ``period`` from scratch."""
    try:
        with transaction.atomic():
            CommuneCount.objects.filter(period=period, province_id=province_id).delete()
            CommuneCount.objects.bulk_create(_rows(period, province_id), batch_size=2000)
            CountsBuilt.objects.update_or_create(period=period, province_id=province_id)
    except IntegrityError:  # another worker built them at the same moment: theirs stand
        pass


def ensure(period: Period, province) -> None:
    """Build the province's rows for the period unless they are there (one query when they are)."""
    province_id = getattr(province, "pk", province)
    if not CountsBuilt.objects.filter(period=period, province_id=province_id).exists():
        build(period, province_id)


def refresh(unit_ids, period_ids=ALL) -> int:
    """Compute again the rows of some communes, in the periods already built (every built period
    when ``period_ids`` is ALL). Returns how many (province, period) tables were touched."""
    provinces: dict[int, list[int]] = defaultdict(list)
    for pk, parent in AdminUnit.objects.filter(pk__in=list(unit_ids)).values_list("pk", "parent_id"):
        provinces[parent].append(pk)
    built = CountsBuilt.objects.filter(province_id__in=list(provinces))
    if period_ids is not ALL:
        built = built.filter(period_id__in=list(period_ids))
    touched = 0
    for b in built.select_related("period"):
        units = provinces[b.province_id]
        with transaction.atomic():
            CommuneCount.objects.filter(period_id=b.period_id, unit_id__in=units).delete()
            CommuneCount.objects.bulk_create(_rows(b.period, b.province_id, units))
        touched += 1
    return touched


# -- after a write -----------------------------------------------------------------------------------

_todo = threading.local()


def schedule(unit_id: int, period_id: int | None = ALL) -> None:
    """Refresh ``unit_id``'s rows of ``period_id`` (ALL: every period) once the change is committed.

    Many changes in one transaction (a bulk approval) are refreshed together, each commune once."""
    pending: dict[int, set] = getattr(_todo, "units", None) or {}
    _todo.units = pending
    pending.setdefault(unit_id, set()).add(period_id)
    transaction.on_commit(run_scheduled)


def run_scheduled() -> None:
    pending: dict[int, set] = getattr(_todo, "units", None) or {}
    _todo.units = {}
    every = [u for u, periods in pending.items() if ALL in periods]
    if every:
        refresh(every, ALL)
    by_period: dict[int, list[int]] = defaultdict(list)
    for unit_id, periods in pending.items():
        if ALL not in periods:
            for p in periods:
                by_period[p].append(unit_id)
    for period_id, units in by_period.items():
        refresh(units, [period_id])
