"""Downloads of the commune's documents and the page where officers write their narrative.

Each asks ``dashboard.common.readable_commune`` first, exactly as the dashboard page does
(404 for no commune, 403 for no right), and picks the plan and the period the same way.
"""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from ktxh.core.errors import KtxhError
from ktxh.documents import build_plan, build_report, build_tables_xlsx
from ktxh.documents import data as doc
from ktxh.web.accounts import permissions as perms
from ktxh.web.analytics import queries
from ktxh.web.data.tracking import periods as tracking_periods
from ktxh.web.data.tracking.models import UnitDeadline
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import PlanKind
from ktxh.web.ui.pages import page, readable_commune, signed_in

from . import adapter
from .models import DocumentSettings, Narrative

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# kind in the address → (builder, file name prefix, extension, content type)
KINDS = {
    "bao-cao": (build_report, "bao-cao", "docx", DOCX),
    "ke-hoach": (build_plan, "ke-hoach", "docx", DOCX),
    "bieu": (build_tables_xlsx, "bieu-01-02", "xlsx", XLSX),
}


def plan_and_period(request, unit):
    """The plan and period of the dashboard's choice (``ke_hoach``, ``ky``), among the readable ones."""
    plans = list(selection.plans_of(request.user, unit))
    plan = next((p for p in plans if str(p.pk) == request.GET.get("ke_hoach")), None) \
        or queries.default_plan(request.user, unit)
    if plan is None:
        raise Http404(f"{unit} chưa có kế hoạch nào bạn được xem.")
    periods = tracking_periods.plan_periods(plan, timezone.localdate())
    period = queries.pick_period(periods, request.GET.get("ky"), queries.default_period(plan, periods))
    if period is None:
        raise Http404("Kế hoạch chưa có kỳ báo cáo nào.")
    return plan, period


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-").lower()


@signed_in
def download(request, unit_id: int, kind: str):
    if kind not in KINDS:
        raise Http404("Không có loại văn bản này.")
    unit = readable_commune(request, unit_id)
    plan, period = plan_and_period(request, unit)
    build, prefix, ext, content_type = KINDS[kind]
    try:
        blob = build(adapter.report_data(plan, period))
    except (adapter.NoDocument, KtxhError) as exc:
        message = exc.message if isinstance(exc, KtxhError) else str(exc)
        return page(request, "ui/empty.html", {"title": "Chưa lập được văn bản", "message": message},
                    status=400)
    response = HttpResponse(blob, content_type=content_type)
    name = f"{prefix}-{_slug(unit.code)}-{_slug(period.code)}.{ext}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def sections(plan) -> list[tuple[str, str]]:
    """(section id, heading) of every part an officer may write, in the document's order."""
    fields = {t.indicator.field for t in plan.targets.select_related("indicator__field")}
    out = [(doc.SECTION_OPENING, "Mở đầu (căn cứ, thay cho câu mở đầu tự sinh)"),
           (doc.SECTION_RESULTS, "I. Kết quả thực hiện: nhận định chung")]
    out += [(doc.field_section(f.code), f"Lĩnh vực: {f.name}") for f in sorted(fields, key=lambda f: (f.order, f.name))]
    if plan.kind == PlanKind.TERM:
        out.append((doc.SECTION_REVIEW, "Đánh giá khả năng thực hiện các chỉ tiêu Nghị quyết (giữa kỳ, nhiệm kỳ)"))
    out += [(doc.SECTION_ASSESSMENT, "Đánh giá chung: ưu điểm, hạn chế, nguyên nhân"),
            (doc.SECTION_DIRECTIONS, "Phương hướng, nhiệm vụ kỳ tới"),
            (doc.SECTION_OBJECTIVE, "Kế hoạch năm sau: mục tiêu tổng quát"),
            (adapter.SECTION_TASKS, "Kế hoạch năm sau: nhiệm vụ và giải pháp (mỗi dòng một nhiệm vụ)")]
    return out


@signed_in
def narratives(request, unit_id: int):
    unit = readable_commune(request, unit_id)
    perms.require(perms.can_draft_plan(request.user, unit), f"Chỉ cán bộ, lãnh đạo {unit} được viết lời văn báo cáo.")
    plan, period = plan_and_period(request, unit)
    parts = sections(plan)
    if request.method == "POST":
        with transaction.atomic():
            for section, _ in parts:
                text = request.POST.get(section, "").replace("\r\n", "\n").strip()
                if text:
                    Narrative.objects.update_or_create(unit=unit, period=period, section=section,
                                                       defaults={"text": text, "updated_by": request.user})
                else:
                    Narrative.objects.filter(unit=unit, period=period, section=section).delete()
        messages.success(request, f"Đã lưu lời văn báo cáo {period.label}.")
        return redirect(f"{reverse('reports:narratives', args=[unit.pk])}?ke_hoach={plan.pk}&ky={period.pk}")
    saved = adapter.narratives(unit, period)
    rows = [{"id": f"phan-{i}", "section": s, "heading": h, "text": saved.get(s, "")} for i, (s, h) in enumerate(parts)]
    return page(request, "reports/narratives.html", {"unit": unit, "plan": plan, "period": period, "rows": rows,
                                                     "title": f"Lời văn báo cáo {period.label} · {unit}"})


class SettingsForm(forms.ModelForm):
    days_before_due = forms.IntegerField(label="Công chức gửi số liệu trước hạn báo cáo (ngày)", min_value=0,
                                         max_value=30, error_messages={
                                             "min_value": "Số ngày gửi trước hạn không được âm.",
                                             "max_value": "Số ngày gửi trước hạn tối đa 30 ngày.",
                                             "invalid": "Số ngày gửi trước hạn phải là số nguyên, ví dụ 3."})

    class Meta:
        model = DocumentSettings
        fields = ["signer_name", "signer_authority", "signer_title", "recipients"]
        labels = {"signer_name": "Họ tên người ký", "signer_authority": "Thẩm quyền ký",
                  "signer_title": "Chức vụ người ký", "recipients": "Nơi nhận (mỗi dòng một nơi)"}
        widgets = {"recipients": forms.Textarea(attrs={"rows": 5})}


@signed_in
def unit_settings(request):
    """The commune's settings, its leader's: who signs, where documents go, the officers' deadline."""
    s = perms.scope(request.user)
    perms.require(s.unit is not None and perms.can_manage_accounts(request.user, s.unit),
                  "Chỉ lãnh đạo xã, phường sửa thiết lập của xã, phường mình.")
    unit = s.unit
    current = DocumentSettings.objects.filter(unit=unit).first() or DocumentSettings(unit=unit)
    deadline = UnitDeadline.objects.filter(unit=unit).first() or UnitDeadline(unit=unit)
    form = SettingsForm(request.POST or None, instance=current, initial={"days_before_due": deadline.days_before_due})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            deadline.days_before_due = form.cleaned_data["days_before_due"]
            deadline.save()
        messages.success(request, "Đã lưu thiết lập của " + str(unit) + ".")
        return redirect("reports:settings")
    return page(request, "reports/settings.html", {"title": f"Thiết lập — {unit}", "unit": unit, "form": form})
