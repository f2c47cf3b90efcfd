"""Downloads of the commune's documents and the page where officers write their narrative.

Each asks ``dashboard.common.readable_commune`` first, exactly as the dashboard page does
(404 for no commune, 403 for no right), and picks the plan and the period the same way.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from ktxh.core.errors import KtxhError
from ktxh.core.text import clean_text
from ktxh.documents import build_plan, build_report, build_tables_xlsx
from ktxh.documents import data as doc
from ktxh.documents.narrative import figure_previews, generated_sections
from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Role
from ktxh.web.analytics import queries
from ktxh.web.data.tracking import periods as tracking_periods
from ktxh.web.data.tracking.models import UnitDeadline
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import PlanKind
from ktxh.web.ui.pages import page, readable_commune, signed_in
from ktxh.web.ui.params import int_param

from . import adapter
from .models import DocumentKind, DocumentSettings, Narrative

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
# kind in the address → (builder, file name prefix, extension, content type, register kind)
KINDS = {
    "bao-cao": (build_report, "bao-cao", "docx", DOCX, DocumentKind.REPORT),
    "ke-hoach": (build_plan, "ke-hoach", "docx", DOCX, DocumentKind.PLAN),
    "bieu": (build_tables_xlsx, "bieu-01-02", "xlsx", XLSX, DocumentKind.REPORT),
    "bao-cao-pdf": (build_report, "bao-cao", "pdf", PDF, DocumentKind.REPORT),
    "ke-hoach-pdf": (build_plan, "ke-hoach", "pdf", PDF, DocumentKind.PLAN),
}
NO_SOFFICE = ("Máy chủ chưa cài LibreOffice (lệnh soffice) nên chưa chuyển được văn bản sang PDF; "
              "hãy tải bản Word (.docx) rồi lưu thành PDF, hoặc nhờ quản trị cài gói libreoffice-writer.")


def plan_and_period(request, unit):
    """The plan and period of the dashboard's choice (``ke_hoach``, ``ky``), among the readable ones."""
    plans = list(selection.plans_of(request.user, unit))
    wanted = int_param(request, "ke_hoach")
    plan = next((p for p in plans if p.pk == wanted), None) \
        or queries.default_plan(request.user, unit)
    if plan is None:
        raise Http404(f"{unit} chưa có kế hoạch nào bạn được xem.")
    periods = tracking_periods.plan_periods(plan, timezone.localdate())
    period = queries.pick_period(periods, int_param(request, "ky"), queries.default_period(plan, periods))
    if period is None:
        raise Http404("Kế hoạch chưa có kỳ báo cáo nào.")
    return plan, period


def slug(text: str) -> str:
    """A Vietnamese name as a file name: "Phường Điện Nam Đông" → "phuong-dien-nam-dong"."""
    return slugify(text.replace("đ", "d").replace("Đ", "D"))


def file_name(prefix: str, data: doc.ReportData, unit, ext: str) -> str:
    """"bao-cao-nam-2023-phuong-nhon-hung.docx"; a plan is named by the year it plans, a term report by
    its kind and term ("bao-cao-giua-ky-2021-2025-…", "bao-cao-nhiem-ky-2021-2025-…")."""
    p = data.period
    if prefix == "ke-hoach" and data.next_plan is not None:
        when = f"nam {data.next_plan.year}"
    elif p.kind in (doc.PeriodKind.MIDTERM, doc.PeriodKind.TERM):
        when = f"{'giữa kỳ' if p.kind is doc.PeriodKind.MIDTERM else 'nhiệm kỳ'} {p.span}"
    else:
        when = p.phrase
    return f"{prefix}-{slug(when)}-{slug(adapter.unit_title(unit))}.{ext}"


class NoPdf(Exception):
    """LibreOffice is missing or failed: no PDF."""


