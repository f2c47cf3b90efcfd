"""The indicator catalogue in the database: the package's CSVs (``ktxh.catalogue``) as Indicator rows,
and the indicators a province adds for itself.

A catalogue entry is an Indicator whose ``catalogue`` is its catalogue code (the same as its
``code``) and whose ``province`` is empty: every commune of every province shares it. Loading is
idempotent: a second load changes nothing; after a catalogue update it rewrites the names, units,
directions, aggregations and decimals of the entries, never their targets or figures. Spellings and
synonyms stay in the package: matching reads them there.

A province planner may add an indicator for her province (``add_province_indicator``): it belongs
to that province only (``province`` set, ``catalogue`` empty). A commune never mints a shared one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from ktxh import catalogue as cat
from ktxh.web.accounts import permissions as perms
from ktxh.web.errors import WorkflowError

KEPT = ("name", "unit", "direction", "aggregation", "decimals")


@dataclass
class LoadResult:
    indicators: int = 0
    fields: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    fields_created: int = 0

    def message(self) -> str:
        head = f"Danh mục chung: {self.indicators} chỉ tiêu trong {self.fields} lĩnh vực."
        if not self.created and not self.updated and not self.fields_created:
            return f"{head} Cơ sở dữ liệu đã có đủ: không thay đổi gì ({self.unchanged} chỉ tiêu giữ nguyên)."
        return (f"{head} Đã thêm {self.created} chỉ tiêu, sửa {self.updated}, giữ nguyên {self.unchanged}; "
                f"thêm {self.fields_created} lĩnh vực.")


def _fields(Field) -> tuple[dict[str, object], int]:  # noqa: N803 - a model class, historical in migrations
    by_code = {f.code: f for f in Field.objects.all()}
    by_name = {f.name.casefold(): f for f in by_code.values()}
    out: dict[str, object] = {}
    created = 0
    for order, (code, name) in enumerate(cat.fields().items(), start=1):
        found = by_code.get(code) or by_name.get(name.casefold())
        if found is None:
            found = Field.objects.create(code=code, name=name, order=order)
            created += 1
        out[code] = found
    return out, created


def load(Field=None, Indicator=None) -> LoadResult:  # noqa: N803
    """Write the package catalogue into the database (the current models, or a migration's)."""
    if Field is None or Indicator is None:
        from .models import Field, Indicator
    entries = cat.load_catalogue()
    result = LoadResult(indicators=len(entries), fields=len(cat.fields()))
    with transaction.atomic():
        fields, result.fields_created = _fields(Field)
        stored = {i.code: i for i in Indicator.objects.filter(code__in=[e.code for e in entries])}
        for e in entries:
            values = {"name": e.name, "unit": e.unit, "direction": e.direction, "aggregation": e.aggregation,
                      "decimals": e.decimals}
            ind = stored.get(e.code)
            if ind is None:
                stored[e.code] = Indicator.objects.create(code=e.code, catalogue=e.code, field=fields[e.field],
                                                          province=None, **values)
                result.created += 1
                continue
            changed = [k for k, v in values.items() if getattr(ind, k) != v]
            if ind.catalogue != e.code or ind.province_id is not None or ind.field_id != fields[e.field].pk:
                changed.append("origin")
            if not changed:
                result.unchanged += 1
                continue
            for k, v in values.items():
                setattr(ind, k, v)
            ind.catalogue, ind.province, ind.field = e.code, None, fields[e.field]
            ind.save()  # the current model reads its targets again when the unit or direction changed
            result.updated += 1
        # Rates name their numerator and denominator by code: linked once every entry exists.
        for e in entries:
            ind = stored[e.code]
            num = stored.get(e.numerator) if e.numerator else None
            den = stored.get(e.denominator) if e.denominator else None
            if (ind.numerator_id, ind.denominator_id) != (getattr(num, "pk", None), getattr(den, "pk", None)):
                Indicator.objects.filter(pk=ind.pk).update(numerator=num, denominator=den)
    return result


def entry(code: str):
    """The Indicator row of catalogue entry ``code``: the stored one, or written from the package now
    (a database made before the catalogue, or emptied by a test, still imports onto the catalogue)."""
    from .models import Field, Indicator

    found = Indicator.objects.filter(catalogue=code).first() or Indicator.objects.filter(code=code).first()
    if found is not None:
        return found
    e = cat.get(code)
    fields, _ = _fields(Field)
    return Indicator.objects.create(code=e.code, catalogue=e.code, name=e.name, unit=e.unit, field=fields[e.field],
                                    direction=e.direction, aggregation=e.aggregation if e.aggregation != "rate" else "none",
                                    decimals=e.decimals)


def shared_or_own(qs, province):
    """The indicators a commune of ``province`` may use: the national catalogue and its province's."""
    from django.db.models import Q

    if province is None:
        return qs.filter(province__isnull=True)
    return qs.filter(Q(province__isnull=True) | Q(province=province))


def _province_code(province, name: str, unit: str, Indicator) -> str:  # noqa: N803
    # slugify drops "đ" ("động" → "ong"): it is written "d" first
    name = name.replace("đ", "d").replace("Đ", "D")
    base = f"{slugify(province.code)[:12]}-{slugify(name)[:50] or 'chi-tieu'}"
    code, n = base, 1
    while Indicator.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


def clean_new_name(name: str) -> str:
    """A proposed indicator's name as a name: no figure, target verb or period (``ktxh.catalogue``)."""
    name = " ".join((name or "").split())
    return cat.clean_name(name)[:300] if name else ""


def default_aggregation(unit: str) -> str:
    """How a new indicator's figures add up when the person does not say: a share (%, ‰) or a
    judgement in words (no unit) does not add up across communes; a count or an amount does."""
    return "none" if " ".join((unit or "").split()) in ("", "%", "‰") else "sum"


def add_province_indicator(user, province, *, name: str, unit: str, field, direction: str = "up",
                           aggregation: str | None = None, decimals: int = 0, proposed: bool = False):
    """A new indicator of ``province``'s own list. A province planner adds them; an import of one of its
    communes proposes them (``proposed``) when the person writes a clean name for a line the catalogue
    does not hold. Refused when a catalogue entry or a province indicator already has this name and unit.
    ``aggregation`` None: :func:`default_aggregation` of the unit. A refusal names the form field it is
    about (``WorkflowError.field``); the model's own checks raise Django's ``ValidationError``."""
    from .models import Indicator

    if proposed:
        perms.require(perms.can_propose_indicator(user, province),
                      f"Bạn không được đề xuất chỉ tiêu mới cho {province}.")
    else:
        perms.require(perms.can_add_province_indicator(user, province),
                      f"Chỉ cán bộ kế hoạch của {province} mới thêm chỉ tiêu riêng của tỉnh.")
    clean = clean_new_name(name)
    if len(clean) < 3:
        raise WorkflowError(f"Tên chỉ tiêu “{name}” quá ngắn: hãy ghi tên chỉ tiêu, không ghi con số.",
                            field="name")
    unit = " ".join((unit or "").split())[:40]
    same = shared_or_own(Indicator.objects.filter(name__iexact=clean, unit=unit), province).first()
    if same is not None:
        raise WorkflowError(f"Chỉ tiêu “{clean}” ({unit or 'không có đơn vị'}) đã có trong danh mục (mã {same.code}).",
                            field="name")
    ind = Indicator(code=_province_code(province, clean, unit, Indicator), name=clean, unit=unit, field=field,
                    direction=direction,
                    aggregation=aggregation if aggregation is not None else default_aggregation(unit), decimals=decimals, province=province)
    ind.full_clean()
    ind.save()
    return ind
