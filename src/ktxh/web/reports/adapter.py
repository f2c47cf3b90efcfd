"""Fill ``ktxh.documents``' dataclasses from the database, for one commune, one plan and one period.

Thin on purpose: which targets and which approved figures count is ``tracking.evaluation``'s
(the dashboard's own reading), the term review is ``dashboard.term``'s (the core's
``review_all``), and every sentence and percentage is written by ``ktxh.documents`` from
ktxh.core. Here only: names from the AdminUnit tree, last year's figure for "so với cùng
kỳ", key tasks, the officers' narratives, the signer and Nơi nhận.
"""

from __future__ import annotations

import re

from ktxh.core.errors import KtxhError
from ktxh.core.model import TargetKind
from ktxh.core.review import TermKind
from ktxh.documents import data as doc
from ktxh.web.analytics import term
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period, PeriodKind
from ktxh.web.metadata.plans.models import Plan, PlanKind, PlanStatus

from .models import DocumentSettings, Narrative

SECTION_TASKS = "nhiem-vu-giai-phap"  # the next year's plan: nhiệm vụ và giải pháp, one per line
KINDS = {PeriodKind.HALF: doc.PeriodKind.SIX_MONTHS, PeriodKind.NINE: doc.PeriodKind.NINE_MONTHS,
         PeriodKind.YEAR: doc.PeriodKind.YEAR}


class NoDocument(KtxhError):
    """No document for this: a period without a form (a month, a quarter), an unknown commune or period."""


def unit_title(unit) -> str:
    """"Phường Lương Sơn", "Tỉnh Thái Nguyên": the kind, unless the name carries it already."""
    kind = unit.get_kind_display()
    return unit.name if unit.name.lower().startswith(kind.lower()) else f"{kind} {unit.name}"


def issuer(unit) -> doc.Issuer:
    upper = f"UBND {unit_title(unit.parent)}".upper() if unit.parent_id else ""
    return doc.Issuer(upper=upper, name=f"UBND {unit_title(unit)}".upper(), place=unit.name)


def signer_and_recipients(unit) -> tuple[doc.Signer, tuple[str, ...]]:
    """From the commune's DocumentSettings; else its leader signs and the usual recipients."""
    s = DocumentSettings.objects.filter(unit=unit).first()
    if s is not None and s.signer_name:
        signer = doc.Signer(s.signer_name, s.signer_authority or "TM. ỦY BAN NHÂN DÂN", s.signer_title or "CHỦ TỊCH")
    else:
        leader = unit.members.filter(role="leader").select_related("user").order_by("pk").first()
        name = leader.user.get_full_name() if leader is not None else ""
        signer = doc.Signer(name or "\u00a0")
    if s is not None and s.recipients.strip():
        recipients = tuple(line.strip().lstrip("-").strip() for line in s.recipients.splitlines() if line.strip())
    else:
        upper = unit_title(unit.parent) if unit.parent_id else "cấp trên"
        recipients = (f"UBND {upper} (b/c)", "TT Đảng ủy, HĐND phường" if unit.kind == "phuong" else
                      "TT Đảng ủy, HĐND xã", "Các thành viên UBND", "Lưu: VT")
    return signer, recipients


def narratives(unit, period) -> dict[str, str]:
    return dict(Narrative.objects.filter(unit=unit, period=period).values_list("section", "text"))


def document_period(plan, period) -> doc.Period:
    if period.kind in KINDS:
        return doc.Period(KINDS[period.kind], period.year)
    if period.kind == PeriodKind.TERM:
        # Half-way while the term's last year has no approved figure yet; the term report after.
        years = Actual.objects.filter(unit=plan.unit, status=ActualStatus.APPROVED, period__kind=PeriodKind.YEAR,
                                      period__year__gte=plan.start_year, period__year__lte=plan.end_year)
        latest = max(years.values_list("period__year", flat=True), default=plan.start_year)
        kind = doc.PeriodKind.TERM if latest >= plan.end_year else doc.PeriodKind.MIDTERM
        return doc.Period(kind, latest if kind is doc.PeriodKind.MIDTERM else plan.end_year, plan.start_year,
                          plan.end_year)
    raise NoDocument(f"Chưa có mẫu văn bản cho kỳ “{period.label}”: chọn kỳ 6 tháng, 9 tháng, năm hoặc nhiệm kỳ.",
                     field="kỳ", value=period.code)


def _previous(plan, period, indicator_ids) -> dict[int, object]:
    """The same period a year before (for a term: the base year, the year before it), approved."""
    if period.kind == PeriodKind.TERM:
        code = Period.make_code(PeriodKind.YEAR, plan.start_year - 1)
    else:
        code = Period.make_code(period.kind, period.year - 1, period.number)
    qs = Actual.objects.filter(unit=plan.unit, period__code=code, indicator_id__in=indicator_ids,
                               status=ActualStatus.APPROVED, value__isnull=False)
    return dict(qs.values_list("indicator_id", "value"))


# Term targets whose latest yearly figure stands for "so far" in a giữa kỳ report (not growth rates
# or term totals, which a single year's level does not measure).
LEVEL_KINDS = (TermKind.LEVEL, TermKind.SHARE, TermKind.REDUCTION)


def _row(r, previous, review=None) -> doc.Row:
    t, ind = r.target, r.target.indicator
    actual = None
    if r.actual is not None:
        actual = r.actual.value if r.actual.value is not None else r.actual.text
    elif review is not None and review.kind in LEVEL_KINDS and review.latest_year not in (None, review.base_year):
        actual = review.latest_value  # seed 002: "năm 2023 ước đạt 5.814,7 tấn" against the term target
    plan = r.evaluation.plan_value if r.evaluation.target.kind is TargetKind.ASSIGNED else None
    return doc.Row(name=ind.name, unit=ind.unit, target_text=t.text, plan=plan, actual=actual,
                   previous=previous.get(ind.pk), estimate=bool(r.actual and r.actual.is_estimate),
                   direction=ind.direction)


