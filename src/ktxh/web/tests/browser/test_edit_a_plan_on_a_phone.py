"""A ward's leader edits this year's draft plan (issue 17), at 1366 and 360 px: no sideways scrolling,
every target's input and its "Xem trước" and "Lưu" buttons on screen, a target read back before
saving, the new target form usable; screenshots of the editor at both widths."""

import pytest

from .conftest import WIDTHS, context, log_in, no_sideways_scroll


def _on_screen(page, locator, width: int) -> bool:
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width and box["width"] > 20


@pytest.mark.parametrize("width", WIDTHS)
def test_leader_edits_a_plan(browser, live_server, ward, shots, width):
    w = ward
    ctx = context(browser, width)
    page = ctx.new_page()
    page.set_default_timeout(15000)
    base = live_server.url
    log_in(page, base, "luongson.lanhdao", "mat-khau-thu")
    page.goto(f"{base}/ke-hoach/{w.this.pk}/")
    assert page.locator("h1").inner_text() == w.this.title
    assert no_sideways_scroll(page)
    forms = page.locator("form.target-form")
    assert forms.count() == 3  # two targets and the new one
    for i in range(2):
        f = forms.nth(i)
        for item in (f.locator("input[name=text]"), f.get_by_role("button", name="Xem trước"),
                     f.get_by_role("button", name="Lưu")):
            assert _on_screen(page, item, width), (i, item)
    page.screenshot(path=str(shots / f"sua-ke-hoach-{width}.png"), full_page=True)

    grain = forms.first
    grain.locator("input[name=text]").fill("6.100 tấn")
    grain.get_by_role("button", name="Xem trước").click()
    page.wait_for_load_state()
    assert "Hiểu là" in page.locator("form.target-form").first.locator("output").inner_text()
    page.locator("form.target-form").first.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()
    assert w.this.targets.get(indicator=w.grain).text == "6.100 tấn"
    assert no_sideways_scroll(page)

    new = page.locator("form.target-form").last
    for item in (new.locator("select[name=indicator]"), new.locator("input[name=text]"),
                 new.get_by_role("button", name="Thêm chỉ tiêu")):
        assert _on_screen(page, item, width)
    ctx.close()
