"""The province planner adds her province's own indicator on "Danh mục chỉ tiêu", at 1366 and 360 px:
finds a catalogue indicator without tone marks, is told beside the field that a name is too short,
adds it; a ward's leader then sees it in the list, marked as the province's own."""

import pytest

from .conftest import WIDTHS, log_in, log_out

NAME = "Số hợp tác xã nông nghiệp hoạt động hiệu quả"


def _no_horizontal_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("width", WIDTHS)
def test_planner_adds_a_province_indicator(browser, live_server, demo, shots, width):
    from ktxh.web.metadata.plans.models import Indicator
    from ktxh.web.metadata.units.models import AdminUnit

    province = AdminUnit.objects.get(code="DEMO")
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    base = live_server.url
    log_in(page, base, "tinh.kehoach")
    page.get_by_role("link", name="Danh mục chỉ tiêu").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Danh mục chỉ tiêu"
    _no_horizontal_scroll(page)
    page.screenshot(path=str(shots / f"danh-muc-chi-tieu-{width}.png"), full_page=False)

    page.get_by_label("Tìm theo tên (có dấu hoặc không dấu)").fill("ty le ho ngheo")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_load_state()
    row = page.locator("tr", has=page.get_by_role("link", name="Tỷ lệ hộ nghèo", exact=True)).first
    assert "Danh mục quốc gia" in row.inner_text() and "càng thấp càng tốt" in row.inner_text()
    assert "so-sanh/?chi_tieu=" in row.get_by_role("link").get_attribute("href")  # where it is compared

    page.locator("#them-chi-tieu summary").click()
    page.fill("#id_name", "Số")
    page.fill("#id_unit", "hợp tác xã")
    page.select_option("#id_field", label="Nông nghiệp, nông thôn")
    page.get_by_role("button", name="Thêm chỉ tiêu").click()
    page.wait_for_load_state()
    error = page.locator("#them-chi-tieu ul.errorlist")
    assert "Tên chỉ tiêu “Số” quá ngắn" in error.inner_text()
    assert not Indicator.objects.filter(province=province).exists()
    _no_horizontal_scroll(page)
    page.screenshot(path=str(shots / f"them-chi-tieu-loi-{width}.png"), full_page=True)

    page.fill("#id_name", NAME)
    page.get_by_role("button", name="Thêm chỉ tiêu").click()
    page.wait_for_load_state()
    ind = Indicator.objects.get(province=province, name=NAME)
    assert ind.aggregation == "sum" and ind.unit == "hợp tác xã"
    assert f"Đã thêm chỉ tiêu “{NAME}” (hợp tác xã) vào danh mục riêng của {province}, mã {ind.code}." \
        in page.locator("body").inner_text()
    added = page.locator(f"#chi-tieu-{ind.pk}")
    assert added.is_visible() and f"Riêng của {province}" in added.inner_text()
    _no_horizontal_scroll(page)
    page.screenshot(path=str(shots / f"them-chi-tieu-{width}.png"), full_page=True)

    log_out(page)
    log_in(page, base, "luongson.lanhdao")
    page.get_by_role("link", name="Danh mục chỉ tiêu").click()
    page.wait_for_load_state()
    assert page.locator("#them-chi-tieu").count() == 0  # a ward's leader reads, does not add
    page.get_by_label("Tìm theo tên (có dấu hoặc không dấu)").fill("hop tac xa nong nghiep")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_load_state()
    assert f"Riêng của {province}" in page.locator(f"#chi-tieu-{ind.pk}").inner_text()
    _no_horizontal_scroll(page)
    page.screenshot(path=str(shots / f"danh-muc-chi-tieu-phuong-{width}.png"), full_page=True)
    context.close()
