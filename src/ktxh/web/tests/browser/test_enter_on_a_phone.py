"""An officer, on a phone and on a desktop: the things to do, one click to the period due,
the figure shown as it will be read before saving, sent, with no sideways scrolling."""

import pytest

from .conftest import WIDTHS, context, log_in, no_sideways_scroll

PW = "mat-khau-thu"


@pytest.mark.parametrize("width", WIDTHS)
def test_officer_enters_and_sends_on_a_phone(browser, live_server, ward, shots, width):
    page = context(browser, width).new_page()
    page.set_default_timeout(15000)
    log_in(page, live_server.url, "luongson.kinhte", PW)
    assert page.url.endswith("/nhap-lieu/")
    due = page.locator("#viec-den-han")
    assert "1 / 1 chỉ tiêu chưa gửi" in due.inner_text() and "còn 2 ngày" in due.inner_text()
    assert no_sideways_scroll(page)
    page.screenshot(path=str(shots / f"viec-can-lam-{width}.png"), full_page=True)

    due.get_by_role("link", name=f"Nhập số liệu {ward.now.label}").click()
    page.wait_for_load_state()  # reading.js, at the end of the form, listens from then on
    field = page.get_by_label("Tổng sản lượng lương thực cây có hạt", exact=True)
    field.fill("6100.5")  # typed the English way: shown as the core reads it, before saving
    reading = page.locator(f"#id_i{ward.grain.pk}-text-doc")
    reading.filter(has_text="đọc là 6.100,5 tấn").wait_for()
    field.fill("6.1OO")  # a letter O for a zero
    reading.filter(has_text="Tổng sản lượng lương thực").wait_for()
    assert "bad" in reading.get_attribute("class")
    field.fill("6.100,5")
    reading.filter(has_text="đọc là 6.100,5 tấn").wait_for()
    assert no_sideways_scroll(page)
    send = page.get_by_role("button", name="Lưu và gửi duyệt")
    box = send.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # the button is on the screen
    page.screenshot(path=str(shots / f"nhap-so-lieu-{width}.png"), full_page=True)
    send.click()
    assert "đã gửi duyệt 1 số liệu" in page.locator(".messages").inner_text()
    assert no_sideways_scroll(page)
    page.get_by_role("link", name="Việc cần làm").first.click()
    assert "Không có kỳ nào đang chờ" in page.locator("main").inner_text()
    page.context.close()
