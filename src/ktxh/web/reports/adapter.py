"""Fill ``ktxh.documents``' dataclasses from the database, for one commune, one plan and one period.

Thin on purpose: which targets and which approved figures count, and how each is judged,
is ``tracking.evaluation``'s (the dashboard's own ``evaluate_plan``: its rows, with their
status, % of plan and the base they used, go into the documents as they are); the term
review is ``dashboard.term``'s (the core's ``review_all``); a next-year target the plans
do not give is proposed from the trend by the core's ``weighted_trend``; every sentence is
written by ``ktxh.documents``. Here only: names from the AdminUnit tree, last year's figure
for "so với cùng kỳ", key tasks, the officers' narratives, the signer, Nơi nhận, and the
document's number and date from the commune's register.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ktxh.core.errors import KtxhError
from ktxh.core.model import Direction, Status, TargetKind
from ktxh.core.numbers import format_number, quantize
from ktxh.core.review import weighted_trend
from ktxh.documents import data as doc
from ktxh.documents.narrative import lower_first
from ktxh.web.analytics import term
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period, PeriodKind
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Plan, PlanKind, PlanStatus

from .models import DocumentKind, DocumentSettings, IssuedDocument, Narrative

SECTION_TASKS = doc.SECTION_TASKS  # the next year's plan: nhiệm vụ và giải pháp, one per line
# Which field a key task belongs to, by its words: (words of the field's name, words of the task).
TASK_FIELDS = (
    (("quốc phòng", "an ninh", "nội chính"), ("quân sự", "quốc phòng", "an ninh", "trật tự", "tuyển quân",
                                              "giao quân", "phòng cháy", "tội phạm")),
    (("chính quyền", "hành chính"), ("cải cách hành chính", "chính quyền", "chuyển đổi số", "định danh",
                                     "dịch vụ công", "cán bộ", "thủ tục")),
    (("văn hóa", "xã hội", "giáo dục", "y tế"), ("giáo dục", "y tế", "văn hóa", "lao động", "việc làm", "hộ nghèo",
                                                 "bảo hiểm", "an sinh", "trường học", "nhà trường", "học sinh", "dân số",
                                                 "thể thao")),
    (("môi trường", "tài nguyên"), ("môi trường", "rác", "chất thải", "vệ sinh", "đất đai", "tài nguyên")),
    (("kinh tế",), ("sản xuất", "nông nghiệp", "ngân sách", "xây dựng", "đầu tư", "mặt bằng", "thương mại",
                    "dịch vụ", "kinh tế", "đường", "công trình", "lúa", "chăn nuôi", "khu dân cư")),
)
KINDS = {PeriodKind.HALF: doc.PeriodKind.SIX_MONTHS, PeriodKind.NINE: doc.PeriodKind.NINE_MONTHS,
         PeriodKind.YEAR: doc.PeriodKind.YEAR}


class NoDocument(KtxhError):
    """No document for this: a period without a form (a month, a quarter), an unknown commune or period."""


def unit_title(unit) -> str:
    """"Phường Lương Sơn", "Tỉnh Thái Nguyên": the kind, unless the name carries it already."""
    kind = unit.get_kind_display()
    return unit.name if unit.name.lower().startswith(kind.lower()) else f"{kind} {unit.name}"


def unit_phrase(unit) -> str:
    """How a sentence names a unit: its kind in lower case ("thành phố Sông Công", "tỉnh Thái Nguyên")."""
    title = unit_title(unit)
    kind = unit.get_kind_display()
    return f"{kind.lower()}{title[len(kind):]}" if title.lower().startswith(kind.lower()) else title


def issuer(unit) -> doc.Issuer:
    upper = f"UBND {unit_title(unit.parent)}".upper() if unit.parent_id else ""
    return doc.Issuer(upper=upper, name=f"UBND {unit_title(unit)}".upper(), place=unit.name)


def signer_and_recipients(unit) -> tuple[doc.Signer, tuple[str, ...]]:
    """From the commune's DocumentSettings; else a blank line for the name (never an account's label)."""
    s = DocumentSettings.objects.filter(unit=unit).first()
    if s is not None and s.signer_name:
        signer = doc.Signer.of(s.signer_name, s.signer_title, s.signer_authority)
    else:
        signer = doc.Signer("\u00a0")
    if s is not None and s.recipients.strip():
        recipients = tuple(line.strip().lstrip("-").strip() for line in s.recipients.splitlines() if line.strip())
    else:
        upper = unit_phrase(unit.parent) if unit.parent_id else "cấp trên"
        council = "TT Đảng ủy, HĐND phường" if unit.kind == "phuong" else "TT Đảng ủy, HĐND xã"
        recipients = (f"UBND {upper} (b/c);", f"{council};", "Các thành viên UBND;", "Lưu: VT.")
    return signer, recipients


def objective(unit, period=None) -> str:
    """Mục tiêu tổng quát: the commune's settings, else the one its officers wrote for the last plan."""
    s = DocumentSettings.objects.filter(unit=unit).first()
    if s is not None and s.general_objective.strip():
        return s.general_objective.strip()
    earlier = Narrative.objects.filter(unit=unit, section=doc.SECTION_OBJECTIVE).exclude(period=period)
    last = earlier.order_by("-period__year", "-updated_at").first()
    return last.text.strip() if last is not None else ""


