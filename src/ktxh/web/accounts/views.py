"""The pages of accounts: one's notifications, one's API tokens, and the accounts of a commune (its leader's).

The menu and the bell come from ``ui.context`` (this app stands below ui and cannot call its
``page``); every rule of who may do what is ``permissions``'.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import permissions as perms
from .forms import FieldsForm, OfficerForm
from .models import ApiToken, Membership, Notification, Role


def _signed_in(view):
    return login_required(view, login_url="ui:login")


@_signed_in
def notifications(request):
    mine = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        n = mine.filter(read_at__isnull=True).update(read_at=timezone.now())
        messages.success(request, f"Đã đánh dấu {n} thông báo là đã xem.")
        return redirect("accounts:notifications")
    return render(request, "accounts/notifications.html", {"title": "Thông báo", "items": mine[:100]})


@_signed_in
def open_notification(request, pk: int):
    item = get_object_or_404(Notification, pk=pk, user=request.user)
    if item.read_at is None:
        item.read_at = timezone.now()
        item.save(update_fields=["read_at"])
    if item.url and url_has_allowed_host_and_scheme(item.url, allowed_hosts=None):
        return redirect(item.url)
    return redirect("accounts:notifications")


def _commune(request):
    s = perms.scope(request.user)
    perms.require(s.unit is not None and perms.can_manage_accounts(request.user, s.unit),
                  "Chỉ lãnh đạo xã, phường quản lý tài khoản của xã, phường mình.")
    return s.unit


@_signed_in
def members(request):
    unit = _commune(request)
    form = OfficerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with transaction.atomic():
            user = get_user_model().objects.create_user(username=d["username"], password=d["password"],
                                                        first_name=d["full_name"].strip(), email=d["email"])
            m = Membership.objects.create(user=user, role=Role.OFFICER, unit=unit)
            m.fields.set(d["fields_"])
        messages.success(request, f"Đã tạo tài khoản công chức “{user.username}” ({user.first_name}), "
                                  f"giao {', '.join(f.name for f in d['fields_'])}.")
        return redirect("accounts:members")
    people = (Membership.objects.filter(unit=unit).select_related("user").prefetch_related("fields")
              .order_by("role", "user__first_name", "user__username"))
    return render(request, "accounts/members.html", {"title": f"Tài khoản — {unit}", "unit": unit,
                                                     "people": people, "form": form})


def _member(request, pk: int):
    _commune(request)
    member = get_object_or_404(get_user_model().objects.select_related("membership"), pk=pk)
    perms.require(perms.can_manage_member(request.user, member),
                  f"Bạn không được sửa tài khoản “{member.username}”: chỉ công chức của xã, phường mình.")
    return member


@_signed_in
def member(request, pk: int):
    member = _member(request, pk)
    m = member.membership
    form = FieldsForm(request.POST or None, initial={"fields_": list(m.fields.all())})
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "linh-vuc" and form.is_valid():
            m.fields.set(form.cleaned_data["fields_"])
            names = ", ".join(f.name for f in form.cleaned_data["fields_"]) or "không lĩnh vực nào"
            messages.success(request, f"Đã giao cho {member.username}: {names}.")
            return redirect("accounts:member", member.pk)
        if action == "mat-khau":
            new = secrets.token_urlsafe(9)
            member.set_password(new)
            member.save(update_fields=["password"])
            messages.success(request, f"Mật khẩu mới của {member.username}: {new} — báo riêng cho người dùng và "
                                      "nhắc đổi ngay khi đăng nhập.")
            return redirect("accounts:member", member.pk)
        if action in ("khoa", "mo"):
            member.is_active = action == "mo"
            member.save(update_fields=["is_active"])
            messages.success(request, f"Đã {'mở lại' if member.is_active else 'khóa'} tài khoản {member.username}.")
            return redirect("accounts:member", member.pk)
    return render(request, "accounts/member.html", {"title": f"Tài khoản {member.username}", "member": member,
                                                    "m": m, "form": form})


@login_required(login_url="ui:login")
def tokens(request):
    new_key = None
    if request.method == "POST":
        new_key, _ = ApiToken.create_for(request.user)
    now = timezone.now()
    rows = [{"token": t, "expired": t.expires_at <= now}
            for t in ApiToken.objects.filter(user=request.user).order_by("-created_at", "-pk")]
    return render(request, "accounts/tokens.html", {"title": "Khóa API của tôi", "rows": rows, "new_key": new_key,
                                                    "ttl_days": settings.TOKEN_TTL_DAYS})


@require_POST
@login_required(login_url="ui:login")
def revoke(request, token_id: int):
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)  # only one's own
    token.delete()
    messages.success(request, f"Đã thu hồi khóa API {token.prefix}…: khóa này không dùng được nữa.")
    return redirect("accounts:tokens")
