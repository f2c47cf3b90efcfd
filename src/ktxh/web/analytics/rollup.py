"""Every target of every commune evaluated for a period in one SQL statement, and its counts.

The statement is ``ktxh.core.evaluate``'s rules written as CASE expressions over the
approved figure and the target's parse (``Target.parsed``: kind, low, high, strictness,
direction, change mode, base year), choosing plans and primary targets exactly as
``tracking.evaluation.evaluate_plan`` and the dashboard do. The tests compare it, target
by target, with the evaluator on a generated country: one set of rules, run two ways.

Which communes: those standing at the period's end (``valid_from``/``valid_to``), so a
2023 roll-up counts the former communes and a 2025 one the merged communes. Which plan:
the one the dashboard shows for the period's year (annual before term, approved before
draft, the latest). Counts take each indicator's primary target once, as the summary
sentence does.

Results are cached (Django's cache) under a generation number per period kept in the
database (``Stamp``); ``invalidate`` bumps it. ``signals`` calls it when a figure,
target, plan or unit changes; code that writes with ``QuerySet.update`` or raw SQL
outside the audited workflow must call ``invalidate(period_id)`` itself.
"""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import NamedTuple

from django.core.cache import cache
from django.db import connection, connections, router, transaction

from ktxh.core.model import Status
from ktxh.core.rules import QUALITATIVE_NO, QUALITATIVE_YES, THRESHOLD_CO_BAN_DAT
from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Indicator, Plan, Target
from ktxh.web.metadata.units.models import AdminUnit

from .models import CountsBuilt, Stamp

CACHE_SECONDS = 24 * 3600
# SQLite computes in binary floating point: a difference or a ratio that is exactly on a
# bound in decimals may land a hair off it. PostgreSQL's numeric is exact: no slack.
SQLITE_SLACK = 1e-9


class TargetStatus(NamedTuple):  # a tuple, not a dataclass: the country has ~150 000 of them
    unit_id: int
    province_id: int
    target_id: int
    indicator_id: int
    field_id: int
    primary: bool
    status: Status


class _Dialect:
    def __init__(self, vendor: str) -> None:
        self.pg = vendor == "postgresql"

    def text(self, key: str) -> str:
        return f"(t.parsed ->> '{key}')" if self.pg else f"json_extract(t.parsed, '$.{key}')"

    def num(self, key: str) -> str:
        return f"CAST(t.parsed ->> '{key}' AS numeric)" if self.pg else f"CAST(json_extract(t.parsed, '$.{key}') AS REAL)"

    def flag(self, key: str) -> str:
        return f"COALESCE((t.parsed ->> '{key}') = 'true', FALSE)" if self.pg else \
            f"COALESCE(json_extract(t.parsed, '$.{key}'), 0) = 1"

    def base_year(self) -> str:
        # The core's Target.base_year, stored with the parse: no second reading of the text here.
        return f"CAST({self.text('base_year')} AS integer)"

    def fold(self, expr: str) -> str:
        return f"LOWER(BTRIM({expr}, E' \\t\\n\\r\\f\\v'))" if self.pg else f"ktxh_fold({expr})"

    def lt(self, a: str, b: str) -> str:
        return f"{a} < {b}" if self.pg else f"{a} < {b} - {SQLITE_SLACK} * (1 + ABS({b}))"

    def gt(self, a: str, b: str) -> str:
        return f"{a} > {b}" if self.pg else f"{a} > {b} + {SQLITE_SLACK} * (1 + ABS({b}))"

    def eq(self, a: str, b: str) -> str:
        return f"{a} = {b}" if self.pg else f"ABS({a} - {b}) <= {SQLITE_SLACK} * (1 + ABS({b}))"


def _words(name: str, words) -> tuple[str, dict]:
    params = {f"{name}{i}": w for i, w in enumerate(sorted(words))}
    return ", ".join(f"%({k})s" for k in params), params


def _so_far_parts(term: bool, a: str, per: str) -> tuple[str, str, str]:
    """A term period: the CTE of each level target's latest approved yearly figure of the term
    (``selection.so_far``), the figure's columns taking it where the term has none, and its join."""
    own = "a.id AS aid, a.value AS v, a.text AS atext"
    if not term:
        return "", own, ""
    when, last = selection.so_far_sql("tg")
    cte = f"""yl AS (
  SELECT tid, yid, yv, ytext FROM (
    SELECT tg.id AS tid, ya.id AS yid, ya.value AS yv, ya.text AS ytext,
      ROW_NUMBER() OVER (PARTITION BY tg.id ORDER BY yp.year DESC) AS n
    FROM tg JOIN {a} ya ON ya.unit_id = tg.unit_id AND ya.indicator_id = tg.indicator_id
      AND ya.status = 'approved' AND ya.value IS NOT NULL
    JOIN {per} yp ON yp.id = ya.period_id AND yp.kind = 'year' AND yp.year >= tg.ps AND yp.year <= {last}
    WHERE {when}) z
  WHERE n = 1
),
"""
    figure = ("COALESCE(a.id, yl.yid) AS aid, CASE WHEN a.id IS NULL THEN yl.yv ELSE a.value END AS v, "
              "CASE WHEN a.id IS NULL THEN yl.ytext ELSE a.text END AS atext")
    return cte, figure, "\n  LEFT JOIN yl ON yl.tid = tg.id"


