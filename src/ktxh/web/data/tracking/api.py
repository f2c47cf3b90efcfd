"""API: periods, actuals and their workflow and history, and plan evaluations."""


from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field as SchemaField
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from ktxh.reader import read_document
from ktxh.web.accounts import permissions as perms
from ktxh.web.data.audit import audit
from ktxh.web.errors import WorkflowError
from ktxh.web.metadata.plans.api import PlanOut
from ktxh.web.metadata.plans.models import Indicator, TargetSource
from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.schemas import MAX_ID, Id, Pages, Version, Year, text

from . import importer, workflow
from .models import Actual, Period, PeriodKind
from .uploads import check_kind, check_size, discard, keep, kept, limit_for

router = Router(tags=["Theo dõi thực hiện"])


class PeriodOut(Schema):
    id: int
    kind: str
    year: int
    number: int | None
    end_year: int | None
    label: str
    starts_on: date
    ends_on: date
    cutoff_on: date
    due_on: date


class PeriodIn(Schema):
    kind: PeriodKind
    year: Year
    number: int | None = None
    end_year: Year | None = None


class ActualOut(Schema):
    id: int
    unit_id: int
    indicator_id: int
    indicator_name: str
    period_id: int
    period_label: str
    text: str
    value: Decimal | None
    is_estimate: bool
    source_note: str
    status: str
    status_label: str
    version: int
    review_comment: str
    updated_at: datetime

    @staticmethod
    def resolve_indicator_name(obj) -> str:
        return obj.indicator.name

    @staticmethod
    def resolve_period_label(obj) -> str:
        return obj.period.label

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class ActualIn(Schema):
    unit_id: Id
    indicator_id: Id
    period_id: Id
    text: text(200, 1)
    is_estimate: bool = False
    source_note: text(5000) = ""
    version: Version | None = None


class VersionIn(Schema):
    version: Version


class ReturnIn(Schema):
    version: Version
    comment: text(5000, 1)


class AuditOut(Schema):
    at: datetime
    user: str | None
    action: str
    changes: dict[str, Any]
    comment: str

    @staticmethod
    def resolve_user(obj) -> str | None:
        return obj.user.username if obj.user else None


def _actual(request, actual_id: int) -> Actual:
    actual = get_object_or_404(Actual.objects.select_related("unit", "unit__parent", "indicator", "period"), pk=actual_id)
    perms.require(
        perms.can_read(request.user, actual.unit, actual.status),
        f"Bạn không được xem số liệu “{actual.indicator.name}” của {actual.unit}.",
    )
    return actual


@router.get("/periods", response=list[PeriodOut], summary="Các kỳ báo cáo")
@paginate(Pages)
def list_periods(request, kind: text(8) | None = None, year: Year | None = None):
    qs = Period.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    if year is not None:
        qs = qs.filter(year=year)
    return qs


@router.post("/periods", response=PeriodOut, summary="Mở (hoặc lấy) một kỳ báo cáo")
def open_period(request, data: PeriodIn):
    perms.require(perms.works_on_plans(request.user), "Người xem không mở kỳ báo cáo.")
    if data.number is not None and not 1 <= data.number <= 12:
        raise workflow.WorkflowError(f"Số tháng hoặc quý “{data.number}” không hợp lệ.", field="number")
    from django.core.exceptions import ValidationError

    try:
        return Period.get(data.kind, data.year, data.number, data.end_year)
    except ValidationError as exc:
        raise workflow.WorkflowError(" ".join(m for ms in exc.message_dict.values() for m in ms)) from exc


@router.get("/actuals", response=list[ActualOut], summary="Số liệu thực hiện được xem")
@paginate(Pages)
def list_actuals(request, unit_id: Id | None = None, period_id: Id | None = None, indicator_id: Id | None = None,
                 status: text(10) | None = None):
    qs = perms.readable_actuals(request.user, Actual.objects.select_related("indicator", "period"))
    for name, value in (("unit_id", unit_id), ("period_id", period_id), ("indicator_id", indicator_id), ("status", status)):
        if value is not None and value != "":
            qs = qs.filter(**{name: value})
    return qs


@router.get("/actuals/{actual_id}", response=ActualOut, summary="Một số liệu")
def get_actual(request, actual_id: Id):
    return _actual(request, actual_id)


@router.post("/actuals", response=ActualOut, summary="Nhập hoặc sửa số liệu (cần version khi sửa)")
def enter_actual(request, data: ActualIn):
    unit = get_object_or_404(AdminUnit.objects.select_related("parent"), pk=data.unit_id)
    indicator = get_object_or_404(Indicator, pk=data.indicator_id)
    period = get_object_or_404(Period, pk=data.period_id)
    return workflow.enter(
        request.user, unit=unit, indicator=indicator, period=period, text=data.text,
        is_estimate=data.is_estimate, source_note=data.source_note, version=data.version,
    )


@router.post("/actuals/{actual_id}/submit", response=ActualOut, summary="Gửi số liệu để duyệt")
def submit_actual(request, actual_id: Id, data: VersionIn):
    return workflow.submit(request.user, _actual(request, actual_id), version=data.version)


@router.post("/actuals/{actual_id}/approve", response=ActualOut, summary="Duyệt số liệu")
def approve_actual(request, actual_id: Id, data: VersionIn):
    return workflow.approve(request.user, _actual(request, actual_id), version=data.version)


