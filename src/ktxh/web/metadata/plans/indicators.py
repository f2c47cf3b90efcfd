"""The page ``/chi-tieu/``: the indicators a person works with (the national catalogue and her
province's own list, never another province's), by field, searchable with or without tone marks;
a province planner adds her province's own indicators there (``catalogue.add_province_indicator``,
which asks ``permissions`` and holds every rule of a new indicator)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse

from ktxh.catalogue.normalize import bare
from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Role
from ktxh.web.errors import WorkflowError
from ktxh.web.ui import export
from ktxh.web.ui.pages import page, signed_in
from ktxh.web.ui.params import int_param

from . import catalogue
from .forms import ProvinceIndicatorForm
from .models import Field, Indicator, Target

APPROVED = "approved"  # tracking.ActualStatus.APPROVED (data builds on metadata: not imported from there)

NATIONAL = "Danh mục quốc gia"
HEADER = ["Lĩnh vực", "Mã", "Tên chỉ tiêu", "ĐVT", "Chiều đánh giá", "Cách cộng dồn", "Số chữ số thập phân", "Nguồn"]


@dataclass
class Row:
    indicator: Indicator
    origin: str
    link: str  # where it is used, or ""


def origin(ind: Indicator) -> str:
    return f"Riêng của {ind.province}" if ind.province_id else NATIONAL


def listed(user):
    """The national catalogue and the user's province's own indicators (a superuser: every
    province's); indicators made by hand outside both stay out."""
    s = perms.scope(user)
    qs = Indicator.objects.select_related("field", "province").order_by("field__order", "field__name", "name", "pk")
    if s.is_superuser and s.province is None:
        return qs.filter(~Q(catalogue="") | Q(province__isnull=False))
    if s.province is None:
        return qs.exclude(catalogue="").filter(province__isnull=True)
    return qs.filter((~Q(catalogue="") & Q(province__isnull=True)) | Q(province=s.province))


def _links(user) -> dict[int, str]:
    """Indicator id → the page where the user sees it used: the comparison across the province's
    communes for whoever may open it, the commune's indicator page for a commune's own people."""
    s = perms.scope(user)
    if s.role in (Role.LEADER, Role.OFFICER) and s.unit is not None:
        ids = set(perms.readable_targets(user, Target.objects.filter(plan__unit=s.unit))
                  .values_list("indicator_id", flat=True))
        ids |= set(Indicator.objects.filter(actuals__unit=s.unit).values_list("pk", flat=True))
        return {pk: reverse("analytics:indicator", args=[s.unit.pk, pk]) for pk in ids}
    if s.province is not None:
        # the comparison lists the indicators with an approved figure in the province's communes
        # (analytics.compare.indicators_of); asked through the relation, since analytics builds on plans
        base = reverse("analytics:compare", args=[s.province.pk])
        ids = Indicator.objects.filter(actuals__unit__parent=s.province, actuals__status=APPROVED).values_list("pk")
        return {pk: f"{base}?chi_tieu={pk}" for pk in set(i for (i,) in ids)}
    return {}


def _invalid(form: ProvinceIndicatorForm, exc: ValidationError) -> None:
    """The model's refusals, beside their fields, each naming the field and the value."""
    values = dict(form.cleaned_data)  # add_error drops a field's value
    for name, errors in exc.message_dict.items():
        target = name if name in form.fields else None
        for msg in errors:
            if target is not None:
                value = values.get(name)
                shown = getattr(value, "name", value)
                if str(shown) not in msg:
                    msg = f"{form.fields[name].label} “{shown}”: {msg}"
            form.add_error(target, msg)


@signed_in
def indicators_page(request):
    s = perms.scope(request.user)
    province = s.province
    may_add = province is not None and perms.can_add_province_indicator(request.user, province)
    if request.method == "POST":
        perms.require(may_add, "Chỉ cán bộ kế hoạch tỉnh mới thêm được chỉ tiêu riêng của tỉnh.")
    form = ProvinceIndicatorForm(request.POST if request.method == "POST" else None) if may_add else None
    if form is not None and form.is_bound and form.is_valid():
        d = form.cleaned_data
        try:
            ind = catalogue.add_province_indicator(
                request.user, province, name=d["name"], unit=d["unit"], field=d["field"], direction=d["direction"],
                aggregation=d["aggregation"] or None, decimals=d["decimals"])
        except WorkflowError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        except ValidationError as exc:
            _invalid(form, exc)
        else:
            messages.success(request, f"Đã thêm chỉ tiêu “{ind.name}”{f' ({ind.unit})' if ind.unit else ''} vào danh mục "
                                      f"riêng của {province}, mã {ind.code}.")
            return redirect(reverse("plans:indicators") + f"?linh_vuc={ind.field_id}#chi-tieu-{ind.pk}")

    fields = list(Field.objects.order_by("order", "name"))
    field_id = int_param(request, "linh_vuc")
    q = request.GET.get("q", "").strip()[:100]
    words = bare(q).split()
    qs = listed(request.user)
    if field_id is not None:
        qs = qs.filter(field_id=field_id)
    links = _links(request.user)
    rows = [Row(i, origin(i), links.get(i.pk, "")) for i in qs if all(w in bare(i.name) for w in words)]
    fmt = export.wanted(request)
    if fmt:
        table = [[r.indicator.field.name, r.indicator.code, r.indicator.name, r.indicator.unit,
                  r.indicator.get_direction_display(), r.indicator.get_aggregation_display(), r.indicator.decimals,
                  r.origin] for r in rows]
        return export.download(fmt, "danh-muc-chi-tieu", [export.Table("Danh mục chỉ tiêu", HEADER, table)])
    groups: dict[Field, list[Row]] = {}
    for r in rows:
        groups.setdefault(r.indicator.field, []).append(r)
    ctx = {"title": "Danh mục chỉ tiêu", "groups": list(groups.items()), "count": len(rows), "fields": fields,
           "field_id": field_id, "q": q, "form": form, "province": province,
           "export_links": export.links(request), "export_what": "danh mục chỉ tiêu"}
    return page(request, "plans/indicators.html", ctx, status=400 if form is not None and form.errors else 200)
