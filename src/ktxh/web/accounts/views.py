"""The page of one's API tokens: when each was made, last used and expires; revoke one, or make one."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from .models import ApiToken


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
