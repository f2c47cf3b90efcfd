"""A plan or report, read by ``ktxh.reader``, brought in as draft plans — in two steps.

``prepare(doc, unit, user)`` reads nothing again and writes nothing: it lists every target and
every figure the reader found as a :class:`Row`, each with its catalogue indicator (code, score),
period, unit, value, and what accepting will do with it:

- ``new``: saved as a new draft figure or target;
- ``same``: the same value is stored already — nothing to save;
- ``different``: another value is stored (old → new); the person keeps it (default) or replaces it;
- ``skipped``, and why: no catalogue indicator scores :data:`~ktxh.catalogue.THRESHOLD` and none was
  chosen, the indicator lies outside the importing officer's fields, the unit cannot be the
  indicator's, no period is named, the plan is approved, the line repeats an earlier one.

``apply(prepared, choices)`` saves exactly the rows shown (with the person's choices: an indicator
picked for a row below the threshold, a new province indicator proposed with a clean name, "thay"
for a difference) in one short transaction with bulk inserts, and returns counts per action.
``prepare`` runs outside any transaction, so a long report holds no lock while it is read and
matched (issue 13.6); ``apply`` writes only what the importing person may write (permissions).

Where the rows come from:

- the document's targets (its "Chỉ tiêu" lists and ĐVT tables): ``ktxh.catalogue.read_line`` parts,
  one per indicator, in the plan of the target's year — the main plan, or an annual draft for a year
  outside it (seed 004's Biểu số 02 lists 2023's targets in the plan for 2024);
- every "a/b" figure the report states ("6.031/5.926 tấn"): ``a`` a draft figure of the period the
  sentence names ("năm 2021", "6 tháng đầu năm 2023"), an estimate when it says "ước"; ``b`` the
  plan's target for that year, assigned by the upper level when the sentence says "giao";
- a "nhiệm vụ trọng tâm" table (seed 004's Biểu số 01) as key tasks with their results.

Nothing counts until reviewed: plans stay drafts, figures stay unsubmitted.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from django.db import transaction
from rapidfuzz import fuzz

from ktxh.catalogue import THRESHOLD, CatalogueError, compatible, is_relative, match, normalize, read_line
from ktxh.catalogue.matching import IN_COMMON, IN_ORDER
from ktxh.core import periods
from ktxh.core.bounds import check_value
from ktxh.core.errors import KtxhError
from ktxh.core.numbers import figures_in_unit, format_number, in_unit
from ktxh.core.units import lookup_unit
from ktxh.reader import Document
from ktxh.web.accounts import permissions as perms
from ktxh.web.accounts.models import Role
from ktxh.web.data.audit import audit
from ktxh.web.data.audit.models import AuditEntry
from ktxh.web.errors import WorkflowError
from ktxh.web.metadata.plans import catalogue as catalogue_db
from ktxh.web.metadata.plans.models import (
    Field,
    Indicator,
    KeyTask,
    Plan,
    PlanKind,
    PlanStatus,
    Target,
    TargetSource,
)

from .models import Actual, ActualStatus, Period, PeriodKind

_HALF_OR_NINE = re.compile(r"(?i)\b(6|9)\s+tháng\s+(?:đầu\s+)?năm\s+((?:19|20)\d{2})\b")
_YEAR = re.compile(r"(?i)\bnăm\s+((?:19|20)\d{2})\b(?!\s*[-–]\s*\d)")  # "năm 2021", not "3 năm 2021 - 2023"
_LABEL_YEAR = re.compile(r"(?i)\s*(?:trong\s+)?năm\s+(?:19|20)\d{2}\s*$")
_LABEL_NOISE = re.compile(r"(?i)^(?:[-*+•\s]+|ước\s+(?:đạt\s+)?|về\s+)+")
_ESTIMATE = re.compile(r"(?i)\bước\b")
_ASSIGNED = re.compile(r"(?i)\bgiao\b")
# An "a/b" is a figure against its plan when the sentence speaks of one, and a part of a whole
# ("17/21 = 80,95%") when it gives a share.
_PLAN_WORDS = re.compile(r"(?i)kế\s+hoạch|\bKH\b|chỉ\s+tiêu|\bgiao\b|dự\s+toán|(?:đạt|bằng)\s+[\d.,]+\s*%")
_SHARE = re.compile(r"/\s*[\d.,]+[^\d;/=]{0,30}=\s*[\d.,]+\s*%")
_VAGUE_LABEL = re.compile(r"(?i)^(?:đến\s+nay|kết\s+quả|giữ\s+vững|hiện\s+nay|trong\s+đó)\b")
MAX_UPLOAD = 5 * 1024 * 1024  # the reader refuses larger files; read no more than that


def _period_of(doc: Document, a) -> tuple[str, int] | None:
    """The period an "a/b" sentence speaks of: its words, the paragraph before, its headings."""
    p = a.location.paragraph or 0
    # Up to three paragraphs back in the same section: "Tổng thu ngân sách 6 tháng đầu năm 2023 ước đạt:".
    before = [q.text for q in doc.paragraphs[max(0, p - 4):max(0, p - 1)] if q.location.section == a.location.section]
    for text in (a.label, a.quote, *reversed(before), *reversed(a.location.section)):
        m = _HALF_OR_NINE.search(text or "")
        if m:
            return (PeriodKind.HALF if m[1] == "6" else PeriodKind.NINE), int(m[2])
        m = _YEAR.search(text or "")
        if m:
            return PeriodKind.YEAR, int(m[1])
    if doc.metadata.year:
        return PeriodKind.YEAR, doc.metadata.year
    # A plan for 2024 reports on 2023 first: the earliest single year the document names.
    years = [q.start_year for q in doc.metadata.periods if q.start_year == q.end_year]
    return (PeriodKind.YEAR, min(years)) if years else None


def _clean_label(label: str) -> str:
    label = _LABEL_NOISE.sub("", label.replace("*", " ")).strip(" :;,-")
    label = _LABEL_YEAR.sub("", label).strip(" :;,-")
    return label[:1].upper() + label[1:]


_RANGE = re.compile(r"(?i)\b(?:giai\s+đoạn|nhiệm\s+kỳ)\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})")
_DATE_YEAR = re.compile(r"(?i)tháng\s+\d*\s*năm\s+\d{4}")


def _infer_plan(doc: Document) -> tuple[str, int, int]:
    """The plan a document sets out, from its title block: the latest term or year it names.

    "Nhiệm kỳ 2016 – 2021 và định hướng … nhiệm kỳ 2021 – 2026" is the 2021–2026 term; "…
    năm 2021 và quyết nghị nhiệm vụ … năm 2022" the year 2022; a date line is no period.
    """
    head = " ".join(p.text for p in doc.paragraphs[:6])
    ranges = [(int(a), int(b)) for a, b in _RANGE.findall(head) if int(a) < int(b)]
    years = [int(y) for y in _YEAR.findall(_DATE_YEAR.sub(" ", head))]
    if not ranges and not years:
        periods = [p for p in (doc.metadata.period, *doc.metadata.periods) if p is not None]
        if not periods:
            raise WorkflowError(f"Không xác định được kỳ kế hoạch của “{Path(doc.source).name}”: hãy chọn loại kế hoạch và năm.")
        ranges = [(p.start_year, p.end_year) for p in periods if p.start_year < p.end_year]
        years = [p.start_year for p in periods if p.start_year == p.end_year]
    term = max(ranges, key=lambda r: (r[1], r[0])) if ranges else None
    if term and (not years or term[1] >= max(years)):
        return PlanKind.TERM, term[0], term[1]
    return PlanKind.ANNUAL, max(years), max(years)


def _table_year(doc: Document, record) -> int | None:
    if record.target.year:
        return record.target.year
    if record.location.table is not None:
        for t in doc.tables:
            if t.index == record.location.table:
                m = _YEAR.search(t.caption)
                return int(m[1]) if m else None
    return None




NEW, SAME, DIFFERENT, SKIPPED = "new", "same", "different", "skipped"
ACTIONS = {NEW: "mới", SAME: "giống số đã lưu", DIFFERENT: "khác số đã lưu", SKIPPED: "bỏ qua"}
TARGET, ACTUAL = "target", "actual"
PROPOSE = "moi"  # the choice that proposes a new province indicator


@dataclass
class Row:
    """One target or figure the reader found, and what accepting does with it."""

    key: int
    kind: str  # TARGET or ACTUAL
    read_name: str  # the name as read (clean), what a new indicator would be called
    unit: str
    value: str  # as shown: the target's text, or the figure
    source: str  # the whole line or sentence, kept as the source
    location: str
    candidates: tuple = ()  # catalogue Matches, best first
    score: float | None = None
    code: str | None = None
    name: str = ""
    field_name: str = ""
    period: str = ""  # "năm 2022", "6 tháng đầu năm 2023", "cả nhiệm kỳ"
    year: int | None = None
    period_kind: str | None = None
    number: Decimal | None = None  # a figure in its indicator's unit
    read_number: Decimal | None = None  # … as the reader read it, in the row's unit
    estimate: bool = False
    target_source: str = ""
    label: str = ""  # a table row's label, read with its bare figure
    note: str = ""
    action: str = SKIPPED
    reason: str = ""
    old: str | None = None
    replace: bool = False
    choosable: bool = False  # below the threshold: the person picks an indicator
    propose: str = ""  # a new province indicator's name, chosen by the person
    indicator: object = field(default=None, repr=False)
    existing: object = field(default=None, repr=False)
    plan_year: int | None = None  # which plan: the main one (None) or an annual one

    @property
    def action_label(self) -> str:
        if self.action == DIFFERENT:
            return "thay số đã lưu" if self.replace else "khác số đã lưu, giữ số cũ"
        return ACTIONS[self.action]

    @property
    def shown_unit(self) -> str:
        """The unit the value is saved in: its indicator's, once there is one (a figure in đồng is kept in
        triệu đồng when the indicator counts so), else the unit the document wrote."""
        ind_unit = getattr(self.indicator, "unit", None)
        return ind_unit if ind_unit and self.action != SKIPPED else self.unit

    @property
    def kind_label(self) -> str:
        return "Chỉ tiêu kế hoạch" if self.kind == TARGET else "Số liệu thực hiện"

    def fingerprint(self) -> tuple:
        return (self.key, self.kind, self.code, self.period, self.value, self.action, self.old)

    def to_dict(self) -> dict:
        return {"key": self.key, "kind": self.kind, "code": self.code, "name": self.name or self.read_name,
                "score": None if self.score is None else round(self.score, 1), "period": self.period,
                "year": self.year, "unit": self.unit, "value": self.value, "action": self.action,
                "action_label": self.action_label, "reason": self.reason, "old": self.old,
                "source": self.source, "location": self.location,
                "candidates": [m.to_dict() for m in self.candidates[:5]]}


@dataclass
class Prepared:
    """What an import will do: the plan it goes into, its rows, the key tasks of its tables."""

    doc: Document
    unit: object
    user: object
    kind: str
    start_year: int
    end_year: int
    title: str
    source: str
    rows: list[Row]
    key_tasks: list[dict]
    plans: dict  # plan year (None: the main plan) → an existing Plan, or None when it is created on apply

    @property
    def main_plan(self):
        return self.plans.get(None)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(ACTIONS, 0)
        for r in self.rows:
            out[r.action] += 1
        return out

    def digest(self) -> str:
        """What the review showed (before choices): accepting refuses when the data changed since."""
        text = repr([r.fingerprint() for r in self.rows]) + repr(sorted((k or 0, getattr(p, "pk", None))
                                                                      for k, p in self.plans.items()))
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def choosable(self) -> list[Row]:
        return [r for r in self.rows if r.choosable]


@dataclass
class ImportResult:
    """What ``apply`` saved, per action."""

    user: object = None
    plans: list = field(default_factory=list)
    actuals: int = 0
    targets: int = 0
    replaced: int = 0
    indicators_created: int = 0
    key_tasks: int = 0
    same: int = 0
    kept: int = 0
    skipped_rows: list[Row] = field(default_factory=list)

    @property
    def plan(self):
        return self.plans[0]

    @property
    def saved(self) -> int:
        return self.actuals + self.targets + self.replaced

    @property
    def skipped(self) -> list[str]:
        return [f"{r.kind_label} “{r.read_name}” ({r.value}): {r.reason}" for r in self.skipped_rows]

    def message(self) -> str:
        """The counts, in the officers' words: "Đã lưu 12 số liệu, 0 chỉ tiêu mới; 14 bỏ qua vì đã có, …"."""
        parts = [f"Đã lưu {self.actuals} số liệu, {self.targets} chỉ tiêu kế hoạch, {self.indicators_created} chỉ tiêu mới"]
        if self.replaced:
            parts[0] += f", thay {self.replaced} số đã lưu"
        if self.key_tasks:
            parts[0] += f", {self.key_tasks} nhiệm vụ trọng tâm"
        rest = []
        if self.same:
            rest.append(f"{self.same} bỏ qua vì đã có, giống số đã lưu")
        if self.kept:
            rest.append(f"{self.kept} giữ số đã lưu (khác số trong tệp)")
        if self.skipped_rows:
            rest.append(f"{len(self.skipped_rows)} bỏ qua vì không nhận được (xem lý do từng dòng)")
        return "; ".join([parts[0], *rest]) + "."


