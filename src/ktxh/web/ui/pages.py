"""What every page shares: the menu for the user's role, status badges, small charts."""

from __future__ import annotations

from decimal import Decimal
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from ktxh.core.model import Status
from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Role
from ktxh.web.metadata.units.models import AdminUnit, Level

# Colour goes with a word and a sign, never alone.
STATUS_STYLE = {
    Status.VUOT: ("vuot", "▲"),
    Status.DAT: ("dat", "✓"),
    Status.CO_BAN_DAT: ("co-ban-dat", "≈"),
    Status.KHONG_DAT: ("khong-dat", "✗"),
    Status.CHUA_CO_SO_LIEU: ("chua-co", "–"),
}


def badge(status: Status) -> dict:
    css, sign = STATUS_STYLE[status]
    return {"value": status.value, "label": status.label, "css": css, "sign": sign}


def signed_in(view):
    """Pages need a session; anonymous visitors go to our login page."""
    return wraps(view)(login_required(view, login_url="ui:login"))


def menu(user) -> list[tuple[str, str]]:
    s = perms.scope(user)
    items = []
    if s.role in (Role.LEADER, Role.OFFICER) and s.unit is not None:
        items.append(("Tổng quan", reverse("analytics:commune", args=[s.unit.pk])))
    # Each page asks the same question of ``permissions`` before it opens.
    if perms.enters_figures(user):
        items.append(("Việc cần làm", reverse("tracking:entry_index")))
    if perms.reviews_figures(user):
        items.append(("Chờ duyệt", reverse("tracking:queue")))
    if perms.works_on_plans(user):
        items.append(("Kế hoạch", reverse("plans:plans")))
    if perms.drafts_for_own_commune(user):
        items.append(("Nhập tệp", reverse("tracking:import_upload")))
    if s.province is not None:
        items.append(("Toàn tỉnh", reverse("analytics:province", args=[s.province.pk])))
    if perms.merges_indicators(user):
        items.append(("Gộp chỉ tiêu", reverse("plans:merge")))
    if perms.merges_indicators(user) or (s.role in (Role.LEADER, Role.OFFICER) and s.unit is not None):
        items.append(("Danh mục chỉ tiêu", reverse("plans:indicators")))
    if user is not None and user.is_authenticated:
        items.append(("Khóa API", reverse("accounts:tokens")))
    if s.role == Role.LEADER and s.unit is not None:
        items.append(("Tài khoản", reverse("accounts:members")))
        items.append(("Thiết lập", reverse("reports:settings", args=[s.unit.pk])))
    return items


def readable_commune(request, unit_id: int):
    """The commune, if the user may read its (approved) data: 404 for no commune, 403 for no right."""
    unit = get_object_or_404(AdminUnit.objects.select_related("parent"), pk=unit_id, level=Level.COMMUNE)
    perms.require(perms.can_read(request.user, unit, "approved"), f"Bạn không được xem số liệu của {unit}.")
    return unit


def page(request, template: str, context: dict, status: int = 200):
    """Render a page; the menu, the scope and the bell come from ``ui.context.common``."""
    return render(request, template, context, status=status)


def sparkline(points: list[Decimal], width: int = 96, height: int = 24) -> dict | None:
    """A small line through ``points`` (min to max fills the height): the SVG ``points``
    attribute and where the last point is drawn."""
    if not points:
        return None
    values = [float(v) for v in points]
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    step = width / max(len(values) - 1, 1)
    xs = [round(i * step, 1) if len(values) > 1 else width / 2 for i in range(len(values))]
    ys = [round(height - 2 - (v - lo) / span * (height - 4), 1) for v in values]
    # Strings, so that the template's Vietnamese number format ("48,0") cannot touch them.
    return {"points": " ".join(f"{x},{y}" for x, y in zip(xs, ys, strict=True)), "x": str(xs[-1]), "y": str(ys[-1]),
            "width": width, "height": height}


def navigation(request) -> dict:
    """Context processor: the menu and scope for pages of other apps that render ``ui/base.html``
    themselves (``page()`` passes the same)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"menu": menu(user), "scope": perms.scope(user)}
