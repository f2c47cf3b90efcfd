"""API: a plan evaluated in a period, by the one evaluator (``analytics.evaluation``)."""

from __future__ import annotations

from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.api import readable_plan
from ktxh.web.schemas import Id

from .evaluation import evaluate_plan

router = Router(tags=["Đánh giá"])


class EvaluationRow(Schema):
    target_id: int
    indicator_id: int
    indicator_name: str
    year: int | None
    source: str
    target_text: str
    primary: bool
    actual_id: int | None
    actual_text: str | None
    is_estimate: bool | None
    status: str
    status_label: str
    percent_of_plan: Decimal | None
    compared: Decimal | None
    plan_value: Decimal | None
    note: str


class EvaluationOut(Schema):
    plan_id: int
    period_id: int
    period_label: str
    counts: dict[str, int]
    sentence: str
    rows: list[EvaluationRow]


@router.get("/plans/{plan_id}/evaluation", response=EvaluationOut, summary="Đánh giá kế hoạch trong một kỳ")
def plan_evaluation(request, plan_id: Id, period_id: Id):
    plan = readable_plan(request, plan_id)
    period = get_object_or_404(Period, pk=period_id)
    result = evaluate_plan(plan, period)
    return {
        "plan_id": plan.pk,
        "period_id": period.pk,
        "period_label": period.label,
        "counts": {s.value: n for s, n in result.counts.items()},
        "sentence": result.sentence,
        "rows": [
            {
                "target_id": r.target.pk,
                "indicator_id": r.target.indicator_id,
                "indicator_name": r.target.indicator.name,
                "year": r.target.year,
                "source": r.target.source,
                "target_text": r.target.text,
                "primary": r.primary,
                "actual_id": r.actual.pk if r.actual else None,
                "actual_text": r.actual.text if r.actual else None,
                "is_estimate": r.actual.is_estimate if r.actual else None,
                "status": r.evaluation.status.value,
                "status_label": r.evaluation.status.label,
                "percent_of_plan": r.evaluation.percent_of_plan,
                "compared": r.evaluation.compared,
                "plan_value": r.evaluation.plan_value,
                "note": r.evaluation.note,
            }
            for r in result.rows
        ],
    }
