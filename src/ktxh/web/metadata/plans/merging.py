"""The page ``/chi-tieu/gop/``: choose the indicator to keep and the one merged into it, see what
moves and what collides, then merge (``merge.merge``, which asks ``permissions``)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse

from ktxh.web.accounts import permissions as perms
from ktxh.web.errors import WorkflowError
from ktxh.web.ui.pages import page, signed_in
from ktxh.web.ui.params import int_param

from . import merge
from .models import Indicator, Target


def choices(user) -> list[Indicator]:
    """The indicators the user may pick: every one for a superuser; for a planner, those the plans
    and figures of her province's units use, and the catalogue's."""
    s = perms.scope(user)
    qs = Indicator.objects.select_related("field").order_by("field__order", "name", "pk")
    if s.is_superuser:
        return list(qs)
    if s.province is None:
        return []
    # two small queries, not one join of every target with every figure
    used = set(Target.objects.filter(Q(plan__unit__parent=s.province) | Q(plan__unit=s.province))
               .values_list("indicator_id", flat=True))
    used |= set(Indicator.objects.filter(actuals__unit__parent=s.province).values_list("pk", flat=True))
    return [i for i in qs if i.pk in used or merge.is_shared(i)]


@signed_in
def merge_page(request):
    perms.require(perms.merges_indicators(request.user),
                  "Chỉ cán bộ kế hoạch tỉnh mới gộp được chỉ tiêu.")
    options = choices(request.user)
    by_pk = {i.pk: i for i in options}
    data = request.POST if request.method == "POST" else request.GET
    kept_id, removed_id = int_param(request, "giu_lai", post=request.method == "POST"), \
        int_param(request, "gop", post=request.method == "POST")
    ctx = {"title": "Gộp hai chỉ tiêu", "choices": options, "kept_id": kept_id, "removed_id": removed_id,
           "on_clash_choices": merge.ON_CLASH.items(), "on_clash": data.get("khi_trung", "")}
    missing = [(n, v) for n, v in (("giu_lai", kept_id), ("gop", removed_id)) if v is not None and v not in by_pk]
    if missing:
        name, value = missing[0]
        ctx["error"] = f"Không có chỉ tiêu số {value} (ô “{'Chỉ tiêu giữ lại' if name == 'giu_lai' else 'Chỉ tiêu bị gộp'}”) trong danh sách bạn được gộp."
        return page(request, "plans/merge.html", ctx, status=400)
    if kept_id is None or removed_id is None:
        return page(request, "plans/merge.html", ctx)
    kept, removed = by_pk[kept_id], by_pk[removed_id]
    preview = merge.preview(kept, removed)
    allowed = merge.may_merge(request.user, kept, removed, preview)
    ctx.update(kept=kept, removed=removed, preview=preview, allowed=allowed,
               actual_rows=[(a, merge.shown(request.user, a)) for a in preview.actuals] if allowed else [],
               target_rows=preview.targets if allowed else [],
               clash_rows=[(c, merge.shown(request.user, c.kept), merge.shown(request.user, c.removed))
                           for c in preview.clashes] if allowed else [])
    if request.method == "POST":
        try:
            done = merge.merge(request.user, kept, removed, on_clash=request.POST.get("khi_trung", "").strip())
        except WorkflowError as exc:
            ctx["error"] = exc.message
            return page(request, "plans/merge.html", ctx, status=400)
        messages.success(request, f"Đã gộp “{removed.name}” vào “{kept.name}”: chuyển {len(done.targets)} mục tiêu "
                                  f"và {len(done.actuals)} số liệu; {len(done.clashes)} chỗ trùng đã xử lý.")
        return redirect(reverse("plans:merge") + f"?giu_lai={kept.pk}")
    return page(request, "plans/merge.html", ctx)
