"""Key tasks (nhiệm vụ trọng tâm, seed 004's Biểu số 01) and their results, audited.

Once the plan is approved only the result changes, by the leader or the officer of the task's field,
with the version read checked as for figures (issue 13, item 8)."""

import pytest

from ktxh.web.accounts.permissions import Denied
from ktxh.web.data.audit import audit
from ktxh.web.errors import ConflictError, WorkflowError
from ktxh.web.metadata.plans import services
from ktxh.web.tests.factories import Api

CONTENT = "Hoàn thành xây dựng các nhà sinh hoạt văn hóa theo Đề án của thành phố."
RESULT = "Hoàn thành và đưa vào sử dụng 07 nhà sinh hoạt văn hóa."


@pytest.fixture
def task(w):
    t = services.add_key_task(w.leader, w.plan, content=CONTENT, assigned_by="Chủ tịch UBND thành phố", field=w.soc)
    services.approve_plan(w.leader, w.plan)
    return t


def test_result_is_recorded_after_approval_and_audited(w, task):
    done = services.change_key_task(w.officer_soc, w.plan, task, version=task.version, result=RESULT)
    assert done.result == RESULT and done.version == 2
    last = list(audit.history(done))[-1]
    assert (last.user, last.changes) == (w.officer_soc, {"result": ["", RESULT]})


def test_empty_task_and_other_communes_are_refused(w):
    with pytest.raises(WorkflowError):
        services.add_key_task(w.leader, w.plan, content="  ")
    with pytest.raises(Denied):
        services.add_key_task(w.leader_b, w.plan, content="Nhiệm vụ")


@pytest.mark.parametrize(
    "change",
    [{"content": "Nội dung khác hẳn"}, {"assigned_by": "Tôi tự giao"}, {"field": None}],
)
@pytest.mark.parametrize("who", ["leader", "officer_soc"])
def test_after_approval_content_assigner_and_field_stay(w, task, who, change):
    with pytest.raises(Denied) as exc:
        services.change_key_task(getattr(w, who), w.plan, task, version=task.version, result=RESULT, **change)
    assert "đã phê duyệt: chỉ ghi được kết quả" in exc.value.message
    task.refresh_from_db()
    assert (task.content, task.assigned_by, task.field_id, task.result) == (CONTENT, "Chủ tịch UBND thành phố", w.soc.pk, "")


def test_after_approval_only_the_leader_or_the_fields_officer_records_the_result(w, task):
    with pytest.raises(Denied) as exc:
        services.change_key_task(w.officer, w.plan, task, version=task.version, result=RESULT)  # economy officer
    assert "công chức được giao lĩnh vực" in exc.value.message
    for who in ("leader_b", "viewer", "planner"):
        with pytest.raises(Denied):
            services.change_key_task(getattr(w, who), w.plan, task, version=task.version, result=RESULT)
    done = services.change_key_task(w.leader, w.plan, task, version=task.version, result=RESULT)
    assert done.result == RESULT


def test_a_task_without_a_field_is_the_leaders_after_approval(w):
    t = services.add_key_task(w.officer, w.plan, content=CONTENT)
    services.approve_plan(w.leader, w.plan)
    for who in ("officer", "officer_soc"):
        with pytest.raises(Denied):
            services.change_key_task(getattr(w, who), w.plan, t, version=t.version, result=RESULT)
    assert services.change_key_task(w.leader, w.plan, t, version=t.version, result=RESULT).result == RESULT


def test_no_new_task_once_approved(w, task):
    with pytest.raises(Denied) as exc:
        services.add_key_task(w.leader, w.plan, content="Nhiệm vụ thêm sau khi phê duyệt")
    assert "đã phê duyệt" in exc.value.message


def test_the_last_save_does_not_silently_win(w, task):
    read_at = task.version
    services.change_key_task(w.leader, w.plan, task, version=read_at, result=RESULT)
    with pytest.raises(ConflictError) as exc:
        services.change_key_task(w.officer_soc, w.plan, task, version=read_at, result="Hoàn thành 05 nhà.")
    assert "đã được người khác sửa (phiên bản 2)" in exc.value.message and "phiên bản 1" in exc.value.message
    task.refresh_from_db()
    assert task.result == RESULT
    with pytest.raises(WorkflowError, match="Thiếu phiên bản"):
        services.change_key_task(w.leader, w.plan, task, version=None, result="x")


def test_while_draft_the_commune_edits_everything(w):
    t = services.add_key_task(w.officer, w.plan, content=CONTENT)
    t = services.change_key_task(w.officer_soc, w.plan, t, version=t.version, content="Nội dung sửa lại",
                                 assigned_by="HĐND phường", field=w.soc)
    assert (t.content, t.assigned_by, t.field_id, t.version) == ("Nội dung sửa lại", "HĐND phường", w.soc.pk, 2)


# --- the API ------------------------------------------------------------------------------------


def _path(w, task):
    return f"/plans/{w.plan.pk}/key-tasks/{task.pk}"


def test_api_records_the_result_and_refuses_the_rest(w, task):
    officer = Api(w.officer_soc)
    r = officer.post(_path(w, task), {"version": task.version, "content": "Viết lại", "result": RESULT})
    assert r.status_code == 403 and "chỉ ghi được kết quả" in r.json()["detail"]
    r = Api(w.officer).post(_path(w, task), {"version": task.version, "result": RESULT})
    assert r.status_code == 403
    r = officer.post(_path(w, task), {"version": task.version, "result": RESULT})
    assert r.status_code == 200, r.content
    assert (r.json()["result"], r.json()["content"], r.json()["version"]) == (RESULT, CONTENT, task.version + 1)


def test_api_answers_409_on_a_stale_version(w, task):
    leader, officer = Api(w.leader), Api(w.officer_soc)
    assert leader.post(_path(w, task), {"version": task.version, "result": RESULT}).status_code == 200
    r = officer.post(_path(w, task), {"version": task.version, "result": "Hoàn thành 05 nhà."})
    assert r.status_code == 409 and "Không ghi đè" in r.json()["detail"]
    r = officer.post(_path(w, task), {"result": "Hoàn thành 05 nhà."})
    assert r.status_code == 422  # the version is required


def test_api_adds_no_task_to_an_approved_plan(w, task):
    r = Api(w.leader).post(f"/plans/{w.plan.pk}/key-tasks", {"content": "Nhiệm vụ thêm"})
    assert r.status_code == 403 and "đã phê duyệt" in r.json()["detail"]
