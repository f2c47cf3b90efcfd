"""In a real browser, on the demo data: a demo officer enters a figure that crosses its target
and sends it, the ward's leader approves it, and the dashboard's status and summary sentence
change. Then the province overview, as the province's planner sees it."""

import os
import shutil
from decimal import Decimal

import pytest

from ktxh.core.numbers import format_number
from ktxh.web.data.tracking import periods

from .conftest import ROOT, log_in, log_out


def _open_target(ward_name: str):
    """A target of the ward's dashboard plan, in the period it opens on, with no figure yet: a
    number to reach, higher is better, not a share (so that 120% of it is a plain figure)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from ktxh.web.accounts.models import Membership
    from ktxh.web.analytics import queries
    from ktxh.web.data.tracking.models import Actual
    from ktxh.web.metadata.units.models import AdminUnit

    ward = AdminUnit.objects.get(name=ward_name, level="commune")
    leader = get_user_model().objects.get(membership__unit=ward, membership__role="leader")
    plan = queries.default_plan(leader, ward)
    period = queries.default_period(plan, periods.plan_periods(plan, timezone.localdate()))
    for t in plan.targets.select_related("indicator").order_by("pk"):
        p = t.parsed
        if (t.year == period.year and p["kind"] in ("exact", "min") and p["low"] and t.indicator.direction == "up"
                and t.indicator.unit and t.indicator.unit != "%"
                and not Actual.objects.filter(unit=ward, indicator=t.indicator, period=period).exists()):
            officer = Membership.objects.filter(unit=ward, role="officer", fields=t.indicator.field).first()
            if officer:
                return ward, period, t, officer.user.username, leader.username
    pytest.fail(f"Không tìm được chỉ tiêu nào của {ward_name} để nhập thử")


def _counts(page) -> dict[str, int]:
    items = page.locator("ul.counts li").evaluate_all("els => els.map(e => [e.dataset.status, e.dataset.count])")
    return {status: int(n) for status, n in items}


def test_officer_enters_leader_approves_dashboard_changes(page, live_server, demo, shots):
    base = live_server.url
    ward, period, target, officer, leader = _open_target("Lê Lợi")
    name = target.indicator.name
    figure = format_number(Decimal(str(target.parsed["low"])) * Decimal("1.2"), 0)

    log_in(page, base, officer)
    assert page.url.endswith("/nhap-lieu/")  # the officer lands on the things to do
    page.goto(f"{base}/xa/{ward.pk}/")
    before, counts_before = page.locator("#cau-tom-tat").inner_text(), _counts(page)
    row = page.locator("tr", has=page.get_by_role("link", name=name, exact=True))
    assert "chưa có số liệu" in row.inner_text()

    page.goto(f"{base}/nhap-lieu/{period.pk}/")
    page.get_by_label(name, exact=True).fill(figure)
    page.get_by_role("button", name="Lưu và gửi duyệt").click()
    assert "đã gửi duyệt 1 số liệu" in page.locator(".messages").inner_text()
    log_out(page)

    log_in(page, base, leader)
    page.goto(f"{base}/cho-duyet/")
    page.get_by_role("button", name=f"Duyệt {name} {period.label} của {ward}").click()
    assert "Đã duyệt số liệu" in page.locator(".messages").inner_text()

    page.goto(f"{base}/xa/{ward.pk}/?ky={period.pk}")
    after, counts_after = page.locator("#cau-tom-tat").inner_text(), _counts(page)
    assert after != before
    assert counts_after["vuot"] == counts_before["vuot"] + 1
    assert counts_after["chua_co_so_lieu"] == counts_before["chua_co_so_lieu"] - 1
    row = page.locator("tr", has=page.get_by_role("link", name=name, exact=True))
    assert "vượt" in row.inner_text() and "120,00%" in row.inner_text()

    page.set_viewport_size({"width": 360, "height": 780})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling of the page
    page.screenshot(path=str(shots / "dashboard-360.png"), full_page=True)
    log_out(page)

    # The province's planner: the ward with the most targets met, for the README, and the overview.
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, "tinh.kehoach")
    assert "/tinh/" in page.url
    page.wait_for_function("document.querySelector('#bieu-do-tinh').width > 0")
    table = page.locator("#bang-tinh")
    table.get_by_role("link", name="Số chỉ tiêu").click()  # sorted by the server: most targets first
    table = page.locator("#bang-tinh")
    assert table.locator("th[aria-sort=descending]").count() == 1
    totals = [int(n) for n in table.locator("tbody tr td:nth-of-type(1)").evaluate_all(
        "cells => cells.map(c => c.dataset.sort)")]
    assert totals == sorted(totals, reverse=True)
    assert totals[0] > 0  # opened on a period that some commune's plan counts (not the demo's current year)
    assert "Phường Lê Lợi" in page.locator("#bang-bao-cao").inner_text()
    page.screenshot(path=str(shots / "province.png"), full_page=True)

    link = page.get_by_role("link", name="Phường Nhơn Hưng").first.get_attribute("href")
    page.goto(base + link.split("?")[0])  # the ward's own default period: its 2023 results
    assert "chỉ tiêu vượt" in page.locator("#cau-tom-tat").inner_text()
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)
    docs = ROOT / "docs" / "img"
    if docs.exists() and os.environ.get("KTXH_UPDATE_DOCS_IMG"):  # refresh the README's picture on request only
        shutil.copyfile(shots / "dashboard.png", docs / "dashboard.png")
