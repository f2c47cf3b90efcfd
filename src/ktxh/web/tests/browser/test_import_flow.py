"""In a real browser, on the demo data: a ward's leader uploads a seed report, reviews what was
read and the wrong figures, accepts it into a draft plan, and sees it; the plan editor shows a
target's reading while it is typed (from the server, no parser in the browser)."""

from pathlib import Path

from .conftest import log_in

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"


def test_upload_review_accept_then_edit_with_preview(page, live_server, demo, shots, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    base = live_server.url
    # Hương Xuân: seed 003 is Nhơn Hưng's 2024 plan, already in the demo (a re-import there finds every
    # line "giống số đã lưu" in an approved plan); into Hương Xuân it makes a new draft plan for 2024.
    log_in(page, base, "huongxuan.lanhdao")

    page.goto(f"{base}/nhap-tep/")
    (seed,) = SEEDS.glob("003_*.txt")
    page.get_by_label("Tệp báo cáo hoặc kế hoạch (.docx, .pdf, .xlsx, .txt)").set_input_files(str(seed))
    page.get_by_role("button", name="Đọc tệp").click()
    summary = page.locator("#tom-tat-doc").inner_text()
    assert "2 số liệu tính sai" in summary
    assert "11.800/4.500 = 262,2222%, không phải 226,22%" in page.locator("#so-lieu-sai").inner_text()
    page.screenshot(path=str(shots / "import-review.png"), full_page=True)

    page.get_by_role("button", name="Nhận vào kế hoạch dự thảo").click()
    assert "Đã lưu " in page.locator(".messages").inner_text()
    assert "Dự thảo" in page.locator(".plan-meta").inner_text()

    page.get_by_role("textbox", name="Chỉ tiêu (ghi như văn bản)").fill("14 – 15%")
    out = page.locator("#doc-moi")
    out.filter(has_text="Chọn chỉ tiêu").wait_for()  # no indicator chosen yet: the server says so
    page.locator("#id_indicator").select_option(index=1)
    out.filter(has_text="Hiểu là").wait_for()
    assert out.inner_text().startswith("Hiểu là: từ 14% đến 15%")