def issued(unit, period, kind: str) -> IssuedDocument | None:
    return IssuedDocument.objects.filter(unit=unit, period=period, kind=kind).first()


def narratives(unit, period) -> dict[str, str]:
    return dict(Narrative.objects.filter(unit=unit, period=period).values_list("section", "text"))


def has_document(period) -> bool:
    """Whether a báo cáo has a form for this period: 6 tháng, 9 tháng, năm, nhiệm kỳ (not a month, a quarter)."""
    return period.kind in KINDS or period.kind == PeriodKind.TERM


def document_period(plan, period) -> doc.Period:
    if not has_document(period):
        raise NoDocument(f"Chưa có mẫu văn bản cho kỳ “{period.label}”: chọn kỳ 6 tháng, 9 tháng, năm hoặc nhiệm kỳ.",
                         field="kỳ", value=period.code)
    if period.kind in KINDS:
        return doc.Period(KINDS[period.kind], period.year)
    # A term: half-way while the term's last year has no approved figure yet; the term report after.
    years = Actual.objects.filter(unit=plan.unit, status=ActualStatus.APPROVED, period__kind=PeriodKind.YEAR,
                                  period__year__gte=plan.start_year, period__year__lte=plan.end_year)
    latest = max(years.values_list("period__year", flat=True), default=plan.start_year)
    kind = doc.PeriodKind.TERM if latest >= plan.end_year else doc.PeriodKind.MIDTERM
    return doc.Period(kind, latest if kind is doc.PeriodKind.MIDTERM else plan.end_year, plan.start_year,
                      plan.end_year)


def _previous(plan, period, indicator_ids) -> dict[int, object]:
    """The same period a year before (for a term: the base year, the year before it), approved."""
    if period.kind == PeriodKind.TERM:
        code = Period.make_code(PeriodKind.YEAR, plan.start_year - 1)
    else:
        code = Period.make_code(period.kind, period.year - 1, period.number)
    qs = Actual.objects.filter(unit=plan.unit, period__code=code, indicator_id__in=indicator_ids,
                               status=ActualStatus.APPROVED, value__isnull=False)
    return dict(qs.values_list("indicator_id", "value"))


def _row(r, previous) -> doc.Row:
    """The document's row: the dashboard's evaluation, as it is (a term target's latest yearly
    figure where the term has none, as ``evaluate_plan`` chose it)."""
    t, ind = r.target, r.target.indicator
    actual = None
    if r.actual is not None:
        actual = r.actual.value if r.actual.value is not None else r.actual.text
    evaluation = r.evaluation
    plan = evaluation.plan_value if evaluation.target.kind is TargetKind.ASSIGNED else None
    return doc.Row(name=ind.name, unit=ind.unit, target_text=t.text, plan=plan, actual=actual,
                   previous=previous.get(ind.pk), estimate=bool(r.actual and r.actual.is_estimate),
                   direction=ind.direction, evaluation=evaluation, decimals=ind.decimals)


