"""A ward's leader rolls the year's plan into next year's draft (issue 17), at 1366 and 360 px:
the button on the plan page, the draft with each target marked "đề xuất", edited, approved."""

import pytest

from .conftest import log_in


@pytest.mark.parametrize("width", [1366, 360])
def test_leader_rolls_the_plan_to_next_year(browser, live_server, demo, shots, width):
    from ktxh.web.metadata.plans.models import Plan

    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(15000)
    base = live_server.url
    plan = Plan.objects.get(unit__name="Nhơn Hưng", kind="annual", start_year=2024)
    log_in(page, base, "nhonhung.lanhdao")
    page.goto(f"{base}/ke-hoach/{plan.pk}/")
    page.get_by_role("button", name="Lập kế hoạch năm sau (2025)").click()
    page.wait_for_load_state()
    new = Plan.objects.get(unit=plan.unit, kind="annual", start_year=2025)
    assert page.url.endswith(f"/ke-hoach/{new.pk}/")
    assert "Đã lập dự thảo" in page.locator("body").inner_text()
    assert page.locator("h1").inner_text() == new.title and "2025" in new.title
    assert new.status == "draft" and new.targets.count() == plan.targets.filter(year=2024).count()
    assert all(t.note.startswith("đề xuất") for t in new.targets.all())
    page.screenshot(path=str(shots / f"ke-hoach-nam-sau-{width}.png"), full_page=True)
    page.get_by_role("button", name="Phê duyệt kế hoạch").click()
    page.wait_for_load_state()
    new.refresh_from_db()
    assert new.status == "approved"
    context.close()
