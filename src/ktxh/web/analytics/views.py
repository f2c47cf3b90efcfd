"""The reading pages: the commune dashboard and the indicator page.

A page first asks ``accounts.permissions`` whether the user may read the commune, then
shows only what the evaluation module computed (the core evaluator): no status, % of
plan or sentence is worked out here.
"""

from __future__ import annotations

import math

from django.shortcuts import get_object_or_404
from django.utils import timezone

from ktxh.core.model import Status
from ktxh.web.accounts import permissions as perms
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking import periods as tracking_periods
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period, PeriodKind
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Field, Indicator, TargetSource
from ktxh.web.ui import export
from ktxh.web.ui.pages import badge, page, readable_commune, signed_in, sparkline
from ktxh.web.ui.params import int_param
from ktxh.web.ui.templatetags.vi import phan_tram, so_lieu

from . import queries
from .compare import may_see as may_compare

ACTIONS = {"create": "Nhập mới", "update": "Sửa", "submit": "Gửi duyệt", "approve": "Duyệt", "return": "Trả lại",
           "confirm": "Xác nhận số liệu bất thường", "import": "Nhập từ văn bản", "merge": "Gộp chỉ tiêu",
           "merge_drop": "Bỏ khi gộp chỉ tiêu"}
SOURCE_LABELS = dict(TargetSource.choices)
CHANGE_LABELS = {"text": "số liệu", "status": "trạng thái", "is_estimate": "ước tính", "source_note": "nguồn",
                 "review_comment": "ý kiến duyệt"}
STATUS_LABELS = {**dict(ActualStatus.choices), True: "có", False: "không"}


def _changes(entry) -> list[tuple[str, object, object]]:
    def shown(v):
        return STATUS_LABELS.get(v, v) if isinstance(v, str | bool) else v

    empty = (None, "", False)  # a new figure's blank fields say nothing
    return [(CHANGE_LABELS[k], shown(old), shown(new)) for k, (old, new) in entry.changes.items()
            if k in CHANGE_LABELS and not (old in empty and new in empty)]


def _rows(result, unit, period, pending) -> list[dict]:
    trend = queries.trends(unit, {r.target.indicator_id for r in result.rows}, period)
    rows = []
    for r in result.rows:
        ind = r.target.indicator
        points = [v for _, v in trend.get(ind.pk, [])]
        ev = r.evaluation
        rows.append({
            "target": r.target, "indicator": ind, "primary": r.primary, "actual": r.actual, "evaluation": ev,
            "source": SOURCE_LABELS.get(r.target.source, r.target.source), "badge": badge(ev.status),
            "trend": trend.get(ind.pk, []), "spark": sparkline(points) if len(points) >= 2 else None,
            "pending": pending.get(ind.pk), "year": r.year,
        })
    return rows


def _plan_of_period(request, unit, plans):
    """With ``?ky=`` (from the province overview) and no ``?ke_hoach=``: the plan shown for that
    period's year, so "Năm 2023" opens on 2023 and not on the latest plan."""
    wanted = int_param(request, "ky")
    period = Period.objects.filter(pk=wanted).first() if wanted is not None and "ke_hoach" not in request.GET else None
    return selection.choose_plan(plans, period.year) if period is not None else None


