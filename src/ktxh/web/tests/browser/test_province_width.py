"""The province overview at 1366 px (the officers' laptops): no table clips its last column, the
header names the province once ("Tỉnh Mẫu", not "Tỉnh Tỉnh Mẫu")."""

from .conftest import log_in


def test_overview_at_1366(browser, demo, live_server, shots):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    log_in(page, live_server.url, "tinh.kehoach")
    assert "/tinh/" in page.url
    assert "Tỉnh Tỉnh" not in page.content()
    for table in ("#bang-tinh", "#bang-bao-cao"):
        box = page.locator(f"{table}").evaluate(
            "t => { const r = t.parentElement; return [t.scrollWidth, r.clientWidth]; }")
        last = page.locator(f"{table} thead th").last.bounding_box()
        region = page.locator(f"{table}").locator("xpath=..").bounding_box()
        assert box[0] <= box[1], f"{table}: {box[0]} px of table in {box[1]} px"
        assert last["x"] + last["width"] <= region["x"] + region["width"] + 1
    page.screenshot(path=str(shots / "tinh-1366.png"), full_page=True)
    context.close()
