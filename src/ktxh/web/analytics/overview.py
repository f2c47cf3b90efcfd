"""The province overview: communes side by side for a period, and their reporting discipline.

The communes' counts come from the analytics tables (``CommuneCount``, kept by ``tables``):
the page sorts (``?sap_xep=``) and pages (``?trang=``) in the database, and works in Python
only for the communes of its page, so its queries and its work do not grow with the
province. ``?dinh_dang=csv`` / ``xlsx`` exports the whole table.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from django.contrib import messages
from django.core.cache import cache
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db.models import Count, F, FilteredRelation, Q
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ktxh.core.model import Status
from ktxh.core.numbers import format_number
from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Membership, Role
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period, PeriodKind
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Field, Plan
from ktxh.web.metadata.units.models import AdminUnit, Level
from ktxh.web.ui import export as export_file
from ktxh.web.ui.pages import badge, page, signed_in
from ktxh.web.ui.params import int_param

from . import queries, tables, term
from .models import STATUS_COLUMNS, CommuneCount, Reminder, Stamp

PAGE_SIZE = 50
CACHE_SECONDS = 3600
# ?sap_xep= keys: the commune's name, then its counts ("-" first: largest first)
SORTS = {"ten": "name", "tong": "n_total", **{s.value: f"n_{s.value}" for s in Status}}
COLUMNS = ("total", *STATUS_COLUMNS)


def _may_remind(user, province) -> bool:
    s = perms.scope(user)
    return s.is_superuser or (s.role == Role.PLANNER and s.province is not None and s.province.pk == province.pk)


# -- periods -----------------------------------------------------------------------------------------

def period_counts(province) -> dict[int, int]:
    """Approved figures of the province's communes per period (terms aside), cached until a
    figure changes (the roll-up's stamps, one small query)."""
    stamps = hashlib.blake2b(repr(sorted(Stamp.objects.values_list("key", "generation"))).encode(), digest_size=8)
    key = f"ktxh:overview:periods:{province.pk}:{stamps.hexdigest()}"
    counts = cache.get(key)
    if counts is None:
        counts = dict(
            Actual.objects.filter(unit__parent=province, status=ActualStatus.APPROVED)
            .exclude(period__kind=PeriodKind.TERM)
            .values_list("period_id").annotate(n=Count("pk")).values_list("period_id", "n")
        )
        cache.set(key, counts, CACHE_SECONDS)
    return counts


def overview_periods(province) -> tuple[list[Period], Period | None, dict[int, int]]:
    """Periods (not terms), latest first; the default is the latest with an approved figure
    that a commune's plan counts (a year before a quarter ending the same day), else the latest
    with an approved figure, else the latest; the counts per period.

    Approved figures alone do not make a period worth opening: the demo's figures of the
    current year have no plan yet, and an overview opened on them reads 0 targets everywhere.
    The candidates' tables are built (``tables.ensure``, kept afterwards) until one counts."""
    periods = list(Period.objects.exclude(kind=PeriodKind.TERM).order_by("-ends_on", "kind"))
    counts = period_counts(province)
    dated = sorted((p for p in periods if counts.get(p.pk)), key=lambda p: (p.ends_on, p.kind == PeriodKind.YEAR),
                   reverse=True)
    default = next((p for p in dated if _counted(p, province)), dated[0] if dated else None)
    return periods, default or (periods[0] if periods else None), counts


def _counted(period: Period, province) -> bool:
    """Whether any commune's plan counts a target in ``period`` (the overview's "Số chỉ tiêu" > 0)."""
    tables.ensure(period, province)
    return CommuneCount.objects.filter(period=period, province=province, field__isnull=True, total__gt=0).exists()


# -- the table ---------------------------------------------------------------------------------------

def communes_sorted(province, period: Period, sort: str):
    """The communes standing at the period's end with their counts, sorted in the database."""
    key = sort.removeprefix("-")
    column = SORTS.get(key, "name")
    descending = sort.startswith("-")
    here = Q(analytics_counts__period=period, analytics_counts__field__isnull=True)
    qs = (AdminUnit.objects.standing(period.ends_on).filter(parent=province, level=Level.COMMUNE)
          .annotate(c=FilteredRelation("analytics_counts", condition=here))
          .annotate(**{f"n_{col}": Coalesce(F(f"c__{col}"), 0) for col in COLUMNS}))
    order = F(column).desc() if descending else F(column).asc()
    return qs.order_by(order, "name", "pk")


def _shown_counts(user, communes, shown: dict, period: Period) -> dict[int, dict]:
    """Each commune's counts: the table's, except where the user may not read the plan the
    table counts (a draft of another commune, for its leader or officer): that commune is
    evaluated apart on the plan the user sees, so nobody sees counts of a plan they may not read."""
    counts = {c.pk: {s: getattr(c, f"n_{s.value}") for s in Status} for c in communes}
    s = perms.scope(user)
    if s.is_superuser or s.role == Role.PLANNER:  # they read every plan of the province
        return counts
    every: dict[int, list] = defaultdict(list)
    for plan in Plan.objects.filter(unit__in=communes):
        every[plan.unit_id].append(plan)
    for c in communes:
        if shown[c.pk] != selection.choose_plan(every[c.pk], period.year):
            result = evaluate_plan(shown[c.pk], period) if shown[c.pk] is not None else None
            counts[c.pk] = result.counts if result else {st: 0 for st in Status}
    return counts


def _format_shares(lines) -> None:
    shares = {}  # the same few shares (0,0%, 100,0%) on every line: each formatted once by the core
    for line in lines:
        for r in (line["reporting"], *filter(None, line["fields"])):
            if r["share"] is not None and r["share"] not in shares:
                shares[r["share"]] = format_number(r["share"], 1)
            r["share_text"] = shares.get(r["share"])


def lines_for(user, period: Period, communes: list, fields: list, today) -> list[dict]:
    """One line per commune of ``communes`` (a page): counts, term review, reporting."""
    plans = selection.plans_by_unit(user, communes)
    shown = {c.pk: selection.plan_for(user, c, period.year, plans=plans[c.pk]) for c in communes}
    counts = _shown_counts(user, communes, shown, period)
    terms = {c.pk: selection.term_plan(plans[c.pk], period.year) for c in communes}
    at_risk = term.at_risk_many(p for p in terms.values() if p is not None)
    reported = queries.reporting(user, queries.wanted(shown, period), period, today)
    reminded = {}
    for unit_id, at in Reminder.objects.filter(period=period, unit__in=communes).values_list("unit_id", "sent_at"):
        reminded[unit_id] = max(at, reminded.get(unit_id, at))
    lines = []
    for c in communes:
        n = counts[c.pk]
        term_plan = terms[c.pk]
        lines.append({"unit": c, "plan": shown[c.pk], "counts": [n[s] for s in Status], "total": sum(n.values()),
                      "term_plan": term_plan, "at_risk": at_risk[term_plan.pk] if term_plan else None,
                      "reporting": reported[c.pk], "reminded": reminded.get(c.pk),
                      "fields": [reported[c.pk]["by_field"].get(f.pk) for f in fields]})
    _format_shares(lines)
    return lines


def fields_of(province, period: Period) -> list[Field]:
    """The fields some commune of the province has targets of in the period (from the tables)."""
    ids = (CommuneCount.objects.filter(period=period, province=province, field__isnull=False)
           .values("field_id").distinct())
    return list(Field.objects.filter(pk__in=ids).order_by("order", "name"))


def _sort_links(request, sort: str) -> dict[str, str]:
    """For each column key, the ?sap_xep= a click on its heading asks for (the other way round
    when the table is sorted by it already)."""
    out = {}
    for key in SORTS:
        first = key if key == "ten" else f"-{key}"  # names A to Z, counts largest first
        other = first.removeprefix("-") if first.startswith("-") else f"-{first}"
        wanted = other if sort == first else first
        params = request.GET.copy()
        params["sap_xep"] = wanted
        params.pop("trang", None)
        out[key] = "?" + params.urlencode()
    return out


@signed_in
def province(request, unit_id: int):
    prov = get_object_or_404(AdminUnit, pk=unit_id, level=Level.PROVINCE)
    perms.require(perms.can_read_province(request.user, prov), f"Bạn không được xem tổng hợp của {prov}.")
    periods, default, per_period = overview_periods(prov)
    period = queries.pick_period(periods, int_param(request, "ky"), default)
    ctx = {"province": prov, "periods": [(p, per_period.get(p.pk, 0)) for p in periods], "period": period,
           "title": f"Toàn tỉnh: {prov}", "statuses": [badge(s) for s in Status]}
    if period is None:
        return page(request, "analytics/province.html", ctx)
    tables.ensure(period, prov)
    sort = request.GET.get("sap_xep", "ten").strip()
    sort = sort if sort.removeprefix("-") in SORTS else "ten"
    qs = communes_sorted(prov, period, sort)
    today = timezone.localdate()
    fields = fields_of(prov, period)
    fmt = request.GET.get("dinh_dang", "")
    if fmt in ("csv", "xlsx"):
        return export(fmt, prov, period, lines_for(request.user, period, list(qs), fields, today), fields)
    links = _sort_links(request, sort)
    paged = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("trang"))
    lines = lines_for(request.user, period, list(paged.object_list), fields, today)
    params = request.GET.copy()
    params.pop("trang", None)
    ctx.update(
        lines=lines, fields=fields, today=today, paged=paged, sort=sort, sort_links=links,
        statuses=[{**badge(s), "link": links[s.value], "current": sort.removeprefix("-") == s.value} for s in Status],
        query=params.urlencode(), may_remind=_may_remind(request.user, prov),
        chart={"communes": [line["unit"].name for line in lines],
               "statuses": [{"value": s.value, "label": s.label} for s in Status],
               "counts": {s.value: [line["counts"][i] for line in lines] for i, s in enumerate(Status)}},
    )
    return page(request, "analytics/province.html", ctx)


