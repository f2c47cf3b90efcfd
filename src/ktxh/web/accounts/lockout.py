"""What a locked-out sign-in gets (django-axes calls ``response``): JSON for the API, a page otherwise."""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render


def message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (f"Tạm khóa đăng nhập: đã nhập sai mật khẩu {settings.AXES_FAILURE_LIMIT} lần (với cùng tên đăng nhập, "
            f"hoặc từ cùng một máy). Xin thử lại sau {minutes} phút, hoặc nhờ quản trị viên mở khóa.")


def response(request, original_response=None, credentials=None):
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message()}, status=status)
    return render(request, "accounts/locked.html", {"title": "Tạm khóa đăng nhập", "message": message()}, status=status)
