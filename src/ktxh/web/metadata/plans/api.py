"""API: fields, indicators, plans, targets and key tasks."""


from datetime import datetime
from typing import Any, Literal

from django.shortcuts import get_object_or_404
from ninja import Field as SchemaField
from ninja import Router, Schema
from ninja.pagination import paginate

from ktxh.web.accounts import permissions as perms
from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.schemas import Id, Pages, Version, Year, text

from . import catalogue, services
from .models import Field, Indicator, KeyTask, Plan, PlanKind, Target, TargetSource

router = Router(tags=["Kế hoạch và chỉ tiêu"])


class FieldOut(Schema):
    id: int
    code: str
    name: str
    order: int


class IndicatorOut(Schema):
    id: int
    code: str
    name: str
    unit: str
    field_id: int
    direction: str
    aggregation: str
    numerator_id: int | None
    denominator_id: int | None
    decimals: int
    catalogue: str
    province_id: int | None


class TargetOut(Schema):
    id: int
    plan_id: int
    indicator_id: int
    indicator_name: str
    year: int | None
    source: str
    source_label: str
    text: str
    parsed: dict[str, Any]
    note: str
    version: int

    @staticmethod
    def resolve_indicator_name(obj) -> str:
        return obj.indicator.name

    @staticmethod
    def resolve_source_label(obj) -> str:
        return obj.get_source_display()


class KeyTaskOut(Schema):
    id: int
    order: int
    content: str
    assigned_by: str
    field_id: int | None
    result: str
    version: int


class PlanOut(Schema):
    id: int
    unit_id: int
    unit_name: str
    kind: str
    start_year: int
    end_year: int
    title: str
    status: str
    status_label: str
    legal_basis: str
    source_document: str
    created_at: datetime
    approved_at: datetime | None

    @staticmethod
    def resolve_unit_name(obj) -> str:
        return str(obj.unit)

    @staticmethod
    def resolve_status_label(obj) -> str:
        return obj.get_status_display()


class PlanDetail(PlanOut):
    targets: list[TargetOut]
    key_tasks: list[KeyTaskOut]

    @staticmethod
    def resolve_targets(obj):
        return list(obj.targets.select_related("indicator"))

    @staticmethod
    def resolve_key_tasks(obj):
        return list(obj.key_tasks.all())


class PlanIn(Schema):
    unit_id: Id
    kind: PlanKind
    start_year: Year
    end_year: Year = SchemaField(description="Không trước start_year; kế hoạch năm: bằng start_year; kế hoạch nhiệm kỳ: "
                                        "4–5 năm sau start_year. Sai thì trả 400, kèm lời báo lỗi.")
    title: text(300, 1)
    legal_basis: text(5000) = ""


class TargetIn(Schema):
    indicator_id: Id
    text: text(500, 1)
    year: Year | None = None
    source: TargetSource = TargetSource.HDND
    note: text(5000) = ""
    version: Version | None = None


def readable_plan(request, plan_id: int) -> Plan:
    plan = get_object_or_404(Plan.objects.select_related("unit", "unit__parent"), pk=plan_id)
    perms.require(perms.can_read_plan(request.user, plan), f"Bạn không được xem kế hoạch “{plan.title}”.")
    return plan


@router.get("/fields", response=list[FieldOut], summary="Các lĩnh vực")
def list_fields(request):
    return Field.objects.all()


class ProvinceIndicatorIn(Schema):
    province_id: Id
    name: text(300, 1)
    unit: text(40) = ""
    field_id: Id
    direction: Literal["up", "down"] = "up"
    decimals: int = SchemaField(0, ge=0, le=6)


@router.get("/indicators", response=list[IndicatorOut], summary="Danh mục chỉ tiêu")
@paginate(Pages)
def list_indicators(request, field_id: Id | None = None, q: text(100) | None = None):
    # The national catalogue, and the own indicators of the person's province (never another's).
    qs = catalogue.shared_or_own(Indicator.objects.all(), perms.scope(request.user).province)
    if field_id is not None:
        qs = qs.filter(field_id=field_id)
    if q:
        qs = qs.filter(name__icontains=q)
    return qs


