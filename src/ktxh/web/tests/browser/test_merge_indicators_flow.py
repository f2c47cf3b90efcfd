"""The province planner merges an indicator an import created twice (issue 14, item 8), at 1366 and
360 px: finds both in the searchable lists, sees what moves, merges; the figure is then on the kept
indicator's page of the ward."""

import pytest

from .conftest import WIDTHS, log_in


@pytest.mark.parametrize("width", WIDTHS)
def test_planner_merges_two_indicators(browser, live_server, demo, shots, width):
    from ktxh.web.data.tracking.models import Actual, Period
    from ktxh.web.metadata.plans.models import Indicator
    from ktxh.web.metadata.units.models import AdminUnit

    ward = AdminUnit.objects.get(name="Lương Sơn", level="commune")
    kept = Indicator.objects.filter(actuals__unit=ward, actuals__status="approved", unit="tấn").distinct().first()
    twin = Indicator.objects.create(code="nhap-trung-thu", name=f"{kept.name} (nhập trùng)", unit=kept.unit,
                                    field=kept.field)
    Actual.objects.create(unit=ward, indicator=twin, period=Period.get("year", 2019), text="5.100", value=5100,
                          status="approved")

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    base = live_server.url
    log_in(page, base, "tinh.kehoach")
    page.get_by_role("link", name="Gộp chỉ tiêu").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Gộp hai chỉ tiêu"
    page.get_by_label("Tìm chỉ tiêu bị gộp").fill("nhap trung")  # without diacritics
    visible = page.locator("#gop option:not([hidden])")
    assert visible.count() == 2 and "(nhập trùng)" in visible.nth(1).inner_text()  # the blank choice and the twin
    page.select_option("#gop", str(twin.pk))
    page.select_option("#giu_lai", str(kept.pk))
    page.get_by_role("button", name="Xem những gì sẽ chuyển").click()
    page.wait_for_load_state()
    preview = page.locator("#xem-truoc-gop")
    assert "Sẽ chuyển 0 mục tiêu và 1 số liệu của Phường Lương Sơn" in preview.inner_text()
    assert "Năm 2019" in preview.locator("#bang-chuyen").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    button = page.get_by_role("button", name=f"Gộp và xóa “{twin.name}”")
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    page.screenshot(path=str(shots / f"gop-chi-tieu-{width}.png"), full_page=True)
    button.click()
    page.wait_for_load_state()
    assert f"Đã gộp “{twin.name}” vào “{kept.name}”: chuyển 0 mục tiêu và 1 số liệu" in page.locator(".messages").inner_text()
    assert not Indicator.objects.filter(pk=twin.pk).exists()
    page.goto(f"{base}/xa/{ward.pk}/chi-tieu/{kept.pk}/")
    assert "Năm 2019" in page.get_by_role("table", name=f"Số liệu {kept.name} theo kỳ").inner_text()
    assert "Gộp chỉ tiêu" in page.locator("table.audit").inner_text()
    context.close()
