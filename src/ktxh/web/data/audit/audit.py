"""Write the audit trail: one entry per change, in the same transaction as the change."""

from __future__ import annotations

from decimal import Decimal

from .models import AuditEntry


def _plain(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 5933.300000 from the database and 5933.3 typed are one value
    return value


def diff(old: dict, new: dict) -> dict:
    """``{field: [old, new]}`` for the fields whose value changed."""
    return {k: [_plain(old.get(k)), _plain(v)] for k, v in new.items() if _plain(old.get(k)) != _plain(v)}


def record(obj, action: str, user, changes: dict, *, unit, comment: str = "") -> AuditEntry:
    return AuditEntry.objects.create(
        model=obj._meta.label_lower, object_id=obj.pk, unit=unit, action=action, changes=changes,
        comment=comment, user=user if user is not None and user.is_authenticated else None,
    )


def history(obj):
    return AuditEntry.objects.filter(model=obj._meta.label_lower, object_id=obj.pk).select_related("user")