def status_sql(*, province: bool, term: bool = False, units: int = 0) -> tuple[str, dict]:
    """The statement, with its fixed parameters; callers add period, year, ends, province and,
    for ``units`` communes only, their ids as ``unit0``, ``unit1``…"""
    d = _Dialect(connection.vendor)
    yes, yes_params = _words("yes", QUALITATIVE_YES)
    no, no_params = _words("no", QUALITATIVE_NO)
    u, p, t, i = AdminUnit._meta.db_table, Plan._meta.db_table, Target._meta.db_table, Indicator._meta.db_table
    a, per = Actual._meta.db_table, Period._meta.db_table
    x, lo, hi = "x", "lo", "hi"
    # % of plan rounded to 2 places (half up) reaching the threshold; None (a zero or negative
    # denominator where the evaluator gives no %) is short: không đạt.
    short = ("CASE WHEN (CASE WHEN kind = 'assigned' OR (NOT based AND NOT dn) THEN pd <> 0 "
             "ELSE pd > 0 END) AND pn * 100 / NULLIF(pd, 0) >= %(cut)s THEN 'co_ban_dat' ELSE 'khong_dat' END")
    so_far, figure, so_far_join = _so_far_parts(term, a, per)
    only = ("AND u.id IN (" + ", ".join(f"%(unit{k})s" for k in range(units)) + ")") if units else ""
    sql = f"""
WITH cu AS (
  SELECT u.id, u.parent_id FROM {u} u
  WHERE u.level = 'commune' AND {selection.standing_sql("u", "ends")} {"AND u.parent_id = %(province)s" if province else ""} {only}
),
pl AS (
  -- the plan the dashboard shows: no other plan of the unit covering the year ranks before it
  -- (an anti-join rather than a window, so the planner knows it keeps about one plan per commune)
  SELECT p.id, p.unit_id, cu.parent_id AS province_id, p.start_year, p.end_year, p.kind
  FROM {p} p JOIN cu ON cu.id = p.unit_id
  WHERE p.start_year <= %(year)s AND %(year)s <= p.end_year AND NOT EXISTS (
    SELECT 1 FROM {p} q WHERE q.unit_id = p.unit_id AND q.start_year <= %(year)s AND %(year)s <= q.end_year
      AND ({selection.plan_rank_sql("q")}) < ({selection.plan_rank_sql("p")}))
),
tg0 AS (
  SELECT t.id, t.plan_id, pl.unit_id, pl.province_id, t.indicator_id, i.field_id, t.source,
    {d.text("kind")} AS kind, {d.num("low")} AS low, {d.num("high")} AS high,
    {d.flag("low_strict")} AS ls, {d.flag("high_strict")} AS hs, ({d.text("direction")} = 'down') AS down,
    {d.text("change_mode")} AS mode, {d.base_year()} AS base_year,
    pl.kind AS pkind, pl.start_year AS ps, pl.end_year AS pe, CAST({d.text("year")} AS integer) AS named,
    {d.text("term_kind")} AS tk
  FROM {t} t JOIN pl ON pl.id = t.plan_id JOIN {i} i ON i.id = t.indicator_id
  WHERE {selection.in_period_sql("pl", "t", term)}
),
tg AS (
  SELECT tg0.*,
    ROW_NUMBER() OVER (PARTITION BY plan_id, indicator_id ORDER BY {selection.source_rank_sql("source")}, id) AS prn
  FROM tg0
),
gv AS (
  -- an "assigned" target is measured against the first cap_tren sibling with a low bound
  SELECT g.tid, s.low AS given FROM (
    SELECT a.id AS tid, MIN(s.id) AS gid FROM tg a
    JOIN tg s ON s.plan_id = a.plan_id AND s.indicator_id = a.indicator_id AND s.source = 'cap_tren'
      AND s.kind <> 'assigned' AND s.low IS NOT NULL
    WHERE a.kind = 'assigned' GROUP BY a.id) g
  JOIN tg s ON s.id = g.gid
),
bases AS (
  -- a change "so với năm 2024" is measured from that year's approved figure
  SELECT tg.id AS tid, ba.id AS baid, ba.value AS bv
  FROM tg JOIN {per} bp ON bp.kind = 'year' AND bp.year = tg.base_year
  JOIN {a} ba ON ba.unit_id = tg.unit_id AND ba.indicator_id = tg.indicator_id AND ba.period_id = bp.id
    AND ba.status = 'approved'
  WHERE tg.kind = 'change'
),
{so_far}fx AS (
  SELECT tg.*, {figure}, bases.baid, bases.bv, gv.given
  FROM tg
  LEFT JOIN {a} a ON a.unit_id = tg.unit_id AND a.indicator_id = tg.indicator_id AND a.period_id = %(period)s
    AND a.status = 'approved'
  LEFT JOIN bases ON bases.tid = tg.id
  LEFT JOIN gv ON gv.tid = tg.id{so_far_join}
),
xs AS (
  SELECT fx.*,
    CASE WHEN kind = 'change' AND baid IS NOT NULL THEN
           CASE WHEN mode = 'percent' THEN (CASE WHEN down THEN bv - v ELSE v - bv END) * 100 / NULLIF(bv, 0)
                ELSE (CASE WHEN down THEN bv - v ELSE v - bv END) END
         ELSE v END AS x,
    CASE WHEN kind = 'assigned' THEN (CASE WHEN down THEN NULL ELSE given * (1 + low / 100) END) ELSE low END AS lo,
    CASE WHEN kind = 'assigned' THEN
           (CASE WHEN down THEN given WHEN high IS NOT NULL THEN given * (1 + high / 100) ELSE given * (1 + low / 100) END)
         WHEN kind = 'exact' THEN low ELSE high END AS hi,
    CASE WHEN kind = 'change' THEN FALSE ELSE down END AS dn,
    kind = 'change' AND baid IS NOT NULL AS based,
    -- the level a change from the base plans for, which percent of plan is measured against
    CASE WHEN mode = 'percent' THEN bv * (1 + COALESCE(low, 0) / 100 * (CASE WHEN down THEN -1 ELSE 1 END))
         ELSE bv + (CASE WHEN down THEN -COALESCE(low, 0) ELSE COALESCE(low, 0) END) END AS planned,
    CASE WHEN aid IS NULL OR v IS NULL THEN 'chua_co_so_lieu'
         WHEN kind = 'assigned' AND given IS NULL THEN 'chua_co_so_lieu'
         WHEN kind = 'change' AND baid IS NOT NULL AND (bv IS NULL OR (mode = 'percent' AND bv = 0))
           THEN 'chua_co_so_lieu'
    END AS early
  FROM fx
),
ys AS (
  -- percent of plan for a figure short of its target: pn * 100 / pd
  SELECT xs.*,
    CASE WHEN kind = 'assigned' THEN (CASE WHEN down THEN given ELSE v END)
         WHEN based THEN (CASE WHEN down THEN planned ELSE v END)
         WHEN NOT dn THEN x ELSE hi END AS pn,
    CASE WHEN kind = 'assigned' THEN (CASE WHEN down THEN v ELSE given END)
         WHEN based THEN (CASE WHEN down THEN v ELSE planned END)
         WHEN NOT dn THEN lo ELSE x END AS pd
  FROM xs
)
SELECT unit_id, province_id, id, indicator_id, field_id, prn = 1 AS is_primary,
  CASE
    WHEN kind = 'qualitative' THEN
      CASE WHEN aid IS NULL OR v IS NOT NULL THEN 'chua_co_so_lieu'
           WHEN {d.fold("atext")} IN ({yes}) THEN 'dat'
           WHEN {d.fold("atext")} IN ({no}) THEN 'khong_dat'
           ELSE 'chua_co_so_lieu' END
    WHEN early IS NOT NULL THEN early
    WHEN NOT dn THEN
      CASE WHEN {lo} IS NOT NULL AND ({d.lt(x, lo)} OR (ls AND {d.eq(x, lo)})) THEN {short}
           WHEN {hi} IS NOT NULL AND {d.gt(x, hi)} AND kind <> 'min' THEN 'vuot'
           ELSE 'dat' END
    ELSE
      CASE WHEN {hi} IS NOT NULL AND ({d.gt(x, hi)} OR (hs AND {d.eq(x, hi)})) THEN {short}
           WHEN {lo} IS NOT NULL AND {d.lt(x, lo)} AND kind <> 'max' THEN 'vuot'
           ELSE 'dat' END
  END AS status
FROM ys
"""
    return sql, {**yes_params, **no_params}