@router.post("/actuals/{actual_id}/return", response=ActualOut, summary="Trả lại số liệu, kèm ý kiến")
def return_actual(request, actual_id: Id, data: ReturnIn):
    return workflow.return_(request.user, _actual(request, actual_id), version=data.version, comment=data.comment)


@router.get("/actuals/{actual_id}/history", response=list[AuditOut], summary="Nhật ký thay đổi của số liệu")
def actual_history(request, actual_id: Id):
    actual = _actual(request, actual_id)
    perms.require(perms.can_read_actual_history(request.user, actual), f"Bạn không được xem nhật ký số liệu của {actual.unit}.")
    return audit.history(actual)


class ImportOut(Schema):
    plans: list[PlanOut]
    targets: int
    actuals: int
    replaced: int
    same: int
    kept: int
    key_tasks: int
    indicators_created: int
    skipped: list[str]
    message: str


class ImportRowOut(Schema):
    key: int
    kind: str
    code: str | None
    name: str
    score: float | None
    period: str
    year: int | None
    unit: str
    value: str
    action: str
    action_label: str
    reason: str
    old: str | None
    source: str
    location: str
    candidates: list[dict[str, Any]]


class ImportPreviewOut(Schema):
    key: str
    name: str
    digest: str
    counts: dict[str, int]
    rows: list[ImportRowOut]


class ImportChoiceIn(Schema):
    key: int = SchemaField(..., ge=1, le=MAX_ID)
    indicator: text(80) = ""
    name: text(300) = ""
    replace: bool = False


class ImportAcceptIn(Schema):
    key: text(80, 1)
    name: text(200) = ""
    digest: text(64, 1)
    unit_id: Id
    source: TargetSource = TargetSource.HDND
    choices: list[ImportChoiceIn] = []


_UNIT_FORM = Form(..., ge=1, le=MAX_ID)
_SOURCE_FORM = Form(TargetSource.HDND)
# Optional in the schema: an empty file part reaches the view as no file (Django drops it) and gets the
# Vietnamese 400 below, not ninja's 422 "Field required".
_FILE = File(None)


def _upload(file: UploadedFile | None) -> tuple[str, bytes]:
    """The uploaded file's name and bytes, its kind and size checked (``uploads``)."""
    if file is None or not file.size:
        raise WorkflowError("Chưa có tệp hoặc tệp trống: hãy chọn một văn bản .docx, .pdf, .xlsx hoặc .txt.",
                            field="file")
    name = file.name or "van-ban.txt"
    check_kind(name)
    check_size(name, file.size)  # before reading: the true size and the limit of its kind in the message
    return name, file.read(limit_for(name) + 1)


def _import_out(result) -> dict:
    return {"plans": result.plans, "targets": result.targets, "actuals": result.actuals, "replaced": result.replaced,
            "same": result.same, "kept": result.kept, "key_tasks": result.key_tasks,
            "indicators_created": result.indicators_created, "skipped": result.skipped, "message": result.message()}


def _commune(request, unit_id: int) -> AdminUnit:
    unit = get_object_or_404(AdminUnit.objects.select_related("parent"), pk=unit_id)
    perms.require(perms.can_draft_plan(request.user, unit), f"Bạn không được nhập văn bản vào kế hoạch của {unit}.")
    return unit


@router.post("/imports", response={201: ImportOut}, summary="Nhập văn bản (.docx, .pdf, .xlsx, .txt) thành kế hoạch dự thảo")
def import_file(request, unit_id: int = _UNIT_FORM, file: UploadedFile | None = _FILE,
                source: TargetSource = _SOURCE_FORM):
    """In one step: every row below the threshold skipped, every stored difference kept (see /imports/preview)."""
    unit = _commune(request, unit_id)
    name, data = _upload(file)
    doc = read_document(data, filename=name)
    return 201, _import_out(importer.import_document(doc, unit=unit, user=request.user, source=source))


@router.post("/imports/preview", response=ImportPreviewOut, summary="Xem trước việc nhập văn bản: từng dòng sẽ làm gì")
def preview_import(request, unit_id: int = _UNIT_FORM, file: UploadedFile | None = _FILE,
                   source: TargetSource = _SOURCE_FORM):
    unit = _commune(request, unit_id)
    name, data = _upload(file)
    prepared = importer.prepare(read_document(data, filename=name), unit=unit, user=request.user, source=source)
    return {"key": keep(data, name), "name": name, "digest": prepared.digest(), "counts": prepared.counts(),
            "rows": [r.to_dict() for r in prepared.rows]}


@router.post("/imports/accept", response={201: ImportOut}, summary="Nhận văn bản đã xem trước, với các lựa chọn")
def accept_import(request, data: ImportAcceptIn):
    unit = _commune(request, data.unit_id)
    name = data.name if Path(data.name).suffix.lower() == Path(data.key).suffix else data.key
    prepared = importer.prepare(read_document(kept(data.key), filename=name), unit=unit, user=request.user,
                                source=data.source)
    if prepared.digest() != data.digest:
        raise WorkflowError("Dữ liệu đã thay đổi từ lúc xem trước: hãy xem trước lại rồi mới nhận.", field="digest")
    result = importer.apply(prepared, {c.key: {"indicator": c.indicator, "name": c.name, "replace": c.replace}
                                       for c in data.choices})
    discard(data.key)
    return 201, _import_out(result)
