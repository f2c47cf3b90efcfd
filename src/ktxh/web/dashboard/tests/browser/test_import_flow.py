"""In a real browser: a leader uploads a seed report, reviews what was read and the wrong
figures, accepts it into a draft plan, and the dashboard shows the plan's targets."""

from pathlib import Path

from .conftest import log_in

SEEDS = Path(__file__).resolve().parents[3] / "demo" / "seeds"


def test_upload_review_accept_and_see_the_dashboard(page, live_server, bw, shots, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    base = live_server.url
    log_in(page, base, "nhonhung.lanhdao")
    assert "Chưa có kế hoạch nào" in page.locator("main").inner_text()

    page.goto(f"{base}/nhap-tep/")
    (seed,) = SEEDS.glob("003_*.txt")
    page.get_by_label("Tệp báo cáo hoặc kế hoạch (.docx, .txt)").set_input_files(str(seed))
    page.get_by_role("button", name="Đọc tệp").click()
    summary = page.locator("#tom-tat-doc").inner_text()
    assert "24 chỉ tiêu" in summary and "2 số liệu tính sai" in summary
    wrong = page.locator("#so-lieu-sai").inner_text()
    assert "11.800/4.500 = 262,2222%, không phải 226,22%" in wrong
    page.screenshot(path=str(shots / "import-review.png"), full_page=True)

    page.get_by_role("button", name="Nhận vào kế hoạch dự thảo").click()
    assert "Đã nhận tệp" in page.locator(".messages").inner_text()
    assert "Dự thảo" in page.locator(".plan-meta").inner_text()

    page.goto(f"{base}/xa/{bw.c.pk}/")
    sentence = page.locator("#cau-tom-tat").inner_text()
    assert sentence.startswith("Kết quả thực hiện") and "chỉ tiêu chưa có số liệu" in sentence
