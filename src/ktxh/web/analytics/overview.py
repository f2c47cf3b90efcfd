"""The province overview: communes side by side for a period, and their reporting discipline."""

from __future__ import annotations

from collections import defaultdict

from django.shortcuts import get_object_or_404
from django.utils import timezone

from ktxh.core.model import Status
from ktxh.core.numbers import format_number
from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Role
from ktxh.web.analytics import rollup
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Plan
from ktxh.web.metadata.units.models import AdminUnit, Level
from ktxh.web.ui.pages import badge, page, signed_in
from ktxh.web.ui.params import int_param

from . import queries, term


def _counts(user, prov, period, communes, shown) -> dict[int, dict]:
    """Each commune's status counts, from the roll-up (one cached statement for the province).

    The roll-up picks each commune's plan among all its plans; a user who may not read some
    (a draft plan of another commune, for its leader or officer) is shown another plan: those
    few communes are evaluated apart, so nobody sees counts of a plan they may not read."""
    counts = rollup.commune_counts(period, province=prov)
    s = perms.scope(user)
    if s.is_superuser or s.role == Role.PLANNER:  # they read every plan of the province
        return counts
    every: dict[int, list] = defaultdict(list)
    for plan in Plan.objects.filter(unit__in=communes):
        every[plan.unit_id].append(plan)
    counts = dict(counts)
    for c in communes:
        if shown[c.pk] != selection.plan_for(user, c, period.year, plans=every[c.pk]):
            result = evaluate_plan(shown[c.pk], period) if shown[c.pk] is not None else None
            counts[c.pk] = result.counts if result else None
    return counts


@signed_in
def province(request, unit_id: int):
    prov = get_object_or_404(AdminUnit, pk=unit_id, level=Level.PROVINCE)
    perms.require(perms.can_read_province(request.user, prov), f"Bạn không được xem tổng hợp của {prov}.")
    periods, default = queries.overview_periods(prov)
    period = queries.pick_period(periods, int_param(request, "ky"), default)
    ctx = {"province": prov, "periods": periods, "period": period, "title": f"Toàn tỉnh: {prov.name}",
           "statuses": [badge(s) for s in Status]}
    if period is None:
        return page(request, "analytics/province.html", ctx)
    today = timezone.localdate()
    communes = selection.communes(prov, on=period.ends_on)
    plans = selection.plans_by_unit(request.user, communes)
    shown = {c.pk: selection.plan_for(request.user, c, period.year, plans=plans[c.pk]) for c in communes}
    counts = _counts(request.user, prov, period, communes, shown)
    terms = {c.pk: selection.term_plan(plans[c.pk], period.year) for c in communes}
    at_risk = term.at_risk_many(p for p in terms.values() if p is not None)
    reported = queries.reporting(request.user, queries.wanted(shown, period), period, today)
    lines, fields = [], {}
    for c in communes:
        n = counts.get(c.pk) or {s: 0 for s in Status}
        term_plan = terms[c.pk]
        lines.append({"unit": c, "plan": shown[c.pk], "counts": [n[s] for s in Status], "total": sum(n.values()),
                      "term_plan": term_plan, "at_risk": at_risk[term_plan.pk] if term_plan else None,
                      "reporting": reported[c.pk]})
        for f in reported[c.pk]["by_field"].values():
            fields[f["field"].pk] = f["field"]
    fields = sorted(fields.values(), key=lambda f: (f.order, f.name))
    shares = {}  # the same few shares (0,0%, 100,0%) on every line: each formatted once by the core
    for line in lines:
        line["fields"] = [line["reporting"]["by_field"].get(f.pk) for f in fields]
        for r in (line["reporting"], *filter(None, line["fields"])):
            if r["share"] is not None and r["share"] not in shares:
                shares[r["share"]] = format_number(r["share"], 1)
            r["share_text"] = shares.get(r["share"])
    ctx.update(
        lines=lines, fields=fields, today=today,
        chart={"communes": [line["unit"].name for line in lines],
               "statuses": [{"value": s.value, "label": s.label} for s in Status],
               "counts": {s.value: [line["counts"][i] for line in lines] for i, s in enumerate(Status)}},
    )
    return page(request, "analytics/province.html", ctx)
