"""Enter → submit → approve, or return with a comment; each step in the audit trail."""

import pytest

from ktxh.web.accounts.permissions import Denied
from ktxh.web.data.audit import audit
from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import ActualStatus


@pytest.fixture
def entered(w):
    return workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")


def test_submit_then_leader_approves(w, entered):
    sent = workflow.submit(w.officer, entered, version=1)
    assert (sent.status, sent.version) == (ActualStatus.SUBMITTED, 2)
    done = workflow.approve(w.leader, sent, version=2)
    assert (done.status, done.version) == (ActualStatus.APPROVED, 3)
    assert [e.action for e in audit.history(done)] == ["create", "submit", "approve"]
    assert [e.user for e in audit.history(done)] == [w.officer, w.officer, w.leader]


def test_province_planner_approves_too(w, entered):
    sent = workflow.submit(w.officer, entered, version=1)
    assert workflow.approve(w.planner, sent, version=2).status == ActualStatus.APPROVED


@pytest.mark.parametrize("who", ["leader_b", "planner_q", "officer", "viewer", "nobody"])
def test_others_may_not_approve(w, entered, who):
    sent = workflow.submit(w.officer, entered, version=1)
    with pytest.raises(Denied):
        workflow.approve(getattr(w, who), sent, version=2)


def test_return_needs_a_comment_and_keeps_it(w, entered):
    sent = workflow.submit(w.officer, entered, version=1)
    with pytest.raises(workflow.WorkflowError) as err:
        workflow.return_(w.leader, sent, version=2, comment="  ")
    assert "ý kiến" in err.value.message
    back = workflow.return_(w.leader, sent, version=2, comment="Số liệu chưa khớp báo cáo thống kê")
    assert back.status == ActualStatus.RETURNED
    assert back.review_comment == "Số liệu chưa khớp báo cáo thống kê"
    last = list(audit.history(back))[-1]
    assert (last.action, last.comment) == ("return", "Số liệu chưa khớp báo cáo thống kê")


def test_returned_figure_is_corrected_and_sent_again(w, entered):
    sent = workflow.submit(w.officer, entered, version=1)
    back = workflow.return_(w.leader, sent, version=2, comment="Sai số")
    fixed = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.814,7", version=back.version)
    assert fixed.text == "5.814,7"
    again = workflow.submit(w.officer, fixed, version=fixed.version)
    assert again.status == ActualStatus.SUBMITTED
    change = [e for e in audit.history(again) if e.action == "update"][0]
    assert change.changes["text"] == ["5.933,3", "5.814,7"]
    assert change.changes["value"] == ["5933.3", "5814.7"]


def test_submitted_or_approved_figure_cannot_be_edited(w, entered):
    sent = workflow.submit(w.officer, entered, version=1)
    with pytest.raises(workflow.WorkflowError) as err:
        workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="1", version=2)
    assert "Đã gửi" in err.value.message
    workflow.approve(w.leader, sent, version=2)
    with pytest.raises(workflow.WorkflowError) as err:
        workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="1", version=3)
    assert "Đã duyệt" in err.value.message


def test_only_a_submitted_figure_is_approved(w, entered):
    with pytest.raises(workflow.WorkflowError):
        workflow.approve(w.leader, entered, version=1)
