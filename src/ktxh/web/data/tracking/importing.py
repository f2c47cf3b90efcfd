"""Import review: upload a report or plan, see what the reader found, accept it into a draft.

The file is read by ``ktxh.reader.read_document`` and checked by ``check_document``
(what ``ktxh check`` reports); nothing is written until the person accepts, and then
the data layer's importer writes the draft plan in one transaction. Between the two
steps the file waits in the data folder under its SHA-256, so the accepted file is the
reviewed one.
"""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from ktxh.core.errors import KtxhError
from ktxh.reader import check_document, read_document
from ktxh.web.accounts import permissions as perms
from ktxh.web.data.tracking import importer
from ktxh.web.errors import WorkflowError
from ktxh.web.metadata.plans.catalogue import shared_or_own
from ktxh.web.metadata.plans.models import Indicator
from ktxh.web.ui.pages import page, signed_in

from .forms import UploadForm
from .uploads import discard, keep, kept


def _importer_unit(user):
    s = perms.scope(user)
    perms.require(perms.drafts_for_own_commune(user),
                  "Chỉ lãnh đạo, công chức xã, phường mới nhập tệp vào kế hoạch dự thảo của xã, phường mình.")
    return s.unit


def _choices(post) -> dict:
    """The person's choices in the review: ``chon-<dòng>`` an indicator code (or "moi" with ``ten-<dòng>``),
    ``thay-<dòng>`` to replace a stored value."""
    out: dict[int, dict] = {}
    for name, value in post.items():
        kind, _, key = name.partition("-")
        if kind not in ("chon", "ten", "thay") or not key.isascii() or not key.isdigit() or len(key) > 6:
            continue
        c = out.setdefault(int(key), {})
        if kind == "chon":
            c["indicator"] = value.strip()[:80]
        elif kind == "ten":
            c["name"] = value.strip()[:300]
        else:
            c["replace"] = value == "thay"
    return out


def rows_context(prepared) -> dict:
    province = prepared.unit.parent
    options = shared_or_own(Indicator.objects.select_related("field"), province).order_by("field__order", "name")
    return {"prepared": prepared, "rows": prepared.rows, "row_counts": prepared.counts(), "digest": prepared.digest(),
            "indicator_options": options if prepared.choosable() else (), "actions": importer.ACTIONS}


def review_context(doc, findings) -> dict:
    wrong = [f for f in findings if f.verdict == "wrong"]
    fields: dict = {}
    for t in doc.targets:
        fields.setdefault(t.field or "Chưa rõ lĩnh vực", []).append(t)
    return {
        "doc": doc, "findings": findings, "wrong": wrong, "target_groups": list(fields.items()),
        "counts": {"targets": len(doc.targets), "actuals": len(doc.actuals), "wrong": len(wrong),
                   "ok": sum(1 for f in findings if f.verdict == "ok"),
                   "unverifiable": sum(1 for f in findings if f.verdict == "unverifiable")},
    }


@signed_in
def upload(request):
    unit = _importer_unit(request.user)
    form = UploadForm(request.POST or None, request.FILES or None)
    ctx = {"title": "Nhập tệp báo cáo, kế hoạch", "unit": unit, "form": form}
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["file"]
        data = f.read()
        try:
            doc = read_document(data, filename=f.name)
            findings = check_document(doc)
        except KtxhError as exc:
            form.add_error("file", exc.message)
        else:
            ctx.update(review_context(doc, findings), name=f.name)
            try:
                prepared = importer.prepare(doc, unit=unit, user=request.user)
            except WorkflowError as exc:  # read and checked, but no plan to bring it into: say why
                ctx["import_error"] = exc.message
            else:
                ctx.update(review_context(doc, findings), **rows_context(prepared), key=keep(data, f.name), name=f.name,
                           accept_url=reverse("tracking:import_accept"))
    return page(request, "tracking/import.html", ctx)


@signed_in
def accept(request):
    unit = _importer_unit(request.user)
    if request.method != "POST":
        return redirect("tracking:import_upload")
    key, name = request.POST.get("key", ""), request.POST.get("name", "")[:200]
    if request.POST.get("action") == "huy":
        discard(key)
        messages.info(request, "Đã hủy: tệp tải lên đã được xóa, không nhận gì vào kế hoạch.")
        return redirect("tracking:import_upload")
    if Path(name).suffix.lower() != Path(key).suffix:
        name = key  # the reviewed file's own kind decides how it is read
    choices = _choices(request.POST)
    try:
        prepared = importer.prepare(read_document(kept(key), filename=name), unit=unit, user=request.user)
        if prepared.digest() != request.POST.get("digest", ""):
            raise WorkflowError("Dữ liệu đã thay đổi từ lúc bạn xem (có người vừa lưu số liệu hoặc kế hoạch): "
                                "hãy tải tệp lên lại để xem kết quả mới rồi mới nhận.")
        result = importer.apply(prepared, choices)
    except (KtxhError, WorkflowError) as exc:
        messages.error(request, exc.message)
        return redirect("tracking:import_upload")
    discard(key)
    text = f"Tệp “{name}”: {result.message()}"
    if result.saved or result.key_tasks or result.indicators_created:
        messages.success(request, f"{text} Số liệu nhận vào ở dạng dự thảo: hãy xem lại rồi trình phê duyệt.")
    else:
        messages.warning(request, f"{text} Không có gì mới được lưu.")
    for line in result.skipped[:20]:
        messages.info(request, f"Bỏ qua — {line}")
    return redirect("plans:plan", result.plan.pk)