def _period_text(kind: str | None, year: int | None, plan_kind: str, start: int, end: int) -> str:
    if kind is None and year is None:
        return f"cả nhiệm kỳ {start}–{end}" if plan_kind == PlanKind.TERM else f"năm {start}"
    return periods.label(kind or PeriodKind.YEAR, year)


def _same_value(old: Decimal | None, new: Decimal | None) -> bool:
    return old is not None and new is not None and Decimal(old).normalize() == Decimal(new).normalize()


class _Context:
    """What prepare needs to resolve a row: the stored indicators, plans, periods and figures."""

    def __init__(self, doc, unit, user, kind, start, end) -> None:
        self.doc, self.unit, self.user = doc, unit, user
        self.kind, self.start, self.end = kind, start, end
        self.province = unit.parent if unit.level != "province" else unit
        self.plans: dict = {None: self._plan(kind, start, end)}
        self.seen: dict[tuple, int] = {}
        self.target_places = {_where(t.location) for t in doc.targets}
        self._indicators: dict = {}
        self._periods: dict = {}
        self._actuals: dict | None = None
        self._targets: dict = {}

    def _plan(self, kind, start, end):
        return Plan.objects.filter(unit=self.unit, kind=kind, start_year=start, end_year=end).order_by("-pk").first()

    def plan_for(self, year: int | None):
        """(plan year key, the stored Plan or None): the main plan, or an annual one for a year outside it."""
        if year is None or self.start <= year <= self.end:
            return None, self.plans[None]
        if year not in self.plans:
            self.plans[year] = self._plan(PlanKind.ANNUAL, year, year)
        return year, self.plans[year]

    def indicator(self, code: str):
        if not self._indicators:  # the catalogue and the province's own, in one query
            for i in catalogue_db.shared_or_own(Indicator.objects.select_related("field"), self.province):
                self._indicators.setdefault(i.catalogue or i.code, i)
                self._indicators.setdefault(i.code, i)
        if code not in self._indicators:
            try:
                found = catalogue_db.entry(code)
            except CatalogueError:
                found = Indicator.objects.filter(code=code).first()
            if found is not None:
                found = Indicator.objects.select_related("field").get(pk=found.pk)
            self._indicators[code] = found
        return self._indicators[code]

    def period(self, kind: str, year: int):
        """The stored period, or None (prepare creates nothing): read once per import."""
        key = Period.make_code(kind, year)
        if key not in self._periods:
            self._periods[key] = Period.objects.filter(code=key).first()
        return self._periods[key]

    def actual(self, indicator, period):
        """The unit's stored figure of ``indicator`` in ``period``: the unit's figures read once."""
        if self._actuals is None:
            self._actuals = {(a.indicator_id, a.period_id): a for a in Actual.objects.filter(unit=self.unit)}
        return self._actuals.get((indicator.pk, period.pk)) if period is not None else None

    def target(self, plan, indicator, year, source):
        if plan is None:
            return None
        if plan.pk not in self._targets:
            self._targets[plan.pk] = {(t.indicator_id, t.year, t.source): t for t in Target.objects.filter(plan=plan)}
        return self._targets[plan.pk].get((indicator.pk, year, source))

    def own(self, name: str, unit: str):
        """The province's own indicator this name matches surely (a proposal accepted earlier), scored as
        the catalogue is (``ktxh.catalogue.matching``), its unit compatible."""
        if self.province is None or not name:
            return None, None
        if not hasattr(self, "_own"):
            self._own = [(normalize(i.name), i) for i in Indicator.objects.filter(province=self.province).select_related("field")]
        query = normalize(name)
        best = None
        for key, ind in self._own:
            score = IN_ORDER * fuzz.token_sort_ratio(query, key) + IN_COMMON * fuzz.token_set_ratio(query, key)
            if score >= THRESHOLD and compatible(ind.unit, unit) and (best is None or score > best[0]):
                best = (score, ind)
        return best if best else (None, None)


