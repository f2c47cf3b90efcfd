"""The home page: each person lands where their work is."""

from __future__ import annotations

from django.shortcuts import redirect

from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Role
from ktxh.web.metadata.units.models import AdminUnit, Level

from .pages import page, signed_in


@signed_in
def home(request):
    s = perms.scope(request.user)
    if s.role == Role.OFFICER and s.unit is not None and s.field_ids:
        return redirect("tracking:entry_index")  # the officer's things to do
    if s.unit is not None and s.unit.level == Level.COMMUNE:
        return redirect("analytics:commune", s.unit.pk)
    if s.province is not None:
        return redirect("analytics:province", s.province.pk)
    province = AdminUnit.objects.filter(level=Level.PROVINCE).order_by("name").first()
    if s.is_superuser and province is not None:
        return redirect("analytics:province", province.pk)
    return page(request, "ui/empty.html", {"title": "Chưa được giao đơn vị",
                                                  "message": "Tài khoản chưa được giao vai trò ở đơn vị nào."})
