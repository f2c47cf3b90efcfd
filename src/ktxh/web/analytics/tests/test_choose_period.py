"""The officer's list of periods to enter, with what each holds; a plan's year is opened if none is."""

from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Plan
from ktxh.web.tests.pages import approved, signed_in


def test_periods_of_the_plans_years_with_their_counts(w):
    approved(w, "6.031")
    page = signed_in(w.officer).get("/nhap-lieu/").content.decode()
    assert f'<a href="/nhap-lieu/{w.year.pk}/">Năm 2022</a>' in page
    assert "10/01/2023" in page  # due date
    assert '<td class="num" data-label="Đã duyệt">1</td>' in page  # one approved figure


def test_a_plan_without_periods_gets_its_year(w):
    Plan.objects.create(unit=w.a, kind="annual", start_year=2099, end_year=2099, title="Kế hoạch năm 2099")
    page = signed_in(w.officer).get("/nhap-lieu/").content.decode()
    assert f'<a href="/nhap-lieu/{Period.objects.get(code="year:2099").pk}/">Năm 2099</a>' in page


def test_only_officers(w):
    for who in (w.leader, w.planner, w.viewer, w.leader_c, w.nobody):
        assert signed_in(who).get("/nhap-lieu/").status_code == 403