def _params(period: Period, province, threshold) -> dict:
    # quantize(pct, 2) >= threshold (half up) is pct >= threshold - 0.005.
    cut = Decimal(threshold) - Decimal("0.005")
    params = {"period": period.pk, "year": period.year, "ends": period.ends_on,
              "cut": cut if connection.vendor == "postgresql" else float(cut) - SQLITE_SLACK}
    if province is not None:
        params["province"] = getattr(province, "pk", province)
    return params


def _run(sql: str, params: dict, alias: str | None = None) -> list[tuple]:
    alias = alias or router.db_for_read(Target)  # a read replica when there are some
    conn = connections[alias]
    with transaction.atomic(using=alias), conn.cursor() as cursor:
        if conn.vendor == "postgresql":
            cursor.execute("SET LOCAL work_mem = '64MB'")  # sort the country's targets in memory, not on disk
        cursor.execute(sql, params)
        return cursor.fetchall()


def statuses(period: Period, *, province=None, threshold=THRESHOLD_CO_BAN_DAT) -> list[TargetStatus]:
    """The status of every target of every commune (of ``province``, or of the country)."""
    sql, fixed = status_sql(province=province is not None, term=period.kind == "term")
    rows = _run(sql, {**fixed, **_params(period, province, threshold)})
    status = {s.value: s for s in Status}
    return [TargetStatus(u, p, t, i, f, bool(primary), status[s]) for u, p, t, i, f, primary, s in rows]


