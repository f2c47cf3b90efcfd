"""Import review: upload a seed report, see its targets, figures and the figures found wrong."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ktxh.web.metadata.plans.models import Plan
from ktxh.web.tests.pages import signed_in

SEEDS = Path(__file__).resolve().parents[3] / "demo" / "seeds"


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.DATA_DIR = tmp_path  # uploaded files wait here between review and accept


def _seed(prefix: str) -> SimpleUploadedFile:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")


def test_upload_shows_what_was_read_and_what_is_wrong(w):
    r = signed_in(w.leader).post("/nhap-tep/", {"file": _seed("003")})
    page = r.content.decode()
    assert r.status_code == 200
    assert "phường Nhơn Hưng" in page
    assert "24 chỉ tiêu" in page and "20 số liệu thực hiện" in page and "2 số liệu tính sai" in page
    # seed 003: "11.800 cây/4.500 cây đạt 226,22%" — 11.800/4.500 is 262,22%
    assert "11.800/4.500 = 262,2222%, không phải 226,22%; đúng phải là 262,22%." in page
    assert "Số lượng cây lâm nghiệp phân tán" in page
    assert not Plan.objects.exclude(pk=w.plan.pk).exists()  # nothing written before accepting


def test_a_file_that_is_not_a_report(w):
    bad = SimpleUploadedFile("bang.xls", b"\xd0\xcf\x11\xe0", content_type="application/octet-stream")
    page = signed_in(w.officer).post("/nhap-tep/", {"file": bad}).content.decode()
    assert "Tệp “bang.xls” không phải .docx, .pdf, .xlsx, .txt hay .md." in page
    broken = SimpleUploadedFile("bang.xlsx", b"PK\x03\x04", content_type="application/octet-stream")
    r = signed_in(w.officer).post("/nhap-tep/", {"file": broken})
    assert r.status_code == 200 and "bang.xlsx" in r.content.decode()  # the reader's own Vietnamese error
    empty = SimpleUploadedFile("rong.txt", b"   \n", content_type="text/plain")
    page = signed_in(w.officer).post("/nhap-tep/", {"file": empty}).content.decode()
    assert "rỗng" in page


def test_only_commune_people_import(w):
    for who in (w.planner, w.viewer, w.nobody):
        assert signed_in(who).get("/nhap-tep/").status_code == 403
    assert signed_in(w.planner).post("/nhap-tep/", {"file": _seed("003")}).status_code == 403


def _reviewed(c, prefix="003"):
    page = c.post("/nhap-tep/", {"file": _seed(prefix)}).content.decode()
    key = re.search(r'name="key" value="([0-9a-f]{64}\.txt)"', page).group(1)
    name = re.search(r'name="name" value="([^"]+)"', page).group(1)
    digest = re.search(r'name="digest" value="([0-9a-f]+)"', page).group(1)
    return key, name, digest


def test_accept_into_a_draft_plan(w):
    from ktxh.web.data.tracking.models import Actual, ActualStatus
    from ktxh.web.metadata.plans.models import PlanStatus

    c = signed_in(w.leader_c)  # Nhơn Hưng, as in seed 003
    key, name, digest = _reviewed(c)
    r = c.post("/nhap-tep/nhan/", {"key": key, "name": name, "digest": digest})
    plan = Plan.objects.filter(unit=w.c).order_by("pk").first()
    assert r.status_code == 302 and r["Location"] == f"/ke-hoach/{plan.pk}/"
    assert plan.status == PlanStatus.DRAFT and plan.targets.count() > 0
    assert Actual.objects.filter(unit=w.c).exists()
    assert not Actual.objects.filter(unit=w.c).exclude(status=ActualStatus.DRAFT).exists()  # nothing counts yet
    page = c.get(r["Location"]).content.decode()
    assert "Tệp “003_" in page and "Đã lưu " in page and "Tỷ lệ người dân tham gia bảo hiểm y tế" in page
    # The kept file is gone once accepted: the same form cannot import twice.
    assert c.post("/nhap-tep/nhan/", {"key": key, "name": name, "digest": digest}).status_code == 404


def test_accept_is_for_the_commune_itself(w):
    key, name, _digest = _reviewed(signed_in(w.leader_c))
    assert signed_in(w.planner_q).post("/nhap-tep/nhan/", {"key": key, "name": name}).status_code == 403
    assert signed_in(w.leader_c).post("/nhap-tep/nhan/", {"key": "../../secret_key", "name": "x"}).status_code == 404
    assert not Plan.objects.filter(unit=w.c).exists()
