"""Data entry for an officer's fields, one form per period; the reviewers' queue.

Every step goes through ``tracking.workflow`` (permissions, the core's number reader,
versions, audit); the form adds the checks between figures of ``validation`` first.
A save is one transaction: all the figures of the form, or none.
"""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone

from ktxh.core.numbers import format_number
from ktxh.web.accounts import permissions as perms
from ktxh.web.data.audit import audit
from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period, PeriodKind
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Aggregation, Indicator, Target
from ktxh.web.ui import export
from ktxh.web.ui.pages import badge, page, signed_in
from ktxh.web.ui.params import int_param, pairs_param
from ktxh.web.ui.templatetags.vi import phan_tram, so_lieu

from . import periods as tracking_periods
from . import todo, validation
from .forms import EntryRowForm, ReturnForm


def _officer_unit(user):
    s = perms.scope(user)
    perms.require(perms.enters_figures(user), "Chỉ công chức xã, phường được giao lĩnh vực mới nhập số liệu.")
    return s.unit, s.field_ids


@signed_in
def index(request):
    """The officer's home: what is due (with the commune's deadline), what was returned, and
    every period of the plans."""
    unit, field_ids = _officer_unit(request.user)
    plans = list(selection.plans_of(request.user, unit))
    today = timezone.localdate()
    opened = {p for plan in plans for p in tracking_periods.plan_periods(plan, today)}  # as the dashboard opens them
    periods = sorted((p for p in opened if p.kind != PeriodKind.TERM), key=lambda p: (p.ends_on, p.kind), reverse=True)
    counts = {}
    for a in Actual.objects.filter(unit=unit, period__in=periods).values_list("period_id", "status"):
        counts.setdefault(a[0], {}).setdefault(a[1], 0)
        counts[a[0]][a[1]] += 1
    rows = [{"period": p, "counts": [(label, counts.get(p.pk, {}).get(v, 0)) for v, label in ActualStatus.choices]}
            for p in periods]
    due = [{"due": d, "left": d.days_left(today)} for d in todo.due_for(request.user, unit, field_ids, today)]
    return page(request, "tracking/entry_index.html", {
        "title": "Việc cần làm", "unit": unit, "rows": rows, "due": due,
        "returned": list(todo.returned_for(unit, field_ids)[:50]), "today": today})


@signed_in
def reading(request):
    """How the core reads a figure being typed, for the entry form's preview: {"ok", "reading"}
    ("99.7" in % → "99,7%") or {"ok": false, "error"}; nothing is saved."""
    indicator = Indicator.objects.filter(pk=int_param(request, "indicator") or 0).first()
    text = request.GET.get("text", "")[:200]
    if indicator is None:
        return JsonResponse({"ok": False, "error": f"Không có chỉ tiêu mã “{request.GET.get('indicator', '')}”."})
    if not text.strip():
        return JsonResponse({"ok": True, "reading": ""})
    try:
        value = workflow.read_value(text, indicator)
    except workflow.WorkflowError as exc:
        return JsonResponse({"ok": False, "error": exc.message})
    return JsonResponse({"ok": True, "reading": _reading(value, indicator, text)})


def _reading(value, indicator, text: str) -> str:
    if value is None:
        return f"ghi nhận “{text.strip()}” (kết quả định tính)"
    return "đọc là " + format_number(value, unit=indicator.unit or None)


class Row:
    """One indicator of the form: its targets, its figure, the last earlier one, its form."""

    def __init__(self, indicator, targets, actual, previous, data=None):
        self.indicator, self.targets, self.actual, self.previous = indicator, targets, actual, previous
        initial = {"version": actual.version if actual else 0}
        if actual:
            initial.update(text=actual.text, is_estimate=actual.is_estimate, source_note=actual.source_note)
        self.form = EntryRowForm(data, prefix=f"i{indicator.pk}", initial=initial)
        self.warning = ""
        self.value = None
        self.reading = _reading(actual.value, indicator, actual.text) if actual else ""

    @property
    def editable(self) -> bool:
        return self.actual is None or self.actual.status in workflow.EDITABLE

    def changed(self) -> bool:
        d = self.form.cleaned_data
        if not d["text"].strip():
            return False
        if self.actual is None:
            return True
        return (d["text"].strip(), d["is_estimate"], d["source_note"]) != (
            self.actual.text, self.actual.is_estimate, self.actual.source_note)


