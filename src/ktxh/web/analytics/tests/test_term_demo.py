"""The term review of the demo wards (issue 17): the same core call as ``ktxh review``, for every
ward with term targets, and a province column that never says a false "0"."""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from ktxh.cli.review import load_plan
from ktxh.core.review import review_all, summary_sentence
from ktxh.web.analytics import term
from ktxh.web.demo import load
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Plan, Target
from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.tests.pages import signed_in

EXAMPLE = Path(__file__).resolve().parents[5] / "examples" / "luong-son-2021-2025.json"


@pytest.fixture
def demo(db):
    load.load_demo()


def _user(name):
    return get_user_model().objects.get(username=name)


def test_the_demo_copy_is_the_example_file():
    assert load.TERM_FILE.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_luong_son_page_gives_what_ktxh_review_gives(demo):
    plan = Plan.objects.get(unit__name="Lương Sơn", kind="term")
    web = {t.text: r for t, r in term.reviews(plan)}
    _, items = load_plan(EXAMPLE)
    cli = {r.target.text: r for r in review_all(items)}
    assert set(web) == set(cli) and len(web) == 6
    for text, r in cli.items():
        w = web[text]
        # Same figures, same core: same progress, paces, forecast and class (the web page only adds
        # "no 2020 value: the first year is the base" where the file names another base year).
        # The revenue is the catalogue's indicator, kept in triệu đồng; the example file counts in đồng.
        scale = 10**6 if text.startswith("Thu ngân sách") else 1
        assert (w.outlook, w.progress, w.pace, w.pace_needed, w.anticipated, None if w.latest_value is None else w.latest_value * scale) == (
            r.outlook, r.progress, r.pace, r.pace_needed, r.anticipated, r.latest_value), text
    page = signed_in(_user("tinh.kehoach")).get(f"/xa/{plan.unit_id}/nhiem-ky/").content.decode()
    # The page's summary sentence is the CLI's, word for word.
    assert summary_sentence(list(cli.values()), period="nhiệm kỳ 2021 - 2025") in page
    assert "Kết quả đánh giá 06 chỉ tiêu nhiệm kỳ 2021 - 2025" in page
    assert "00 chỉ tiêu" not in page


def test_dien_nam_dong_targets_due_2025_count_and_are_judged(demo):
    plan = Plan.objects.get(unit__name="Điện Nam Đông", kind="term")
    income = Target.objects.get(plan=plan, text__startswith="Thu nhập bình quân đầu người đến 2025")
    assert (income.year, selection.term_deadline(income, plan)) == (2025, 2025)
    pairs = term.reviews(plan)
    # 14 target lines, 24 targets: each compound line is one target per indicator now (issue 14.4),
    # e.g. "Cơ cấu kinh tế … tỷ trọng ngành TM-DV chiếm 63%, CN-TTCN, XDCB 33%, NN 4%" is three
    assert len(pairs) == 24 and len({t.indicator_id for t, _ in pairs}) == 24
    reviews = {t.text[:30]: r for t, r in pairs}
    # 78,9 triệu in 2025 against 85 by 2025: the deadline has passed.
    assert reviews["Thu nhập bình quân đầu người đ"].outlook.label == "không thể đạt"
    judged = [r for r in reviews.values() if r.outlook.value != "chua_danh_gia"]
    assert len(judged) == 5
    page = signed_in(_user("tinh.kehoach")).get(f"/xa/{plan.unit_id}/nhiem-ky/").content.decode()
    assert "khó đạt" in page and "không thể đạt" in page


def test_a_yearly_row_of_a_term_plan_is_not_a_term_target(demo):
    plan = Plan.objects.get(unit__name="Lương Sơn", kind="term")
    yearly = Target.objects.get(plan=plan, year=2021, text="5.926 tấn")
    assert selection.term_deadline(yearly, plan) is None


def test_a_term_plan_without_term_targets_says_so(demo):
    plan = Plan.objects.get(unit__name="Lương Sơn", kind="term")
    Target.objects.filter(plan=plan, year__isnull=True).delete()
    page = signed_in(_user("luongson.lanhdao")).get(f"/xa/{plan.unit_id}/nhiem-ky/").content.decode()
    assert "chưa có chỉ tiêu cả nhiệm kỳ" in page and "Kết quả đánh giá" not in page
    assert term.at_risk(plan) is None


def test_province_column_counts_each_ward_or_says_not_yet(demo):
    province = AdminUnit.objects.get(code="DEMO")
    from ktxh.web.data.tracking.models import Period

    year = Period.objects.get(code="year:2023")  # inside both wards' terms (the default is the latest period)
    page = signed_in(_user("tinh.kehoach")).get(f"/tinh/{province.pk}/?ky={year.pk}").content.decode()
    labels = re.findall(r'aria-label="([^"]*chỉ tiêu nhiệm kỳ[^"]*)"', page)
    # Lương Sơn: as many as `ktxh review` of the example file finds khó đạt or không thể đạt (with fewer
    # than three figures nothing is forecast); Điện Nam Đông: income (không thể đạt), poor households
    # and waste collection (khó đạt).
    _, items = load_plan(EXAMPLE)
    risky = sum(1 for r in review_all(items) if r.outlook in term.AT_RISK)
    assert f"{risky} chỉ tiêu nhiệm kỳ khó đạt hoặc không thể đạt của Phường Lương Sơn" in labels
    assert "3 chỉ tiêu nhiệm kỳ khó đạt hoặc không thể đạt của Phường Điện Nam Đông" in labels
