"""Merging two indicators: every target and figure of the removed one moves to the kept one.

Earlier imports created the same indicator twice ("Tổng sản lượng lương thực" and "Sản lượng
lương thực"): a province planner merges them. What would collide — a target of the same plan,
year and source, a figure of the same commune and period under both — is listed, and the merge
is refused until the planner says which one stays (``on_clash``: ``giu`` keeps the kept
indicator's, ``thay`` takes the removed one's). Every row that moves or is dropped gets an
audit entry (``ktxh.web.data.audit``), and so does the removed indicator, in one transaction.

Who may merge is asked of ``accounts.permissions.can_merge_indicators``; the province of an
indicator is read from the units of the plans and figures that use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from ktxh.catalogue.model import find as catalogue_entry
from ktxh.core.errors import KtxhError
from ktxh.web.accounts import permissions as perms
from ktxh.web.data.audit import audit
from ktxh.web.errors import ConflictError, WorkflowError
from ktxh.web.metadata.units.models import AdminUnit, Level

from .models import Indicator, Target

KEEP, REPLACE = "giu", "thay"
# The figures' side (``data.tracking.merging``: of, unit_ids, key, kept_by_key, place, unit, shown,
# move), registered by the tracking app when it is ready: that app stands above this one.
_figures: list = []


def register_figures(rows) -> None:
    _figures[:] = [rows]


def _figs():
    if not _figures:
        raise RuntimeError("the tracking app has not registered its figures with the merge")
    return _figures[0]
ON_CLASH = {KEEP: "giữ số liệu, chỉ tiêu của chỉ tiêu giữ lại", REPLACE: "lấy số liệu, chỉ tiêu của chỉ tiêu bị gộp"}


@dataclass
class Clash:
    """A target or a figure that both indicators have at the same place."""

    kind: str  # "target" or "actual"
    where: str  # "Phường Lê Lợi, Năm 2023" / "Kế hoạch … năm 2024 (Nghị quyết HĐND)"
    kept: object
    removed: object

    @property
    def kept_text(self) -> str:
        return self.kept.text

    @property
    def removed_text(self) -> str:
        return self.removed.text


@dataclass
class Preview:
    kept: Indicator
    removed: Indicator
    targets: list = field(default_factory=list)  # the removed one's targets that move
    actuals: list = field(default_factory=list)  # the removed one's figures that move
    clashes: list = field(default_factory=list)
    ratios: list = field(default_factory=list)  # indicators whose numerator or denominator it is
    problems: list = field(default_factory=list)  # why the merge cannot be done at all
    units: list = field(default_factory=list)  # the units whose data moves

    @property
    def moves(self) -> int:
        return len(self.targets) + len(self.actuals) - len(self.clashes)


def is_shared(indicator: Indicator) -> bool:
    """An indicator of the national catalogue, shared by every province (no owning province)."""
    return indicator.province_id is None and bool(indicator.catalogue or catalogue_entry(indicator.code))


def units_of(indicator: Indicator) -> list[AdminUnit]:
    """The units whose plans or figures use the indicator."""
    ids = set(Target.objects.filter(indicator=indicator).values_list("plan__unit_id", flat=True))
    ids |= _figs().unit_ids(indicator)
    return list(AdminUnit.objects.filter(pk__in=ids).select_related("parent").order_by("name"))


def _target_place(t: Target) -> str:
    year = f"năm {t.year}" if t.year else "cả nhiệm kỳ"
    return f"{t.plan.unit}: {t.plan.title}, {year} ({t.get_source_display()})"


def _same_unit(a: str, b: str) -> bool:
    return not a.strip() or not b.strip() or a.strip().casefold() == b.strip().casefold()


def preview(kept: Indicator, removed: Indicator) -> Preview:
    """What a merge of ``removed`` into ``kept`` moves, what collides, and what forbids it."""
    p = Preview(kept, removed)
    if kept.pk == removed.pk:
        p.problems.append(f"Chỉ tiêu giữ lại và chỉ tiêu bị gộp là một: “{kept.name}”. Hãy chọn hai chỉ tiêu khác nhau.")
        return p
    if not _same_unit(kept.unit, removed.unit):
        p.problems.append(f"Đơn vị tính khác nhau: “{kept.unit}” của “{kept.name}” và “{removed.unit}” của "
                          f"“{removed.name}”; số liệu không chuyển sang được mà không đổi đơn vị.")
    if removed.pk in (kept.numerator_id, kept.denominator_id):
        p.problems.append(f"“{removed.name}” là tử số hay mẫu số của chính “{kept.name}”, không gộp được.")
    p.targets = list(Target.objects.filter(indicator=removed).select_related("plan__unit", "indicator")
                     .order_by("plan__unit__name", "plan__start_year", "year", "source"))
    figs = _figs()
    p.actuals = figs.of(removed)
    kept_targets = {(t.plan_id, t.year, t.source): t
                    for t in Target.objects.filter(indicator=kept, plan_id__in={t.plan_id for t in p.targets})}
    kept_actuals = figs.kept_by_key(kept, p.actuals)
    for t in p.targets:
        other = kept_targets.get((t.plan_id, t.year, t.source))
        if other is not None:
            p.clashes.append(Clash("target", _target_place(t), other, t))
    for a in p.actuals:
        other = kept_actuals.get(figs.key(a))
        if other is not None:
            p.clashes.append(Clash("actual", figs.place(a), other, a))
    p.ratios = list(Indicator.objects.filter(pk__in=_ratio_ids(removed)).exclude(pk=kept.pk))
    p.units = units_of(removed)
    return p


def _ratio_ids(removed: Indicator) -> set[int]:
    from django.db.models import Q

    return set(Indicator.objects.filter(Q(numerator=removed) | Q(denominator=removed)).values_list("pk", flat=True))


def shown(user, row) -> str:
    """A target's or a figure's text for the preview, or what it is when the user may not read it."""
    if isinstance(row, Target):
        return row.text if perms.can_read_plan(user, row.plan) else "(không được xem)"
    return _figs().shown(user, row)


def may_merge(user, kept: Indicator, removed: Indicator, p: Preview | None = None) -> bool:
    removed_units = p.units if p is not None else units_of(removed)
    return perms.can_merge_indicators(user, removed_units, units_of(kept), kept_shared=is_shared(kept),
                                      removed_shared=is_shared(removed),
                                      owners=(kept.province_id, removed.province_id))


def _audit_unit(user, p: Preview) -> AdminUnit:
    """The unit the removed indicator's own audit entry is filed under: the planner's province,
    else the province of the data that moved, else the first province."""
    s = perms.scope(user)
    if s.province is not None:
        return s.province
    for u in p.units:
        return u if u.level == Level.PROVINCE else u.parent
    return AdminUnit.objects.filter(level=Level.PROVINCE).order_by("pk").first()


def merge(user, kept: Indicator, removed: Indicator, *, on_clash: str = "") -> Preview:
    """Move every target and figure of ``removed`` to ``kept`` and delete ``removed``.

    Refused (``WorkflowError``) while something collides and ``on_clash`` is not ``giu`` or
    ``thay``; refused (``perms.Denied``) for whoever ``can_merge_indicators`` refuses.
    """
    p = preview(kept, removed)
    perms.require(may_merge(user, kept, removed, p),
                  f"Bạn không được gộp chỉ tiêu “{removed.name}” vào “{kept.name}”: "
                  "chỉ cán bộ kế hoạch của tỉnh có mọi xã, phường dùng chỉ tiêu này mới được gộp.")
    if p.problems:
        raise WorkflowError(" ".join(p.problems), field="removed")
    if on_clash not in ("", KEEP, REPLACE):
        raise WorkflowError(f"Cách xử lý chỗ trùng “{on_clash}” không có; chọn “{KEEP}” hoặc “{REPLACE}”.",
                            field="on_clash")
    if p.clashes and not on_clash:
        places = "; ".join(c.where for c in p.clashes[:5]) + ("; …" if len(p.clashes) > 5 else "")
        raise WorkflowError(f"Có {len(p.clashes)} chỗ cả hai chỉ tiêu cùng có số liệu hoặc chỉ tiêu ({places}). "
                            "Hãy chọn giữ của chỉ tiêu nào trước khi gộp.", field="on_clash")
    with transaction.atomic():
        locked = Indicator.objects.select_for_update().filter(pk__in=[kept.pk, removed.pk]).count()
        if locked != 2:
            raise ConflictError(f"Chỉ tiêu “{removed.name}” hoặc “{kept.name}” vừa bị người khác xóa; hãy tải lại.")
        _resolve(user, p, on_clash)
        _move(user, p)
        for ind in p.ratios:
            before = {"numerator": ind.numerator_id, "denominator": ind.denominator_id}
            ind.numerator_id = kept.pk if ind.numerator_id == removed.pk else ind.numerator_id
            ind.denominator_id = kept.pk if ind.denominator_id == removed.pk else ind.denominator_id
            ind.save(update_fields=["numerator", "denominator"])
            audit.record(ind, "merge", user, audit.diff(before, {"numerator": ind.numerator_id,
                                                                 "denominator": ind.denominator_id}),
                         unit=_audit_unit(user, p), comment=f"Gộp “{removed.name}” vào “{kept.name}”.")
        audit.record(removed, "merge", user,
                     {"code": [removed.code, kept.code], "name": [removed.name, kept.name],
                      "targets": [len(p.targets), 0], "actuals": [len(p.actuals), 0]},
                     unit=_audit_unit(user, p),
                     comment=f"Gộp “{removed.name}” vào “{kept.name}” ({removed.code} → {kept.code}); "
                             f"{len(p.clashes)} chỗ trùng: " + (ON_CLASH[on_clash] if on_clash else "không có") + ".")
        removed_pk = removed.pk
        removed.delete()
        removed.pk = removed_pk
    return p


def _resolve(user, p: Preview, on_clash: str) -> None:
    """Drop, of each clash, the row that does not stay, with an audit entry saying what it was."""
    for c in p.clashes:
        dropped = c.removed if on_clash == KEEP else c.kept
        unit = dropped.plan.unit if c.kind == "target" else _figs().unit(dropped)
        audit.record(dropped, "merge_drop", user, {"text": [dropped.text, None]}, unit=unit,
                     comment=f"Gộp “{p.removed.name}” vào “{p.kept.name}”: trùng ở {c.where}, "
                             f"{ON_CLASH[on_clash]}.")
        if on_clash == KEEP:  # the removed one's row is deleted, not moved
            rows = p.targets if c.kind == "target" else p.actuals
            rows[:] = [r for r in rows if r is not dropped]
        dropped.delete()


def _move(user, p: Preview) -> None:
    note = f"Gộp “{p.removed.name}” vào “{p.kept.name}”."
    for t in p.targets:
        t.indicator = p.kept
        try:
            t.parsed = t.parse()  # read again in the kept indicator's unit and direction
        except KtxhError as exc:
            raise WorkflowError(f"Chỉ tiêu “{t.text}” ({_target_place(t)}) không đọc được theo “{p.kept}”: "
                                f"{exc.message}", field="removed") from exc
        t.version += 1
        t.save()
        audit.record(t, "merge", user, {"indicator": [p.removed.code, p.kept.code]}, unit=t.plan.unit, comment=note)
    figs = _figs()
    for a in p.actuals:
        figs.move(a, p.kept)
        audit.record(a, "merge", user, {"indicator": [p.removed.code, p.kept.code]}, unit=figs.unit(a), comment=note)
