"""What every template gets, whichever app renders it: the menu for the user's role, the
user's scope and the count of unread notifications (the bell)."""

from __future__ import annotations

from ktxh.web.accounts import notify
from ktxh.web.accounts import permissions as perms

from .pages import menu


def common(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"menu": menu(user), "scope": perms.scope(user), "unread": notify.unread(user)}