# -- export ------------------------------------------------------------------------------------------

def _table(lines: list[dict], fields: list[Field]) -> tuple[list[str], list[list]]:
    head = ["Mã", "Xã, phường", "Số chỉ tiêu", *[s.label.capitalize() for s in Status],
            "Nhiệm kỳ: có thể không đạt", "Đã gửi", "Đã duyệt", "Số chỉ tiêu phải báo cáo", "Đầy đủ (%)",
            *[f"{f.name} (%)" for f in fields], "Tình trạng"]
    rows = []
    for line in lines:
        r = line["reporting"]
        rows.append([line["unit"].code, str(line["unit"]), line["total"], *line["counts"], line["at_risk"],
                     r["sent"], r["approved"], r["total"], r["share"],
                     *[(f["share"] if f else None) for f in line["fields"]], r["state"]])
    return head, rows


def export(fmt: str, prov, period: Period, lines: list[dict], fields: list[Field]) -> HttpResponse:
    """The whole table (every commune, in the page's order) as CSV or .xlsx (``ui.export``)."""
    head, rows = _table(lines, fields)
    return export_file.download(fmt, f"tong-hop-{prov.code}-{period.code}", [export_file.Table("Tổng hợp", head, rows)],
                                heading=f"{prov} — {period.label}")


