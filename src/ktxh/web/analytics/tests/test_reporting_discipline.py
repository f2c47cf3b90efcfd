"""Reporting discipline on the province overview: sent, approved, late, completeness by field."""

import re

from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Plan, Target
from ktxh.web.tests.pages import approved, signed_in


def _row(page: str, commune: str) -> str:
    table = page[page.index('id="bang-bao-cao"'):]
    return re.search(rf">{commune}</a></th>(.*?)</tr>", table, re.S).group(1)


def _cells(row: str) -> list[str]:
    """The row's cells but the reminder button's (shown to the province's planners)."""
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r'<td(?! class="remind")[^>]*>(.*?)</td>', row, re.S)]


def test_nothing_sent_after_the_due_date_is_late(w):
    page = signed_in(w.planner).get(f"/tinh/{w.p.pk}/?ky={w.year.pk}").content.decode()
    assert _cells(_row(page, "Phường Lương Sơn")) == ["0/1", "0/1", "0,0%", "0,0%", "⚠ Trễ hạn (hạn 10/01/2023)"]
    assert _cells(_row(page, "Phường Lê Lợi"))[-1] == "Chưa có chỉ tiêu"


def test_a_draft_is_not_sent(w):
    workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.031")
    page = signed_in(w.planner).get(f"/tinh/{w.p.pk}/?ky={w.year.pk}").content.decode()
    assert _cells(_row(page, "Phường Lương Sơn"))[:3] == ["0/1", "0/1", "0,0%"]


def test_sent_after_the_due_date_is_sent_late(w):
    approved(w, "6.031")  # sent today, long after 10/01/2023
    page = signed_in(w.planner).get(f"/tinh/{w.p.pk}/?ky={w.year.pk}").content.decode()
    assert _cells(_row(page, "Phường Lương Sơn")) == ["1/1", "1/1", "100,0%", "100,0%", "⚠ Gửi muộn"]


def test_completeness_per_field_and_not_yet_due(w):
    period = Period.get("year", 2099)
    plan = Plan.objects.create(unit=w.a, kind="annual", start_year=2099, end_year=2099, title="Kế hoạch năm 2099")
    Target.objects.create(plan=plan, indicator=w.grain, year=2099, source="hdnd", text="6.000 tấn")
    Target.objects.create(plan=plan, indicator=w.poor, year=2099, source="hdnd", text="dưới 2%")
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=period, text="6.100")
    workflow.submit(w.officer, a, version=a.version)
    page = signed_in(w.planner).get(f"/tinh/{w.p.pk}/?ky={period.pk}").content.decode()
    assert "<button type=\"button\">Kinh tế</button>" in page and "<button type=\"button\">Văn hóa - xã hội</button>" in page
    assert _cells(_row(page, "Phường Lương Sơn")) == ["1/2", "0/2", "50,0%", "100,0%", "0,0%", "Chưa đến hạn (10/01/2100)"]
