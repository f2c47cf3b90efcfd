"""Error pages in Vietnamese (400, 403, 404), set as the URLconf's handlers; the 500 page is
ui/templates/500.html, standing alone (no database, no base template) for when everything failed.

A :class:`~ktxh.web.ui.params.BadParameter` or a ``Denied`` carries its own message,
which the page shows; anything else gets a plain sentence of what happened.
"""

from __future__ import annotations

from django.shortcuts import render

TITLES = {
    400: ("Yêu cầu không hợp lệ", "Địa chỉ hoặc dữ liệu gửi lên không đúng dạng; hãy quay lại trang trước và thử lại."),
    403: ("Không có quyền", "Bạn không được xem hoặc sửa nội dung này."),
    404: ("Không tìm thấy", "Không có trang hoặc dữ liệu ở địa chỉ này."),
}


def _render(request, status: int, exception=None):
    title, default = TITLES[status]
    message = getattr(exception, "message", None) or (str(exception) if exception is not None else "")
    if not isinstance(message, str) or message.isascii():  # Django's own words ("No Plan matches…")
        message = default
    return render(request, "ui/error.html", {"title": title, "message": message, "status": status}, status=status)


def bad_request(request, exception=None):
    return _render(request, 400, exception)


def permission_denied(request, exception=None):
    return _render(request, 403, exception)


def page_not_found(request, exception=None):
    return _render(request, 404, exception)
