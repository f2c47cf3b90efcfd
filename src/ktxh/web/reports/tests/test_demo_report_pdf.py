"""The demo ward's report, generated from the demo data through the download, converts to PDF with
LibreOffice headless and renders to PNG pages; and it passes the checker with no wrong figure.

Skipped where LibreOffice or poppler is missing (.ci/run installs them). With
KTXH_UPDATE_DOCS_IMG=1 the first page is saved to docs/img/demo-report-page1.png, the README's picture,
and the kế hoạch năm sau's first page to docs/img/demo-plan-page1.png. The ward's settings name its
signer and recipients as seed 003 prints them (Chủ tịch Phạm Văn Ngon).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from ktxh.reader import check_document, read_document
from ktxh.web.demo import load
from ktxh.web.metadata.plans.models import Plan
from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.reports.models import DocumentSettings
from ktxh.web.tests.pages import signed_in

DOCS_IMG = Path(__file__).resolve().parents[5] / "docs" / "img" / "demo-report-page1.png"
DOCS_PLAN_IMG = DOCS_IMG.with_name("demo-plan-page1.png")
TOOLS = ("soffice", "pdftoppm", "pdftotext")


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def _download(kind: str) -> bytes:
    """Nhơn Hưng's 2023 document, as its leader downloads it from the dashboard's default plan and period."""
    load.load_demo()
    ward = AdminUnit.objects.get(name="Nhơn Hưng", parent__code=load.PROVINCE[0])
    DocumentSettings.objects.get_or_create(unit=ward, defaults={
        "signer_name": "Phạm Văn Ngon", "recipients": "VP. HĐND-UBND thị xã;\nTT. Đảng ủy - HĐND phường;\nLưu: VT."})
    plan = Plan.objects.get(unit=ward, start_year=2023)
    leader = ward.members.get(role="leader").user
    response = signed_in(leader).get(f"/xa/{ward.pk}/van-ban/{kind}/?ke_hoach={plan.pk}")
    assert response.status_code == 200
    return response.content


@pytest.fixture
def demo_report(db) -> bytes:
    return _download("bao-cao")


def _pdf(blob: bytes, tmp_path: Path, name: str) -> Path:
    source = tmp_path / f"{name}.docx"
    source.write_bytes(blob)
    profile = (tmp_path / "lo-profile").as_uri()  # private: conversions running at once must not share one
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(source)], check=True, capture_output=True, timeout=300)
    return tmp_path / f"{name}.pdf"


def test_demo_report_has_no_wrong_figure(demo_report) -> None:
    findings = check_document(read_document(demo_report, filename="bao-cao.docx"))
    assert [(f.kind, str(f.stated), str(f.computed)) for f in findings if f.verdict == "wrong"] == []
    assert sum(1 for f in findings if f.kind == "ratio" and f.verdict == "ok") >= 10


@pytest.mark.skipif(not all(shutil.which(t) for t in TOOLS),
                    reason="LibreOffice (soffice) hoặc poppler-utils (pdftoppm, pdftotext) chưa được cài")
def test_demo_report_renders_to_pdf_and_png_pages(demo_report, tmp_path: Path) -> None:
    pdf = _pdf(demo_report, tmp_path, "bao-cao")
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                                   text=True).stdout.split())
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND PHƯỜNG NHƠN HƯNG", "BÁO CÁO", "Biểu số 02",
                 "Tỷ lệ người dân tham gia bảo hiểm y tế năm 2023 đạt 88%/85%, bằng 103,53% kế hoạch"):
        assert line in text
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "trang")], check=True, timeout=300)
    pages = sorted(tmp_path.glob("trang-*.png"))
    assert len(pages) >= 2
    width, height = _png_size(pages[0])
    assert width < height and abs(width / height - 210 / 297) < 0.01  # A4 portrait
    if os.environ.get("KTXH_UPDATE_DOCS_IMG") == "1":
        subprocess.run(["pdftoppm", "-r", "64", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(DOCS_IMG.with_suffix(""))], check=True, timeout=300)


@pytest.mark.skipif(not all(shutil.which(t) for t in TOOLS),
                    reason="LibreOffice (soffice) hoặc poppler-utils (pdftoppm, pdftotext) chưa được cài")
def test_demo_plan_renders_with_its_table_of_targets(db, tmp_path: Path) -> None:
    pdf = _pdf(_download("ke-hoach"), tmp_path, "ke-hoach")
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                  text=True).stdout.split())
    for line in ("KẾHOẠCH", "Pháttriểnkinhtế-xãhộinăm2024", "Mụctiêutổngquát", "Kếhoạchnăm2024", "PhạmVănNgon"):
        assert line in text
    if os.environ.get("KTXH_UPDATE_DOCS_IMG") == "1":
        subprocess.run(["pdftoppm", "-r", "64", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(DOCS_PLAN_IMG.with_suffix(""))], check=True, timeout=300)
