"""In a real browser: a ward's leader imports seed 002 (Lương Sơn's mid-term report) into a commune
with no plan yet, reads what each line will do, accepts, and the grain output is one indicator with
four points — the 2020 base, 2021, 2022 and the 2023 estimate (issue 14, "Done when")."""

import json
from pathlib import Path

import pytest

from .conftest import WIDTHS, context, log_in, no_sideways_scroll

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"


@pytest.mark.parametrize("width", WIDTHS)
def test_import_seed_002_into_an_empty_commune_then_see_the_grain_chart(browser, live_server, ward, shots, settings,
                                                                      tmp_path, width):
    from ktxh.web.data.tracking import workflow
    from ktxh.web.data.tracking.models import Actual

    settings.DATA_DIR = tmp_path
    w, base = ward, live_server.url
    ctx = context(browser, width)
    page = ctx.new_page()
    log_in(page, base, "leloi.lanhdao", "mat-khau-thu")  # Lê Lợi of the test province: no plan, no figure
    page.goto(f"{base}/nhap-tep/")
    (seed,) = SEEDS.glob("002_*.txt")
    page.get_by_label("Tệp báo cáo hoặc kế hoạch (.docx, .pdf, .xlsx, .txt)").set_input_files(str(seed))
    page.get_by_role("button", name="Đọc tệp").click()
    rows = page.locator("#cac-dong tbody tr")
    grain = rows.filter(has_text="san-luong-luong-thuc")
    assert grain.count() == 6  # four figures and the 2021 and 2022 plan figures
    years = [grain.nth(i).locator("td").nth(2).inner_text() for i in range(grain.count())]
    assert sorted(set(years)) == ["Năm 2020", "Năm 2021", "Năm 2022", "Năm 2023"]
    assert all("mới" in grain.nth(i).inner_text() for i in range(grain.count()))
    assert "bỏ qua" in page.locator("#viec-se-lam").inner_text()
    assert no_sideways_scroll(page)
    page.screenshot(path=str(shots / f"import-rows-{width}.png"), full_page=True)

    page.get_by_role("button", name="Nhận vào kế hoạch dự thảo").click()
    message = page.locator(".messages").inner_text()
    saved = Actual.objects.filter(unit=w.b).count()
    assert f"Đã lưu {saved} số liệu" in message and saved >= 10

    # The chart draws approved figures: the ward's officer submits the four, the leader approves them.
    for a in Actual.objects.filter(unit=w.b, indicator=w.grain).select_related("unit__parent", "indicator", "period"):
        sent = workflow.submit(w.officer_b, a, version=a.version)
        workflow.approve(w.leader_b, sent, version=sent.version)
    page.goto(f"{base}/xa/{w.b.pk}/chi-tieu/{w.grain.pk}/")
    assert page.locator("#bieu-do-lich-su").is_visible()
    chart = json.loads(page.locator("#du-lieu-lich-su").inner_text())
    actual = next(d for d in chart["datasets"] if d["kind"] == "actual")
    points = {y: v for y, v in zip(chart["labels"], actual["data"], strict=True) if v is not None}
    assert points == {"2020": 5551.1, "2021": 6031.0, "2022": 5933.3, "2023": 5814.7}
    assert no_sideways_scroll(page)
    page.screenshot(path=str(shots / f"import-grain-chart-{width}.png"), full_page=True)
    ctx.close()
