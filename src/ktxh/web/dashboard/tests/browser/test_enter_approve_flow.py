"""In a real browser: an officer enters a figure that crosses its target and sends it, the
leader approves it, and the dashboard's status and summary sentence change."""

import shutil

from .conftest import ROOT, log_in, log_out


def test_officer_enters_leader_approves_dashboard_changes(page, live_server, bw, shots):
    base = live_server.url
    log_in(page, base, "luongson.kinhte")
    assert page.url.endswith(f"/xa/{bw.a.pk}/")
    sentence = page.locator("#cau-tom-tat")
    before = sentence.inner_text()
    assert "02 chỉ tiêu chưa có số liệu" in before
    grain = page.locator("tr", has=page.get_by_role("link", name="Tổng sản lượng lương thực cây có hạt"))
    assert "chưa có số liệu" in grain.inner_text()

    page.goto(f"{base}/nhap-lieu/{bw.year.pk}/")
    page.get_by_label("Tổng sản lượng lương thực cây có hạt").fill("6.031")
    page.get_by_role("button", name="Lưu và gửi duyệt").click()
    assert "Đã lưu 1 số liệu, đã gửi duyệt 1 số liệu." in page.locator(".messages").inner_text()
    log_out(page)

    log_in(page, base, "luongson.lanhdao")
    page.goto(f"{base}/cho-duyet/")
    page.get_by_role("button", name="Duyệt Tổng sản lượng lương thực cây có hạt Năm 2022 của Phường Lương Sơn").click()
    assert "Đã duyệt số liệu" in page.locator(".messages").inner_text()

    page.goto(f"{base}/xa/{bw.a.pk}/")
    after = page.locator("#cau-tom-tat").inner_text()
    assert after != before
    assert "01 chỉ tiêu chưa có số liệu" in after and "02 chỉ tiêu vượt" in after
    grain = page.locator("tr", has=page.get_by_role("link", name="Tổng sản lượng lương thực cây có hạt"))
    assert "vượt" in grain.inner_text() and "104,06%" in grain.inner_text()
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    docs = ROOT / "docs" / "img"
    if docs.parent.exists():
        docs.mkdir(exist_ok=True)
        shutil.copyfile(shots / "dashboard.png", docs / "dashboard.png")

    page.set_viewport_size({"width": 360, "height": 780})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # tables scroll inside their frame
    page.screenshot(path=str(shots / "dashboard-360.png"), full_page=True)


def test_province_overview(page, live_server, bw, shots):
    log_in(page, live_server.url, "tinh.kehoach")
    assert page.url.endswith(f"/tinh/{bw.p.pk}/")
    page.wait_for_function("document.querySelector('#bieu-do-tinh').width > 0")
    table = page.locator("#bang-tinh")
    first = table.locator("tbody tr").first
    assert "Lê Lợi" in first.inner_text()
    table.get_by_role("button", name="Xã, phường").click()
    table.get_by_role("button", name="Xã, phường").click()  # descending
    assert "Lương Sơn" in table.locator("tbody tr").first.inner_text()
    assert table.locator("th[aria-sort=descending]").count() == 1
    assert "Trễ hạn" in page.locator("#bang-bao-cao").inner_text() or "Gửi muộn" in page.locator("#bang-bao-cao").inner_text()
    page.screenshot(path=str(shots / "province.png"), full_page=True)
    page.set_viewport_size({"width": 360, "height": 780})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_target_preview_while_typing(page, live_server, bw):
    log_in(page, live_server.url, "luongson.lanhdao")
    page.goto(f"{live_server.url}/ke-hoach/{bw.plan.pk}/")
    page.locator("#id_indicator").select_option(label="Tỷ lệ hộ nghèo (%)")
    page.get_by_label("Chỉ tiêu (ghi như văn bản)").fill("14 – 15%")
    out = page.locator("#doc-moi")
    out.filter(has_text="Hiểu là").wait_for()
    assert out.inner_text() == "Hiểu là: từ 14% đến 15% (càng thấp càng tốt)"
