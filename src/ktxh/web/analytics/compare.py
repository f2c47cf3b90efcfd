"""One indicator across every commune of a province: a table, a bar chart and a ranking for one
period, and the approved yearly figures of each commune as lines; CSV and Excel of both tables.

Each commune's figure is evaluated by ``evaluation.evaluate_plan`` on the plan ``plans.selection``
picks for it; nothing is judged here. Only approved figures are shown.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count
from django.http import QueryDict
from django.shortcuts import get_object_or_404

from ktxh.core.model import Direction
from ktxh.core.numbers import format_number
from ktxh.web.accounts import permissions as perms
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period, PeriodKind
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Indicator
from ktxh.web.metadata.units.models import AdminUnit, Level
from ktxh.web.ui import export
from ktxh.web.ui.pages import badge, page, signed_in
from ktxh.web.ui.params import int_param
from ktxh.web.ui.templatetags.vi import so_lieu

from . import queries
from .evaluation import evaluate_plan

TABLE_HEADER = ["Hạng", "Xã, phường", "Kỳ", "Số liệu thực hiện", "Đơn vị tính", "Chỉ tiêu", "% kế hoạch", "Đánh giá"]


def may_see(user, province) -> bool:
    """The province's planners and viewers (and the superuser)."""
    s = perms.scope(user)
    return s.is_superuser or (s.province is not None and s.province.pk == province.pk)


def indicators_of(province) -> list[Indicator]:
    """Indicators with an approved figure in one of the province's communes, by field and name."""
    ids = Actual.objects.filter(unit__parent=province, status=ActualStatus.APPROVED).values_list("indicator_id")
    return list(Indicator.objects.filter(pk__in=ids).select_related("field").order_by("field__order", "name"))


def periods_of(province, indicator) -> tuple[list[Period], Period | None]:
    """Periods with approved figures of the indicator in the province, latest first; the default
    is the one most communes reported (the latest of equals)."""
    counts = dict(Actual.objects.filter(unit__parent=province, indicator=indicator, status=ActualStatus.APPROVED)
                  .exclude(period__kind=PeriodKind.TERM).values_list("period_id").annotate(n=Count("pk"))
                  .values_list("period_id", "n"))
    periods = list(Period.objects.filter(pk__in=counts).order_by("-ends_on", "kind"))
    return periods, max(periods, key=lambda p: (counts[p.pk], p.ends_on), default=None)


def _row(user, commune, plan, indicator, period) -> dict:
    row = {"unit": commune, "plan": plan, "target": None, "actual": None, "evaluation": None, "badge": None}
    if plan is not None:
        found = next((r for r in evaluate_plan(plan, period).rows if r.target.indicator_id == indicator.pk and r.primary), None)
        if found is not None:
            row.update(target=found.target, actual=found.actual, evaluation=found.evaluation,
                       badge=badge(found.evaluation.status))
    if row["actual"] is None:
        row["actual"] = perms.readable_actuals(user, Actual.objects.filter(
            unit=commune, indicator=indicator, period=period, status=ActualStatus.APPROVED)).first()
    return row


def ranked(rows: list[dict], direction: str) -> list[dict]:
    """Best first (the highest, or the lowest for a lower-is-better indicator); communes without a
    figure last, unranked. Equal figures share a rank ("1, 1, 3")."""
    with_value = [r for r in rows if r["actual"] is not None and r["actual"].value is not None]
    without = [r for r in rows if r not in with_value]
    with_value.sort(key=lambda r: r["actual"].value, reverse=direction != Direction.DOWN.value)
    for i, r in enumerate(with_value):
        same = i and with_value[i - 1]["actual"].value == r["actual"].value
        r["rank"] = with_value[i - 1]["rank"] if same else i + 1
    for r in without:
        r["rank"] = None
    return with_value + without


def yearly(user, communes, indicator) -> tuple[list[int], dict[int, dict[int, object]]]:
    """Approved yearly figures ``{unit_id: {year: value}}`` and the years they cover."""
    values: dict[int, dict[int, object]] = defaultdict(dict)
    qs = perms.readable_actuals(user, Actual.objects.filter(
        unit__in=communes, indicator=indicator, status=ActualStatus.APPROVED, period__kind=PeriodKind.YEAR,
        value__isnull=False)).values_list("unit_id", "period__year", "value")
    for unit_id, year, value in qs:
        values[unit_id][year] = value
    years = sorted({y for v in values.values() for y in v})
    return years, values


