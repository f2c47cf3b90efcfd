"""A commune leader approves from the queue, seeing for each figure the target, the plan
figure, % of plan, its class and the change from the year before; select all, approve."""

import pytest

from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Actual, ActualStatus, Period

from .conftest import WIDTHS, context, log_in, no_sideways_scroll


def _sent(ward):
    from ktxh.web.metadata.plans.models import Target
    from ktxh.web.tests.pages import approved

    last = Period.get("year", ward.now.year - 1)
    Target.objects.create(plan=ward.plan, indicator=ward.grain, year=last.year, source="hdnd", text="5.800 tấn")
    ward.plan.start_year, ward.plan.end_year = min(ward.plan.start_year, last.year), max(ward.plan.end_year, last.year)
    ward.plan.save()
    approved(ward, "5.900", period=last)
    for who, indicator, text in ((ward.officer, ward.grain, "6.150"), (ward.officer_soc, ward.poor, "1,2%")):
        a = workflow.enter(who, unit=ward.a, indicator=indicator, period=ward.now, text=text)
        workflow.submit(who, a, version=a.version)


@pytest.mark.parametrize("width", WIDTHS)
def test_leader_approves_all_from_the_queue(browser, live_server, ward, shots, width):
    _sent(ward)
    page = context(browser, width).new_page()
    page.set_default_timeout(15000)
    log_in(page, live_server.url, "luongson.lanhdao", "mat-khau-thu")
    page.get_by_role("link", name="Chờ duyệt", exact=True).click()
    grain = page.locator("tr", has=page.get_by_role("link", name="Tổng sản lượng lương thực cây có hạt")).inner_text()
    assert "6.000 tấn" in grain and "102,50%" in grain and "vượt" in grain.lower()
    assert "+250 tấn" in grain and "5.900" in grain
    assert no_sideways_scroll(page)
    page.screenshot(path=str(shots / f"cho-duyet-{width}.png"), full_page=True)
    page.get_by_label("Chọn tất cả 2 số liệu").check()
    assert page.locator("input[name=chon]:checked").count() == 2
    page.get_by_role("button", name="Duyệt các số liệu đã chọn").first.click()
    assert "Đã duyệt 2 số liệu." in page.locator(".messages").inner_text()
    assert Actual.objects.filter(period=ward.now, status=ActualStatus.APPROVED).count() == 2
    page.context.close()
