"""Term reviews in the pages (issue 9): each term target's progress, pace and outlook.

The computation is the core's (``ktxh.core.review``); this module only gathers each term
target's series from the approved yearly figures: the base is the year before the term
(2020 for 2021–2025), the values the term's years so far, the deadline its last year.
"""

from __future__ import annotations

from collections import defaultdict

from ktxh.core import review as core_review
from ktxh.core.errors import KtxhError
from ktxh.core.review import Outlook, TermKind, TermSeries
from ktxh.web.data.tracking.models import Actual, ActualStatus, PeriodKind
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import PlanKind, Target
from ktxh.web.ui import export
from ktxh.web.ui.pages import page, readable_commune, signed_in
from ktxh.web.ui.params import int_param
from ktxh.web.ui.templatetags.vi import phan_tram, so, so_lieu

OUTLOOK_STYLE = {  # colour with a sign and the words, as the status badges
    Outlook.DA_DAT: ("vuot", "✓✓"),
    Outlook.CO_KHA_NANG_DAT: ("dat", "✓"),
    Outlook.KHO_DAT: ("co-ban-dat", "!"),
    Outlook.KHONG_THE_DAT: ("khong-dat", "✗"),
    Outlook.CHUA_DANH_GIA: ("chua-co", "–"),
}
AT_RISK = (Outlook.KHO_DAT, Outlook.KHONG_THE_DAT)


def outlook_badge(outlook: Outlook) -> dict:
    css, sign = OUTLOOK_STYLE[outlook]
    return {"value": outlook.value, "label": outlook.label, "css": css, "sign": sign}


def term_targets(plan) -> list:
    """The plan's term targets, as ``plans.selection`` decides them."""
    return selection.term_targets(plan)


def _approved_yearly(units, indicator_ids, first: int, last: int) -> dict[tuple[int, int], dict[int, object]]:
    """Approved yearly values ``{(unit_id, indicator_id): {year: value}}`` from ``first`` to ``last``."""
    qs = Actual.objects.filter(
        unit_id__in=units, indicator_id__in=indicator_ids, status=ActualStatus.APPROVED,
        period__kind=PeriodKind.YEAR, period__year__gte=first, period__year__lte=last, value__isnull=False,
    ).values_list("unit_id", "indicator_id", "period__year", "value")
    values: dict[tuple[int, int], dict[int, object]] = defaultdict(dict)
    for unit_id, indicator_id, year, value in qs:
        values[unit_id, indicator_id][year] = value
    return values


def _series(plan, targets, values) -> dict[int, TermSeries | None]:
    """Each target's series: the base year's figure, those of the term's years up to the target's
    deadline (``selection.term_deadline``). None when there is no figure at all."""
    base_year = plan.start_year - 1
    out = {}
    for t in targets:
        deadline = selection.term_deadline(t, plan) or plan.end_year
        found = {y: v for y, v in values.get((plan.unit_id, t.indicator_id), {}).items()
                 if base_year <= y <= deadline}
        base = found.pop(base_year, None)
        out[t.pk] = TermSeries(base_year, base, found, deadline, unit=t.indicator.unit or None) \
            if found or base is not None else None
    return out


def series(plan, targets) -> dict[int, TermSeries | None]:
    """Each term target's series (None when the commune has no approved yearly figure of it)."""
    values = _approved_yearly([plan.unit_id], {t.indicator_id for t in targets}, plan.start_year - 1, plan.end_year)
    return _series(plan, targets, values)


def _reviews(targets, found) -> list[tuple[object, core_review.Review]]:
    items = []
    for t in targets:
        try:
            items.append((t, t.core_target()))
        except KtxhError:
            continue  # a target the core cannot read is shown by the plan editor, not reviewed
    done = core_review.review_all((core, found[t.pk]) for t, core in items)
    return [(t, r) for (t, _), r in zip(items, done, strict=True)]


def reviews(plan) -> list[tuple[object, core_review.Review]]:
    """(target, review) for every term target of a term plan, through ``core.review.review_all``."""
    targets = term_targets(plan)
    return _reviews(targets, series(plan, targets))


def _count_at_risk(done) -> int | None:
    """How many are at risk; None when none could be judged (no figures yet): never a false 0."""
    judged = [r for _, r in done if r.outlook is not Outlook.CHUA_DANH_GIA]
    return sum(1 for r in judged if r.outlook in AT_RISK) if judged else None