def fields(plan, period, reviews: dict | None = None) -> tuple[doc.Field, ...]:
    """The fields and their indicators as the dashboard evaluates them (each indicator once).

    ``reviews`` (target pk → core Review) give a term target without a figure for the whole
    term its latest approved yearly figure.
    """
    rows = [r for r in evaluate_plan(plan, period).rows if r.primary]
    previous = _previous(plan, period, {r.target.indicator_id for r in rows})
    grouped: dict = {}
    for r in rows:
        grouped.setdefault(r.target.indicator.field, []).append(_row(r, previous, (reviews or {}).get(r.target.pk)))
    ordered = sorted(grouped.items(), key=lambda fr: (fr[0].order, fr[0].name))
    return tuple(doc.Field(f.code, f.name, tuple(rs)) for f, rs in ordered)


def term_review(plan, pairs=None) -> doc.TermReview | None:
    if plan.kind != PlanKind.TERM:
        return None
    pairs = term.reviews(plan) if pairs is None else pairs
    if not pairs:
        return None
    return doc.TermReview(tuple(r for _, r in pairs), plan.end_year, tuple(t.indicator.name for t, _ in pairs),
                          f"giai đoạn {plan.start_year} - {plan.end_year}")


def _next_plan(plan, year: int, notes: dict[str, str]) -> doc.NextPlan:
    """Next year's targets: an approved annual plan of that year first, else the year's targets of ``plan``."""
    annuals = Plan.objects.filter(unit=plan.unit, kind=PlanKind.ANNUAL, start_year=year)
    annual = min(annuals, key=lambda p: (p.status != PlanStatus.APPROVED, -p.pk), default=None)
    source = annual or plan
    targets = [t for t in source.targets.select_related("indicator__field")
               .order_by("indicator__field__order", "indicator__name", "pk")
               if t.year == year or (annual is not None and t.year is None)]
    grouped: dict = {}
    seen = set()
    for t in targets:
        if t.indicator_id in seen:
            continue
        seen.add(t.indicator_id)
        ind = t.indicator
        grouped.setdefault(ind.field, []).append(doc.Row(ind.name, ind.unit, target_text=t.text,
                                                         direction=ind.direction))
    ordered = sorted(grouped.items(), key=lambda fr: (fr[0].order, fr[0].name))
    tasks = tuple(line.strip() for line in notes.get(SECTION_TASKS, "").splitlines() if line.strip())
    return doc.NextPlan(year, fields=tuple(doc.Field(f.code, f.name, tuple(rs)) for f, rs in ordered), tasks=tasks)


def _basis(legal_basis: str) -> str:
    """The plan's legal basis as the opening clause: "Thực hiện Nghị quyết số 08/NQ-HĐND …"."""
    first = legal_basis.strip().splitlines()[0].strip() if legal_basis.strip() else ""
    if not first or first.lower().startswith(("thực hiện", "căn cứ")):
        return first
    return f"Thực hiện {first}"


def report_data(plan, period) -> doc.ReportData:
    """Everything the báo cáo, the kế hoạch năm sau and Biểu 01–02 need, from the database."""
    unit = plan.unit
    kind = document_period(plan, period)
    notes = narratives(unit, period)
    signer, recipients = signer_and_recipients(unit)
    pairs = term.reviews(plan) if kind.kind in (doc.PeriodKind.MIDTERM, doc.PeriodKind.TERM) \
        and plan.kind == PlanKind.TERM else []
    return doc.ReportData(
        issuer=issuer(unit),
        signer=signer,
        period=kind,
        fields=fields(plan, period, {t.pk: r for t, r in pairs}),
        key_tasks=tuple(doc.KeyTask(k.content, k.result, k.assigned_by) for k in plan.key_tasks.all()),
        recipients=recipients,
        basis=_basis(plan.legal_basis),
        narratives=notes,
        next_plan=_next_plan(plan, kind.year + 1, notes),
        term_review=term_review(plan, pairs),
    )


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
    """The commune's plan for the period: its term plan for a term; else an annual plan of that year
    before a term plan covering it, an approved plan before a draft."""
    plans = list(Plan.objects.filter(unit=unit))
    if kind == PeriodKind.TERM:
        plans = [p for p in plans if p.kind == PlanKind.TERM and (p.start_year, p.end_year) == (year, end_year)]
    else:
        plans = [p for p in plans if p.start_year <= year <= p.end_year]
    return min(plans, key=lambda p: (p.kind != PlanKind.ANNUAL, p.status != PlanStatus.APPROVED, -p.pk), default=None)


def data_for(unit_code: str, period_text: str) -> doc.ReportData:
    """``ktxh report --unit CODE --period nam:2022``: the same data as the commune page's download."""
    from ktxh.web.metadata.units.models import AdminUnit, Level

    unit = AdminUnit.objects.filter(code=unit_code.strip(), level=Level.COMMUNE).first()
    if unit is None:
        raise NoDocument(f"Không có xã, phường mã “{unit_code}”.", field="--unit", value=unit_code)
    kind, year, end_year = parse_period(period_text)
    plan = plan_for(unit, kind, year, end_year)
    if plan is None:
        raise NoDocument(f"{unit} chưa có kế hoạch cho kỳ “{period_text}”.", field="--period", value=period_text)
    return report_data(plan, Period.get(kind, year, end_year=end_year))
