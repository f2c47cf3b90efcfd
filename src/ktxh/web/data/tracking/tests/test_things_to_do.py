"""The officer's home: periods due with the commune's deadline, returned figures with the
leader's comment, one click to enter; the figure as the core will read it."""

import datetime as dt

from django.utils import timezone

from ktxh.web.data.tracking import todo, workflow
from ktxh.web.data.tracking.models import Period, UnitDeadline
from ktxh.web.metadata.plans.models import Plan, Target
from ktxh.web.tests.pages import signed_in


def _this_year(w):
    today = timezone.localdate()
    plan = Plan.objects.create(unit=w.a, kind="annual", start_year=today.year, end_year=today.year,
                               title=f"Kế hoạch năm {today.year}")
    Target.objects.create(plan=plan, indicator=w.grain, year=today.year, source="hdnd", text="6.000 tấn")
    period = Period.get("year", today.year)
    period.due_on = today + dt.timedelta(days=5)
    period.save()
    return period, today


def test_due_period_shows_with_the_communes_deadline(w):
    period, today = _this_year(w)
    UnitDeadline.objects.create(unit=w.a, days_before_due=2)
    page = signed_in(w.officer).get("/nhap-lieu/").content.decode()
    box = " ".join(page[page.index('id="viec-den-han"'):page.index('id="tra-lai"')].split())
    assert f"Nhập {period.label}" in box and f'href="/nhap-lieu/{period.pk}/"' in box
    assert "1 / 1 chỉ tiêu chưa gửi" in box
    assert f"Hạn gửi của xã: {today + dt.timedelta(days=3):%d/%m/%Y} — còn 3 ngày" in box
    # the social officer has no target in the plan: nothing due
    assert "Không có kỳ nào đang chờ" in signed_in(w.officer_soc).get("/nhap-lieu/").content.decode()


def test_sent_figures_leave_the_list(w):
    period, today = _this_year(w)
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=period, text="6.100")
    (due,) = [d for d in todo.due_for(w.officer, w.a, {w.econ.pk}, today) if d.period == period]
    assert due.drafts == 1
    workflow.submit(w.officer, a, version=a.version)
    assert period not in [d.period for d in todo.due_for(w.officer, w.a, {w.econ.pk}, today)]


def test_returned_figure_shows_the_comment(w):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.031")
    a = workflow.submit(w.officer, a, version=a.version)
    workflow.return_(w.leader, a, version=a.version, comment="Chưa khớp số của Chi cục Thống kê")
    page = signed_in(w.officer).get("/nhap-lieu/").content.decode()
    box = page[page.index('id="viec-tra-lai"'):]
    assert "Ý kiến của lãnh đạo: Chưa khớp số của Chi cục Thống kê" in box
    assert f'href="/nhap-lieu/{w.year.pk}/#id_i{w.grain.pk}-text"' in box


def test_reading_shows_how_the_core_reads_a_figure(w):
    c = signed_in(w.officer)
    assert c.get("/nhap-lieu/doc-so/", {"indicator": w.poor.pk, "text": "99.7"}).json() == {
        "ok": True, "reading": "đọc là 99,7%"}
    assert c.get("/nhap-lieu/doc-so/", {"indicator": w.grain.pk, "text": "5.933,3"}).json()["reading"] == \
        "đọc là 5.933,3 tấn"
    bad = c.get("/nhap-lieu/doc-so/", {"indicator": w.grain.pk, "text": "năm nghìn"}).json()
    assert bad["ok"] is False and "Tổng sản lượng lương thực cây có hạt" in bad["error"]
    assert c.get("/nhap-lieu/doc-so/", {"indicator": 999999, "text": "1"}).json()["ok"] is False


def test_a_saved_figure_shows_its_reading(w):
    workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5933.3")
    page = signed_in(w.officer).get(f"/nhap-lieu/{w.year.pk}/").content.decode()
    assert "đọc là 5.933,3 tấn" in page
