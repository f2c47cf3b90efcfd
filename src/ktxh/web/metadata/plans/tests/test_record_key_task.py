"""Key tasks (nhiệm vụ trọng tâm, seed 004's Biểu số 01) and their results, audited."""

import pytest

from ktxh.web.accounts.permissions import Denied
from ktxh.web.data.audit import audit
from ktxh.web.errors import WorkflowError
from ktxh.web.metadata.plans import services


def test_result_is_recorded_after_approval_and_audited(w):
    task = services.set_key_task(w.leader, w.plan, content="Hoàn thành xây dựng các nhà sinh hoạt văn hóa theo Đề án của thành phố.",
                                 assigned_by="Chủ tịch UBND thành phố")
    services.approve_plan(w.leader, w.plan)
    done = services.set_key_task(w.officer_soc, w.plan, content=task.content, assigned_by=task.assigned_by,
                                 result="Hoàn thành và đưa vào sử dụng 07 nhà sinh hoạt văn hóa.", task=task)
    assert done.result.startswith("Hoàn thành và đưa vào sử dụng 07")
    last = list(audit.history(done))[-1]
    assert (last.user, last.changes["result"]) == (w.officer_soc, ["", "Hoàn thành và đưa vào sử dụng 07 nhà sinh hoạt văn hóa."])


def test_empty_task_and_other_communes_are_refused(w):
    with pytest.raises(WorkflowError):
        services.set_key_task(w.leader, w.plan, content="  ")
    with pytest.raises(Denied):
        services.set_key_task(w.leader_b, w.plan, content="Nhiệm vụ")
