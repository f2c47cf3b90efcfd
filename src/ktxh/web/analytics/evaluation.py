"""A plan evaluated for a period, through the core evaluator (``ktxh.core.evaluate``).

Only approved figures count. Each target is evaluated against the commune's figure for
the period; a ``change`` target measured from a named year ("so với năm 2021") gets
that year's approved figure as its base, and an ``assigned`` target ("đạt và vượt
chỉ tiêu giao từ 5-10%") the upper level's target of the same indicator and year.
When an indicator carries targets from several sources, the summary counts it once,
by the first source in ``plans.selection.SOURCE_PRIORITY``. Which targets count in a period
is ``plans.selection``'s. In a term period, a term target of a level with no figure for the whole
term is judged by its latest approved yearly figure (``selection.so_far``), which the row says.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ktxh.core.errors import KtxhError
from ktxh.core.evaluate import evaluate, summarize, summary_sentence
from ktxh.core.model import Evaluation, Status, TargetKind
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period, PeriodKind
from ktxh.web.metadata.plans import selection


@dataclass(frozen=True)
class Row:
    target: object  # plans.Target
    actual: Actual | None
    evaluation: Evaluation
    primary: bool
    year: int | None = None  # a term period judged by this year's figure ("so far")


@dataclass(frozen=True)
class PlanEvaluation:
    plan: object
    period: Period
    rows: list[Row]

    @property
    def primary(self) -> list[Evaluation]:
        return [r.evaluation for r in self.rows if r.primary]

    @property
    def counts(self) -> dict[Status, int]:
        return summarize(self.primary)

    @property
    def sentence(self) -> str:
        return summary_sentence(self.primary, scope=f"kinh tế - xã hội {self.period.label[0].lower()}{self.period.label[1:]}")


def _approved(unit, indicator_ids, period) -> dict[int, Actual]:
    qs = Actual.objects.filter(unit=unit, period=period, indicator_id__in=indicator_ids, status=ActualStatus.APPROVED)
    return {a.indicator_id: a for a in qs}


def _figure(actual: Actual | None):
    if actual is None:
        return None
    return actual.value if actual.value is not None else actual.text


def _base(target, core, unit):
    if core.kind is not TargetKind.CHANGE or core.base_year is None:
        return None
    year_period = Period.objects.filter(kind=PeriodKind.YEAR, year=core.base_year).first()
    if year_period is None:
        return None
    return _figure(_approved(unit, [target.indicator_id], year_period).get(target.indicator_id))


def _assigned(target, core, siblings):
    if core.kind is not TargetKind.ASSIGNED:
        return None
    for other in siblings:
        if other.pk != target.pk and other.source == "cap_tren" and other.indicator_id == target.indicator_id:
            given = other.core_target()
            if given.kind is not TargetKind.ASSIGNED and given.low is not None:
                return given.low
    return None


def _so_far(plan, targets, period, actuals) -> dict[int, Actual]:
    """A term period: each term target of a level without a figure of the whole term, its latest
    approved yearly figure of the term (Seed 002: "năm 2023 ước đạt 5.814,7 tấn" against 6.000 tấn
    by 2025)."""
    if period.kind != PeriodKind.TERM:
        return {}
    years = {t.pk: span for t in targets if t.indicator_id not in actuals
             and (span := selection.so_far(t, plan)) is not None}
    if not years:
        return {}
    qs = Actual.objects.filter(unit=plan.unit, status=ActualStatus.APPROVED, period__kind=PeriodKind.YEAR,
                               period__year__gte=plan.start_year, period__year__lte=plan.end_year,
                               value__isnull=False, indicator_id__in={t.indicator_id for t in targets if t.pk in years})
    found = list(qs.select_related("period").order_by("-period__year"))
    out = {}
    for t in targets:
        if t.pk in years:
            first, last = years[t.pk]
            out[t.pk] = next((a for a in found if a.indicator_id == t.indicator_id
                              and first <= a.period.year <= last), None)
    return {k: v for k, v in out.items() if v is not None}


def evaluate_plan(plan, period: Period) -> PlanEvaluation:
    targets = selection.targets_of(plan, period)
    actuals = _approved(plan.unit, {t.indicator_id for t in targets}, period)
    so_far = _so_far(plan, targets, period, actuals)
    primary = selection.primary_ids(targets)
    rows = []
    for t in targets:
        core = t.core_target()
        actual = actuals.get(t.indicator_id) or so_far.get(t.pk)
        try:
            ev = evaluate(core, _figure(actual), base=_base(t, core, plan.unit), assigned=_assigned(t, core, targets))
        except KtxhError as exc:
            ev = Evaluation(core, None, Status.CHUA_CO_SO_LIEU, note=exc.message)
        if actual is not None and period.kind not in (PeriodKind.YEAR, PeriodKind.TERM) and t.year is not None:
            # Seed 002: "Ước thu ngân sách nhà nước là 1.930.000.000/3.809.000.000 đạt 50,67 %" — progress, not the year's result.
            ev = replace(ev, note=" ".join(x for x in (ev.note, f"Tiến độ {period.label} so với chỉ tiêu cả năm {t.year}.") if x))
        year = actual.period.year if t.pk in so_far else None
        if year is not None:
            ev = replace(ev, note=" ".join(x for x in (ev.note, f"Số liệu năm {year}, năm gần nhất của nhiệm kỳ có số liệu đã duyệt.") if x))
        rows.append(Row(t, actual, ev, t.pk in primary, year))
    return PlanEvaluation(plan, period, rows)


@dataclass(frozen=True)
class Waiting:
    """A figure waiting for approval, measured as it would count once approved: the target that
    speaks for its indicator in its period, the core's evaluation, and the figure of the period
    before it (same kind)."""

    target: object | None  # plans.Target
    evaluation: Evaluation | None
    previous: Actual | None

    @property
    def change(self):
        a = self.evaluation.actual if self.evaluation else None
        p = self.previous.value if self.previous else None
        return None if a is None or p is None else a - p


def _previous(actual: Actual) -> Actual | None:
    """The approved figure of the period before (a draft or a sent figure is nobody's result yet)."""
    return (Actual.objects.filter(unit=actual.unit_id, indicator=actual.indicator_id, period__kind=actual.period.kind,
                                  period__ends_on__lt=actual.period.ends_on, value__isnull=False,
                                  status=ActualStatus.APPROVED)
            .select_related("period").order_by("-period__ends_on").first())


def judge_waiting(user, actuals) -> dict[int, Waiting]:
    """Each waiting figure against the plan the user sees for its commune and year (the same
    ``selection`` and ``core.evaluate`` as ``evaluate_plan``, with the figure not yet approved)."""
    out: dict[int, Waiting] = {}
    cache: dict[tuple, list] = {}
    for a in actuals:
        key = (a.unit_id, a.period_id)
        if key not in cache:
            plan = selection.plan_for(user, a.unit, a.period.year)
            cache[key] = selection.targets_of(plan, a.period) if plan else []
        targets = cache[key]
        primary = selection.primary_ids(targets)
        mine = [t for t in targets if t.indicator_id == a.indicator_id]
        target = next((t for t in mine if t.pk in primary), mine[0] if mine else None)
        ev = None
        if target is not None:
            core = target.core_target()
            try:
                ev = evaluate(core, _figure(a), base=_base(target, core, a.unit), assigned=_assigned(target, core, targets))
            except KtxhError as exc:
                ev = Evaluation(core, None, Status.CHUA_CO_SO_LIEU, note=exc.message)
        out[a.pk] = Waiting(target, ev, _previous(a))
    return out