@router.post("/indicators", response={201: IndicatorOut}, summary="Thêm chỉ tiêu riêng của tỉnh")
def add_indicator(request, data: ProvinceIndicatorIn):
    province = get_object_or_404(AdminUnit, pk=data.province_id, level="province")
    field = get_object_or_404(Field, pk=data.field_id)
    ind = catalogue.add_province_indicator(
        request.user, province, name=data.name, unit=data.unit, field=field, direction=data.direction,
        decimals=data.decimals)
    return 201, ind


@router.get("/indicators/{indicator_id}", response=IndicatorOut, summary="Một chỉ tiêu")
def get_indicator(request, indicator_id: Id):
    return get_object_or_404(Indicator, pk=indicator_id)


@router.get("/plans", response=list[PlanOut], summary="Các kế hoạch được xem")
@paginate(Pages)
def list_plans(request, unit_id: Id | None = None, status: text(10) | None = None):
    qs = perms.readable_plans(request.user, Plan.objects.select_related("unit"))
    if unit_id is not None:
        qs = qs.filter(unit_id=unit_id)
    if status:
        qs = qs.filter(status=status)
    return qs


@router.get("/plans/{plan_id}", response=PlanDetail, summary="Một kế hoạch, các chỉ tiêu và nhiệm vụ trọng tâm")
def get_plan(request, plan_id: Id):
    return readable_plan(request, plan_id)


@router.post("/plans", response={201: PlanOut}, summary="Lập kế hoạch (dự thảo)")
def create_plan(request, data: PlanIn):
    unit = get_object_or_404(AdminUnit.objects.select_related("parent"), pk=data.unit_id)
    plan = services.create_plan(
        request.user, unit=unit, kind=data.kind, start_year=data.start_year, end_year=data.end_year,
        title=data.title, legal_basis=data.legal_basis,
    )
    return 201, plan


@router.post("/plans/{plan_id}/approve", response=PlanOut, summary="Phê duyệt kế hoạch")
def approve_plan(request, plan_id: Id):
    return services.approve_plan(request.user, readable_plan(request, plan_id))


@router.get("/plans/{plan_id}/targets", response=list[TargetOut], summary="Chỉ tiêu của kế hoạch")
def list_targets(request, plan_id: Id, year: Year | None = None):
    qs = readable_plan(request, plan_id).targets.select_related("indicator")
    if year is not None:
        qs = qs.filter(year=year)
    return qs


@router.get("/targets", response=list[TargetOut], summary="Chỉ tiêu của mọi kế hoạch được xem (lọc theo đơn vị, chỉ tiêu, năm)")
@paginate(Pages)
def search_targets(request, unit_id: Id | None = None, indicator_id: Id | None = None, year: Year | None = None):
    qs = perms.readable_targets(request.user, Target.objects.select_related("indicator", "plan"))
    if unit_id is not None:
        qs = qs.filter(plan__unit_id=unit_id)
    if indicator_id is not None:
        qs = qs.filter(indicator_id=indicator_id)
    if year is not None:
        qs = qs.filter(year=year)
    return qs.order_by("year", "plan_id", "source", "pk")


@router.post("/plans/{plan_id}/targets", response=TargetOut, summary="Thêm hoặc sửa chỉ tiêu (kế hoạch dự thảo)")
def set_target(request, plan_id: Id, data: TargetIn):
    plan = readable_plan(request, plan_id)
    indicator = get_object_or_404(Indicator, pk=data.indicator_id)
    return services.set_target(
        request.user, plan, indicator=indicator, text=data.text, year=data.year, source=data.source,
        note=data.note, version=data.version,
    )