def _rows(user, unit, field_ids, period, data=None) -> list[Row]:
    plans = [p for p in selection.plans_of(user, unit) if period.year in p.years]
    targets = Target.objects.filter(plan__in=plans, indicator__field_id__in=field_ids).select_related("indicator", "indicator__field")
    by_indicator: dict = {}
    for t in targets:
        if t.year in (None, period.year):
            by_indicator.setdefault(t.indicator, []).append(t)
    ids = [i.pk for i in by_indicator]
    actuals = {a.indicator_id: a for a in Actual.objects.filter(unit=unit, period=period, indicator_id__in=ids)}
    previous = {}
    for a in (Actual.objects.filter(unit=unit, indicator_id__in=ids, period__kind=period.kind,
                                    period__ends_on__lt=period.ends_on, value__isnull=False)
              .select_related("period").order_by("period__ends_on")):
        previous[a.indicator_id] = a  # the latest earlier one wins
    ordered = sorted(by_indicator, key=lambda i: (i.field.order, i.field.name, i.name))
    return [Row(i, by_indicator[i], actuals.get(i.pk), previous.get(i.pk), data) for i in ordered]


def _figure(row: Row, value) -> validation.Figure:
    prev = row.previous
    return validation.Figure(row.indicator.pk, row.indicator.name, row.indicator.unit, value,
                             prev.value if prev else None, prev.period.label if prev else "")


def _check(unit, period, changed: list[Row]) -> bool:
    """Read each changed figure with the core, then the rules between figures; errors go beside
    their field. True when the form may be saved."""
    ok = True
    for r in changed:
        if not r.editable:
            r.form.add_error("text", f"Số liệu đang ở trạng thái “{r.actual.get_status_display()}”, không sửa được.")
            ok = False
            continue
        try:
            r.value = workflow.read_value(r.form.cleaned_data["text"], r.indicator)
        except workflow.WorkflowError as exc:
            r.form.add_error("text", exc.message)
            ok = False
    if not ok:
        return False
    entered = [_figure(r, r.value) for r in changed]
    keys = {r.indicator.pk for r in changed}
    stored = [validation.Figure(a.indicator_id, a.indicator.name, a.indicator.unit, a.value)
              for a in Actual.objects.filter(unit=unit, period=period).select_related("indicator")
              if a.indicator_id not in keys]
    pairs = list(Indicator.objects.filter(aggregation=Aggregation.RATE, numerator__isnull=False, denominator__isnull=False)
                 .values_list("numerator_id", "denominator_id"))
    by_key = {r.indicator.pk: r for r in changed}
    for problem in validation.check(entered, stored, pairs):
        r = by_key[problem.key]
        d = r.form.cleaned_data
        if problem.blocking:
            r.form.add_error("text", problem.message)
            ok = False
        elif not d["confirm"]:
            r.warning = problem.message
            ok = False
        elif not d["confirm_comment"].strip():
            r.warning = problem.message
            r.form.add_error("confirm_comment", "Ghi lý do xác nhận số liệu bất thường.")
            ok = False
        else:
            r.warning = problem.message  # confirmed: recorded with the save
    return ok


def _save(user, unit, period, changed: list[Row]) -> list[Actual]:
    saved = []
    with transaction.atomic():
        for r in changed:
            d = r.form.cleaned_data
            actual = workflow.enter(user, unit=unit, indicator=r.indicator, period=period, text=d["text"],
                                    is_estimate=d["is_estimate"], source_note=d["source_note"].strip(),
                                    version=d["version"] if r.actual else None)
            if r.warning and d["confirm"]:
                audit.record(actual, "confirm", user, {}, unit=unit, comment=f"{r.warning} Lý do: {d['confirm_comment'].strip()}")
            r.actual = actual
            saved.append(actual)
    return saved


