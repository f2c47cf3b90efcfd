"""The leader is told in the application that a figure waits; the officer is told it was
returned, with the comment, and opens the figure from the notification."""

import pytest
from playwright.sync_api import expect

from .conftest import WIDTHS, context, log_in, log_out, no_sideways_scroll


@pytest.mark.parametrize("width", WIDTHS)
def test_notifications_of_submit_and_return(browser, live_server, ward, shots, width):
    page = context(browser, width).new_page()
    page.set_default_timeout(15000)
    base = live_server.url
    log_in(page, base, "luongson.kinhte", "mat-khau-thu")
    page.goto(f"{base}/nhap-lieu/{ward.now.pk}/")
    page.get_by_label("Tổng sản lượng lương thực cây có hạt", exact=True).fill("6.150")
    page.get_by_role("button", name="Lưu và gửi duyệt").click()
    log_out(page)

    log_in(page, base, "luongson.lanhdao", "mat-khau-thu")
    bell = page.get_by_role("link", name="Thông báo: 1 chưa xem")
    bell.click()
    page.wait_for_url("**/thong-bao/")
    item = page.locator("#thong-bao li").first
    assert "gửi số liệu “Tổng sản lượng lương thực cây có hạt”" in item.inner_text() and "chưa xem" in item.inner_text()
    item.get_by_role("link").click()
    assert "/cho-duyet/" in page.url
    page.get_by_label("Ý kiến khi trả lại").fill("Chưa khớp số của Chi cục Thống kê")
    page.get_by_role("button", name="Trả lại Tổng sản lượng lương thực cây có hạt").click()
    expect(page.get_by_role("link", name="Thông báo", exact=True)).to_have_count(1)  # read: no count left
    log_out(page)

    log_in(page, base, "luongson.kinhte", "mat-khau-thu")
    assert "Chưa khớp số của Chi cục Thống kê" in page.locator("#viec-tra-lai").inner_text()
    page.get_by_role("link", name="Thông báo: 1 chưa xem").click()
    page.wait_for_url("**/thong-bao/")
    assert no_sideways_scroll(page)
    page.screenshot(path=str(shots / f"thong-bao-{width}.png"), full_page=True)
    page.locator("#thong-bao li").first.get_by_role("link").click()
    assert page.url.endswith(f"/nhap-lieu/{ward.now.pk}/")
    page.context.close()