# -- reminders ---------------------------------------------------------------------------------------

@signed_in
@require_POST
def remind(request, unit_id: int):
    """Remind a commune to send a period's figures: recorded, and mailed to its leaders and officers."""
    prov = get_object_or_404(AdminUnit, pk=unit_id, level=Level.PROVINCE)
    perms.require(_may_remind(request.user, prov), f"Bạn không được nhắc các xã, phường của {prov}.")
    commune = get_object_or_404(AdminUnit, pk=request.POST.get("xa") or 0, parent=prov, level=Level.COMMUNE)
    period = get_object_or_404(Period, pk=request.POST.get("ky") or 0)
    emails = sorted({e for e in Membership.objects.filter(unit=commune, role__in=(Role.LEADER, Role.OFFICER))
                     .values_list("user__email", flat=True) if e})
    body = (f"Kính gửi {commune},\n\n{prov} đề nghị đơn vị gửi số liệu {period.label} "
            f"(hạn gửi báo cáo {period.due_on:%d/%m/%Y}) trên hệ thống KTXH.\n\n"
            f"Người nhắc: {request.user.get_full_name() or request.user.username}.")
    if emails:
        send_mail(f"Nhắc gửi số liệu {period.label}", body, None, emails)
    Reminder.objects.create(period=period, unit=commune, sent_by=request.user, recipients=", ".join(emails))
    messages.success(request, f"Đã nhắc {commune} gửi số liệu {period.label}"
                              + (f" (thư tới {', '.join(emails)})." if emails else " (xã chưa có địa chỉ thư nào)."))
    back = request.POST.get("tiep", "")
    if not back.startswith("?"):
        back = f"?ky={period.pk}"
    return redirect(reverse("analytics:province", args=[prov.pk]) + back)