def _submit(user, rows: list[Row], just_saved: set[int]) -> int:
    n = 0
    with transaction.atomic():
        for r in rows:
            if r.actual is None or r.actual.status not in workflow.EDITABLE:
                continue
            version = r.actual.version if r.actual.pk in just_saved else r.form.cleaned_data["version"]
            r.actual = workflow.submit(user, r.actual, version=version)
            n += 1
    return n


@signed_in
def form(request, period_id: int):
    unit, field_ids = _officer_unit(request.user)
    period = get_object_or_404(Period, pk=period_id)
    data = request.POST if request.method == "POST" else None
    rows = _rows(request.user, unit, field_ids, period, data)
    ctx = {"title": f"Nhập số liệu {period.label}", "unit": unit, "period": period, "rows": rows}
    if data is None:
        return page(request, "tracking/entry.html", ctx)
    if not all(r.form.is_valid() for r in rows):
        return page(request, "tracking/entry.html", ctx)
    changed = [r for r in rows if r.changed()]
    if not _check(unit, period, changed):
        ctx["failed"] = True
        return page(request, "tracking/entry.html", ctx)
    try:
        saved = _save(request.user, unit, period, changed)
        sent = _submit(request.user, rows, {a.pk for a in saved}) if request.POST.get("action") == "gui" else 0
    except workflow.WorkflowError as exc:
        for r in rows:  # nothing was kept: show the message beside the figure it names, or on top
            if r.indicator.name in exc.message:
                r.form.add_error(None, exc.message)
                break
        else:
            messages.error(request, exc.message)
        ctx["failed"] = True
        return page(request, "tracking/entry.html", ctx)
    note = f"Đã lưu {len(saved)} số liệu" + (f", đã gửi duyệt {sent} số liệu" if sent else "") + "."
    messages.success(request, note)
    return redirect("tracking:entry", period.pk)


def _approve_many(request) -> None:
    """Approve the ticked figures ("id:version" each) in one transaction: all, or none."""
    picked = pairs_param(request, "chon")
    if not picked:
        messages.error(request, "Chưa chọn số liệu nào để duyệt.")
        return
    actuals = Actual.objects.select_related("unit", "unit__parent", "indicator", "period").in_bulk([pk for pk, _ in picked])
    try:
        with transaction.atomic():
            for pk, version in picked:
                if pk not in actuals:
                    raise workflow.WorkflowError("Có số liệu đã chọn không còn nữa; hãy tải lại trang.")
                workflow.approve(request.user, actuals[pk], version=version)
    except workflow.WorkflowError as exc:
        messages.error(request, f"Chưa duyệt số liệu nào: {exc.message}")
        return
    messages.success(request, f"Đã duyệt {len(picked)} số liệu.")


# How a waiting figure measures against its plan: ``judge(user, actuals) -> {actual id: waiting}``,
# each with ``target``, ``evaluation`` (the core's) and ``previous`` (the figure before it). The
# analytics app registers it when it starts; tracking stands below analytics and cannot import it.
_judge: list = []


def register_judge(judge) -> None:
    _judge[:] = [judge]


