"""The province planner opens the term review of a ward from the province overview (issue 17), at
1366 and 360 px: the same review ``ktxh review`` gives, with no sideways scrolling of the page."""

import re

import pytest

from .conftest import log_in


@pytest.mark.parametrize("width", [1366, 360])
def test_planner_opens_the_term_review(browser, live_server, demo, shots, width):
    from ktxh.web.metadata.units.models import AdminUnit

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    base = live_server.url
    log_in(page, base, "tinh.kehoach")
    province = AdminUnit.objects.get(code="DEMO")
    from ktxh.web.data.tracking.models import Period

    year = Period.objects.get(code="year:2023")  # inside Lương Sơn's term (the default is the latest period)
    page.goto(f"{base}/tinh/{province.pk}/?ky={year.pk}")
    link = page.get_by_label(re.compile(r"^\d+ chỉ tiêu nhiệm kỳ khó đạt hoặc không thể đạt của Phường Lương Sơn$"))
    assert link.inner_text().isdigit()
    link.click()
    page.wait_for_load_state()
    sentence = page.locator("#cau-danh-gia").inner_text()
    assert sentence.startswith("Kết quả đánh giá 06 chỉ tiêu nhiệm kỳ 2021 - 2025:")
    grain = page.locator("tr", has=page.get_by_role("link", name="Tổng sản lượng lương thực có hạt"))
    assert "58,72%" in grain.inner_text()
    # The outlook is on screen at both widths (on a phone each row is a card, every cell named).
    box = grain.locator(".badge").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # The page itself does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=str(shots / f"danh-gia-nhiem-ky-{width}.png"), full_page=True)
    context.close()