def fields(plan, period) -> tuple[doc.Field, ...]:
    """The fields and their indicators as the dashboard evaluates them (each indicator once)."""
    rows = [r for r in evaluate_plan(plan, period).rows if r.primary]
    previous = _previous(plan, period, {r.target.indicator_id for r in rows})
    grouped: dict = {}
    for r in rows:
        grouped.setdefault(r.target.indicator.field, []).append(_row(r, previous))
    ordered = sorted(grouped.items(), key=lambda fr: (fr[0].order, fr[0].name))
    return tuple(doc.Field(f.code, f.name, tuple(rs)) for f, rs in ordered)


def term_review(plan, pairs=None) -> doc.TermReview | None:
    if plan.kind != PlanKind.TERM:
        return None
    pairs = term.reviews(plan) if pairs is None else pairs
    if not pairs:
        return None
    return doc.TermReview(tuple(r for _, r in pairs), plan.end_year, tuple(t.indicator.name for t, _ in pairs),
                          f"giai đoạn {plan.start_year} - {plan.end_year}", tuple(t.indicator.decimals for t, _ in pairs))


def _next_source(plan, year: int):
    """The plan holding next year's targets: an approved annual plan of that year first, else ``plan``."""
    annuals = Plan.objects.filter(unit=plan.unit, kind=PlanKind.ANNUAL, start_year=year)
    return min(annuals, key=lambda p: (p.status != PlanStatus.APPROVED, -p.pk), default=None)


def _yearly(unit, indicator_ids, last: int) -> dict[int, list[tuple[int, Decimal]]]:
    """Approved yearly figures up to ``last``, per indicator, oldest first."""
    qs = Actual.objects.filter(unit=unit, indicator_id__in=indicator_ids, status=ActualStatus.APPROVED,
                               period__kind=PeriodKind.YEAR, period__year__lte=last, value__isnull=False)
    out: dict[int, list[tuple[int, Decimal]]] = {}
    for ind, year, value in qs.order_by("period__year").values_list("indicator_id", "period__year", "value"):
        out.setdefault(ind, []).append((year, Decimal(value)))
    return out


def proposal(points: list[tuple[int, Decimal]], year: int, direction: str | None, decimals: int,
             plan: Decimal | None = None) -> Decimal | None:
    """Next year's figure from the trend of the approved years (``core.review.weighted_trend``),
    never worse than the latest result nor than this year's plan; one year: the better of the two.

    >>> proposal([(2021, Decimal(10)), (2022, Decimal(12)), (2023, Decimal(13))], 2024, "up", 0)
    Decimal('15')
    >>> proposal([(2023, Decimal(4385))], 2024, "up", 0, plan=Decimal(5191))
    Decimal('5191')
    """
    if not points:
        return None
    down = direction == Direction.DOWN.value
    best = min if down else max
    floor = best(points[-1][1], plan) if plan is not None else points[-1][1]
    value = floor
    if len({y for y, _ in points}) >= 2:
        try:
            value = best(weighted_trend(points).at(year), floor)
        except KtxhError:
            pass
    return quantize(max(value, Decimal(0)), decimals)


def _next_rows(source, plan, year: int) -> list:
    targets = [t for t in source.targets.select_related("indicator__field")
               .order_by("indicator__field__order", "indicator__name", "pk")
               if t.year == year or (source.pk != plan.pk and t.year is None)]
    seen: set[int] = set()
    out = []
    for t in targets:
        if t.indicator_id not in seen:
            seen.add(t.indicator_id)
            out.append(t)
    return out


def _task_field(text: str, field_names: list[str]) -> str:
    low = text.lower()
    for field_words, task_words in TASK_FIELDS:
        if any(w in low for w in task_words):
            for name in field_names:
                if any(w in name.lower() for w in field_words):
                    return name
    return "Nhiệm vụ khác"


