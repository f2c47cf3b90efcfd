"""The term review page (issue 9): progress, paces, the anticipated value and the outlook of each
term target, from the approved yearly figures; its column on the province overview and its path
on the indicator page. Values worked out by hand below, not taken from the code."""

import json
import re

import pytest

from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Indicator, Target
from ktxh.web.tests.pages import approved, signed_in


@pytest.fixture
def income(w):
    ind = Indicator.objects.create(code="thu-nhap", name="Thu nhập bình quân đầu người", unit="triệu đồng/người/năm",
                                   field=w.econ, aggregation="none", decimals=1)
    Target.objects.create(plan=w.plan, indicator=ind, year=None, source="dai_hoi",
                          text="Thu nhập bình quân đầu người đến năm 2025 đạt 85 triệu đồng/người/năm")
    for year, value in ((2020, "55"), (2021, "60"), (2022, "66")):
        approved(w, value, indicator=ind, period=Period.get("year", year))
    return ind


def test_review_of_a_level_target(w, income):
    page = signed_in(w.leader).get(f"/xa/{w.a.pk}/nhiem-ky/").content.decode()
    row = re.search(r"Thu nhập bình quân đầu người</a>.*?</tr>", page, re.S).group(0)
    # progress (66 − 55) / (85 − 55) = 36,67%; pace (66 − 55) / 2 = 5,5 a year; needed (85 − 66) / 3 = 6,33.
    assert "36,67%" in row and "5,50" in row and "6,33" in row
    # Weighted line through (2020, 55, w=1), (2021, 60, w=2), (2022, 66, w=3): t̄ = 2021,333, ȳ = 62,1667,
    # slope = 18,6667 / 3,3333 = 5,6, so 2025 → 62,1667 + 5,6 × 3,6667 = 82,70 < 85: khó đạt, shown with the
    # indicator's one decimal.
    assert ">82,7<" in row and 'class="badge co-ban-dat"' in row and "khó đạt" in row
    assert "Kết quả đánh giá 01 chỉ tiêu nhiệm kỳ 2021 - 2025: có 01 chỉ tiêu khó đạt." in page


def test_province_column_counts_targets_at_risk(w, income):
    page = signed_in(w.planner).get(f"/tinh/{w.p.pk}/?ky={w.year.pk}").content.decode()
    assert 'aria-label="1 chỉ tiêu nhiệm kỳ khó đạt hoặc không thể đạt của Phường Lương Sơn"' in page


def test_indicator_page_draws_the_anticipated_path(w, income):
    page = signed_in(w.leader).get(f"/xa/{w.a.pk}/chi-tieu/{income.pk}/").content.decode()
    chart = json.loads(re.search(r'id="du-lieu-lich-su" type="application/json">(.*?)</script>', page, re.S).group(1))
    forecast = next(d for d in chart["datasets"] if d["kind"] == "forecast")
    assert forecast["label"] == "Dự báo đến năm 2025 (khó đạt)"
    by_year = dict(zip(chart["labels"], forecast["data"], strict=True))
    assert by_year["2022"] == 66.0 and round(by_year["2025"], 2) == 82.7


def test_another_province_is_refused(w, income):
    assert signed_in(w.leader_c).get(f"/xa/{w.a.pk}/nhiem-ky/").status_code == 403