def _counts(group: str, period: Period, province, threshold) -> list[tuple]:
    sql, fixed = status_sql(province=province is not None, term=period.kind == "term")
    # Summed, not filtered with WHERE: a filter on the primary flag would be pushed into the statement,
    # where the planner misjudges it and falls back to nested loops.
    counted = (f"SELECT {group}, status, SUM(CASE WHEN is_primary THEN 1 ELSE 0 END) AS n FROM ({sql}) s "
               f"GROUP BY {group}, status HAVING SUM(CASE WHEN is_primary THEN 1 ELSE 0 END) > 0")
    return _run(counted, {**fixed, **_params(period, province, threshold)})


def _empty() -> dict[Status, int]:
    return {s: 0 for s in Status}


def field_counts(period: Period, *, province=None, threshold=THRESHOLD_CO_BAN_DAT) -> dict[tuple[int, int], dict]:
    """``{(province_id, field_id): {Status: n}}`` over the primary targets (cached)."""

    def compute():
        out: dict = {}
        for prov, field, status, n in _counts("province_id, field_id", period, province, threshold):
            out.setdefault((prov, field), _empty())[Status(status)] = n
        return out

    return _cached("field", period, province, threshold, compute)


def commune_counts(period: Period, *, province=None, threshold=THRESHOLD_CO_BAN_DAT) -> dict[int, dict]:
    """``{commune_id: {Status: n}}`` over the primary targets (cached)."""

    def compute():
        out: dict = {}
        for unit, status, n in _counts("unit_id", period, province, threshold):
            out.setdefault(unit, _empty())[Status(status)] = n
        return out

    return _cached("commune", period, province, threshold, compute)


# -- cache -------------------------------------------------------------------------------------------

def _stamps(period_id: int) -> str:
    keys = ["all", f"period:{period_id}"]
    found = dict(Stamp.objects.filter(key__in=keys).values_list("key", "generation"))
    return ".".join(str(found.get(k, 0)) for k in keys)


def _cached(name: str, period: Period, province, threshold, compute):
    prov = getattr(province, "pk", province)
    key = f"ktxh:rollup:{name}:{period.pk}:{prov}:{threshold}:{_stamps(period.pk)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def invalidate(period_id: int | None = None, *, keep_tables: bool = False) -> None:
    """Make cached roll-ups of ``period_id`` (of every period when None) stale, on every server.

    Call it after changing figures without the audited workflow (``QuerySet.update``, raw
    SQL, a bulk import). Saves through the models and the workflow call it already.
    The new generation is random, not a counter, so a restored database or a rolled-back
    test never meets a result cached under its old number. The analytics tables of the period
    (``CommuneCount``) are built again on next use, unless ``keep_tables`` (the signals, which
    refresh the changed communes themselves).
    """
    key = "all" if period_id is None else f"period:{period_id}"
    Stamp.objects.update_or_create(key=key, defaults={"generation": secrets.randbits(62)})
    if not keep_tables:
        built = CountsBuilt.objects.all() if period_id is None else CountsBuilt.objects.filter(period_id=period_id)
        built.delete()
