"""The province planner compares one indicator across the wards (issue 17), at 1366 and 360 px:
from the province page's one link, the table, the bar chart and the ranking, the lines across
years, and the Excel download."""

import io

import pytest
from openpyxl import load_workbook

from .conftest import log_in

INDICATOR = "Phấn đấu có 100% các hộ gia đình thực hiện thu gom"


@pytest.mark.parametrize("width", [1366, 360])
def test_planner_compares_one_indicator(browser, live_server, demo, shots, width):
    from ktxh.web.metadata.units.models import AdminUnit

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    base = live_server.url
    log_in(page, base, "tinh.kehoach")
    province = AdminUnit.objects.get(code="DEMO")
    page.goto(f"{base}/tinh/{province.pk}/")
    page.get_by_role("link", name="So sánh một chỉ tiêu giữa các xã, phường").click()
    page.wait_for_load_state()
    option = page.locator("#chi_tieu option", has_text=INDICATOR).first.get_attribute("value")
    page.select_option("#chi_tieu", option)
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("So sánh một chỉ tiêu giữa các xã, phường: " + INDICATOR[:20])
    rows = page.locator("#bang-so-sanh tbody tr")
    assert rows.count() == 5  # every ward of the province, those without a figure last
    first = rows.nth(0).inner_text()
    assert first.startswith("1") and "Điện Nam Đông" in first
    assert page.locator("#bieu-do-cac-nam").is_visible()  # Điện Nam Đông's 2020–2025 as a line
    years = page.locator("#bang-cac-nam").inner_text()
    assert "2020" in years and "2025" in years and "96,4" in years
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(shots / f"so-sanh-chi-tieu-{width}.png"), full_page=True)
    with page.expect_download() as got:
        page.get_by_role("link", name="Excel").click()
    book = load_workbook(io.BytesIO(got.value.path().read_bytes()))
    assert book.sheetnames == ["Theo xã, phường", "Qua các năm"]
    header = [c.value for c in book["Qua các năm"][1]]
    assert header[0] == "Xã, phường" and "Năm 2025" in header
    context.close()