@signed_in
def queue(request):
    perms.require(perms.reviews_figures(request.user), "Chỉ lãnh đạo xã, phường và cán bộ kế hoạch tỉnh duyệt số liệu.")
    if request.method == "POST":
        _approve_many(request)
        return redirect("tracking:queue")
    qs = (perms.readable_actuals(request.user, Actual.objects.filter(status=ActualStatus.SUBMITTED))
          .select_related("unit", "unit__parent", "indicator", "period", "updated_by")
          .order_by("unit__name", "period__ends_on", "indicator__field__order", "indicator__name"))
    items = [a for a in qs if perms.can_review(request.user, a.unit)]
    judged = _judge[0](request.user, items) if _judge else {}
    rows = [_queue_row(a, judged.get(a.pk)) for a in items]
    fmt = export.wanted(request)
    if fmt:
        return export.download(fmt, "cho-duyet", [export.Table("Chờ duyệt", QUEUE_HEADER, queue_rows(rows))],
                               heading=f"Số liệu chờ duyệt — {timezone.localtime():%H:%M %d/%m/%Y}")
    return page(request, "tracking/queue.html", {"title": "Số liệu chờ duyệt", "items": items, "rows": rows,
                                                 "return_form": ReturnForm(), "export_links": export.links(request)})


QUEUE_HEADER = ["Xã, phường", "Kỳ", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Mức kế hoạch", "Số liệu", "Ước",
                "% kế hoạch", "Đánh giá", "So với kỳ trước", "Kỳ trước", "Người gửi", "Gửi lúc"]


def queue_rows(rows: list[dict]) -> list[list]:
    """The queue's rows, cell for cell as the page shows them."""
    out = []
    for r in rows:
        a, ev, prev = r["a"], r["evaluation"], r["previous"]
        sender = (a.updated_by.get_full_name() or a.updated_by.username) if a.updated_by else ""
        out.append([str(a.unit), a.period.label, a.indicator.name, a.indicator.unit, r["target"].text if r["target"] else "",
                    so_lieu(ev.plan_value, a.indicator.decimals) if ev else "", a.text, "ước" if a.is_estimate else "",
                    phan_tram(ev.percent_of_plan) if ev else "", r["badge"]["label"] if r["badge"] else "",
                    r["change"], f"{prev.period.label}: {so_lieu(prev.value, a.indicator.decimals)}" if prev else "", sender,
                    f"{timezone.localtime(a.updated_at):%H:%M %d/%m/%Y}"])
    return out


def _change(w, unit: str) -> str:
    """The change from the period before: "+1.200 tấn", "−0,5 điểm %"; empty without one."""
    ch = w.change if w else None
    if ch is None:
        return ""
    sign = "+" if ch > 0 else ("−" if ch < 0 else "±")
    text = format_number(abs(ch).normalize(), unit=None)
    return f"{sign}{text} {'điểm %' if unit == '%' else unit}".rstrip()


def _queue_row(a: Actual, w) -> dict:
    ev = w.evaluation if w else None
    return {"a": a, "w": w, "target": w.target if w else None, "evaluation": ev,
            "badge": badge(ev.status) if ev else None, "previous": w.previous if w else None,
            "change": _change(w, a.indicator.unit), "reading": _reading(a.value, a.indicator, a.text)}


@signed_in
def review(request, actual_id: int):
    if request.method != "POST":
        return redirect("tracking:queue")
    actual = get_object_or_404(Actual.objects.select_related("unit", "unit__parent", "indicator", "period"), pk=actual_id)
    perms.require(perms.can_review(request.user, actual.unit), f"Bạn không được duyệt số liệu của {actual.unit}.")
    version = int_param(request, "version", post=True, maximum=2**31 - 1)
    try:
        if request.POST.get("action") == "tra-lai":
            f = ReturnForm(request.POST)
            if not f.is_valid():
                messages.error(request, f"“{actual.indicator.name}”: " + " ".join(f.errors["comment"]))
                return redirect("tracking:queue")
            workflow.return_(request.user, actual, version=version, comment=f.cleaned_data["comment"])
            messages.success(request, f"Đã trả lại số liệu “{actual.indicator.name}” {actual.period.label} của {actual.unit}.")
        else:
            workflow.approve(request.user, actual, version=version)
            messages.success(request, f"Đã duyệt số liệu “{actual.indicator.name}” {actual.period.label} của {actual.unit}.")
    except workflow.WorkflowError as exc:
        messages.error(request, exc.message)
    return redirect("tracking:queue")
