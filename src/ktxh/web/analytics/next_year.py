"""“Lập kế hoạch năm sau”: this year's indicators copied into a draft annual plan for next year,
each target proposed from the trend of the approved yearly figures (``core.review.propose_next``)
and marked "đề xuất" in its note, to be edited and approved in the plan editor.

It lives in analytics because it reads the figures (tracking) to write a plan (plans); the plans
app imports neither.
"""

from __future__ import annotations

import re
from collections import defaultdict

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from ktxh.core.errors import KtxhError
from ktxh.core.periods import Period as CorePeriod
from ktxh.core.periods import PeriodKind as CoreKind
from ktxh.core.review import Proposal, propose_next
from ktxh.web.accounts import permissions as perms
from ktxh.web.data.tracking.models import Actual, ActualStatus, PeriodKind
from ktxh.web.errors import WorkflowError
from ktxh.web.metadata.plans import selection, services
from ktxh.web.metadata.plans.models import Plan, PlanKind, PlanStatus
from ktxh.web.ui.pages import signed_in


def can_roll(user, plan: Plan) -> bool:
    """An approved annual plan of a commune, rolled by the commune's leader."""
    return (plan.kind == PlanKind.ANNUAL and plan.status == PlanStatus.APPROVED and plan.unit.level == "commune"
            and perms.can_review(user, plan.unit))


def next_title(plan: Plan, year: int) -> str:
    """The title with the year moved on: "Kế hoạch … năm 2024 – Phường Lê Lợi" → "… năm 2025 – …".

    >>> p = Plan(title="Kế hoạch phát triển kinh tế - xã hội năm 2024 – Phường Lê Lợi", start_year=2024, end_year=2024)
    >>> next_title(p, 2025)
    'Kế hoạch phát triển kinh tế - xã hội năm 2025 – Phường Lê Lợi'
    """
    title, n = re.subn(rf"\b{plan.end_year}\b", str(year), plan.title)
    return title if n else f"Kế hoạch phát triển kinh tế - xã hội năm {year} – {plan.unit}"


def yearly_values(unit_id: int, indicator_ids, before: int) -> dict[int, dict[int, object]]:
    """Approved yearly figures ``{indicator_id: {year: value}}`` of the commune, before ``before``."""
    out: dict[int, dict[int, object]] = defaultdict(dict)
    for ind, year, value in Actual.objects.filter(
        unit_id=unit_id, indicator_id__in=list(indicator_ids), status=ActualStatus.APPROVED,
        period__kind=PeriodKind.YEAR, period__year__lt=before, value__isnull=False,
    ).values_list("indicator_id", "period__year", "value"):
        out[ind][year] = value
    return out


def proposals(plan: Plan, year: int) -> list[tuple[object, Proposal]]:
    """(target of this year, its proposal for ``year``) for every target that counts in the plan's year."""
    targets = selection.targets_of(plan, CorePeriod(CoreKind.YEAR, plan.end_year))
    values = yearly_values(plan.unit_id, {t.indicator_id for t in targets}, year)
    out = []
    for t in targets:
        try:
            core = t.core_target()
        except KtxhError:
            out.append((t, Proposal(t.text, None, "đề xuất: giữ như kế hoạch năm trước (chưa đọc được chỉ tiêu)")))
            continue
        out.append((t, propose_next(core, values.get(t.indicator_id, {}), year, unit=t.indicator.unit or None)))
    return out


def roll(user, plan: Plan) -> Plan:
    """The draft plan of next year, with every proposal; refused whole if one cannot be saved."""
    year = plan.end_year + 1
    existing = Plan.objects.filter(unit=plan.unit, kind=PlanKind.ANNUAL, start_year=year).first()
    if existing is not None:
        raise WorkflowError(f"{plan.unit} đã có kế hoạch năm {year} (“{existing.title}”): mở kế hoạch đó để sửa.",
                            field="năm")
    with transaction.atomic():
        new = services.create_plan(user, unit=plan.unit, kind=PlanKind.ANNUAL, start_year=year, end_year=year,
                                   title=next_title(plan, year), legal_basis="")
        for t, p in proposals(plan, year):
            services.set_target(user, new, indicator=t.indicator, text=p.text, year=year, source=t.source, note=p.note)
    return new


@signed_in
@require_POST
def roll_page(request, plan_id: int):
    plan = get_object_or_404(Plan.objects.select_related("unit"), pk=plan_id)
    perms.require(can_roll(request.user, plan),
                  f"Chỉ lãnh đạo {plan.unit} mới lập kế hoạch năm sau từ kế hoạch “{plan.title}”.")
    try:
        new = roll(request.user, plan)
    except WorkflowError as exc:
        messages.error(request, exc.message)
        return redirect("plans:plan", plan.pk)
    shown = sum(1 for t in new.targets.all() if t.note.startswith("đề xuất theo xu hướng"))
    messages.success(request, f"Đã lập dự thảo “{new.title}” với {new.targets.count()} chỉ tiêu; {shown} chỉ tiêu "
                              "đề xuất theo xu hướng số liệu, còn lại giữ như năm trước. Xem lại, sửa rồi phê duyệt.")
    return redirect("plans:plan", new.pk)
