"""Enter → submit → approve, or return with a comment; every step audited.

Each step names the version it started from. A save from a stale version is refused
(``ConflictError``) instead of overwriting the other person's change: the update only
touches the row while it still has that version, in one statement, so two concurrent
saves from the same version cannot both succeed.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from ktxh.core.bounds import check_value
from ktxh.core.errors import AmbiguousNumberError, KtxhError
from ktxh.core.numbers import parse_number
from ktxh.core.units import lookup_unit
from ktxh.web.accounts import notify
from ktxh.web.accounts import permissions as perms
from ktxh.web.data.audit import audit
from ktxh.web.errors import ConflictError, WorkflowError

from .models import Actual, ActualStatus

EDITABLE = (ActualStatus.DRAFT, ActualStatus.RETURNED)
FIELDS = ("text", "value", "is_estimate", "source_note", "status", "review_comment")


def read_value(text: str, indicator) -> Decimal | None:
    """The value of ``text`` in the indicator's unit, read by the core; None for a qualitative figure.

    "5.933,3" for an indicator in tấn is 5933.3; "3.182.308.468đ" for one in triệu đồng is
    3182.308468. A number in a unit of another kind is refused, and so is one the column cannot
    hold exactly (``ktxh.core.bounds``: more than 15 digits, or 6 decimals).
    """
    text = (text or "").strip()
    if not text:
        raise WorkflowError(f"Chưa nhập số liệu cho chỉ tiêu “{indicator.name}”.", field="text")
    try:
        number = parse_number(text, unit=indicator.unit or None, strict=True)
    except AmbiguousNumberError as exc:
        raise WorkflowError(f"Số liệu “{indicator.name}”: {exc.message}", field="text") from exc
    except KtxhError as exc:
        if not indicator.unit:
            return None  # "đạt", "giữ vững": a qualitative figure
        raise WorkflowError(f"Số liệu “{indicator.name}”: {exc.message}", field="text") from exc
    wanted = lookup_unit(indicator.unit) if indicator.unit else None
    value = number.value
    if number.unit and wanted and number.unit != wanted.name:
        if not (number.base_unit and number.base_unit == wanted.base):
            raise WorkflowError(
                f"Số liệu “{text}” có đơn vị “{number.unit}”, khác đơn vị tính “{indicator.unit}” của chỉ tiêu "
                f"“{indicator.name}”.",
                field="text",
            )
        value = number.base_value / wanted.scale
    try:
        return check_value(value, field="giá trị", shown=text)
    except KtxhError as exc:
        raise WorkflowError(f"Số liệu “{indicator.name}”: {exc.message}", field="text") from exc


def _snapshot(actual: Actual) -> dict:
    return {k: getattr(actual, k) for k in FIELDS}


def _conflict(actual: Actual, version: int | None) -> ConflictError:
    current = Actual.objects.select_related("updated_by").get(pk=actual.pk)
    who = (current.updated_by.get_full_name() or current.updated_by.username) if current.updated_by else "người khác"
    when = timezone.localtime(current.updated_at).strftime("%H:%M ngày %d/%m/%Y")
    return ConflictError(
        f"Số liệu “{current.indicator.name}” kỳ {current.period} đã được {who} lưu lúc {when} "
        f"(phiên bản {current.version}), trong khi bạn sửa từ phiên bản {version}. "
        "Không ghi đè: hãy tải lại số liệu mới rồi sửa tiếp.",
        field="version",
    )


def _update(actual: Actual, version: int | None, user, action: str, changes: dict, comment: str = "") -> Actual:
    """Apply ``changes`` if the row still has ``version``; audit it; return the fresh row."""
    if version is None:
        raise WorkflowError("Thiếu phiên bản số liệu đang sửa (version).", field="version")
    before = _snapshot(actual)
    with transaction.atomic():
        rows = Actual.objects.filter(pk=actual.pk, version=version).update(
            **changes, version=F("version") + 1, updated_at=timezone.now(), updated_by=user
        )
        if rows == 0:
            raise _conflict(actual, version)
        fresh = Actual.objects.select_related("unit", "indicator", "period").get(pk=actual.pk)
        audit.record(fresh, action, user, audit.diff(before, _snapshot(fresh)), unit=fresh.unit, comment=comment)
    return fresh


def enter(user, *, unit, indicator, period, text: str, is_estimate: bool = False, source_note: str = "",
          version: int | None = None) -> Actual:
    """Enter a figure, or change one still being entered. ``version`` is needed to change one."""
    perms.require(
        perms.can_enter(user, unit, indicator),
        f"Bạn không được nhập số liệu chỉ tiêu “{indicator.name}” của {unit}.",
    )
    if unit.level != "commune":
        raise WorkflowError(f"Số liệu nhập cho xã, phường; “{unit}” không phải xã, phường.", field="unit")
    value = read_value(text, indicator)
    values = {"text": text.strip(), "value": value, "is_estimate": is_estimate, "source_note": source_note}
    existing = Actual.objects.filter(unit=unit, indicator=indicator, period=period).first()
    if existing is None:
        if version not in (None, 0):
            raise WorkflowError(f"Số liệu phiên bản {version} không còn tồn tại; hãy tải lại.", field="version")
        try:
            with transaction.atomic():
                actual = Actual.objects.create(unit=unit, indicator=indicator, period=period, updated_by=user, **values)
                audit.record(actual, "create", user, audit.diff({}, _snapshot(actual)), unit=unit)
        except IntegrityError:
            # Someone created the same figure between our read and our write.
            existing = Actual.objects.get(unit=unit, indicator=indicator, period=period)
            raise _conflict(existing, 0) from None
        return actual
    if existing.status not in EDITABLE:
        raise WorkflowError(
            f"Số liệu “{indicator.name}” kỳ {period} đang ở trạng thái “{existing.get_status_display()}”, "
            "không sửa được; chỉ sửa khi đang nhập hoặc bị trả lại.",
            field="status",
        )
    return _update(existing, version, user, "update", values)


def submit(user, actual: Actual, *, version: int | None) -> Actual:
    perms.require(
        perms.can_enter(user, actual.unit, actual.indicator),
        f"Bạn không được gửi số liệu chỉ tiêu “{actual.indicator.name}” của {actual.unit}.",
    )
    if actual.status not in EDITABLE:
        raise WorkflowError(f"Chỉ gửi được số liệu đang nhập hoặc bị trả lại, không phải “{actual.get_status_display()}”.")
    fresh = _update(actual, version, user, "submit", {"status": ActualStatus.SUBMITTED})
    who = user.get_full_name() or user.username
    notify.send(notify.leaders(fresh.unit), notify.Kind.SUBMITTED,
                f"{who} gửi số liệu “{fresh.indicator.name}” {fresh.period.label}: {fresh.text}. Chờ duyệt.",
                url=reverse("tracking:queue") + f"#so-lieu-{fresh.pk}")
    return fresh


def _tell_officers(actual: Actual, sender, kind: str, text: str) -> None:
    """The officer who sent the figure, and the officers of its field."""
    users = [sender, *notify.officers(actual.unit, actual.indicator.field_id)]
    notify.send(users, kind, text, url=reverse("tracking:entry", args=[actual.period_id]))


def approve(user, actual: Actual, *, version: int | None) -> Actual:
    perms.require(perms.can_review(user, actual.unit), f"Bạn không được duyệt số liệu của {actual.unit}.")
    if actual.status != ActualStatus.SUBMITTED:
        raise WorkflowError(f"Chỉ duyệt được số liệu đã gửi, không phải “{actual.get_status_display()}”.")
    sender = actual.updated_by
    fresh = _update(actual, version, user, "approve", {"status": ActualStatus.APPROVED, "review_comment": ""})
    _tell_officers(fresh, sender, notify.Kind.APPROVED,
                   f"Số liệu “{fresh.indicator.name}” {fresh.period.label} ({fresh.text}) đã được duyệt.")
    return fresh


def return_(user, actual: Actual, *, version: int | None, comment: str) -> Actual:
    perms.require(perms.can_review(user, actual.unit), f"Bạn không được trả lại số liệu của {actual.unit}.")
    if actual.status != ActualStatus.SUBMITTED:
        raise WorkflowError(f"Chỉ trả lại được số liệu đã gửi, không phải “{actual.get_status_display()}”.")
    if not (comment or "").strip():
        raise WorkflowError("Trả lại số liệu cần ghi ý kiến (lý do trả lại).", field="comment")
    sender = actual.updated_by
    fresh = _update(
        actual, version, user, "return", {"status": ActualStatus.RETURNED, "review_comment": comment.strip()},
        comment=comment.strip(),
    )
    who = user.get_full_name() or user.username
    _tell_officers(fresh, sender, notify.Kind.RETURNED,
                   f"{who} trả lại số liệu “{fresh.indicator.name}” {fresh.period.label}: {comment.strip()}")
    return fresh