def at_risk(plan) -> int | None:
    """How many of a term plan's targets are likely to be missed (khó đạt, không thể đạt); None
    when the plan has no term target judged yet."""
    return _count_at_risk(reviews(plan))


def at_risk_many(plans) -> dict[int, int | None]:
    """``at_risk`` of several term plans (the province overview's column) in two queries:
    their term targets, then the approved yearly figures of their communes."""
    plans = list(plans)
    if not plans:
        return {}
    targets: dict[int, list] = defaultdict(list)
    by_pk = {p.pk: p for p in plans}
    for t in Target.objects.filter(plan__in=plans).select_related("indicator", "indicator__field"):
        if selection.term_deadline(t, by_pk[t.plan_id]) is not None:
            targets[t.plan_id].append(t)
    values = _approved_yearly({p.unit_id for p in plans}, {t.indicator_id for ts in targets.values() for t in ts},
                              min(p.start_year for p in plans) - 1, max(p.end_year for p in plans))
    return {p.pk: _count_at_risk(_reviews(targets[p.pk], _series(p, targets[p.pk], values))) for p in plans}


@signed_in
def review_page(request, unit_id: int):
    unit = readable_commune(request, unit_id)
    plans = [p for p in selection.plans_of(request.user, unit) if p.kind == PlanKind.TERM]
    wanted = int_param(request, "ke_hoach")
    plan = next((p for p in plans if p.pk == wanted), None) or selection.term_plan(plans)
    ctx = {"unit": unit, "plans": plans, "plan": plan, "title": f"Đánh giá nhiệm kỳ {unit}"}
    if plan is not None:
        rows = [{"target": t, "review": r, "badge": outlook_badge(r.outlook), "decimals": t.indicator.decimals,
                 "scored": r.kind is not TermKind.QUALITATIVE} for t, r in reviews(plan)]
        period = f"nhiệm kỳ {plan.start_year} - {plan.end_year}"
        ctx.update(rows=rows, sentence=core_review.summary_sentence([r["review"] for r in rows], period=period),
                   counts=[(outlook_badge(o), n) for o, n in core_review.summarize(r["review"] for r in rows).items()],
                   export_links=export.links(request))
        fmt = export.wanted(request)
        if fmt:
            return export.download(fmt, f"nhiem-ky-{unit.code}-{plan.start_year}-{plan.end_year}",
                                   [export.Table("Đánh giá nhiệm kỳ", TERM_HEADER, term_rows(rows))],
                                   heading=f"{unit} — {plan.title}")
    return page(request, "analytics/term.html", ctx)


TERM_HEADER = ["Chỉ tiêu", "Mục tiêu (như đã ghi)", "Loại", "Năm gốc", "Giá trị năm gốc", "Năm mới nhất",
               "Giá trị mới nhất", "Mục tiêu", "Tiến độ", "Nhịp đã đạt", "Nhịp cần", "Dự báo cuối kỳ", "Khả năng đạt"]


def term_rows(rows: list[dict]) -> list[list]:
    """The page's table, cell for cell as it shows them (``ui.templatetags.vi``)."""
    out = []
    for row in rows:
        r = row["review"]
        goal = f"{so(r.goal_rate)}%/năm" if r.goal_rate is not None else (so_lieu(r.goal, row["decimals"]) if r.goal is not None else "")
        out.append([row["target"].indicator.name, row["target"].text, r.kind.label,
                    r.base_year if r.base_value is not None else "", so_lieu(r.base_value, row["decimals"]),
                    r.latest_year if r.latest_value is not None else "", so_lieu(r.latest_value, row["decimals"]), goal,
                    phan_tram(r.progress), so(r.pace, 2), so(r.pace_needed, 2), so(r.anticipated, row["decimals"]),
                    row["badge"]["label"]])
    return out


def anticipated_paths(plans, indicator, years: list[int]) -> list[dict]:
    """Chart datasets: from the latest figure to the value anticipated at the deadline."""
    out = []
    for plan in plans:
        if plan.kind != PlanKind.TERM:
            continue
        for t, r in reviews(plan):
            if t.indicator_id != indicator.pk or r.kind is TermKind.CUMULATIVE or r.anticipated is None \
                    or r.latest_year is None or r.deadline not in years:
                continue
            data = [None] * len(years)
            if r.latest_year in years:
                data[years.index(r.latest_year)] = float(r.latest_value)
            data[years.index(r.deadline)] = float(r.anticipated)
            out.append({"label": f"Dự báo đến năm {r.deadline} ({r.outlook.label})", "kind": "forecast",
                        "data": data})
    return out
