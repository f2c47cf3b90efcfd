"""The province overview: communes side by side for a period, and their reporting discipline."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone

from ktxh.core.model import Status
from ktxh.web.accounts import permissions as perms
from ktxh.web.tracking.evaluation import evaluate_plan
from ktxh.web.units.models import AdminUnit, Level

from . import queries, term
from .common import badge, page, signed_in


def _may_see(user, province) -> bool:
    s = perms.scope(user)
    return s.is_superuser or (s.province is not None and s.province.pk == province.pk)


@signed_in
def province(request, unit_id: int):
    prov = get_object_or_404(AdminUnit, pk=unit_id, level=Level.PROVINCE)
    perms.require(_may_see(request.user, prov), f"Bạn không được xem tổng hợp của {prov}.")
    periods, default = queries.overview_periods(prov)
    period = queries.pick_period(periods, request.GET.get("ky"), default)
    ctx = {"province": prov, "periods": periods, "period": period, "title": f"Toàn tỉnh: {prov.name}",
           "statuses": [badge(s) for s in Status]}
    if period is None:
        return page(request, "dashboard/province.html", ctx)
    today = timezone.localdate()
    communes = queries.communes(prov)
    plans = queries.plans_by_unit(request.user, communes)
    lines, fields = [], {}
    for c in communes:
        plan = queries.plan_for(request.user, c, period.year, plans=plans[c.pk])
        result = evaluate_plan(plan, period) if plan is not None else None
        counts = result.counts if result else {s: 0 for s in Status}
        term_plan = term.term_plan(plans[c.pk], period.year)
        lines.append({"unit": c, "plan": plan, "counts": [counts[s] for s in Status], "total": sum(counts.values()),
                      "rows": result.rows if result else [], "term_plan": term_plan,
                      "at_risk": term.at_risk(term_plan) if term_plan else None})
    reported = queries.reporting(request.user, [(line["unit"], line.pop("rows")) for line in lines], period, today)
    for line in lines:
        line["reporting"] = reported[line["unit"].pk]
        for f in line["reporting"]["by_field"].values():
            fields[f["field"].pk] = f["field"]
    fields = sorted(fields.values(), key=lambda f: (f.order, f.name))
    for line in lines:
        line["fields"] = [line["reporting"]["by_field"].get(f.pk) for f in fields]
    ctx.update(
        lines=lines, fields=fields, today=today,
        chart={"communes": [line["unit"].name for line in lines],
               "statuses": [{"value": s.value, "label": s.label} for s in Status],
               "counts": {s.value: [line["counts"][i] for line in lines] for i, s in enumerate(Status)}},
    )
    return page(request, "dashboard/province.html", ctx)
