"""Telling people: a notification in the application and, when the user has an address, an e-mail
(Django's mail framework: the console backend unless ``KTXH_EMAIL_HOST`` is set).

Every step of the workflow and ``ktxh notify`` call ``send``; the mail leaves only once the
transaction that caused it has committed, so a refused step tells no one.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from .models import Membership, Notification, Role

Kind = Notification.Kind
log = logging.getLogger(__name__)

SUBJECTS = {
    Kind.SUBMITTED: "[KTXH] Có số liệu chờ duyệt",
    Kind.RETURNED: "[KTXH] Số liệu bị trả lại",
    Kind.APPROVED: "[KTXH] Số liệu đã được duyệt",
    Kind.DUE: "[KTXH] Sắp đến hạn gửi số liệu",
    Kind.LATE: "[KTXH] Số liệu đã trễ hạn",
}


def send(users, kind: str, text: str, url: str = "", key: str = "") -> int:
    """Notify each active user once (a ``key`` already sent to a user is not sent again);
    the number notified."""
    n = 0
    for user in {u.pk: u for u in users if u is not None and u.is_active}.values():
        if key and Notification.objects.filter(user=user, key=key).exists():
            continue
        Notification.objects.create(user=user, kind=kind, text=text[:500], url=url, key=key)
        n += 1
        if user.email:
            transaction.on_commit(lambda u=user: _mail(u, kind, text, url))
    return n


def _mail(user, kind: str, text: str, url: str) -> None:
    link = f"\n\n{settings.KTXH_SITE_URL.rstrip('/')}{url}" if url and settings.KTXH_SITE_URL else ""
    try:
        send_mail(SUBJECTS.get(kind, "[KTXH] Thông báo"), f"{text}{link}", None, [user.email])
    except OSError as exc:  # the notification in the application stays; the mail server is down
        log.warning("Không gửi được thư đến %s: %s", user.email, exc)


def leaders(unit) -> list:
    """The active leaders of a commune."""
    return [m.user for m in Membership.objects.filter(unit=unit, role=Role.LEADER, user__is_active=True).select_related("user")]


def officers(unit, field_id: int) -> list:
    """The active officers of a commune assigned the field."""
    return [m.user for m in Membership.objects.filter(unit=unit, role=Role.OFFICER, fields=field_id,
                                                       user__is_active=True).select_related("user")]


def unread(user) -> int:
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
