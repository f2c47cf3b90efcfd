"""A plan evaluated for a period through the core evaluator; only approved figures count."""

from decimal import Decimal

from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking import workflow
from ktxh.web.metadata.plans.models import Indicator, Target


def approved(w, indicator, text, officer=None, period=None):
    officer = officer or w.officer
    a = workflow.enter(officer, unit=w.a, indicator=indicator, period=period or w.year, text=text)
    a = workflow.submit(officer, a, version=a.version)
    return workflow.approve(w.leader, a, version=a.version)


def test_seed_002_grain_2022_is_102_37_percent_of_plan(w):
    # "Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3tấn/ 5.795,9 tấn bằng 102,37% kế hoạch."
    approved(w, w.grain, "5.933,3")
    (row,) = evaluate_plan(w.plan, w.year).rows
    assert row.evaluation.percent_of_plan == Decimal("102.37")
    assert row.evaluation.status.label == "vượt"


def test_unapproved_figure_does_not_count(w):
    workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    result = evaluate_plan(w.plan, w.year)
    assert result.rows[0].evaluation.status.value == "chua_co_so_lieu"
    assert result.sentence == "Kết quả thực hiện 01 chỉ tiêu kinh tế - xã hội năm 2022: có 01 chỉ tiêu chưa có số liệu."


def test_assigned_target_uses_the_upper_levels_figure(w):
    # Seed 001: "Tổng thu ngân sách …: Phấn đấu đạt và vượt chỉ tiêu giao từ 5-10%"; seed 002:
    # "Thu ngân sách nhà nước năm 2021 là 3.182.308.468đ/1.839.000.000đ đạt 173,0% kế hoạch".
    revenue = Indicator.objects.create(code="thu-nsnn", name="Thu ngân sách nhà nước", unit="đồng", field=w.econ)
    Target.objects.create(plan=w.plan, indicator=revenue, year=2022, source="cap_tren", text="1.839.000.000 đồng")
    Target.objects.create(plan=w.plan, indicator=revenue, year=2022, source="hdnd",
                          text="Phấn đấu đạt và vượt chỉ tiêu giao từ 5-10%")
    approved(w, revenue, "3.182.308.468")
    rows = {r.target.source: r for r in evaluate_plan(w.plan, w.year).rows if r.target.indicator == revenue}
    assert rows["hdnd"].evaluation.percent_of_plan == Decimal("173.05")
    assert rows["hdnd"].evaluation.status.label == "vượt"
    assert rows["hdnd"].primary and not rows["cap_tren"].primary


def test_change_target_is_measured_from_its_base_year(w):
    # Seed 002: poor households 2,13% in 2022, 1,92% estimated in 2023, against "giảm … từ 0,7 - 0,9%".
    from ktxh.web.data.tracking.models import Period

    y2023 = Period.get("year", 2023)
    Target.objects.create(plan=w.plan, indicator=w.poor, year=2023, source="hdnd",
                          text="Tỷ lệ hộ nghèo giảm so với năm 2022: Từ 0,7 - 0,9%")
    approved(w, w.poor, "2,13", officer=w.officer_soc)
    approved(w, w.poor, "1,92", officer=w.officer_soc, period=y2023)
    (row,) = evaluate_plan(w.plan, y2023).rows
    assert row.evaluation.compared == Decimal("0.21")
    assert row.evaluation.status.label == "không đạt"


def test_summary_counts_each_indicator_once(w):
    Target.objects.create(plan=w.plan, indicator=w.grain, year=2022, source="hdnd", text="6.000 tấn")
    approved(w, w.grain, "5.933,3")
    result = evaluate_plan(w.plan, w.year)
    assert len(result.rows) == 2
    assert sum(result.counts.values()) == 1
    assert result.sentence.startswith("Kết quả thực hiện 01 chỉ tiêu kinh tế - xã hội năm 2022: có 01 chỉ tiêu cơ bản đạt")


def test_half_year_figure_is_shown_as_progress_against_the_year(w):
    # Seed 002: "Ước thu ngân sách nhà nước là 1.930.000.000/3.809.000.000 đạt 50,67 %."
    from ktxh.web.data.tracking.models import Period

    revenue = Indicator.objects.create(code="thu-nsnn", name="Thu ngân sách nhà nước", unit="đồng", field=w.econ)
    Target.objects.create(plan=w.plan, indicator=revenue, year=2023, source="ke_hoach", text="3.809.000.000 đồng")
    half = Period.get("half", 2023)
    approved(w, revenue, "1.930.000.000", period=half)
    (row,) = evaluate_plan(w.plan, half).rows
    assert row.evaluation.percent_of_plan == Decimal("50.67")
    assert "Tiến độ 6 tháng đầu năm 2023 so với chỉ tiêu cả năm 2023" in row.evaluation.note