def task_groups(tasks: list[str], field_names: list[str], fields_of: dict[str, str] | None = None,
                ) -> tuple[doc.TaskGroup, ...]:
    """Key tasks by field, in the fields' order; those no field claims last. ``fields_of`` gives the
    field of a task known to be one indicator's (its own field, not a guess from its words)."""
    grouped: dict[str, list[str]] = {}
    for text in tasks:
        field = (fields_of or {}).get(text) or _task_field(text, field_names)
        grouped.setdefault(field, []).append(text.strip().rstrip(".;") + ".")
    order = [*field_names, "Nhiệm vụ khác"]
    return tuple(doc.TaskGroup(name, tuple(grouped[name])) for name in order if name in grouped)


def _next_plan(plan, year: int, current: tuple[doc.Field, ...]) -> doc.NextPlan:
    """Next year's targets (its annual plan's, else that year's of ``plan``), with this year's result;
    for an indicator of this year no plan gives a target for, one proposed from the trend."""
    annual = _next_source(plan, year)
    source = annual or plan
    this_year = {r.name: r for f in current for r in f.rows}
    grouped: dict = {}
    planned = set()
    for t in _next_rows(source, plan, year):
        ind = t.indicator
        core = t.core_target()
        planned.add(ind.name)
        now = this_year.get(ind.name)
        actual = now.evaluation.actual if now is not None and now.evaluation is not None else None
        grouped.setdefault((ind.field.order, ind.field.name, ind.field.code), []).append(doc.Row(
            ind.name, ind.unit, target_text=t.text, plan=core.low if core.kind is TargetKind.EXACT else None,
            actual=actual, direction=ind.direction, decimals=ind.decimals))
    _propose(plan, year, current, planned, grouped)
    ordered = sorted(grouped.items())
    fields = tuple(doc.Field(code, name, tuple(rs)) for (_, name, code), rs in ordered)
    # Next year's tasks under next year's fields too: demo Nhơn Hưng 2023 had three fields with figures, and
    # its 2024 tasks on land, order and government fell under "Y tế, dân số" or "Nhiệm vụ khác".
    names = list(dict.fromkeys([*(f.name for f in fields), *(f.name for f in current)]))
    tasks = [k.content for k in (annual or plan).key_tasks.all()]
    short = {f"Tập trung thực hiện chỉ tiêu {lower_first(r.name)} (năm {year - 1} {r.evaluation.status.label})": f.name
             for f in current for r in f.rows
             if r.evaluation is not None and r.evaluation.status in (Status.KHONG_DAT, Status.CO_BAN_DAT)}
    return doc.NextPlan(year, fields=fields, task_groups=task_groups([*tasks, *short], names, short))


def _propose(plan, year: int, current, planned: set, grouped: dict) -> None:
    from ktxh.web.metadata.plans.models import Indicator

    wanted = [r for f in current for r in f.rows if r.name not in planned and r.evaluation is not None
              and r.evaluation.actual is not None]
    if not wanted:
        return
    indicators = {i.name: i for i in Indicator.objects.filter(targets__plan=plan, name__in=[r.name for r in wanted])
                  .select_related("field")}
    series = _yearly(plan.unit, [i.pk for i in indicators.values()], year - 1)
    for r in wanted:
        ind = indicators.get(r.name)
        if ind is None:
            continue
        plan_value = r.evaluation.plan_value if r.evaluation.target.kind in (TargetKind.EXACT, TargetKind.ASSIGNED) \
            else None
        value = proposal(series.get(ind.pk, []), year, ind.direction, ind.decimals, plan_value)
        if value is None:
            continue
        grouped.setdefault((ind.field.order, ind.field.name, ind.field.code), []).append(doc.Row(
            ind.name, ind.unit, target_text=format_number(value), plan=value, actual=r.evaluation.actual,
            direction=ind.direction, proposed=True, decimals=ind.decimals))


def _basis(legal_basis: str) -> str:
    """The plan's legal basis as the opening clause: "Thực hiện Nghị quyết số 08/NQ-HĐND …"."""
    first = legal_basis.strip().splitlines()[0].strip() if legal_basis.strip() else ""
    if not first or first.lower().startswith(("thực hiện", "căn cứ")):
        return first
    return f"Thực hiện {first}"


