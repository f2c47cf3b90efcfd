"""The plan editor: a plan's indicators and targets, each target typed as Vietnamese text.

The text is read by the core (``Target.core_target`` → ``parse_target``) and shown with
``describe_target`` before it is saved, by a server round-trip ("Xem trước") or by the
small JSON endpoint ``preview`` that the page's script calls while typing. Saving and
approving go through ``plans.services`` (permissions, versions, audit).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect

from ktxh.core.errors import KtxhError
from ktxh.core.targets import describe_target
from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Role
from ktxh.web.errors import WorkflowError
from ktxh.web.metadata.plans import catalogue, selection, services
from ktxh.web.metadata.plans.models import Indicator, Plan, PlanKind, PlanStatus, Target
from ktxh.web.metadata.units.models import Level
from ktxh.web.ui import export
from ktxh.web.ui.pages import page, signed_in
from ktxh.web.ui.params import int_param

from .forms import PlanForm, TargetForm


def reading(indicator, text: str) -> dict:
    """The core's reading of ``text`` as a target of ``indicator``: a description, or the error."""
    try:
        core = Target(indicator=indicator, text=(text or "").strip()).core_target()
    except KtxhError as exc:
        return {"ok": False, "error": exc.message}
    parts = [describe_target(p) for p in core.parts]
    return {"ok": True, "description": describe_target(core), "kind": core.kind.value, "parts": parts,
            "warnings": list(core.warnings)}


@signed_in
def preview(request):
    indicator = Indicator.objects.filter(pk=int_param(request, "indicator") or 0).first()
    if indicator is None:
        return JsonResponse({"ok": False, "error": "Chọn chỉ tiêu trước khi ghi mục tiêu."}, status=400)
    return JsonResponse(reading(indicator, request.GET.get("text", "")[:500]))


def _units(user):
    s = perms.scope(user)
    if s.role in (Role.LEADER, Role.OFFICER):
        return [s.unit]
    if s.province is not None:
        return selection.communes(s.province)
    return []


@signed_in
def plans(request):
    s = perms.scope(request.user)
    perms.require(perms.works_on_plans(request.user), "Người xem không mở được trang kế hoạch.")
    units = _units(request.user)
    drafting = perms.drafts_for_own_commune(request.user)
    form = PlanForm(request.POST or None) if drafting else None
    if request.method == "POST":
        perms.require(drafting, "Bạn không được lập kế hoạch.")
        if form.is_valid():
            try:
                plan = services.create_plan(request.user, unit=s.unit, **form.cleaned_data)
            except WorkflowError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, f"Đã lập kế hoạch “{plan.title}” (dự thảo).")
                return redirect("plans:plan", plan.pk)
    listing = [(u, list(selection.plans_of(request.user, u))) for u in units]
    return page(request, "plans/plans.html", {"title": "Kế hoạch", "listing": listing, "form": form})


def _indicators(user, unit):
    """What a commune's plan may use: the national catalogue, its province's own indicators, and
    those made by hand that no other commune uses (an officer: only her fields)."""
    s = perms.scope(user)
    qs = catalogue.shared_or_own(Indicator.objects.select_related("field"), unit.parent)
    qs = qs.order_by("field__order", "field__name", "name")
    loose = Indicator.objects.filter(catalogue="", province__isnull=True)
    here = set(loose.filter(targets__plan__unit=unit).values_list("pk", flat=True))
    here |= set(loose.filter(actuals__unit=unit).values_list("pk", flat=True))
    elsewhere = set(loose.exclude(targets__plan__unit=unit).filter(targets__isnull=False).values_list("pk", flat=True))
    elsewhere |= set(loose.filter(actuals__isnull=False).exclude(actuals__unit=unit).values_list("pk", flat=True))
    qs = qs.exclude(pk__in=elsewhere - here)
    return qs.filter(field_id__in=s.field_ids) if s.role == Role.OFFICER else qs