def _resolve(ctx: _Context, row: Row, indicator) -> None:
    """Set the row's indicator and decide its action (everything but the choice of an indicator)."""
    row.indicator = indicator
    row.code, row.name = indicator.code, indicator.name
    row.field_name = indicator.field.name
    if row.unit and not compatible(indicator.unit, row.unit, relative=row.kind == TARGET and is_relative(row.value)):
        row.action, row.reason = SKIPPED, (f"đơn vị “{row.unit}” không hợp với chỉ tiêu “{indicator.name}” "
                                           f"({indicator.unit or 'không có đơn vị'})")
        return
    money = lookup_unit(indicator.unit) if indicator.unit else None
    if not row.unit and money is not None and money.kind == "money" and row.read_number is not None:
        # "1.930.000.000/3.809.000.000" with no unit: đồng or triệu đồng is a factor of a million
        row.action, row.reason = SKIPPED, (f"không ghi đơn vị tính (chỉ tiêu “{indicator.name}” tính bằng "
                                           f"{indicator.unit}): cần nhập tay")
        return
    if row.kind == ACTUAL:
        _resolve_actual(ctx, row, indicator)
    else:
        _resolve_target(ctx, row, indicator)
    if row.action == SKIPPED:
        return
    key = (row.kind, indicator.pk, row.period, row.plan_year, row.target_source)
    if key in ctx.seen and ctx.seen[key] != row.key:
        row.action, row.reason = SKIPPED, f"trùng với dòng {ctx.seen[key]} (cùng chỉ tiêu, cùng kỳ)"
        return
    ctx.seen[key] = row.key


