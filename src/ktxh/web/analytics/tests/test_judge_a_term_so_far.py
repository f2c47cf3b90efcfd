"""A term period judged so far: a term target of a level without a figure for the whole term takes its
latest approved yearly figure, on the dashboard, in the roll-up's SQL and in the documents alike.

Before, the giữa kỳ report wrote "5.814,7/6.000 tấn, bằng 96,91% kế hoạch" (seed 002, Lương Sơn) while
the dashboard of the same period showed "chưa có số liệu" for every target: two rules for one period."""

import io
from decimal import Decimal

import docx

from ktxh.core.model import Status
from ktxh.web.analytics import rollup
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Indicator, Target
from ktxh.web.tests.pages import approved, signed_in


def _term_world(w):
    budget = Indicator.objects.create(code="thu-ngan-sach", name="Tổng thu ngân sách nhà nước trên địa bàn",
                                      unit="triệu đồng", field=w.econ, aggregation="sum")
    grain = Target.objects.create(plan=w.plan, indicator=w.grain, year=None, source="hdnd",
                                  text="Tổng sản lượng lương thực cây có hạt đến năm 2025 đạt 6.000 tấn")
    growth = Target.objects.create(plan=w.plan, indicator=budget, year=None, source="hdnd",
                                   text="Thu ngân sách nhà nước tăng bình quân 10%/năm")
    for year, value in ((2020, "5.551,1"), (2021, "5.933,3"), (2023, "5.814,7")):
        approved(w, value, period=Period.get("year", year))
    for year, value in ((2021, "3.182"), (2022, "5.515")):
        approved(w, value, indicator=budget, period=Period.get("year", year))
    return grain, growth, Period.get("term", 2021, end_year=2025)


def test_a_level_target_takes_its_latest_year_and_a_growth_rate_does_not(w):
    grain, growth, term = _term_world(w)
    rows = {r.target.pk: r for r in evaluate_plan(w.plan, term).rows}
    # 5.814,7 (2023, not 2021's 5.933,3 nor the 2020 base) against 6.000 tấn: 96,91%, cơ bản đạt.
    assert rows[grain.pk].year == 2023 and rows[grain.pk].actual.value == Decimal("5814.7")
    assert rows[grain.pk].evaluation.status is Status.CO_BAN_DAT
    assert "Số liệu năm 2023" in rows[grain.pk].evaluation.note
    # One year's level does not measure an average growth over the term: the term review does.
    assert rows[growth.pk].actual is None and rows[growth.pk].evaluation.status is Status.CHUA_CO_SO_LIEU


def test_the_term_s_own_figure_wins(w):
    grain, _, term = _term_world(w)
    approved(w, "6.010", period=term)
    (row,) = [r for r in evaluate_plan(w.plan, term).rows if r.target.pk == grain.pk]
    assert row.year is None and row.evaluation.status is Status.VUOT


def test_the_roll_up_s_sql_judges_the_term_as_the_dashboard(w):
    _term_world(w)
    term = Period.get("term", 2021, end_year=2025)
    expected = {r.target.pk: (r.primary, r.evaluation.status) for r in evaluate_plan(w.plan, term).rows}
    got = {s.target_id: (s.primary, s.status) for s in rollup.statuses(term) if s.unit_id == w.a.pk}
    assert got == expected and Status.CO_BAN_DAT in {s for _, s in got.values()}


def test_the_dashboard_and_the_report_say_the_same(w):
    grain, _, term = _term_world(w)
    leader = signed_in(w.leader)
    page = leader.get(f"/xa/{w.a.pk}/?ke_hoach={w.plan.pk}&ky={term.pk}").content.decode()
    assert "5.814,7" in page and "năm 2023" in page
    report = docx.Document(io.BytesIO(leader.get(f"/xa/{w.a.pk}/van-ban/bao-cao/?ke_hoach={w.plan.pk}&ky={term.pk}").content))
    lines = [p.text for p in report.paragraphs]
    assert any(line.startswith("- Tổng sản lượng lương thực cây có hạt giai đoạn 2021-2023 đạt 5.814,7/6.000 tấn, "
                               "bằng 96,91% kế hoạch") for line in lines)
    assert any("Thu ngân sách" in line and "chưa có số liệu" in line for line in lines)
