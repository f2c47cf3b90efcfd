"""Changing plans and targets: permission, validation and audit in one transaction."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ktxh.web.accounts import permissions as perms
from ktxh.web.data.audit import audit
from ktxh.web.errors import ConflictError, WorkflowError

from .models import KeyTask, Plan, PlanStatus, Target


def _errors_text(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return " ".join(m for msgs in exc.message_dict.values() for m in msgs)
    return " ".join(exc.messages)


def create_plan(user, *, unit, kind: str, start_year: int, end_year: int, title: str, legal_basis: str = "",
                source_document: str = "") -> Plan:
    perms.require(perms.can_draft_plan(user, unit), f"Bạn không được lập kế hoạch cho {unit}.")
    plan = Plan(unit=unit, kind=kind, start_year=start_year, end_year=end_year, title=title,
                legal_basis=legal_basis, source_document=source_document,
                created_by=user if user.is_authenticated else None)
    try:
        plan.full_clean()
    except ValidationError as exc:
        raise WorkflowError(_errors_text(exc)) from exc
    with transaction.atomic():
        plan.save()
        audit.record(plan, "create", user, {"title": [None, title], "status": [None, plan.status]}, unit=unit)
    return plan


def approve_plan(user, plan: Plan) -> Plan:
    perms.require(perms.can_review(user, plan.unit), f"Bạn không được phê duyệt kế hoạch của {plan.unit}.")
    if plan.status != PlanStatus.DRAFT:
        raise WorkflowError(f"Kế hoạch “{plan.title}” đã được phê duyệt.")
    if not plan.targets.exists():
        raise WorkflowError(f"Kế hoạch “{plan.title}” chưa có chỉ tiêu nào, chưa phê duyệt được.")
    with transaction.atomic():
        rows = Plan.objects.filter(pk=plan.pk, status=PlanStatus.DRAFT).update(
            status=PlanStatus.APPROVED, approved_by=user, approved_at=timezone.now()
        )
        if rows == 0:
            raise ConflictError(f"Kế hoạch “{plan.title}” vừa được người khác phê duyệt.")
        audit.record(plan, "approve", user, {"status": [PlanStatus.DRAFT, PlanStatus.APPROVED]}, unit=plan.unit)
    plan.refresh_from_db()
    return plan


def set_target(user, plan: Plan, *, indicator, text: str, year: int | None, source: str, note: str = "",
               version: int | None = None) -> Target:
    """Add a target, or change one (naming the ``version`` it was read at)."""
    perms.require(
        perms.can_edit_target(user, plan, indicator),
        f"Bạn không được sửa chỉ tiêu “{indicator.name}” của kế hoạch “{plan.title}”"
        + (" (kế hoạch đã phê duyệt)." if plan.status != PlanStatus.DRAFT else "."),
    )
    existing = Target.objects.filter(plan=plan, indicator=indicator, year=year, source=source).first()
    target = existing or Target(plan=plan, indicator=indicator, year=year, source=source)
    before = {"text": target.text, "note": target.note} if existing else {}
    target.text, target.note = (text or "").strip(), note
    try:
        target.full_clean(exclude=["plan", "indicator"] if existing else None, validate_unique=False)
    except ValidationError as exc:
        raise WorkflowError(_errors_text(exc), field="text") from exc
    with transaction.atomic():
        if existing is None:
            if version not in (None, 0):
                raise WorkflowError(f"Chỉ tiêu phiên bản {version} không còn tồn tại; hãy tải lại.", field="version")
            try:
                with transaction.atomic():
                    target.save()
            except IntegrityError:
                raise ConflictError(f"Chỉ tiêu “{indicator.name}” năm {year} vừa được người khác thêm; hãy tải lại.") from None
        else:
            if version is None:
                raise WorkflowError("Thiếu phiên bản chỉ tiêu đang sửa (version).", field="version")
            parsed = target.core_target().to_dict()
            rows = Target.objects.filter(pk=target.pk, version=version).update(
                text=target.text, note=note, parsed=parsed, version=F("version") + 1
            )
            if rows == 0:
                raise ConflictError(
                    f"Chỉ tiêu “{indicator.name}” đã được người khác sửa (phiên bản {Target.objects.get(pk=target.pk).version}), "
                    f"trong khi bạn sửa từ phiên bản {version}. Không ghi đè: hãy tải lại rồi sửa tiếp."
                )
            target.refresh_from_db()
        audit.record(target, "update" if existing else "create", user,
                     audit.diff(before, {"text": target.text, "note": target.note}), unit=plan.unit)
    return target


UNCHANGED = object()  # change_key_task: leave the task's field as it is


def add_key_task(user, plan: Plan, *, content: str, result: str = "", assigned_by: str = "", field=None) -> KeyTask:
    """Add a key task (nhiệm vụ trọng tâm) to a draft plan."""
    perms.require(perms.can_edit_key_task(user, plan),
                  f"Bạn không được thêm nhiệm vụ trọng tâm vào kế hoạch “{plan.title}”"
                  + (" (kế hoạch đã phê duyệt)." if plan.status != PlanStatus.DRAFT else "."))
    if not (content or "").strip():
        raise WorkflowError("Nhiệm vụ trọng tâm cần có nội dung.", field="content")
    with transaction.atomic():
        order = (plan.key_tasks.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        task = KeyTask.objects.create(plan=plan, order=order, content=content.strip(), result=(result or "").strip(),
                                      assigned_by=(assigned_by or "").strip(), field=field)
        audit.record(task, "create", user, audit.diff({}, _key_task_state(task)), unit=plan.unit)
    return task


def _key_task_state(task: KeyTask) -> dict:
    return {"content": task.content, "assigned_by": task.assigned_by, "field": task.field_id, "result": task.result}


def change_key_task(user, plan: Plan, task: KeyTask, *, version: int | None, result: str | None = None,
                    content: str | None = None, assigned_by: str | None = None, field=UNCHANGED) -> KeyTask:
    """Change a key task read at ``version`` (``None`` arguments, and ``field=UNCHANGED``, are left as
    they are; ``field=None`` clears the field). Once the plan is approved only the result changes, by the leader or the officer
    of the task's field; a stale ``version`` is refused (409), as for figures and targets."""
    before = _key_task_state(task)
    wanted = dict(before)
    if result is not None:
        wanted["result"] = result.strip()
    if content is not None:
        wanted["content"] = content.strip()
    if assigned_by is not None:
        wanted["assigned_by"] = assigned_by.strip()
    if field is not UNCHANGED:
        wanted["field"] = field.pk if field is not None else None
    other = {k for k in ("content", "assigned_by", "field") if wanted[k] != before[k]}
    if other:
        perms.require(perms.can_edit_key_task(user, plan),
                      f"Kế hoạch “{plan.title}” đã phê duyệt: chỉ ghi được kết quả của nhiệm vụ trọng tâm, "
                      "không sửa nội dung, nơi giao hay lĩnh vực." if plan.status != PlanStatus.DRAFT else
                      f"Bạn không được sửa nhiệm vụ trọng tâm của {plan.unit}.")
    else:
        perms.require(perms.can_record_key_task_result(user, plan, task),
                      f"Bạn không được ghi kết quả nhiệm vụ trọng tâm “{task.content[:60]}” của {plan.unit}: "
                      "chỉ lãnh đạo xã, phường hoặc công chức được giao lĩnh vực của nhiệm vụ.")
    if not wanted["content"]:
        raise WorkflowError("Nhiệm vụ trọng tâm cần có nội dung.", field="content")
    if version is None:
        raise WorkflowError("Thiếu phiên bản nhiệm vụ trọng tâm đang sửa (version).", field="version")
    with transaction.atomic():
        rows = KeyTask.objects.filter(pk=task.pk, version=version).update(
            content=wanted["content"], assigned_by=wanted["assigned_by"], field_id=wanted["field"],
            result=wanted["result"], version=F("version") + 1,
        )
        if rows == 0:
            current = KeyTask.objects.filter(pk=task.pk).values_list("version", flat=True).first()
            raise ConflictError(
                f"Nhiệm vụ trọng tâm “{task.content[:60]}” đã được người khác sửa (phiên bản {current}), trong khi "
                f"bạn sửa từ phiên bản {version}. Không ghi đè: hãy tải lại rồi sửa tiếp.", field="version")
        task.refresh_from_db()
        audit.record(task, "update", user, audit.diff(before, _key_task_state(task)), unit=plan.unit)
    return task
