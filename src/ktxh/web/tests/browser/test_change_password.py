"""Anyone changes their password from their name in the menu, then signs in with the new one."""

import pytest

from .conftest import WIDTHS, context, log_in, log_out, no_sideways_scroll


@pytest.mark.parametrize("width", WIDTHS)
def test_officer_changes_password(browser, live_server, ward, shots, width):
    page = context(browser, width).new_page()
    page.set_default_timeout(15000)
    log_in(page, live_server.url, "luongson.kinhte", "mat-khau-thu")
    page.get_by_role("link", name="luongson.kinhte").click()
    assert page.locator("h1").inner_text() == "Đổi mật khẩu"
    page.locator("input[name=old_password]").fill("sai-mat-khau")
    page.locator("input[name=new_password1]").fill("lua-vang-2027")
    page.locator("input[name=new_password2]").fill("lua-vang-2027")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    assert "Mật khẩu cũ không chính xác" in page.locator(".errorlist").first.inner_text()
    assert no_sideways_scroll(page)
    page.screenshot(path=str(shots / f"doi-mat-khau-{width}.png"), full_page=True)
    page.locator("input[name=old_password]").fill("mat-khau-thu")
    page.locator("input[name=new_password1]").fill("lua-vang-2027")
    page.locator("input[name=new_password2]").fill("lua-vang-2027")
    page.get_by_role("button", name="Đổi mật khẩu").click()
    assert page.locator("h1").inner_text() == "Đã đổi mật khẩu"
    log_out(page)
    log_in(page, live_server.url, "luongson.kinhte", "mat-khau-thu")
    assert "không đúng" in page.locator("main").inner_text()
    log_in(page, live_server.url, "luongson.kinhte", "lua-vang-2027")
    assert page.url.endswith("/nhap-lieu/")
    page.context.close()