def _resolve_actual(ctx: _Context, row: Row, indicator) -> None:
    row.number = in_unit(row.read_number, row.unit, indicator.unit)
    shown = lookup_unit(row.unit) if row.unit else None
    same_unit = not row.unit or (lookup_unit(indicator.unit) or shown) == shown
    row.value = format_number(row.read_number, unit=None if same_unit else row.unit)
    try:
        row.number = check_value(row.number, field=indicator.name, shown=row.value)
    except KtxhError as exc:
        row.action, row.reason = SKIPPED, exc.message
        return
    if not perms.can_import_figure(ctx.user, ctx.unit, indicator):
        row.action, row.reason = SKIPPED, f"ngoài lĩnh vực của bạn (lĩnh vực {indicator.field.name})"
        return
    stored = ctx.actual(indicator, ctx.period(row.period_kind, row.year))
    row.existing = stored
    if stored is None:
        row.action, row.reason = NEW, ""
    elif _same_value(stored.value, row.number):
        row.action, row.old, row.reason = SAME, stored.text, "đã có, giống số đã lưu"
    elif stored.status not in (ActualStatus.DRAFT, ActualStatus.RETURNED):
        row.action, row.old = SKIPPED, stored.text
        row.reason = f"đã có số {stored.text} ({stored.get_status_display().lower()}): sửa ở trang nhập liệu"
    else:
        row.action, row.old, row.reason = DIFFERENT, stored.text, f"đã lưu {stored.text}, tệp ghi {row.value}"


