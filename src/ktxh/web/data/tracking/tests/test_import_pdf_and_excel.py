"""Import a report as it travels: a PDF printed from Word, an Excel Biểu. The page reads them
through the same reader as a .docx, shows what it found, and saves exactly that."""

import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ktxh.web.data.tracking.models import Actual
from ktxh.web.metadata.plans.models import Target
from ktxh.web.tests.pages import signed_in

SEEDS = Path(__file__).resolve().parents[3] / "demo" / "seeds"


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def _pdf_of(prefix: str, out: Path) -> bytes:
    if shutil.which("soffice") is None:
        pytest.fail("soffice không có: hãy cài gói Debian libreoffice-writer-nogui")
    seed = next(SEEDS.glob(f"{prefix}_*.txt"))
    profile = (out / "lo-profile").as_uri()  # private: conversions running at once must not share one
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--infilter=Text (encoded):UTF8,LF,Liberation Serif,vi-VN",
                    "--convert-to", "pdf", "--outdir", str(out), str(seed)], check=True, capture_output=True,
                   timeout=300)
    return (out / (seed.stem + ".pdf")).read_bytes()


def test_a_pdf_report_is_read_like_its_text(w, tmp_path):
    pdf = SimpleUploadedFile("bao-cao-nhon-hung.pdf", _pdf_of("003", tmp_path), content_type="application/pdf")
    page = signed_in(w.leader).post("/nhap-tep/", {"file": pdf}).content.decode()
    text = SimpleUploadedFile("bao-cao.txt", next(SEEDS.glob("003_*.txt")).read_bytes(), content_type="text/plain")
    as_text = signed_in(w.leader).post("/nhap-tep/", {"file": text}).content.decode()
    assert "Kết quả đọc “bao-cao-nhon-hung.pdf”" in page
    # seed 003 "11.800 cây/4.500 cây đạt 226,22%": found in the PDF as in the text
    assert "11.800/4.500 = 262,2222%, không phải 226,22%" in page and "11.800/4.500" in as_text
    assert 'accept=".docx,.pdf,.xlsx,.txt,.md"' in page


def test_an_excel_bieu_becomes_figures_of_the_plan(w, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["BIỂU 02: KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2023"])
    ws.append(["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "% so với KH"])
    ws.append([1, "Tổng sản lượng lương thực cây có hạt", "tấn", 5795.9, 5933.3, 102.37])
    path = tmp_path / "bieu-02.xlsx"
    wb.save(path)
    c = signed_in(w.leader)
    page = c.post("/nhap-tep/", {"file": SimpleUploadedFile("bieu-02.xlsx", path.read_bytes())}).content.decode()
    assert "Kết quả đọc “bieu-02.xlsx”" in page and "5.933,3" in page
    assert "loi-tep" not in page
    before = Actual.objects.count() + Target.objects.count()
    accept = c.post("/nhap-tep/nhan/", _accept_fields(page))
    assert accept.status_code in (200, 302)
    saved = Actual.objects.count() + Target.objects.count() - before
    shown = int(re.search(r"(\d+) mới, sẽ lưu", page)[1])
    assert saved == shown >= 1  # what the review says will be new is what is saved
    grain = Actual.objects.filter(indicator=w.grain, period__year=2023).order_by("-pk").first()
    assert grain is not None and grain.value == Decimal("5933.3")


def _accept_fields(page: str) -> dict:
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    return fields
