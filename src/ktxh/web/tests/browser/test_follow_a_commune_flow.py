"""The province planner follows a commune from the province overview (issue 17), at 1366 and 360 px:
the overview on "Năm 2023" → Lê Lợi's dashboard on the same period → one of its indicators, with
its figures over the years and its change log; and she downloads the dashboard as Excel."""

import io

import pytest
from openpyxl import load_workbook

from .conftest import WIDTHS, log_in

WARD = "Phường Lê Lợi"  # its 2023 plan: 37 targets (seed 003)


@pytest.mark.parametrize("width", WIDTHS)
def test_planner_follows_a_commune(browser, live_server, demo, shots, width):
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.units.models import AdminUnit

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    base = live_server.url
    y23 = Period.objects.get(code="year:2023")
    province = AdminUnit.objects.get(code="DEMO")

    log_in(page, base, "tinh.kehoach")
    assert f"/tinh/{province.pk}/" in page.url
    page.select_option("#ky", str(y23.pk))
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state()
    assert page.locator("#ky option:checked").inner_text().startswith("Năm 2023")
    row = page.locator("#bang-tinh tbody tr", has=page.get_by_role("link", name=WARD, exact=True))
    total = int(row.locator("td").first.inner_text())
    assert total > 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(shots / f"theo-doi-xa-1-tinh-{width}.png"), full_page=True)

    row.get_by_role("link", name=WARD, exact=True).click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == f"Tổng quan {WARD}"
    assert f"ky={y23.pk}" in page.url
    assert page.locator("#ky option:checked").inner_text() == "Năm 2023"  # the same period, not its latest
    assert "năm 2023" in page.locator("#ke_hoach option:checked").inner_text()  # its 2023 plan
    tables = page.locator("table.targets tbody tr")
    assert tables.count() == total  # the overview's count is the dashboard's rows
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(shots / f"theo-doi-xa-2-tong-quan-{width}.png"), full_page=True)
    with page.expect_download() as got:
        page.get_by_role("link", name="Tải Excel").click()
    book = load_workbook(io.BytesIO(got.value.path().read_bytes()))
    assert sum(sheet.max_row - 2 for sheet in book.worksheets) == total  # heading and header above the rows

    # an indicator of the dashboard with an approved 2023 figure: its page has the history
    with_figure = tables.filter(has_not=page.locator("td[data-label='Thực hiện'] .muted")).first
    name = with_figure.locator("th a").inner_text()
    figure = with_figure.locator("td[data-label='Thực hiện']").inner_text().split()[0]
    with_figure.locator("th a").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith(name)
    figures = page.get_by_role("table", name=f"Số liệu {name} theo kỳ")
    line = figures.locator("tr", has_text="Năm 2023")
    assert figure in line.inner_text() and "Đã duyệt" in line.inner_text()
    assert page.get_by_role("heading", name="Lịch sử thay đổi").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(shots / f"theo-doi-xa-3-chi-tieu-{width}.png"), full_page=True)
    context.close()