def report_data(plan, period, kind: str = DocumentKind.REPORT) -> doc.ReportData:
    """Everything the báo cáo (``kind`` "bao-cao"), the kế hoạch năm sau ("ke-hoach") and Biểu 01–02
    need, from the database; the number and date from the register when the document was issued."""
    unit = plan.unit
    when = document_period(plan, period)
    notes = narratives(unit, period)
    signer, recipients = signer_and_recipients(unit)
    pairs = term.reviews(plan) if when.kind in (doc.PeriodKind.MIDTERM, doc.PeriodKind.TERM) \
        and plan.kind == PlanKind.TERM else []
    current = fields(plan, period)
    entry = issued(unit, period, kind)
    return doc.ReportData(
        issuer=issuer(unit),
        signer=signer,
        period=when,
        fields=current,
        key_tasks=tuple(doc.KeyTask(k.content, k.result, k.assigned_by) for k in plan.key_tasks.all()),
        recipients=recipients,
        number=f"{entry.number:02d}" if entry else "",
        day=entry.issued_on.day if entry else None,
        month=entry.issued_on.month if entry else None,
        issue_year=entry.issued_on.year if entry else None,
        basis=_basis(plan.legal_basis),
        narratives=notes,
        next_plan=_next_plan(plan, when.year + 1, current),
        term_review=term_review(plan, pairs),
        objective=objective(unit, period),
    )


def issue(plan, period, kind: str, user, on) -> IssuedDocument:
    """Give the document the commune's next number of the year (once: issuing again keeps it)."""
    from django.db import transaction
    from django.db.models import Max

    with transaction.atomic():
        entry = issued(plan.unit, period, kind)
        if entry is not None:
            return entry
        taken = IssuedDocument.objects.select_for_update().filter(unit=plan.unit, year=on.year)
        last = taken.aggregate(n=Max("number"))["n"] or 0
        return IssuedDocument.objects.create(unit=plan.unit, period=period, kind=kind, year=on.year, number=last + 1,
                                             issued_on=on, issued_by=user)


# --- for the command line: a commune by its code, a period by its words ---------------------------

PERIOD_WORDS = {"6-thang": PeriodKind.HALF, "9-thang": PeriodKind.NINE, "nam": PeriodKind.YEAR,
                "nhiem-ky": PeriodKind.TERM}
_PERIOD = re.compile(r"^(6-thang|9-thang|nam|nhiem-ky):(\d{4})(?:-(\d{4}))?$")


def parse_period(text: str) -> tuple[str, int, int | None]:
    """"nam:2022" → ("year", 2022, None); "nhiem-ky:2021-2025" → ("term", 2021, 2025)."""
    m = _PERIOD.match(text.strip())
    if not m or (m.group(1) == "nhiem-ky") != bool(m.group(3)):
        raise NoDocument(f"Kỳ “{text}” không hợp lệ; viết 6-thang:2023, 9-thang:2023, nam:2022 hoặc "
                         "nhiem-ky:2021-2025.", field="--period", value=text)
    return PERIOD_WORDS[m.group(1)], int(m.group(2)), int(m.group(3)) if m.group(3) else None


def plan_for(unit, kind: str, year: int, end_year: int | None):
    """The commune's plan for the period, as ``plans.selection`` chooses it (the dashboard's choice)."""
    return selection.choose_plan(Plan.objects.filter(unit=unit), year, end_year, kind)


def data_for(unit_code: str, period_text: str, document: str = DocumentKind.REPORT) -> doc.ReportData:
    """``ktxh report --unit CODE --period nam:2022``: the same data as the commune page's download."""
    from ktxh.web.metadata.units.models import AdminUnit, Level

    unit = AdminUnit.objects.filter(code=unit_code.strip(), level=Level.COMMUNE).first()
    if unit is None:
        raise NoDocument(f"Không có xã, phường mã “{unit_code}”.", field="--unit", value=unit_code)
    kind, year, end_year = parse_period(period_text)
    plan = plan_for(unit, kind, year, end_year)
    if plan is None:
        raise NoDocument(f"{unit} chưa có kế hoạch cho kỳ “{period_text}”.", field="--period", value=period_text)
    return report_data(plan, Period.get(kind, year, end_year=end_year), document)