def _resolve_target(ctx: _Context, row: Row, indicator) -> None:
    if row.read_number is not None and row.unit and indicator.unit and row.unit != indicator.unit:
        # the plan figure of an "a/b" sentence, in the indicator's unit like its figure ("1.839 triệu đồng")
        converted = in_unit(row.read_number, row.unit, indicator.unit)
        if converted != row.read_number:
            row.value = format_number(converted, unit=indicator.unit)
    elif row.read_number is None and indicator.unit:
        # a plan's line in another scale of the indicator's unit: "64.000.000 đồng/người/năm" for an
        # indicator in triệu đồng/người/năm is saved as "64 triệu đồng/người/năm", not read as 64 million of them
        row.value = figures_in_unit(row.value, indicator.unit)
    row.plan_year, plan = ctx.plan_for(row.year)
    shell = plan or Plan(unit=ctx.unit, status=PlanStatus.DRAFT)
    if plan is not None and plan.status != PlanStatus.DRAFT:
        row.action, row.reason = SKIPPED, f"kế hoạch “{plan.title}” đã phê duyệt, không sửa qua nhập tệp"
        return
    if not perms.can_edit_target(ctx.user, shell, indicator):
        row.action, row.reason = SKIPPED, f"ngoài lĩnh vực của bạn (lĩnh vực {indicator.field.name})"
        return
    stored = ctx.target(plan, indicator, row.year, row.target_source)
    row.existing = stored
    if stored is None:
        row.action, row.reason = NEW, ""
    elif " ".join(stored.text.split()) == " ".join(row.value.split()):
        row.action, row.old, row.reason = SAME, stored.text, "đã có, giống số đã lưu"
    else:
        row.action, row.old, row.reason = DIFFERENT, stored.text, f"đã lưu “{stored.text}”, tệp ghi “{row.value}”"


def _below(row: Row) -> None:
    best = row.candidates[0] if row.candidates else None
    row.choosable = True
    row.action = SKIPPED
    row.reason = (f"chưa khớp danh mục (gần nhất “{best.name}”, điểm {best.score:.0f} < {THRESHOLD:.0f}): hãy chọn chỉ tiêu"
                  if best else "không tìm thấy chỉ tiêu nào trong danh mục: hãy chọn hoặc đề xuất chỉ tiêu mới")


def _place(ctx: _Context, row: Row, sure_code: str | None) -> None:
    if sure_code:
        found = ctx.indicator(sure_code)
        if found is not None:
            _resolve(ctx, row, found)
            return
    score, own = ctx.own(row.read_name, row.unit)
    if own is not None:
        row.score = score
        _resolve(ctx, row, own)
        return
    _below(row)


def _target_rows(ctx: _Context, source: str, start_key: int) -> list[Row]:
    rows: list[Row] = []
    for rec in ctx.doc.targets:
        is_row = rec.location.table is not None
        reads = read_line(rec.target.text, label=rec.label, unit=rec.unit) if is_row else read_line(rec.target.text)
        year = _table_year(ctx.doc, rec)
        if year is None and ctx.kind == PlanKind.ANNUAL:
            year = ctx.start
        for rt in reads:
            row = Row(key=start_key + len(rows), kind=TARGET, read_name=rt.name, unit=rt.target.unit or rec.unit or "",
                      value=rt.text if not is_row else rt.target.text, source=rt.source, location=str(rec.location),
                      candidates=rt.candidates, score=rt.candidates[0].score if rt.candidates else None,
                      period=_period_text(None if year is None else PeriodKind.YEAR, year, ctx.kind, ctx.start, ctx.end),
                      year=year, target_source=source, label=rec.label if is_row else "",
                      note=str(rec.location) if rt.text == rt.source else f"{rec.location}: “{rt.source[:300]}”")
            _place(ctx, row, rt.code)
            rows.append(row)
    return rows


def _actual_rows(ctx: _Context, start_key: int) -> list[Row]:
    rows: list[Row] = []
    name_of = Path(ctx.doc.source).name
    for a in ctx.doc.actuals:
        found = match(a.label, a.unit)
        best = found[0] if found else None
        read = best.name if best and best.sure else _clean_label(a.label)
        row = Row(key=start_key + len(rows), kind=ACTUAL, read_name=read, unit=a.unit or "",
                  value=format_number(a.actual), source=a.quote, location=str(a.location), candidates=tuple(found),
                  score=best.score if best else None, number=a.actual, read_number=a.actual,
                  estimate=bool(_ESTIMATE.search(a.label) or _ESTIMATE.search(a.quote[:60])),
                  note=f"{name_of} — {a.location}: “{a.quote[:300]}”")
        when = _period_of(ctx.doc, a)
        rows.append(row)
        if _where(a.location) in ctx.target_places:
            row.action, row.reason = SKIPPED, "câu nằm trong danh sách chỉ tiêu kế hoạch: là chỉ tiêu, không phải số liệu thực hiện"
            continue
        if when is None:
            row.action, row.reason = SKIPPED, "không rõ kỳ báo cáo (năm, 6 hay 9 tháng): cần nhập tay"
            continue
        row.period_kind, row.year = when
        row.period = _period_text(*when, ctx.kind, ctx.start, ctx.end)
        if not (best and best.sure) and (len(read.split()) < 3 or _VAGUE_LABEL.match(read)):
            row.action, row.reason = SKIPPED, f"tên chỉ tiêu “{a.label}” không rõ, cần nhập tay"
            continue
        _place(ctx, row, best.code if best and best.sure else None)
        if a.plan is not None and _PLAN_WORDS.search(a.quote) and not _SHARE.search(a.quote):
            plan_row = Row(key=start_key + len(rows), kind=TARGET, read_name=read, unit=a.unit or "",
                           value=format_number(a.plan, unit=a.unit or None),
                           source=a.quote, location=str(a.location), candidates=row.candidates, score=row.score,
                           read_number=a.plan, period=periods.label(PeriodKind.YEAR, row.year), year=row.year,
                           target_source=TargetSource.CAP_TREN if _ASSIGNED.search(a.quote) else TargetSource.KE_HOACH,
                           note=f"Theo {name_of}: “{a.quote[:200]}”")
            _place(ctx, plan_row, row.code if row.indicator is not None and row.choosable is False else None)
            rows.append(plan_row)
    rows += _growth_rows(ctx, start_key + len(rows), rows)
    return rows