@signed_in
def plan(request, plan_id: int):
    p = get_object_or_404(Plan.objects.select_related("unit", "unit__parent"), pk=plan_id)
    perms.require(perms.can_read_plan(request.user, p), f"Bạn không được xem kế hoạch “{p.title}”.")
    editable = p.status == PlanStatus.DRAFT and p.unit.level == Level.COMMUNE and perms.can_draft_plan(request.user, p.unit)
    add = TargetForm(request.POST if request.POST.get("form") == "them" else None)
    add.fields["indicator"].queryset = _indicators(request.user, p.unit)
    shown = None
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "phe-duyet":
            try:
                services.approve_plan(request.user, p)
                messages.success(request, f"Đã phê duyệt kế hoạch “{p.title}”.")
            except WorkflowError as exc:
                messages.error(request, exc.message)
            return redirect("plans:plan", p.pk)
        if request.POST.get("form") == "sua":
            target = get_object_or_404(Target, pk=int_param(request, "target", post=True) or 0, plan=p)
            form = TargetForm({"indicator": target.indicator_id, "year": target.year, "source": target.source,
                               "text": request.POST.get("text", ""), "note": request.POST.get("note", target.note),
                               "version": request.POST.get("version")})
            form.fields["indicator"].queryset = Indicator.objects.filter(pk=target.indicator_id)
        else:
            form = add
        if form.is_valid():
            d = form.cleaned_data
            if action == "xem-truoc":
                shown = {"form": request.POST.get("form"), "target": request.POST.get("target"),
                         **reading(d["indicator"], d["text"])}
            else:
                try:
                    services.set_target(request.user, p, indicator=d["indicator"], text=d["text"], year=d["year"],
                                        source=d["source"], note=d["note"], version=d["version"])
                except WorkflowError as exc:
                    messages.error(request, exc.message)
                    shown = {"form": request.POST.get("form"), "target": request.POST.get("target"), "ok": False,
                             "error": exc.message}
                else:
                    messages.success(request, f"Đã lưu chỉ tiêu “{d['indicator'].name}”: {d['text']}.")
                    return redirect("plans:plan", p.pk)
    targets = list(p.targets.select_related("indicator", "indicator__field"))
    groups: dict = {}
    for t in targets:
        t.reading = reading(t.indicator, t.text)
        t.can_edit = perms.can_edit_target(request.user, p, t.indicator)
        groups.setdefault(t.indicator.field, []).append(t)
    ctx = {"title": p.title, "plan": p, "groups": list(groups.items()), "add": add if editable else None,
           "shown": shown, "can_approve": p.status == PlanStatus.DRAFT and perms.can_review(request.user, p.unit),
           "can_roll": p.kind == PlanKind.ANNUAL and p.status == PlanStatus.APPROVED and p.unit.level == Level.COMMUNE
           and perms.can_review(request.user, p.unit),
           "key_tasks": list(p.key_tasks.all()), "export_links": export.links(request)}
    fmt = export.wanted(request)
    if fmt:
        return export.download(fmt, f"ke-hoach-{p.unit.code}-{p.start_year}-{p.end_year}",
                               [export.Table(f.name, PLAN_HEADER, plan_rows(ts)) for f, ts in groups.items()],
                               heading=f"{p.unit} — {p.title} ({p.get_status_display().lower()})")
    return page(request, "plans/plan.html", ctx)


PLAN_HEADER = ["Chỉ tiêu", "Đơn vị tính", "Năm", "Nguồn", "Mục tiêu (như đã ghi)", "Cách hiểu", "Ghi chú"]


def plan_rows(targets) -> list[list]:
    """A field's targets as the plan page shows them (a proposal of next year's plan says "đề xuất" in its note)."""
    return [[t.indicator.name, t.indicator.unit, t.year or "cả nhiệm kỳ", t.get_source_display(), t.text,
             t.reading["description"] if t.reading["ok"] else t.reading["error"], t.note] for t in targets]
