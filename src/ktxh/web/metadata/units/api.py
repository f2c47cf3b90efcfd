"""API: administrative units and their lineage (reference data, readable by every user)."""


from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from ktxh.web.schemas import Day, Id, Pages, text

from .models import AdminUnit

router = Router(tags=["Đơn vị hành chính"])


class UnitOut(Schema):
    id: int
    code: str
    name: str
    level: str
    kind: str
    kind_label: str
    parent_id: int | None
    valid_from: date | None
    valid_to: date | None
    note: str

    @staticmethod
    def resolve_kind_label(obj) -> str:
        return obj.get_kind_display()


class UnitDetail(UnitOut):
    predecessors: list[UnitOut]
    lineage: list[UnitOut]
    successors: list[UnitOut]

    @staticmethod
    def resolve_predecessors(obj):
        return list(obj.predecessors.all())

    @staticmethod
    def resolve_lineage(obj):
        return obj.lineage()

    @staticmethod
    def resolve_successors(obj):
        return list(obj.successors.all())


@router.get("/units", response=list[UnitOut], summary="Danh sách đơn vị hành chính")
@paginate(Pages)
def list_units(request, level: text(10) | None = None, parent_id: Id | None = None, q: text(100) | None = None,
               valid_on: Day | None = None):
    qs = AdminUnit.objects.standing(valid_on)
    if level:
        qs = qs.filter(level=level)
    if parent_id is not None:
        qs = qs.filter(parent_id=parent_id)
    if q:
        qs = qs.filter(name__icontains=q)
    return qs


@router.get("/units/{unit_id}", response=UnitDetail, summary="Một đơn vị và các đơn vị hình thành nên nó")
def get_unit(request, unit_id: Id):
    return get_object_or_404(AdminUnit, pk=unit_id)