def _where(location) -> tuple:
    return (location.paragraph, location.line, location.table, location.row, location.sheet, location.cell)


def _growth_rows(ctx: _Context, start_key: int, before: list[Row]) -> list[Row]:
    """The figures of the reader's "tăng … so với năm 2020 (5551,1 tấn)" claims: the current figure in the
    sentence's period (an estimate when it says "ước") and the base in the year it names — the reader's
    numbers, not read again. A figure already listed (the same indicator, period and value) is not repeated."""
    rows: list[Row] = []
    name_of = Path(ctx.doc.source).name
    listed = {(r.code, r.period, r.number) for r in before if r.kind == ACTUAL and r.code}
    for c in ctx.doc.claims:
        data = getattr(c, "data", None) or {}
        current, base = data.get("current"), data.get("base")
        if c.kind != "growth" or current is None or base is None or data.get("base_where") != "văn bản":
            continue
        if _where(c.location) in ctx.target_places or c.quote[current.start:current.end] != current.text:
            continue
        subject = c.quote[:current.start]
        found = match(subject, current.unit)
        best = found[0] if found and found[0].sure else None
        if best is None:
            continue  # a growth of something the catalogue does not hold: the figures stay in the text
        when = _period_of(ctx.doc, SimpleNamespace(label=subject, quote=c.quote, location=c.location))
        for number, period in ((current, when), (base, (PeriodKind.YEAR, data.get("year")))):
            if period is None or period[1] is None or period[1] == (when or (None, None))[1] and number is base:
                continue
            row = Row(key=start_key + len(rows), kind=ACTUAL, read_name=best.name, unit=number.unit or "",
                      value=format_number(number.value), source=c.quote, location=str(c.location),
                      candidates=tuple(found), score=best.score, number=number.value, read_number=number.value,
                      estimate=number is current and bool(_ESTIMATE.search(subject)),
                      note=f"{name_of} — {c.location}: “{c.quote[:300]}”", period_kind=period[0], year=period[1],
                      period=_period_text(period[0], period[1], ctx.kind, ctx.start, ctx.end))
            _place(ctx, row, best.code)
            if (row.code, row.period, row.number) in listed:
                continue
            listed.add((row.code, row.period, row.number))
            rows.append(row)
    return rows


def _key_task_rows(doc: Document) -> list[dict]:
    out = []
    for table in doc.tables:
        if "nhiệm vụ trọng tâm" not in table.caption.lower() or not table.rows:
            continue
        header = [c.lower() for c in table.rows[0]]
        try:
            content_col = next(i for i, c in enumerate(header) if "nhiệm vụ" in c)
            result_col = next(i for i, c in enumerate(header) if "kết quả" in c)
        except StopIteration:
            continue
        m = _YEAR.search(table.caption)
        by = re.search(r"(?i)do\s+(.+?)\s+giao\b", table.caption)
        for order, row in enumerate(table.rows[1:], start=1):
            if len(row) <= max(content_col, result_col) or not row[content_col].strip():
                continue
            out.append({"year": int(m[1]) if m else None, "order": order, "content": row[content_col].strip(),
                        "result": row[result_col].strip(), "assigned_by": by[1] if by else ""})
    return out


def prepare(doc: Document, *, unit, user, kind: str | None = None, start_year: int | None = None,
            end_year: int | None = None, source: str = "hdnd", title: str | None = None,
            choices: dict | None = None) -> Prepared:
    """Every row an import of ``doc`` into ``unit`` would bring, and what it would do; writes nothing."""
    perms.require(perms.can_draft_plan(user, unit), f"Bạn không được nhập văn bản vào kế hoạch của {unit}.")
    if unit.level != "commune":
        raise WorkflowError(f"Văn bản nhập cho một xã, phường; “{unit}” không phải xã, phường.")
    if kind is None or start_year is None or end_year is None:
        kind, start_year, end_year = _infer_plan(doc)
    span = f"năm {start_year}" if kind == PlanKind.ANNUAL else f"giai đoạn {start_year}–{end_year}"
    ctx = _Context(doc, unit, user, kind, start_year, end_year)
    rows = _target_rows(ctx, source, 1)
    rows += _actual_rows(ctx, len(rows) + 1)
    prepared = Prepared(doc, unit, user, kind, start_year, end_year,
                        title or f"Kế hoạch phát triển kinh tế - xã hội {span} – {unit}", source, rows,
                        _key_task_rows(doc), ctx.plans)
    prepared._ctx = ctx  # type: ignore[attr-defined]
    if choices:
        choose(prepared, choices)
    return prepared