def table_rows(rows: list[dict], indicator, period) -> list[list[str]]:
    out = []
    for r in rows:
        a, ev = r["actual"], r["evaluation"]
        out.append([str(r["rank"] or ""), str(r["unit"]), period.label, a.text if a else "", indicator.unit,
                    r["target"].text if r["target"] else "",
                    format_number(ev.percent_of_plan, 2) + "%" if ev and ev.percent_of_plan is not None else "",
                    ev.status.label if ev else ""])
    return out


def years_rows(communes, years, values, decimals: int | None = None) -> list[list[str]]:
    return [[str(c)] + [so_lieu(values[c.pk][y], decimals) if y in values.get(c.pk, {}) else "" for y in years]
            for c in communes if c.pk in values]


def _links(request, ind, period) -> dict[str, str]:
    """The files of the table shown: this indicator and this period, even when the period was the default."""
    links = {}
    for fmt in export.FORMATS:
        params = QueryDict(mutable=True)
        params["chi_tieu"], params["ky"], params["dinh_dang"] = str(ind.pk), str(period.pk), fmt
        links[fmt] = "?" + params.urlencode()
    return links


def _charts(rows, communes, years, values) -> dict:
    bar = [r for r in rows if r["rank"] is not None]
    lines = [{"label": str(c), "data": [float(values[c.pk][y]) if y in values[c.pk] else None for y in years]}
             for c in communes if c.pk in values]
    return {"bar": {"labels": [str(r["unit"]) for r in bar], "data": [float(r["actual"].value) for r in bar],
                    "css": [r["badge"]["value"] if r["badge"] else "chua_co_so_lieu" for r in bar]} if bar else None,
            "lines": {"labels": [str(y) for y in years], "datasets": lines} if len(years) >= 2 else None}


@signed_in
def compare_page(request, unit_id: int):
    prov = get_object_or_404(AdminUnit, pk=unit_id, level=Level.PROVINCE)
    perms.require(may_see(request.user, prov), f"Bạn không được xem tổng hợp của {prov}.")
    choices = indicators_of(prov)
    wanted = int_param(request, "chi_tieu")
    ind = next((i for i in choices if i.pk == wanted), None)
    ctx = {"province": prov, "choices": choices, "indicator": ind, "title": f"So sánh một chỉ tiêu giữa các xã, phường — {prov.name}"}
    if ind is None:
        return page(request, "analytics/compare.html", ctx)
    periods, default = periods_of(prov, ind)
    period = queries.pick_period(periods, int_param(request, "ky"), default)
    communes = selection.communes(prov, on=period.ends_on if period else None)
    years, values = yearly(request.user, communes, ind)
    rows = []
    if period is not None:
        plans = selection.plans_by_unit(request.user, communes)
        rows = ranked([_row(request.user, c, selection.plan_for(request.user, c, period.year, plans=plans[c.pk]), ind, period)
                       for c in communes], ind.direction)
    tables = [("Theo xã, phường", TABLE_HEADER, table_rows(rows, ind, period) if period else []),
              ("Qua các năm", ["Xã, phường"] + [f"Năm {y}" for y in years], years_rows(communes, years, values, ind.decimals))]
    fmt = request.GET.get("dinh_dang")
    if fmt in ("csv", "xlsx"):
        return export.download(fmt, f"so-sanh-{ind.code[:40]}", [export.Table(*t) for t in tables])
    ctx.update(periods=periods, period=period, rows=rows, years=years,
               export_links=export.links(request) if period is None else _links(request, ind, period),
               years_table=tables[1][2], chart=_charts(rows, communes, years, values),
               reported=sum(1 for r in rows if r["rank"] is not None))
    ctx["title"] = f"{ind.name}: so sánh giữa các xã, phường — {prov.name}"
    return page(request, "analytics/compare.html", ctx)
