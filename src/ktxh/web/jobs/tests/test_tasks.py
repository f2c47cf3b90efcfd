"""The jobs on the demo province: a seed imported as a job, a province's documents in one zip."""

import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from ktxh.web.demo import load
from ktxh.web.jobs import queue, tasks
from ktxh.web.jobs.models import JobStatus
from ktxh.web.metadata.plans.models import Plan
from ktxh.web.metadata.units.models import AdminUnit


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.REDIS_URL = None
    settings.DATA_DIR = tmp_path
    load.load_demo()
    return AdminUnit.objects.get(code=load.PROVINCE[0])


def test_a_province_documents_in_one_zip(demo):
    job = queue.enqueue(tasks.province_documents, demo.pk, "nam:2024", name="Văn bản cả tỉnh")
    assert job.status == JobStatus.DONE, job.error
    result = job.result
    with zipfile.ZipFile(result["path"]) as zf:
        names = sorted(zf.namelist())
        report = zf.read("bao-cao-demo-04.docx")
    # 2024: Nhơn Hưng and Lê Lợi have their annual plans, Lương Sơn and Điện Nam Đông their term plans
    assert {"bao-cao-demo-04.docx", "bieu-demo-04.xlsx", "bao-cao-demo-05.docx"} <= set(names)
    assert result["written"] == len(names) // 2 and result["communes"] == 5
    assert result["written"] + len(result["skipped"]) == 5
    assert report[:2] == b"PK" and (job.done, job.total) == (5, 5)


def test_a_bad_period_fails_the_job_in_vietnamese(demo):
    job = queue.enqueue(tasks.province_documents, demo.pk, "năm 2024")
    assert job.status == JobStatus.FAILED and "không hợp lệ" in job.error


def test_a_seed_imported_as_a_job(demo, tmp_path):
    ward = AdminUnit.objects.create(code="DEMO-99", name="Thử Nhập", level="commune", kind="phuong", parent=demo)
    leader = get_user_model().objects.get(username="nhonhung.lanhdao")
    from ktxh.web.accounts.models import Membership, Role

    Membership.objects.create(user=get_user_model().objects.create_user("thu.lanhdao", password="x"),
                              role=Role.LEADER, unit=ward)
    seed = next(Path(load.SEEDS).glob("004_*.txt"))
    refused = queue.enqueue(tasks.import_file, str(seed), ward.pk, leader.pk)
    assert refused.status == JobStatus.FAILED and "không được nhập" in refused.error  # not his ward
    user = get_user_model().objects.get(username="thu.lanhdao")
    job = queue.enqueue(tasks.import_file, str(seed), ward.pk, user.pk, "ke_hoach")
    assert job.status == JobStatus.DONE, job.error
    assert job.result["targets"] > 10 and Plan.objects.filter(unit=ward, pk__in=job.result["plans"]).count() >= 1
    assert (job.done, job.total, job.message) == (2, 2, "Đã nhập xong")
