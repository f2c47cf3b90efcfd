"""The search box: communes of the user's province and indicators of the plans the user reads,
found with or without tone marks ("luong son" finds Phường Lương Sơn)."""

from __future__ import annotations

from django.utils import timezone

from ktxh.catalogue.normalize import bare
from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Role
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Indicator, Plan
from ktxh.web.metadata.units.models import AdminUnit, Level
from ktxh.web.ui.pages import page, signed_in

LIMIT = 30


def _communes(user, s):
    if s.province is not None:
        return selection.communes(s.province, timezone.localdate())
    if s.is_superuser:
        return list(AdminUnit.objects.filter(level=Level.COMMUNE).select_related("parent").order_by("name"))
    return []


def _matches(words: list[str], text: str) -> bool:
    b = bare(text)
    return all(w in b for w in words)


@signed_in
def search(request):
    q = request.GET.get("q", "").strip()[:100]
    s = perms.scope(request.user)
    words = bare(q).split()
    communes, indicators = [], []
    if words:
        communes = [u for u in _communes(request.user, s) if _matches(words, u.name)][:LIMIT]
        plans = perms.readable_plans(request.user, Plan.objects.all())
        if s.role in (Role.LEADER, Role.OFFICER):
            plans = plans.filter(unit=s.unit)  # one's own commune's indicators, not the neighbours'
        found = [i for i in Indicator.objects.filter(targets__plan__in=plans).select_related("field").distinct()
                 .order_by("field__order", "name") if _matches(words, i.name)][:LIMIT]
        where = dict(Plan.objects.filter(pk__in=plans, targets__indicator__in=found)
                     .values_list("targets__indicator", "unit").distinct()) if found else {}
        units = AdminUnit.objects.in_bulk(set(where.values()))
        own = s.unit if s.role in (Role.LEADER, Role.OFFICER) else None
        indicators = [{"indicator": i, "unit": own or units.get(where.get(i.pk))} for i in found]
    return page(request, "analytics/search.html", {"title": f"Tìm “{q}”" if q else "Tìm kiếm", "q": q,
                                                    "communes": communes, "indicators": indicators})