def to_pdf(docx: bytes, timeout: int = 180) -> bytes:
    """The .docx converted by LibreOffice headless, in a private profile and directory."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise NoPdf(NO_SOFFICE)
    with tempfile.TemporaryDirectory(prefix="ktxh-pdf-") as tmp:
        source = Path(tmp) / "van-ban.docx"
        source.write_bytes(docx)
        profile = (Path(tmp) / "profile").as_uri()
        try:
            subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", tmp, str(source)], check=True, capture_output=True, timeout=timeout)
        except (subprocess.SubprocessError, OSError) as exc:
            raise NoPdf(f"LibreOffice không chuyển được văn bản sang PDF ({type(exc).__name__}); "
                        "hãy tải bản Word (.docx).") from exc
        pdf = source.with_suffix(".pdf")
        if not pdf.exists():
            raise NoPdf("LibreOffice không tạo ra tệp PDF; hãy tải bản Word (.docx).")
        return pdf.read_bytes()


@signed_in
def download(request, unit_id: int, kind: str):
    if kind not in KINDS:
        raise Http404("Không có loại văn bản này.")
    unit = readable_commune(request, unit_id)
    plan, period = plan_and_period(request, unit)
    build, prefix, ext, content_type, register = KINDS[kind]
    try:
        data = adapter.report_data(plan, period, register)
        blob = build(data)
        if ext == "pdf":
            blob = to_pdf(blob)
    except (adapter.NoDocument, KtxhError) as exc:
        message = exc.message if isinstance(exc, KtxhError) else str(exc)
        return page(request, "ui/empty.html", {"title": "Chưa lập được văn bản", "message": message},
                    status=400)
    except NoPdf as exc:
        return page(request, "ui/empty.html", {"title": "Chưa tải được bản PDF", "message": str(exc)},
                    status=503)
    response = HttpResponse(blob, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name(prefix, data, unit, ext)}"'
    return response


@signed_in
@require_POST
def issue(request, unit_id: int, kind: str):
    """Cấp số: the leader gives the document the register's next number, dated today."""
    if kind not in (DocumentKind.REPORT, DocumentKind.PLAN):
        raise Http404("Không có loại văn bản này.")
    unit = readable_commune(request, unit_id)
    scope = perms.scope(request.user)
    perms.require(scope.role == Role.LEADER and perms.in_commune(scope, unit), f"Chỉ lãnh đạo {unit} được cấp số văn bản.")
    plan, period = plan_and_period(request, unit)
    entry = adapter.issue(plan, period, kind, request.user, timezone.localdate())
    messages.success(request, f"Đã cấp số {entry.number:02d} ngày {entry.issued_on:%d/%m/%Y} cho "
                              f"{entry.get_kind_display().lower()} {period.label.lower()}.")
    return redirect(f"{reverse('analytics:commune', args=[unit.pk])}?ke_hoach={plan.pk}&ky={period.pk}")


def sections(plan) -> list[tuple[str, str]]:
    """(section id, heading) of every part an officer may write, in the document's order."""
    fields = {t.indicator.field for t in plan.targets.select_related("indicator__field")}
    out = [(doc.SECTION_OPENING, "Mở đầu (căn cứ, thay cho câu mở đầu tự sinh)"),
           (doc.SECTION_RESULTS, "I. Kết quả thực hiện: nhận định chung")]
    out += [(doc.field_section(f.code), f"Lĩnh vực: {f.name}") for f in sorted(fields, key=lambda f: (f.order, f.name))]
    out.append((doc.SECTION_KEY_TASKS, "Kết quả thực hiện nhiệm vụ trọng tâm"))
    if plan.kind == PlanKind.TERM:
        out.append((doc.SECTION_REVIEW, "Đánh giá khả năng thực hiện các chỉ tiêu Nghị quyết (giữa kỳ, nhiệm kỳ)"))
    out += [(doc.SECTION_ASSESSMENT, "Đánh giá chung: nhận định chung"),
            (doc.SECTION_STRENGTHS, "Đánh giá chung: ưu điểm"),
            (doc.SECTION_LIMITATIONS, "Đánh giá chung: tồn tại, hạn chế"),
            (doc.SECTION_CAUSES, "Đánh giá chung: nguyên nhân"),
            (doc.SECTION_DIRECTIONS, "Phương hướng, nhiệm vụ kỳ tới"),
            (doc.SECTION_PLAN_ASSESSMENT, "Kế hoạch năm sau: đánh giá tóm tắt năm nay"),
            (doc.SECTION_OBJECTIVE, "Kế hoạch năm sau: mục tiêu tổng quát"),
            (adapter.SECTION_TASKS, "Kế hoạch năm sau: nhiệm vụ và giải pháp (mỗi dòng một nhiệm vụ)")]
    return out


def _generated(plan, period) -> dict[str, str]:
    """The generated text of each prose section, to prefill the form (nothing when no document can be made)."""
    return _texts(plan, period)[0]


