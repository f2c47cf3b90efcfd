"""A commune leader creates an officer with a field; the officer signs in and lands on the
things to do of that field."""

import pytest

from .conftest import WIDTHS, context, log_in, log_out, no_sideways_scroll


@pytest.mark.parametrize("width", WIDTHS)
def test_leader_creates_an_officer(browser, live_server, ward, shots, width):
    page = context(browser, width).new_page()
    page.set_default_timeout(15000)
    log_in(page, live_server.url, "luongson.lanhdao", "mat-khau-thu")
    page.get_by_role("link", name="Tài khoản", exact=True).click()
    page.get_by_label("Tên đăng nhập").fill("luongson.nongnghiep")
    page.get_by_label("Họ và tên").fill("Trần Thị Lúa")
    page.get_by_label("Mật khẩu ban đầu").fill("ngan")
    page.get_by_role("button", name="Tạo tài khoản").click()
    errors = page.locator(".errorlist").all_inner_texts()
    assert any("ít nhất một lĩnh vực" in e for e in errors) and any("8" in e for e in errors)  # nothing created
    page.get_by_label("Mật khẩu ban đầu").fill("lua-vang-2026")
    page.get_by_label("Kinh tế").check()
    assert no_sideways_scroll(page)
    page.screenshot(path=str(shots / f"tao-tai-khoan-{width}.png"), full_page=True)
    page.get_by_role("button", name="Tạo tài khoản").click()
    assert "Đã tạo tài khoản công chức “luongson.nongnghiep” (Trần Thị Lúa), giao Kinh tế." in page.locator(".messages").inner_text()
    assert "Trần Thị Lúa" in page.locator("#tai-khoan").inner_text()
    log_out(page)
    log_in(page, live_server.url, "luongson.nongnghiep", "lua-vang-2026")
    assert page.url.endswith("/nhap-lieu/")
    assert "1 / 1 chỉ tiêu chưa gửi" in page.locator("#viec-den-han").inner_text()
    page.context.close()
