"""A draft plan counts once its leader or the province planner approves it."""

import pytest

from ktxh.web.accounts.permissions import Denied
from ktxh.web.data.audit import audit
from ktxh.web.errors import WorkflowError
from ktxh.web.metadata.plans import services


@pytest.mark.parametrize("who", ["leader", "planner"])
def test_leader_or_planner_approves(w, who):
    plan = services.approve_plan(getattr(w, who), w.plan)
    assert plan.status == "approved" and plan.approved_by == getattr(w, who)
    assert [e.action for e in audit.history(plan)] == ["approve"]


@pytest.mark.parametrize("who", ["officer", "leader_b", "planner_q", "viewer", "nobody"])
def test_others_may_not_approve(w, who):
    with pytest.raises(Denied):
        services.approve_plan(getattr(w, who), w.plan)


def test_twice_is_refused(w):
    services.approve_plan(w.leader, w.plan)
    with pytest.raises(WorkflowError):
        services.approve_plan(w.planner, w.plan)


def test_empty_plan_is_not_approved(w):
    plan = services.create_plan(w.leader, unit=w.a, kind="annual", start_year=2024, end_year=2024, title="KH 2024")
    with pytest.raises(WorkflowError) as err:
        services.approve_plan(w.leader, plan)
    assert "chưa có chỉ tiêu" in err.value.message
