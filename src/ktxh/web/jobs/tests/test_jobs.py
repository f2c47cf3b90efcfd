"""Jobs: run in process without a broker, through RQ on Redis with one; progress and failures kept."""

import socket

import pytest
from django.contrib.auth import get_user_model

from ktxh.core.errors import KtxhError
from ktxh.web.data.tracking.models import Period
from ktxh.web.jobs import queue, tasks
from ktxh.web.jobs.models import Job, JobStatus
from ktxh.web.metadata.units.models import AdminUnit

REDIS = ("127.0.0.1", 6379)


def counting(n: int) -> dict:
    for i in range(n):
        queue.progress(i, n, f"bước {i + 1}")
    queue.progress(n, n, "xong")
    return {"n": n}


def failing(value: str) -> None:
    raise KtxhError(f"Số liệu “{value}” không đọc được.")


@pytest.fixture
def no_broker(settings):
    settings.REDIS_URL = None


@pytest.fixture
def country(db):
    province = AdminUnit.objects.create(code="48", name="Đà Nẵng", level="province", kind="thanh_pho")
    AdminUnit.objects.create(code="20579", name="Điện Bàn Đông", level="commune", kind="phuong", parent=province)
    return province, Period.get("year", 2024)


def test_without_a_broker_the_job_runs_at_once(no_broker, country):
    province, period = country
    job = queue.enqueue(tasks.refresh_rollup, period.pk, name="Tổng hợp")
    assert job.status == JobStatus.DONE and job.result == {"period": period.code, "provinces": 1, "communes": 0}
    assert job.run_by == job.queued_by == queue.where() and job.finished_at >= job.started_at


def test_progress_and_result(no_broker, db):
    job = queue.enqueue(counting, 3)
    assert (job.status, job.done, job.total, job.message, job.result) == (JobStatus.DONE, 3, 3, "xong", {"n": 3})
    assert job.as_dict()["percent"] == 100


def test_a_failure_is_recorded_with_its_message(no_broker, db):
    job = queue.enqueue(failing, "5.9.3")
    assert job.status == JobStatus.FAILED and job.error == "Số liệu “5.9.3” không đọc được."
    assert job.as_dict()["status_label"] == "Lỗi"


def test_only_module_functions(no_broker, db):
    with pytest.raises(ValueError, match="hàm cấp module"):
        queue.enqueue(lambda: None)
    assert not Job.objects.exists()


def test_status_page_and_refresh(no_broker, country, client):
    province, period = country
    users = get_user_model().objects
    officer = users.create_user("canbo", password="x")
    admin = users.create_user("quantri", password="x", is_staff=True)
    assert client.post(f"/cong-viec/tong-hop/{period.pk}/").status_code == 401
    client.force_login(officer)
    assert client.post(f"/cong-viec/tong-hop/{period.pk}/").status_code == 403
    client.force_login(admin)
    answer = client.post(f"/cong-viec/tong-hop/{period.pk}/")
    assert answer.status_code == 202 and answer.json()["status"] == "done"
    job_id = answer.json()["id"]
    assert client.get(f"/cong-viec/{job_id}/").json()["result"]["provinces"] == 1
    client.force_login(officer)
    assert client.get(f"/cong-viec/{job_id}/").status_code == 404


def _redis_up() -> bool:
    try:
        socket.create_connection(REDIS, 1).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_up(), reason="Redis không chạy ở 127.0.0.1:6379")
def test_with_redis_the_worker_runs_it(settings, db, django_capture_on_commit_callbacks):
    from rq import Queue, SimpleWorker

    settings.REDIS_URL = "redis://127.0.0.1:6379/14"
    conn = queue.redis_connection()
    conn.flushdb()
    with django_capture_on_commit_callbacks(execute=True):
        job = queue.enqueue(counting, 2, name="Đếm")
    assert job.status == JobStatus.QUEUED and Queue(queue.QUEUE, connection=conn).count == 1
    SimpleWorker([Queue(queue.QUEUE, connection=conn)], connection=conn).work(burst=True)
    job.refresh_from_db()
    assert (job.status, job.result, job.done) == (JobStatus.DONE, {"n": 2}, 2)
    conn.flushdb()