def _texts(plan, period) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(prose sections' generated text, the parts of figures' generated sentences)."""
    try:
        data = adapter.report_data(plan, period)
    except (adapter.NoDocument, KtxhError):
        return {}, {}
    return {k: "\n".join(v) for k, v in generated_sections(data).items()}, figure_previews(data)


def _same(a: str, b: str) -> bool:
    return [line.strip() for line in a.splitlines() if line.strip()] == [
        line.strip() for line in b.splitlines() if line.strip()]


@signed_in
def narratives(request, unit_id: int):
    """Each part's text: prose parts prefilled with what the generator writes (kept live while unchanged,
    the officer's words once changed); the parts of figures take the officer's words before the figures."""
    unit = readable_commune(request, unit_id)
    perms.require(perms.can_draft_plan(request.user, unit), f"Chỉ cán bộ, lãnh đạo {unit} được viết lời văn báo cáo.")
    plan, period = plan_and_period(request, unit)
    parts = sections(plan)
    generated, previews = _texts(plan, period)
    if request.method == "POST":
        with transaction.atomic():
            for section, _ in parts:
                text = clean_text(request.POST.get(section, "")).replace("\r\n", "\n").strip()
                if text and not _same(text, generated.get(section, "")):
                    Narrative.objects.update_or_create(unit=unit, period=period, section=section,
                                                       defaults={"text": text, "updated_by": request.user})
                else:
                    Narrative.objects.filter(unit=unit, period=period, section=section).delete()
        messages.success(request, f"Đã lưu lời văn báo cáo {period.label}.")
        return redirect(f"{reverse('reports:narratives', args=[unit.pk])}?ke_hoach={plan.pk}&ky={period.pk}")
    saved = adapter.narratives(unit, period)
    rows = [{"id": f"phan-{i}", "section": s, "heading": h, "text": saved.get(s) or generated.get(s, ""),
             "own": s in saved, "prose": s in doc.PROSE_SECTIONS, "preview": previews.get(s, [])}
            for i, (s, h) in enumerate(parts)]
    return page(request, "reports/narratives.html", {"unit": unit, "plan": plan, "period": period, "rows": rows,
                                                     "title": f"Lời văn báo cáo {period.label} · {unit}"})


class SettingsForm(forms.ModelForm):
    days_before_due = forms.IntegerField(label="Công chức gửi số liệu trước hạn báo cáo (ngày)", min_value=0, required=False,
                                         max_value=30, error_messages={
                                             "min_value": "Số ngày gửi trước hạn không được âm.",
                                             "max_value": "Số ngày gửi trước hạn tối đa 30 ngày.",
                                             "invalid": "Số ngày gửi trước hạn phải là số nguyên, ví dụ 3."})

    class Meta:
        model = DocumentSettings
        fields = ["signer_name", "signer_title", "signer_authority", "recipients", "general_objective"]
        widgets = {"recipients": forms.Textarea(attrs={"rows": 5, "cols": 60}),
                   "general_objective": forms.Textarea(attrs={"rows": 5, "cols": 90})}


@signed_in
def document_settings(request, unit_id: int):
    """The commune's leader names who signs, where documents go and the plan's mục tiêu tổng quát."""
    unit = readable_commune(request, unit_id)
    scope = perms.scope(request.user)
    perms.require(scope.role == Role.LEADER and perms.in_commune(scope, unit),
                  f"Chỉ lãnh đạo {unit} được thiết lập người ký, nơi nhận của văn bản.")
    current = DocumentSettings.objects.filter(unit=unit).first() or DocumentSettings(unit=unit)
    deadline = UnitDeadline.objects.filter(unit=unit).first() or UnitDeadline(unit=unit)
    form = SettingsForm(request.POST or None, instance=current, initial={"days_before_due": deadline.days_before_due})
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            if form.cleaned_data["days_before_due"] is not None:  # left empty: the deadline stays as it was
                deadline.days_before_due = form.cleaned_data["days_before_due"]
                deadline.save()
        messages.success(request, f"Đã lưu thiết lập văn bản của {unit}.")
        return redirect(reverse("reports:settings", args=[unit.pk]) + (
            f"?{request.META['QUERY_STRING']}" if request.META.get("QUERY_STRING") else ""))
    return page(request, "reports/settings.html", {"unit": unit, "form": form,
                                                   "title": f"Người ký, nơi nhận · {unit}"})