@signed_in
def commune(request, unit_id: int):
    unit = readable_commune(request, unit_id)
    plans = list(selection.plans_of(request.user, unit))
    wanted = int_param(request, "ke_hoach")
    plan = next((p for p in plans if p.pk == wanted), None) or _plan_of_period(
        request, unit, plans) or queries.default_plan(request.user, unit)
    ctx = {"unit": unit, "plans": plans, "plan": plan, "title": f"Tổng quan {unit}", "waiting": queries.waiting(request.user, unit),
           "has_term": any(p.kind == "term" for p in plans)}
    if plan is None:
        return page(request, "analytics/commune.html", ctx)
    periods = tracking_periods.plan_periods(plan, timezone.localdate())
    period = queries.pick_period(periods, int_param(request, "ky"), queries.default_period(plan, periods))
    ctx.update(periods=periods, period=period)
    if period is None:
        return page(request, "analytics/commune.html", ctx)
    result = evaluate_plan(plan, period)
    rows = _rows(result, unit, period, queries.pending(request.user, unit, period))
    fields = {r["indicator"].field_id for r in rows}
    field_id = int_param(request, "linh_vuc")
    status = request.GET.get("trang_thai", "")
    shown = [r for r in rows if (field_id is None or r["indicator"].field_id == field_id)
             and (not status or r["evaluation"].status.value == status)]
    by_id = {f.pk: f for f in Field.objects.all()}  # one query, not one per row
    groups: dict = {}
    for r in shown:
        groups.setdefault(by_id[r["indicator"].field_id], []).append(r)
    counts = [(badge(s), n) for s, n in result.counts.items()]
    ctx.update(
        sentence=result.sentence, counts=counts, groups=list(groups.items()), total=len(rows), shown=len(shown),
        fields=[by_id[f] for f in sorted(fields, key=lambda f: (by_id[f].order, by_id[f].name))], field_id=field_id,
        status=status,
        statuses=[badge(s) for s in Status], export_links=export.links(request),
    )
    fmt = export.wanted(request)
    if fmt:
        tables = [export.Table(f"{f.name}"[:31], COMMUNE_HEADER, commune_rows(rs)) for f, rs in groups.items()]
        return export.download(fmt, f"tong-quan-{unit.code}-{period.code}", tables, heading=f"{unit} — {period.label}")
    return page(request, "analytics/commune.html", ctx)


COMMUNE_HEADER = ["Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Ước/chính thức", "Chờ duyệt", "% kế hoạch",
                  "Đánh giá", "Ghi chú"]


def commune_rows(rows: list[dict]) -> list[list]:
    """The dashboard's rows of one field, cell for cell as it shows them."""
    out = []
    for r in rows:
        a, p = r["actual"], r["pending"]
        out.append([r["indicator"].name, r["indicator"].unit, r["target"].text, a.text if a else "",
                    ("ước" if a.is_estimate else "chính thức") if a else "",
                    (p.text + (" (ước)" if p.is_estimate else "")) if p else "",
                    phan_tram(r["evaluation"].percent_of_plan), r["badge"]["label"], r["evaluation"].note or ""])
    return out


def _chart_number(value) -> float | None:
    """A value for Chart.js: a float, or None (no point) for one a float cannot carry as JSON.

    >>> from decimal import Decimal
    >>> _chart_number(Decimal("5933.3")), _chart_number(Decimal("1E+400")), _chart_number(None)
    (5933.3, None, None)
    """
    if value is None:
        return None
    number = float(value)  # a Decimal past 1e308 becomes inf, which JSON cannot hold
    return number if math.isfinite(number) else None


def _history_chart(plans, actuals, years) -> dict:
    """Chart.js data: the approved yearly values and each source's yearly target levels."""
    labels = [str(y) for y in years]
    by_year = {a.period.year: _chart_number(a.value) for a in actuals
               if a.period.kind == PeriodKind.YEAR and a.status == ActualStatus.APPROVED and a.value is not None}
    datasets = [{"label": "Thực hiện (đã duyệt)", "kind": "actual", "data": [by_year.get(y) for y in years]}]
    for source, label in TargetSource.choices:
        lows, highs = {}, {}
        for plan in plans:
            for t in plan.targets_here:
                if t.source != source:
                    continue
                level = queries.level_of(t.parsed)
                if level is None or level[0] is None:
                    continue
                for y in ([t.year] if t.year else [plan.end_year]):
                    lows[y] = _chart_number(level[0])
                    if level[1] is not None:
                        highs[y] = _chart_number(level[1])
        if lows:
            name = f"Chỉ tiêu: {label}"
            datasets.append({"label": name + (" (cận dưới)" if highs else ""), "kind": "target",
                             "data": [lows.get(y) for y in years]})
            if highs:
                datasets.append({"label": name + " (cận trên)", "kind": "target", "data": [highs.get(y) for y in years]})
    return {"labels": labels, "datasets": datasets}


