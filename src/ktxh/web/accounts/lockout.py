"""What a locked-out sign-in gets (django-axes calls ``response``): JSON for the API, a page otherwise."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render


def message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (f"Tạm khóa đăng nhập: đã nhập sai mật khẩu {settings.AXES_FAILURE_LIMIT} lần (với cùng tên đăng nhập, "
            f"hoặc từ cùng một máy). Xin thử lại sau {minutes} phút, hoặc nhờ quản trị viên mở khóa.")


def client_ip(request, proxied: bool | None = None) -> str | None:
    """The address a sign-in is counted against. Behind the HTTPS proxy (``KTXH_HTTPS=1``) it is the
    last address of ``X-Forwarded-For``, the one the proxy itself added (``$proxy_add_x_forwarded_for``;
    the ones before it are the client's word); otherwise the connection's.

    >>> from types import SimpleNamespace as R
    >>> client_ip(R(META={"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"}), proxied=True)
    '203.0.113.7'
    >>> client_ip(R(META={"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}), proxied=False)
    '10.0.0.1'
    """
    if proxied is None:
        proxied = settings.HTTPS
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "") if proxied else ""
    last = forwarded.rsplit(",", 1)[-1].strip()
    return last or request.META.get("REMOTE_ADDR")


def response(request, original_response=None, credentials=None):
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message()}, status=status)
    return render(request, "accounts/locked.html", {"title": "Tạm khóa đăng nhập", "message": message()}, status=status)