def choose(prepared: Prepared, choices: dict) -> None:
    """The person's choices, by row key: ``{"indicator": code}`` for a row below the threshold,
    ``{"indicator": "moi", "name": "…"}`` to propose a new province indicator, ``{"replace": True}``
    to replace a stored value that differs."""
    ctx: _Context = prepared._ctx  # type: ignore[attr-defined]
    previous: tuple[Row, dict] | None = None
    for row in prepared.rows:
        c = choices.get(row.key) or choices.get(str(row.key)) or {}
        if not c and previous and row.kind == TARGET and previous[0].kind == ACTUAL and (
                previous[0].source, previous[0].location) == (row.source, row.location):
            # the plan figure of an "a/b" follows the indicator chosen for its figure
            c = {k: v for k, v in previous[1].items() if k != "replace"}
        previous = (row, c)
        picked = (c.get("indicator") or "").strip()
        if row.choosable and picked == PROPOSE:
            _propose(ctx, row, c.get("name") or row.read_name)
        elif row.choosable and picked:
            found = catalogue_db.shared_or_own(Indicator.objects.filter(code=picked), ctx.province).first()
            if found is None:
                row.reason = f"không có chỉ tiêu mã “{picked}” trong danh mục của tỉnh: hãy chọn lại"
                continue
            row.score = next((m.score for m in row.candidates if m.code == found.code), row.score)
            _resolve(ctx, row, found)
        if row.action == DIFFERENT:
            row.replace = bool(c.get("replace"))


def _propose(ctx: _Context, row: Row, name: str) -> None:
    clean = catalogue_db.clean_new_name(name)
    if len(clean) < 3:
        row.reason = f"tên chỉ tiêu đề xuất “{name}” quá ngắn: hãy ghi tên, không ghi con số"
        return
    if not perms.can_propose_indicator(ctx.user, ctx.province):
        row.reason = "bạn không được đề xuất chỉ tiêu mới cho tỉnh"
        return
    same = catalogue_db.shared_or_own(Indicator.objects.filter(name__iexact=clean, unit=row.unit), ctx.province).first()
    if same is not None:
        _resolve(ctx, row, same)
        return
    field_ = _field_for_new(ctx, row)
    if field_ is None:
        row.reason = "bạn chưa được giao lĩnh vực nào: không đề xuất được chỉ tiêu mới"
        return
    row.propose, row.name, row.code, row.field_name = clean, clean, None, field_.name
    row.indicator = Indicator(name=clean, unit=row.unit, field=field_)
    row.action, row.reason, row.choosable = NEW, f"chỉ tiêu mới của {ctx.province} (đề xuất)", True


def _field_for_new(ctx: _Context, row: Row):
    """The field of a proposed indicator: its nearest catalogue neighbour's, within an officer's fields."""
    s = perms.scope(ctx.user)
    near = [Field.objects.filter(code=m.field).first() for m in row.candidates[:1]]
    near = [f for f in near if f is not None]
    allowed = None if s.role != Role.OFFICER else set(s.field_ids)
    for f in near:
        if allowed is None or f.pk in allowed:
            return f
    if allowed:
        return Field.objects.filter(pk__in=allowed).order_by("order").first()
    return near[0] if near else Field.objects.order_by("order").first()


def apply(prepared: Prepared, choices: dict | None = None) -> ImportResult:
    """Save exactly the rows of ``prepared`` (after ``choices``), in one short transaction, in bulk."""
    if choices:
        choose(prepared, choices)
    result = ImportResult(user=prepared.user)
    saving = [r for r in prepared.rows if r.action == NEW or (r.action == DIFFERENT and r.replace)]
    result.same = sum(1 for r in prepared.rows if r.action == SAME)
    result.kept = sum(1 for r in prepared.rows if r.action == DIFFERENT and not r.replace)
    result.skipped_rows = [r for r in prepared.rows if r.action == SKIPPED]
    with transaction.atomic():
        plans = _Plans(prepared)
        _new_indicators(prepared, saving, result)
        audits: list[AuditEntry] = []
        _save_actuals(prepared, [r for r in saving if r.kind == ACTUAL], result, audits)
        _save_targets(plans, [r for r in saving if r.kind == TARGET], result, audits)
        _save_key_tasks(prepared, plans, result)
        AuditEntry.objects.bulk_create(audits, batch_size=500)
        result.plans = plans.all(with_rows=bool(saving or result.key_tasks))
    return result


class _Plans:
    """The stored plans of the import, and the ones it creates when a row first needs them."""

    def __init__(self, prepared: Prepared) -> None:
        self.p = prepared
        self.made: dict = {}
        self.legal = "; ".join(prepared.doc.metadata.legal_bases)
        self.name = Path(prepared.doc.source).name

    def get(self, year: int | None) -> Plan:
        stored = self.p.plans.get(year)
        if stored is not None:
            return stored
        if year not in self.made:
            p = self.p
            if year is None:
                kind, start, end, title = p.kind, p.start_year, p.end_year, p.title
            else:
                span = f"năm {p.start_year}" if p.kind == PlanKind.ANNUAL else f"giai đoạn {p.start_year}–{p.end_year}"
                kind, start, end = PlanKind.ANNUAL, year, year
                title = f"Kế hoạch phát triển kinh tế - xã hội năm {year} – {p.unit} (chỉ tiêu nêu trong văn bản {span})"
            plan = Plan(unit=p.unit, kind=kind, start_year=start, end_year=end, title=title[:300], legal_basis=self.legal,
                        source_document=self.name[-300:], created_by=p.user)
            plan.full_clean()
            plan.save()
            audit.record(plan, "import", p.user, {"title": [None, plan.title], "source_document": [None, plan.source_document]},
                         unit=p.unit)
            self.made[year] = plan
        return self.made[year]

    def all(self, *, with_rows: bool) -> list[Plan]:
        main = self.p.plans.get(None) or self.made.get(None)
        if main is None and (with_rows or not self.made):
            main = self.get(None)  # an import always names the plan it went into
        rest = [p for k, p in {**self.p.plans, **self.made}.items() if k is not None and p is not None]
        return [main, *rest]