def history_years(chart: dict) -> int:
    """How many years of the chart have a figure or a target: a history needs two, one point would
    only draw an axis around itself (64.000.000–65.000.000).

    >>> history_years({"labels": ["2022", "2023"], "datasets": [{"data": [None, 64.5]}, {"data": [None, 65.0]}]})
    1
    """
    return sum(1 for i in range(len(chart["labels"])) if any(d["data"][i] is not None for d in chart["datasets"]))


def _with_forecast(chart: dict, plans, ind, years) -> dict:
    from .term import anticipated_paths  # the term review module reads this module's neighbours

    chart["datasets"] += anticipated_paths(plans, ind, years)
    return chart


@signed_in
def indicator(request, unit_id: int, indicator_id: int):
    unit = readable_commune(request, unit_id)
    ind = get_object_or_404(Indicator.objects.select_related("field"), pk=indicator_id)
    plans = list(selection.plans_of(request.user, unit))
    for p in plans:
        p.targets_here = [t for t in p.targets.all() if t.indicator_id == ind.pk]
    plans = [p for p in plans if p.targets_here]
    actuals = list(
        perms.readable_actuals(request.user, Actual.objects.filter(unit=unit, indicator=ind))
        .select_related("period", "updated_by").order_by("period__ends_on", "period__kind")
    )
    years = sorted({y for p in plans for y in p.years} | {a.period.year for a in actuals})
    history = queries.actual_history(request.user, unit, ind)
    by_pk = {a.pk: a for a in actuals}
    chart = _with_forecast(_history_chart(plans, actuals, years), plans, ind, years) if years else None
    ctx = {
        "unit": unit, "indicator": ind, "plans": plans, "actuals": actuals, "title": ind.name,
        "chart": chart if chart and history_years(chart) >= 2 else None,
        "chart_years": history_years(chart) if chart else 0,
        "compare_province": unit.parent if unit.parent_id and may_compare(request.user, unit.parent) else None,
        "history": [{"entry": e, "action": ACTIONS.get(e.action, e.action), "actual": by_pk.get(e.object_id),
                     "changes": _changes(e)}
                    for e in history],
        "history_allowed": perms.can_read_history(request.user, unit), "export_links": export.links(request),
    }
    fmt = export.wanted(request)
    if fmt:
        return export.download(fmt, f"chi-tieu-{unit.code}-{ind.code[:40]}", indicator_tables(ctx), heading=f"{unit} — {ind}")
    return page(request, "analytics/indicator.html", ctx)


def indicator_tables(ctx: dict) -> list:
    """The indicator page's tables: its targets in the plans, its figures by period, the change log."""
    targets = [[p.title, t.year or "cả nhiệm kỳ", t.get_source_display(), t.text] for p in ctx["plans"] for t in p.targets_here]
    figures = [[a.period.label, a.text, so_lieu(a.value, ctx["indicator"].decimals), "ước" if a.is_estimate else "chính thức", a.get_status_display(),
                a.source_note] for a in ctx["actuals"]]
    tables = [export.Table("Chỉ tiêu", ["Kế hoạch", "Năm", "Nguồn", "Chỉ tiêu (như đã ghi)"], targets),
              export.Table("Số liệu thực hiện", ["Kỳ", "Số liệu", "Giá trị", "Loại", "Trạng thái", "Nguồn"], figures)]
    if ctx["history_allowed"]:
        log = [[timezone.localtime(h["entry"].at).strftime("%H:%M %d/%m/%Y"),
                (h["entry"].user.get_full_name() or h["entry"].user.username) if h["entry"].user else "—",
                h["actual"].period.label if h["actual"] else "", h["action"],
                "; ".join(f"{k}: {'' if old is None else f'{old} → '}{new}" for k, old, new in h["changes"]),
                h["entry"].comment] for h in ctx["history"]]
        tables.append(export.Table("Lịch sử thay đổi", ["Lúc", "Người", "Kỳ", "Thao tác", "Thay đổi", "Ý kiến"], log))
    return tables
