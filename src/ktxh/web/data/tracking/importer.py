"""A plan or report, read by ``ktxh.reader``, brought in as draft plans that a person reviews.

Everything is written in one transaction: a failure leaves nothing behind. What comes in:

- the document's targets (its "Chỉ tiêu" lists and ĐVT tables), each on an indicator
  found by name or created, in the plan of the target's year — the main plan, or an
  annual draft for a year outside it (seed 004's Biểu số 02 lists 2023's targets in the
  plan for 2024);
- every "a/b" figure the report states ("6.031/5.926 tấn"): ``a`` becomes a draft actual
  of the period the sentence names ("năm 2021", "6 tháng đầu năm 2023"), an estimate
  when it says "ước"; ``b`` becomes the plan's target for that year, assigned by the
  upper level when the sentence says "giao";
- a "nhiệm vụ trọng tâm" table (seed 004's Biểu số 01) as key tasks with their results.

Nothing counts until reviewed: plans stay drafts, actuals stay unsubmitted.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from ktxh.core.numbers import format_number
from ktxh.reader import Document
from ktxh.web.accounts import permissions as perms
from ktxh.web.data.audit import audit
from ktxh.web.errors import WorkflowError
from ktxh.web.metadata.plans.models import Aggregation, Field, Indicator, KeyTask, Plan, PlanKind, Target

from .models import Actual, Period, PeriodKind

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
FIELDS = [  # canonical fields and the words that name them, tried in this order on each text
    ("quoc-phong-an-ninh", "Quốc phòng - an ninh",
     ("quốc phòng", "an ninh", "anct", "atxh", "trật tự an toàn", "biên giới", "quân sự", "giao quân", "nvqs", "nhập ngũ")),
    ("chinh-quyen", "Xây dựng chính quyền",
     ("nội chính", "chính quyền", "hành chính", "tư pháp", "đơn thư", "khiếu nại", "hòa giải", "cán bộ, công chức",
      "đề án 06", "định danh")),
    ("moi-truong", "Tài nguyên - môi trường",
     ("môi trường", "đất đai", "tài nguyên", "rác", "chất thải", "nước sạch", "vệ sinh", "vsmt")),
    ("van-hoa-xa-hoi", "Văn hóa - xã hội",
     ("văn hóa", "văn hoá", "xã hội", "giáo dục", "học sinh", "trường", "phổ cập", "y tế", "bảo hiểm", "bhxh", "bhyt",
      "lao động", "việc làm", "hộ nghèo", "dân số", "sinh", "dinh dưỡng", "văn minh", "trẻ em", "khuyến học")),
    ("kinh-te", "Kinh tế",
     ("kinh tế", "ngân sách", "nông nghiệp", "công nghiệp", "thương mại", "dịch vụ", "sản xuất", "sản lượng",
      "cây trồng", "thu nhập", "đầu tư", "gtsx", "tm-dv", "cn-", "dịch bệnh gia súc", "điện kế", "thủy kế", "ha")),
]
OTHER_FIELD = ("chi-tieu-chung", "Chỉ tiêu chung")
MAX_UPLOAD = 5 * 1024 * 1024  # the reader refuses larger files; read no more than that


@dataclass
class ImportResult:
    user: object = None
    plans: list[Plan] = field(default_factory=list)
    targets: int = 0
    actuals: int = 0
    key_tasks: int = 0
    indicators_created: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def plan(self) -> Plan:
        return self.plans[0]


def _field_for(*texts: str) -> Field:
    """The field of the first text (most specific first) that names one; "Chỉ tiêu chung" otherwise."""
    code, name = OTHER_FIELD
    for text in texts:
        low = (text or "").lower()
        hit = next(((c, n) for c, n, words in FIELDS if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in words)), None)
        if hit:
            code, name = hit
            break
    existing = Field.objects.filter(name__iexact=name).first()
    if existing:
        return existing
    order = 1 + [x[0] for x in FIELDS].index(code) if code != OTHER_FIELD[0] else 99
    return Field.objects.get_or_create(code=code, defaults={"name": name, "order": order})[0]


def _decimals(*values: Decimal | None) -> int:
    exps = [-v.normalize().as_tuple().exponent for v in values if v is not None and v.normalize().as_tuple().exponent < 0]
    return min(max(exps, default=0), 6)


def _aggregation(name: str, unit: str) -> str:
    low = name.lower()
    if unit in ("%", "‰") or low.startswith(("tỷ lệ", "tỉ lệ", "tốc độ", "tỷ suất", "tỷ trọng")):
        return Aggregation.NONE
    if "bình quân" in low:
        return Aggregation.AVERAGE
    return Aggregation.SUM


class _Indicators:
    """Indicators found by name (case-insensitive) and unit, or created once per import."""

    def __init__(self) -> None:
        self.created = 0

    def get(self, name: str, unit: str, *, direction: str, decimals: int, field_texts: tuple[str, ...]) -> Indicator:
        name = " ".join(name.split())[:300]
        same = Indicator.objects.filter(name__iexact=name)
        found = same.filter(unit=unit).first() or (same.first() if not unit else None)
        if found:
            return found
        digest = hashlib.sha1(f"{name}|{unit}".encode()).hexdigest()[:8]
        ind = Indicator.objects.create(
            code=f"{slugify(name)[:60] or 'chi-tieu'}-{digest}", name=name, unit=unit or "",
            field=_field_for(*field_texts), direction=direction, aggregation=_aggregation(name, unit or ""),
            decimals=decimals,
        )
        self.created += 1
        return ind


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


class _Plans:
    """The main plan, and annual drafts for years outside it, created when first needed."""

    def __init__(self, user, unit, doc: Document, kind: str, start: int, end: int, title: str | None) -> None:
        self.user, self.unit, self.doc = user, unit, doc
        self.legal = "; ".join(doc.metadata.legal_bases)
        self.name = Path(doc.source).name
        span = f"năm {start}" if kind == PlanKind.ANNUAL else f"giai đoạn {start}–{end}"
        self.span = span
        self.main = self._create(kind, start, end, title or f"Kế hoạch phát triển kinh tế - xã hội {span} – {unit}")
        self.extra: dict[int, Plan] = {}

    def _create(self, kind, start, end, title) -> Plan:
        plan = Plan(unit=self.unit, kind=kind, start_year=start, end_year=end, title=title[:300],
                    legal_basis=self.legal, source_document=self.name[-300:], created_by=self.user)
        plan.full_clean()
        plan.save()
        audit.record(plan, "import", self.user, {"title": [None, plan.title], "source_document": [None, plan.source_document]},
                     unit=self.unit)
        return plan

    def for_year(self, year: int | None) -> Plan:
        if year is None or year in self.main.years:
            return self.main
        if year not in self.extra:
            self.extra[year] = self._create(
                PlanKind.ANNUAL, year, year, f"Kế hoạch phát triển kinh tế - xã hội năm {year} – {self.unit} (chỉ tiêu nêu trong văn bản {self.span})"
                # the file's name stays in source_document; a title is for people, not a hashed file name
            )
        return self.extra[year]

    @property
    def all(self) -> list[Plan]:
        return [self.main, *self.extra.values()]


def _table_year(doc: Document, record) -> int | None:
    if record.target.year:
        return record.target.year
    if record.location.table is not None:
        for t in doc.tables:
            if t.index == record.location.table:
                m = _YEAR.search(t.caption)
                return int(m[1]) if m else None
    return None


def _add_target(result: ImportResult, plan: Plan, indicator: Indicator, *, year, source, text, label="", note="") -> None:
    if year is None and plan.kind == PlanKind.ANNUAL:
        year = plan.start_year
    if Target.objects.filter(plan=plan, indicator=indicator, year=year, source=source).exists():
        result.skipped.append(f"Chỉ tiêu “{indicator.name}” năm {year} đã có trong kế hoạch; bỏ qua “{text}”.")
        return
    t = Target(plan=plan, indicator=indicator, year=year, source=source, text=text[:2000], label=label[:300], note=note)
    t.save()
    audit.record(t, "import", result.user, {"text": [None, t.text]}, unit=plan.unit)
    result.targets += 1


def _key_tasks(doc: Document, plans: _Plans, result: ImportResult) -> None:
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
        plan = plans.for_year(int(m[1]) if m else None)
        by = re.search(r"(?i)do\s+(.+?)\s+giao\b", table.caption)
        for order, row in enumerate(table.rows[1:], start=1):
            if len(row) <= max(content_col, result_col) or not row[content_col].strip():
                continue
            KeyTask.objects.create(plan=plan, order=order, content=row[content_col].strip(), result=row[result_col].strip(),
                                   assigned_by=by[1] if by else "")
            result.key_tasks += 1


def import_document(doc: Document, *, unit, user, kind: str | None = None, start_year: int | None = None,
                    end_year: int | None = None, source: str = "hdnd", title: str | None = None) -> ImportResult:
    """Bring ``doc`` in for ``unit`` as draft plans, targets, actuals and key tasks, all or nothing."""
    perms.require(perms.can_draft_plan(user, unit), f"Bạn không được nhập văn bản vào kế hoạch của {unit}.")
    if unit.level != "commune":
        raise WorkflowError(f"Văn bản nhập cho một xã, phường; “{unit}” không phải xã, phường.")
    if kind is None or start_year is None or end_year is None:
        kind, start_year, end_year = _infer_plan(doc)
    result = ImportResult(user=user)
    indicators = _Indicators()
    with transaction.atomic():
        plans = _Plans(user, unit, doc, kind, start_year, end_year, title)
        for r in doc.targets:
            t = r.target
            ind = indicators.get(r.label, r.unit or t.unit or "", direction=t.direction.value,
                                 decimals=_decimals(t.low, t.high),
                                 field_texts=(r.label, r.field, *reversed(r.location.section)))
            year = _table_year(doc, r)
            is_row = r.location.table is not None
            _add_target(result, plans.for_year(year), ind, year=year, source=source, text=t.text,
                        label=r.label if is_row else "", note=str(r.location))
        for a in doc.actuals:
            _import_actual(doc, a, unit, user, plans, indicators, result)
        _key_tasks(doc, plans, result)
        result.plans = plans.all
        result.indicators_created = indicators.created
    return result


def _import_actual(doc, a, unit, user, plans: _Plans, indicators: _Indicators, result: ImportResult) -> None:
    name = _clean_label(a.label)
    if len(name.split()) < 3 or _VAGUE_LABEL.match(name):
        result.skipped.append(f"Số liệu “{a.quote[:80]}”: tên chỉ tiêu “{a.label}” không rõ, cần nhập tay.")
        return
    found = _period_of(doc, a)
    if found is None:
        result.skipped.append(f"Số liệu “{a.quote[:80]}”: không rõ kỳ báo cáo, cần nhập tay.")
        return
    period = Period.get(*found)
    unit_text = a.unit or ""
    ind = indicators.get(name, unit_text, direction="up", decimals=_decimals(a.actual, a.plan),
                         field_texts=(name, *reversed(a.location.section)))
    if Actual.objects.filter(unit=unit, indicator=ind, period=period).exists():
        result.skipped.append(f"Số liệu “{ind.name}” {period.label} đã có; bỏ qua “{a.quote[:80]}”.")
        return
    shown_unit = ind.unit or None
    estimate = bool(_ESTIMATE.search(a.label) or _ESTIMATE.search(a.quote[:60]))
    actual = Actual.objects.create(
        unit=unit, indicator=ind, period=period, text=format_number(a.actual), value=a.actual, is_estimate=estimate,
        source_note=f"{Path(doc.source).name} — {a.location}: “{a.quote[:300]}”", updated_by=user,
    )
    audit.record(actual, "import", user, audit.diff({}, {"text": actual.text, "value": actual.value,
                                                         "is_estimate": estimate}), unit=unit)
    result.actuals += 1
    if a.plan is not None and _PLAN_WORDS.search(a.quote) and not _SHARE.search(a.quote):
        source = "cap_tren" if _ASSIGNED.search(a.quote) else "ke_hoach"
        _add_target(result, plans.for_year(period.year), ind, year=period.year, source=source,
                    text=format_number(a.plan, unit=shown_unit), note=f"Theo {Path(doc.source).name}: “{a.quote[:200]}”")