def _new_indicators(prepared: Prepared, saving: list[Row], result: ImportResult) -> None:
    province = prepared._ctx.province  # type: ignore[attr-defined]
    made: dict[tuple, Indicator] = {}
    for r in saving:
        if not r.propose:
            continue
        key = (r.propose.casefold(), r.unit)
        if key not in made:
            made[key] = catalogue_db.add_province_indicator(
                prepared.user, province, name=r.propose, unit=r.unit, field=r.indicator.field,
                proposed=True)
            result.indicators_created += 1
        r.indicator, r.code = made[key], made[key].code


def _entry(obj, model: str, user, changes: dict, unit) -> AuditEntry:
    return AuditEntry(model=model, object_id=obj.pk, unit=unit, action="import", changes=changes,
                      user=user if user is not None and user.is_authenticated else None)


def _save_actuals(prepared: Prepared, rows: list[Row], result: ImportResult, audits: list) -> None:
    user, unit = prepared.user, prepared.unit
    new: list[Actual] = []
    made: dict[tuple, Period] = {}
    for r in rows:
        key = (r.period_kind, r.year)
        period = made[key] = made.get(key) or Period.get(*key)
        if r.action == DIFFERENT:
            a = Actual.objects.select_for_update().get(pk=r.existing.pk)
            before = {"text": a.text, "value": a.value, "is_estimate": a.is_estimate}
            a.text, a.value, a.is_estimate, a.source_note, a.updated_by = r.value, r.number, r.estimate, r.note, user
            a.version += 1
            a.save(update_fields=["text", "value", "is_estimate", "source_note", "updated_by", "version", "updated_at"])
            audits.append(_entry(a, "tracking.actual", user, audit.diff(before, {"text": a.text, "value": a.value,
                                                                                  "is_estimate": a.is_estimate}), unit))
            result.replaced += 1
            continue
        new.append(Actual(unit=unit, indicator=r.indicator, period=period, text=r.value, value=r.number,
                          is_estimate=r.estimate, source_note=r.note, updated_by=user))
    for a in new:
        a.full_clean(exclude=["unit", "indicator", "period", "updated_by"], validate_unique=False)
    Actual.objects.bulk_create(new, batch_size=500)
    if new and new[0].pk is None:  # a backend that does not return keys: read them back
        by = {(a.indicator_id, a.period_id): a for a in Actual.objects.filter(unit=unit, indicator__in=[x.indicator for x in new])}
        new = [by[(a.indicator_id, a.period_id)] for a in new]
    for a in new:
        audits.append(_entry(a, "tracking.actual", user, audit.diff({}, {"text": a.text, "value": a.value,
                                                                          "is_estimate": a.is_estimate}), unit))
    result.actuals += len(new)


def _save_targets(plans: _Plans, rows: list[Row], result: ImportResult, audits: list) -> None:
    user = plans.p.user
    new: list[Target] = []
    for r in rows:
        plan = plans.get(r.plan_year)
        if r.action == DIFFERENT:
            t = Target.objects.select_for_update().get(pk=r.existing.pk)
            before = t.text
            t.text, t.note = r.value[:2000], r.note
            t.version += 1
            t.save()
            audits.append(_entry(t, "plans.target", user, {"text": [before, t.text]}, plan.unit))
            result.replaced += 1
            continue
        t = Target(plan=plan, indicator=r.indicator, year=r.year, source=r.target_source, text=r.value[:2000],
                   label=r.label[:300], note=r.note)
        t.parsed = t.parse()
        new.append(t)
    Target.objects.bulk_create(new, batch_size=500)
    if new and new[0].pk is None:
        new = [Target.objects.get(plan=t.plan, indicator=t.indicator, year=t.year, source=t.source) for t in new]
    for t in new:
        audits.append(_entry(t, "plans.target", user, {"text": [None, t.text]}, t.plan.unit))
    result.targets += len(new)


def _save_key_tasks(prepared: Prepared, plans: _Plans, result: ImportResult) -> None:
    if not prepared.key_tasks or not perms.drafts_for_own_commune(prepared.user) and not perms.scope(prepared.user).is_superuser:
        return
    for k in prepared.key_tasks:
        year = k["year"] if k["year"] is not None and not prepared.start_year <= k["year"] <= prepared.end_year else None
        plan = plans.get(year)
        if plan.status != PlanStatus.DRAFT or KeyTask.objects.filter(plan=plan, content=k["content"]).exists():
            continue
        KeyTask.objects.create(plan=plan, order=k["order"], content=k["content"], result=k["result"],
                               assigned_by=k["assigned_by"])
        result.key_tasks += 1


def import_document(doc: Document, *, unit, user, kind: str | None = None, start_year: int | None = None,
                    end_year: int | None = None, source: str = "hdnd", title: str | None = None,
                    choices: dict | None = None) -> ImportResult:
    """``prepare`` then ``apply`` at once (the command line, the demo, a background job): every row
    below the threshold is skipped, every stored difference kept."""
    prepared = prepare(doc, unit=unit, user=user, kind=kind, start_year=start_year, end_year=end_year,
                       source=source, title=title)
    return apply(prepared, choices)