class KeyTaskIn(Schema):
    content: text(5000, 1)
    result: text(10000) = ""
    assigned_by: text(200) = ""
    field_id: Id | None = None


class KeyTaskChange(Schema):
    """Only what changes; once the plan is approved, only ``result``."""

    version: Version
    result: text(10000) | None = None
    content: text(5000, 1) | None = None
    assigned_by: text(200) | None = None
    field_id: Id | None = None


class KeyTaskError(Schema):
    detail: str
    field: str | None = None


def _field(field_id: int | None):
    return get_object_or_404(Field, pk=field_id) if field_id is not None else None


@router.post("/plans/{plan_id}/key-tasks", response={201: KeyTaskOut}, summary="Thêm nhiệm vụ trọng tâm (kế hoạch dự thảo)")
def add_key_task(request, plan_id: Id, data: KeyTaskIn):
    plan = readable_plan(request, plan_id)
    return 201, services.add_key_task(request.user, plan, content=data.content, result=data.result,
                                      assigned_by=data.assigned_by, field=_field(data.field_id))


@router.post("/plans/{plan_id}/key-tasks/{task_id}", response={200: KeyTaskOut, 409: KeyTaskError},
             summary="Ghi kết quả nhiệm vụ trọng tâm (sửa nội dung khi kế hoạch còn dự thảo), kèm version đã đọc")
def update_key_task(request, plan_id: Id, task_id: Id, data: KeyTaskChange):
    plan = readable_plan(request, plan_id)
    task = get_object_or_404(KeyTask, pk=task_id, plan=plan)
    sent = data.model_dump(exclude_unset=True)
    field = _field(data.field_id) if "field_id" in sent else services.UNCHANGED
    return services.change_key_task(request.user, plan, task, version=data.version, result=data.result,
                                    content=data.content, assigned_by=data.assigned_by, field=field)


class MergeIn(Schema):
    """Merge ``removed_id`` into ``kept_id``; ``on_clash``: "giu" keeps the kept indicator's rows where
    both have one, "thay" takes the removed one's; ``dry_run``: only say what would happen."""

    kept_id: Id
    removed_id: Id
    on_clash: text(4) = ""
    dry_run: bool = False


class MergeClashOut(Schema):
    kind: str
    where: str
    kept_text: str
    removed_text: str


class MergeOut(Schema):
    kept_id: int
    removed_id: int
    targets: int
    actuals: int
    clashes: list[MergeClashOut]
    problems: list[str]
    allowed: bool
    merged: bool


class MergeError(Schema):
    detail: str
    field: str | None = None


@router.post("/indicator-merges", response={200: MergeOut, 400: MergeError, 403: MergeError, 404: MergeError,
                                            409: MergeError},
             summary="Gộp hai chỉ tiêu: mọi mục tiêu và số liệu của chỉ tiêu bị gộp chuyển sang chỉ tiêu giữ lại")
def merge_indicators(request, data: MergeIn):
    from . import merge

    perms.require(perms.merges_indicators(request.user), "Chỉ cán bộ kế hoạch tỉnh mới gộp được chỉ tiêu.")
    kept = get_object_or_404(Indicator, pk=data.kept_id)
    removed = get_object_or_404(Indicator, pk=data.removed_id)
    p = merge.preview(kept, removed)
    allowed = merge.may_merge(request.user, kept, removed, p)
    if data.dry_run:
        perms.require(allowed, f"Bạn không được gộp chỉ tiêu “{removed.name}” vào “{kept.name}”.")
    else:
        p = merge.merge(request.user, kept, removed, on_clash=data.on_clash.strip())
    return {"kept_id": kept.pk, "removed_id": removed.pk, "targets": len(p.targets), "actuals": len(p.actuals),
            "clashes": [{"kind": c.kind, "where": c.where, "kept_text": c.kept_text, "removed_text": c.removed_text}
                        for c in p.clashes],
            "problems": p.problems, "allowed": allowed, "merged": not data.dry_run}
