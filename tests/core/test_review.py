"""Term reviews on the seeds' series: seed 002 (mid-term 2021–2023 of 2021–2025) and seed 000.

Every expected figure is worked out by hand in the comments, not taken from the code.

Assumptions, stated once:
* Seed 002 reports its 2021–2023 actuals but does not quote the Nghị quyết's 2025 term
  targets, so the targets below are ASSUMED (plausible wording, marked "giả định"); the
  actuals are the seed's.
* Seed 000 gives the sectors' growth as multiples of 2015 ("gấp 1,81 lần so với năm
  2015"), so 2015 = 100 is assumed as an index; agriculture is given only as "tăng bình
  quân là 1%/năm", so its 2020 index is 100 × 1,01^5. The 2016–2021 targets are the
  seed's footnotes ("Nghị quyết ĐH XIII: tăng 16-18%", "tăng 18-21%, chiếm 49,5%", …).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ktxh.core import review as review_module
from ktxh.core.errors import EvaluationError
from ktxh.core.model import Direction, Target, TargetKind
from ktxh.core.numbers import quantize
from ktxh.core.review import (
    Outlook,
    TermKind,
    TermSeries,
    review_all,
    review_target,
    summary_sentence,
    time_weights,
    weighted_trend,
)
from ktxh.core.targets import parse_target


def q(value: D | None, places: int) -> D | None:
    return None if value is None else quantize(value, places)


# --- seed 002: Lương Sơn, mid-term 2021–2023 ------------------------------------------------------

# "Tổng sản lượng lương thực cây có hạt năm 2021 đạt: 6.031/5.926 tấn …", "năm 2022 đạt 5.933,3tấn",
# "năm 2023 ước đạt 5.814,7 tấn … tăng 4,7% so với năm 2020 (5551,1 tấn)".
GRAIN = TermSeries(2020, D("5551.1"), {2021: D("6031"), 2022: D("5933.3"), 2023: D("5814.7")}, 2025)
GRAIN_TARGET = "Tổng sản lượng lương thực cây có hạt đến năm 2025 đạt 6.000 tấn"  # giả định


def test_seed_002_grain_level() -> None:
    r = review_target(parse_target(GRAIN_TARGET), GRAIN)
    assert r.kind is TermKind.LEVEL
    # progress = (5814,7 − 5551,1) / (6000 − 5551,1) = 263,6 / 448,9 = 58,72%
    assert q(r.progress, 2) == D("58.72")
    # pace achieved = 263,6 / 3 năm = 87,87 tấn/năm; needed = (6000 − 5814,7) / 2 = 92,65 tấn/năm
    assert q(r.pace, 2) == D("87.87")
    assert r.pace_needed == D("92.65")
    # Weighted fit, weights 1,2,3,4 for 2020..2023 (W = 10):
    #   t̄ = 2020 + (0·1 + 1·2 + 2·3 + 3·4)/10 = 2022
    #   ȳ = (5551,1 + 2·6031 + 3·5933,3 + 4·5814,7)/10 = 58671,8/10 = 5867,18
    #   Σw(t−t̄)² = 1·4 + 2·1 + 3·0 + 4·1 = 10
    #   Σw(t−t̄)(y−ȳ) = 1·(−2)(−316,08) + 2·(−1)(163,82) + 0 + 4·1·(−52,48) = 632,16 − 327,64 − 209,92 = 94,6
    #   slope 9,46; 2025: 5867,18 + 9,46·3 = 5895,56 < 6000
    assert r.anticipated == D("5895.56")
    assert r.outlook is Outlook.KHO_DAT
    assert r.sentence == "Để đạt chỉ tiêu Nghị quyết, 2 năm còn lại cần tăng bình quân 92,7 tấn/năm."


def test_seed_002_budget_already_reached() -> None:
    # "Thu ngân sách nhà nước năm 2021 là 3.182.308.468đ …", "năm 2022: 5.514.602.916đ". No 2020 figure
    # and only six months of 2023 ("1.930.000.000/3.809.000.000"), so 2021 is the base, 2022 the latest.
    target = parse_target("Thu ngân sách nhà nước tăng bình quân 10%/năm")  # giả định
    r = review_target(target, TermSeries(2021, D("3182308468"), {2022: D("5514602916")}, 2025))
    assert r.kind is TermKind.GROWTH
    # goal = 3.182.308.468 × 1,1^4 = 3.182.308.468 × 1,4641 = 4.659.217.827,9988 đ
    assert q(r.goal, 4) == D("4659217827.9988")
    # pace = 5.514.602.916 / 3.182.308.468 − 1 = 73,29%; progress = 2.332.294.448 / 1.476.909.360 = 157,92%
    assert q(r.pace, 2) == D("73.29")
    assert q(r.progress, 2) == D("157.92")
    assert r.outlook is Outlook.DA_DAT
    assert r.pace_needed is None
    assert r.sentence == "Đã đạt chỉ tiêu Nghị quyết."


POOR = TermSeries(2022, D("2.13"), {2023: D("1.92")}, 2025)


def test_seed_002_poverty_lower_is_better() -> None:
    # "Năm 2022 (năm đầu giai đoạn) tổng số hộ nghèo 73 hộ = 2.13%", "tỷ lệ hộ nghèo năm 2023 ước còn 1,92%".
    # 2022 is the first year of the 2022–2025 poverty standard, hence the base.
    r = review_target(parse_target("Tỷ lệ hộ nghèo đến năm 2025 giảm còn 1%"), POOR)  # giả định
    assert (r.kind, r.direction) == (TermKind.REDUCTION, Direction.DOWN)
    # progress = (1,92 − 2,13) / (1 − 2,13) = −0,21 / −1,13 = 18,58%
    assert q(r.progress, 2) == D("18.58")
    # pace −0,21 điểm/năm; needed (1 − 1,92) / 2 = −0,46 điểm/năm
    assert r.pace == D("-0.21")
    assert r.pace_needed == D("-0.46")
    # Two points are no forecast (a line through them would say 1,50 in 2025): not judged yet.
    assert r.anticipated is None and "Mới có 2 số liệu (kể cả năm gốc): cần ít nhất 3 số liệu để ước giá trị cuối kỳ." in r.notes
    assert r.outlook is Outlook.CHUA_DANH_GIA
    assert r.sentence == "Để đạt chỉ tiêu Nghị quyết, 2 năm còn lại cần giảm bình quân 0,46 điểm %/năm."


def test_seed_002_near_poor_likely_and_missing_base() -> None:
    # "72 hộ cận nghèo = 2,12%" (2021), "hộ cận nghèo 69 hộ = 1.99%" (2022); no 2020 figure.
    target = parse_target("Tỷ lệ hộ cận nghèo đến năm 2025 giảm còn dưới 1,8%")  # giả định
    r = review_target(target, TermSeries(2020, None, {2021: D("2.12"), 2022: D("1.99")}, 2025))
    assert r.notes[0] == "Không có giá trị năm gốc 2020: lấy năm 2021 làm gốc."
    assert r.base_year == 2021
    # Two points (2021, 2022): no forecast, not judged yet.
    assert r.anticipated is None and "Mới có 2 số liệu (kể cả năm gốc): cần ít nhất 3 số liệu để ước giá trị cuối kỳ." in r.notes
    assert r.outlook is Outlook.CHUA_DANH_GIA
    # progress = (1,99 − 2,12) / (1,8 − 2,12) = −0,13 / −0,32 = 40,63%
    assert q(r.progress, 2) == D("40.63")


def test_seed_002_cultural_families_falling() -> None:
    # "3.050/3.345 hộ đạt gia đình văn hóa = 91,2%" (2021), "3011/3318 hộ … = 90,74%" (2022).
    target = parse_target("Tỷ lệ hộ gia đình đạt chuẩn văn hóa đến năm 2025 đạt 92%")  # giả định
    r = review_target(target, TermSeries(2020, None, {2021: D("91.2"), 2022: D("90.74")}, 2025))
    # progress = (90,74 − 91,2) / (92 − 91,2) = −0,46 / 0,8 = −57,5%: going backwards
    assert r.progress == D("-57.5")
    # needed (92 − 90,74) / 3 = 0,42; two points: no forecast
    assert r.pace_needed == D("0.42")
    assert r.anticipated is None
    assert r.outlook is Outlook.CHUA_DANH_GIA


def seed_002_plan() -> list[tuple[Target, TermSeries | None]]:
    return [
        (parse_target(GRAIN_TARGET), GRAIN),
        (parse_target("Thu ngân sách nhà nước tăng bình quân 10%/năm"),
         TermSeries(2021, D("3182308468"), {2022: D("5514602916")}, 2025)),
        (parse_target("Tỷ lệ hộ nghèo đến năm 2025 giảm còn 1%"), POOR),
        (parse_target("Tỷ lệ hộ cận nghèo đến năm 2025 giảm còn dưới 1,8%"),
         TermSeries(2020, None, {2021: D("2.12"), 2022: D("1.99")}, 2025)),
        (parse_target("Tỷ lệ hộ gia đình đạt chuẩn văn hóa đến năm 2025 đạt 92%"),
         TermSeries(2020, None, {2021: D("91.2"), 2022: D("90.74")}, 2025)),
        (parse_target("Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội trên địa bàn phường"), None),
    ]


def test_seed_002_summary_sentence() -> None:
    reviews = review_all(seed_002_plan())
    assert [r.outlook for r in reviews] == [
        Outlook.KHO_DAT, Outlook.DA_DAT, Outlook.CHUA_DANH_GIA, Outlook.CHUA_DANH_GIA, Outlook.CHUA_DANH_GIA,
        Outlook.CHUA_DANH_GIA,
    ]
    assert summary_sentence(reviews, period="nhiệm kỳ 2021 - 2025") == (
        "Kết quả đánh giá 06 chỉ tiêu nhiệm kỳ 2021 - 2025: có 01 chỉ tiêu đã đạt, 01 chỉ tiêu khó đạt; "
        "03 chỉ tiêu chưa đủ số liệu để đánh giá, 01 chỉ tiêu định tính không chấm điểm."
    )
    # the budget's 73,3%/năm from one year of growth is flagged
    assert any("Nhịp đã đạt 73,3%/năm là bất thường" in n for n in reviews[1].notes)


# --- seed 000: Điện Nam Đông, end of the 2016–2020 term ------------------------------------------


def growth_review(text: str, end_index: D):
    return review_target(parse_target(text), TermSeries(2015, D(100), {2020: end_index}, 2020, kind=TermKind.GROWTH))


def test_seed_000_economy_missed() -> None:
    # Footnote "Nghị quyết ĐH XIII: tăng 16-18%"; "gấp 1,81 lần so với năm 2015".
    r = growth_review("Tốc độ tăng trưởng kinh tế tăng 16-18%", D("181"))
    # goal = 100 × 1,16^5 = 100 × 2,1003416576 = 210,03416576
    assert r.goal == D("210.0341657600000000000000000")
    # progress = 81 / 110,03416576 = 73,61%; pace = 1,81^(1/5) − 1 = 12,60%/năm (the report says 9,2%)
    assert q(r.progress, 2) == D("73.61")
    assert q(r.pace, 2) == D("12.60")
    assert r.outlook is Outlook.KHONG_THE_DAT
    assert r.sentence == "Đã hết nhiệm kỳ, chỉ tiêu không đạt."


def test_seed_000_sectors() -> None:
    services = growth_review("Giá trị TM-DV tăng 18-21%", D("207"))
    # 1,18^5 = 2,2877577568; progress 107 / 128,77577568 = 83,09%; pace 2,07^(1/5) − 1 = 15,66%
    assert (q(services.progress, 2), q(services.pace, 2)) == (D("83.09"), D("15.66"))
    industry = growth_review("CN-TTCN tăng 17-20%", D("154"))
    # 1,17^5 = 2,1924480357; progress 54 / 119,24480357 = 45,28%; pace 1,54^(1/5) − 1 = 9,02%
    assert (q(industry.progress, 2), q(industry.pace, 2)) == (D("45.28"), D("9.02"))
    farming = growth_review("Nông nghiệp tăng 3%", D("105.10100501"))
    # 1,03^5 = 1,1592740743; progress 5,10100501 / 15,92740743 = 32,03%; pace 1,00%
    assert (q(farming.progress, 2), q(farming.pace, 2)) == (D("32.03"), D("1.00"))
    assert {services.outlook, industry.outlook, farming.outlook} == {Outlook.KHONG_THE_DAT}


def test_seed_000_shares() -> None:
    # "chiếm 51,87% trong tỷ trọng" vs "chiếm 49,5%"; "chiếm 40,5%" vs "chiếm 47,5%"; "chiếm 7,6%" vs "chiếm 3%".
    services = review_target(parse_target("Tỷ trọng TM-DV chiếm 49,5%"), TermSeries(2015, None, {2020: D("51.87")}, 2020))
    industry = review_target(parse_target("Tỷ trọng công nghiệp chiếm 47,5%"), TermSeries(2015, None, {2020: D("40.5")}, 2020))
    farming = review_target(
        parse_target("Tỷ trọng nông nghiệp chiếm 3%"),
        TermSeries(2015, None, {2020: D("7.6")}, 2020, direction=Direction.DOWN),
    )
    assert (services.kind, services.outlook) == (TermKind.SHARE, Outlook.DA_DAT)
    assert industry.outlook is Outlook.KHONG_THE_DAT
    assert farming.outlook is Outlook.KHONG_THE_DAT  # 7,6% is above 3%: lower is better here
    assert services.progress is None  # no 2015 share: nothing to measure the way from


def test_seed_000_new_term_from_its_base_year() -> None:
    # Phần thứ hai, II (2021–2026) from the 2020 figures of Phần thứ nhất: one data point each.
    income = review_target(
        parse_target("Thu nhập bình quân đầu người đến 2025 đạt 85 triệu đồng/người/năm."),
        TermSeries(2020, D("55"), {}, 2025),  # "thu nhập bình quân đầu người đạt 55 triệu đồng/người/ năm"
    )
    # needed (85 − 55) / 5 = 6 triệu đồng/người per year
    assert income.pace_needed == D("6")
    assert income.outlook is Outlook.CHUA_DANH_GIA
    assert "Mới có 1 số liệu (kể cả năm gốc): cần ít nhất 3 số liệu để ước giá trị cuối kỳ." in income.notes
    assert income.sentence == "Để đạt chỉ tiêu Nghị quyết, 5 năm còn lại cần tăng bình quân 6,00 triệu đồng/người/năm."

    poor = review_target(
        parse_target("Phấn đấu xây dựng phường không còn hộ nghèo."),
        TermSeries(2020, D("0.75"), {}, 2025, unit="%"),  # "tỷ lệ hộ nghèo giảm còn 0,75%"
    )
    # goal 0; needed (0 − 0,75) / 5 = −0,15 điểm/năm
    assert (poor.kind, poor.goal, poor.pace_needed) == (TermKind.REDUCTION, D(0), D("-0.15"))
    assert poor.sentence == "Để đạt chỉ tiêu Nghị quyết, 5 năm còn lại cần giảm bình quân 0,15 điểm %/năm."

    budget = review_target(
        parse_target("Thu ngân sách tăng 10-15% /năm."), TermSeries(2020, D("26.32"), {}, 2025)
    )  # footnote: "2020: 26,32 tỷ"
    # goal 26,32 × 1,1^5 = 26,32 × 1,61051 = 42,3886232; needed 10%/năm from the base itself
    assert budget.goal == D("42.38862320000000000000000000")
    assert q(budget.pace_needed, 6) == D("10.000000")
    assert budget.sentence == "Để đạt chỉ tiêu Nghị quyết, 5 năm còn lại cần tăng bình quân 10,0%/năm."


# --- the regression -----------------------------------------------------------------------------


def test_weights() -> None:
    assert time_weights([2016, 2017, 2018, 2019, 2020]) == [D(1), D(2), D(3), D(4), D(5)]
    assert time_weights([2020, 2021, 2023]) == [D(1), D(2), D(4)]


def test_weighted_trend_linear_by_hand() -> None:
    # Seed 000 budget 2016–2018 (7,89; 10,94; 16,43), weights 1,2,3 (W = 6):
    #   t̄ = 2016 + (0 + 2 + 6)/6 = 2017,3333; ȳ = (7,89 + 21,88 + 49,29)/6 = 13,176667
    #   Σw(t−t̄)² = 1,777778 + 0,222222 + 1,333333 = 3,333333
    #   Σw(t−t̄)(y−ȳ) = 7,048889 + 1,491111 + 6,506667 = 15,046667 → slope 4,514
    #   2019: 13,176667 + 4,514 × 1,666667 = 20,70; 2020: 13,176667 + 4,514 × 2,666667 = 25,214
    t = weighted_trend([(2016, D("7.89")), (2017, D("10.94")), (2018, D("16.43"))])
    assert t.slope == D("4.514")
    assert q(t.at(2019), 3) == D("20.700")
    assert q(t.at(2020), 3) == D("25.214")


def test_weighted_trend_log_by_hand() -> None:
    # Seed 000 budget 2016–2020 on ln: 2,065596; 2,392426; 2,799109; 3,135929; 3,270329; weights 1..5 (W = 15)
    #   t̄ = 2016 + 40/15 = 2018,6667; ȳ = 44,143136/15 = 2,942876
    #   Σw(t−t̄)² = 7,1111 + 5,5556 + 1,3333 + 0,4444 + 8,8889 = 23,3333
    #   Σw(t−t̄)(y−ȳ) = 2,339413 + 1,834833 + 0,287534 + 0,257404 + 2,183020 = 6,902204
    #   slope 0,295809 → trend growth e^0,295809 − 1 = 34,42%/năm (endpoints give 35,15%)
    t = weighted_trend(
        [(2016, D("7.89")), (2017, D("10.94")), (2018, D("16.43")), (2019, D("23.01")), (2020, D("26.32"))],
        log=True,
    )
    assert q(t.slope, 6) == D("0.295809")
    assert q((t.slope.exp() - 1) * 100, 2) == D("34.42")
    # the fitted 2020 value: e^(2,942876 + 0,295809 × 1,3333) = e^3,337288 = 28,14
    assert q(t.at(2020), 2) == D("28.14")


def test_weighted_trend_needs_two_years() -> None:
    with pytest.raises(EvaluationError) as info:
        weighted_trend([(2020, D(5))])
    assert info.value.message == "Cần số liệu của ít nhất hai năm để ước xu hướng."


# --- cumulative targets ---------------------------------------------------------------------------

BUDGET_2016_2018 = {2016: D("7.89"), 2017: D("10.94"), 2018: D("16.43")}


def test_cumulative_mid_term_hard_not_impossible() -> None:
    # Hypothetical: the 2016–2020 total "84,6 tỷ đồng" as a target, seen from 2018.
    r = review_target(
        parse_target("Tổng thu ngân sách nhà nước giai đoạn 2016-2020 đạt 84,6 tỷ đồng"),
        TermSeries(2015, None, BUDGET_2016_2018, 2020),
    )
    assert r.kind is TermKind.CUMULATIVE
    # achieved 7,89 + 10,94 + 16,43 = 35,26; progress 35,26 / 84,6 = 41,68%; needed (84,6 − 35,26)/2 = 24,67
    assert r.achieved == D("35.26")
    assert q(r.progress, 2) == D("41.68")
    assert r.pace_needed == D("24.67")
    # anticipated 35,26 + 20,70 + 25,214 = 81,174 < 84,6: hard. Not impossible: 24,67 is above every year
    # seen (16,43) but below the trend's 2020 (25,214). In fact 2019–2020 brought 23,01 + 26,32 = 49,33.
    assert r.anticipated == D("81.174")
    assert r.outlook is Outlook.KHO_DAT
    assert r.sentence == "Để đạt chỉ tiêu Nghị quyết, 2 năm còn lại cần đạt bình quân 24,7 tỷ đồng/năm."


def test_cumulative_impossible() -> None:
    # The same years against 100 tỷ: needed (100 − 35,26)/2 = 32,37 > 25,214, the best year seen or projected.
    target = Target("Tổng thu ngân sách giai đoạn 2016-2020 đạt 100 tỷ đồng", TargetKind.EXACT,
                    low=D(100), high=D(100), unit="tỷ đồng")
    r = review_target(target, TermSeries(2015, None, BUDGET_2016_2018, 2020))
    assert r.pace_needed == D("32.37")
    assert r.outlook is Outlook.KHONG_THE_DAT


def test_cumulative_missing_year_is_estimated_and_said() -> None:
    # 2017 missing: trend from 2016 (w 1) and 2018 (w 3): slope (16,43 − 7,89)/2 = 4,27;
    # 2017 = 7,89 + 4,27 = 12,16; achieved 7,89 + 16,43 + 12,16 = 36,48.
    target = parse_target("Tổng thu ngân sách nhà nước giai đoạn 2016-2020 đạt 84,6 tỷ đồng")
    r = review_target(target, TermSeries(2015, None, {2016: D("7.89"), 2018: D("16.43")}, 2020))
    assert r.achieved == D("36.48")
    assert r.notes == ("Thiếu số liệu năm 2017: tạm ước 12,16 theo xu hướng để cộng lũy kế.",)


# --- edge cases -----------------------------------------------------------------------------------


def test_missing_year_in_a_level_series() -> None:
    # Grain without 2022: weights 1, 2, 4 for 2020, 2021, 2023 (W = 7):
    #   t̄ = 2020 + (0 + 2 + 12)/7 = 2022; ȳ = (5551,1 + 12062 + 23258,8)/7 = 40871,9/7 = 5838,842857
    #   Σw(t−t̄)² = 4 + 2 + 4 = 10; Σw(t−t̄)(y−ȳ) = 575,485714 − 384,314286 − 96,571429 = 94,6
    #   2025: 5838,842857 + 9,46 × 3 = 5867,222857
    series = TermSeries(2020, D("5551.1"), {2021: D("6031"), 2023: D("5814.7")}, 2025)
    r = review_target(parse_target(GRAIN_TARGET), series)
    assert r.notes == ("Thiếu số liệu năm 2022.",)
    assert q(r.anticipated, 6) == D("5867.222857")
    assert q(r.progress, 2) == D("58.72")  # latest and base unchanged


def test_base_value_zero() -> None:
    # A level from nothing: "tiến tới xây dựng 01 sản phẩm OCOP" (seed 002), none in 2020–2022 (assumed).
    ocop = review_target(parse_target("Xây dựng 01 sản phẩm OCOP đến năm 2025"),
                         TermSeries(2020, D(0), {2021: D(0), 2022: D(0)}, 2025))
    # progress 0 / 1 = 0%; needed (1 − 0)/3 = 0,333…; anticipated 0 < 1
    assert (ocop.progress, ocop.anticipated, ocop.outlook) == (D(0), D(0), Outlook.KHO_DAT)
    # A growth rate from zero cannot be computed: said, not raised.
    grow = review_target(parse_target("Thu ngân sách tăng 10-15% /năm."), TermSeries(2020, D(0), {2021: D(5)}, 2025))
    assert grow.outlook is Outlook.CHUA_DANH_GIA
    assert grow.notes == ("Giá trị năm gốc bằng 0 hoặc âm: không tính được tăng bình quân so với năm gốc.",)


def test_one_data_point_without_base() -> None:
    r = review_target(parse_target(GRAIN_TARGET), TermSeries(2020, None, {2023: D("5814.7")}, 2025))
    assert r.outlook is Outlook.CHUA_DANH_GIA
    assert (r.progress, r.pace, r.anticipated) == (None, None, None)
    assert r.pace_needed == D("92.65")


def test_no_series_at_all() -> None:
    r = review_target(parse_target(GRAIN_TARGET), None)
    assert (r.outlook, r.notes) == (Outlook.CHUA_DANH_GIA, ("Chưa có số liệu của chỉ tiêu này.",))


def test_target_equal_to_base_kept() -> None:
    # "Duy trì tỷ lệ trường đạt chuẩn quốc gia: 75%" (seed 001) with 75% kept: met, progress 100%.
    r = review_target(parse_target("Duy trì tỷ lệ trường đạt chuẩn quốc gia: 75%."),
                      TermSeries(2020, D(75), {2021: D(75)}, 2025))
    assert (r.progress, r.outlook) == (D(100), Outlook.DA_DAT)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: TermSeries(2020, D(1), {2027: D(2)}, 2025), "Số liệu năm 2027 nằm ngoài kỳ đánh giá 2020–2025."),
        (lambda: TermSeries(2025, D(1), {}, 2020), "Năm cuối nhiệm kỳ (2020) phải sau năm gốc (2025)."),
    ],
)
def test_bad_series_gets_a_vietnamese_error(make, message: str) -> None:
    with pytest.raises(EvaluationError) as info:
        make()
    assert info.value.message == message


def test_qualitative_listed_not_scored() -> None:
    r = review_target(parse_target("Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội"), None)
    assert (r.kind, r.outlook) == (TermKind.QUALITATIVE, Outlook.CHUA_DANH_GIA)
    assert r.notes == ("Chỉ tiêu định tính: liệt kê, không chấm điểm.",)


def test_summary_counts_unjudged_apart() -> None:
    reviews = review_all([(parse_target(GRAIN_TARGET), None), (parse_target(GRAIN_TARGET), GRAIN)])
    assert summary_sentence(reviews) == (
        "Kết quả đánh giá 02 chỉ tiêu: có 01 chỉ tiêu khó đạt; 01 chỉ tiêu chưa đủ số liệu để đánh giá."
    )


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # Seed 000, Phần thứ hai, II (verbatim).
        ("- Tốc độ tăng trưởng toàn nền kinh tế bình quân 15-16%/ năm", TermKind.GROWTH),
        ("- Thu ngân sách tăng 10-15% /năm.", TermKind.GROWTH),
        ("- Cơ cấu kinh tế đến năm 2025 tỷ trọng ngành TM-DV chiếm 63%, CN-TTCN, XDCB 33%, NN 4%.", TermKind.SHARE),
        ("- Thu nhập bình quân đầu người đến 2025 đạt 85 triệu đồng/người/năm.", TermKind.LEVEL),
        ("Phấn đấu xây dựng phường không còn hộ nghèo.", TermKind.REDUCTION),
        ("Tỷ lệ trẻ em suy dinh dưỡng còn 4,5%", TermKind.REDUCTION),
        ("Lao động được đào tạo nghề trên 75%.", TermKind.LEVEL),
        ("- 100% cán bộ, công chức đạt chuẩn theo quy định.", TermKind.LEVEL),
        # Seed 000 footnote: a change without "/năm" is not taken for a yearly average.
        ("tăng 18-21%, chiếm 49,5%", TermKind.LEVEL),
        # Seed 001, A.II.3: relative to the yearly assignment, not a term figure.
        ("3. Tổng thu ngân sách nhà nước trên địa bàn (không tính tiền sử dụng đất): Phấn đấu đạt và vượt chỉ "
         "tiêu giao từ 5-10%.", TermKind.QUALITATIVE),
        ("Tổng thu ngân sách nhà nước giai đoạn 2016-2020 đạt 84,6 tỷ đồng", TermKind.CUMULATIVE),
    ],
)
def test_kind_inferred_from_the_parsed_target(line: str, kind: TermKind) -> None:
    assert review_module.infer_kind(parse_target(line)) is kind


# --- no input crashes the review -------------------------------------------------------------------

figures = st.one_of(
    st.just(D(0)),
    st.decimals(min_value=D("-50"), max_value=D("1e9"), places=2, allow_nan=False, allow_infinity=False),
)


@st.composite
def reviews_input(draw):
    base_year = draw(st.integers(2010, 2030))
    deadline = base_year + draw(st.integers(1, 8))
    years = draw(st.lists(st.integers(base_year, deadline), max_size=6, unique=True))
    values = {y: draw(figures) for y in years}
    base = draw(st.one_of(st.none(), figures))
    kind = draw(st.one_of(st.none(), st.sampled_from(list(TermKind))))
    direction = draw(st.sampled_from(list(Direction)))
    low = draw(figures)
    tkind = draw(st.sampled_from([TargetKind.EXACT, TargetKind.MIN, TargetKind.MAX, TargetKind.RANGE,
                                  TargetKind.CHANGE, TargetKind.QUALITATIVE, TargetKind.ASSIGNED]))
    target = Target(
        "chỉ tiêu thử", tkind, low=low, high=low + draw(st.integers(0, 5)), unit=draw(st.sampled_from([None, "%", "tấn"])),
        per_year=draw(st.booleans()), direction=direction, change_mode=draw(st.sampled_from([None, "percent", "absolute"])),
    )
    return target, TermSeries(base_year, base, values, deadline, kind=kind, direction=direction)


@settings(max_examples=300, deadline=None)
@given(reviews_input())
def test_any_series_gives_a_review_or_a_vietnamese_message(case) -> None:
    target, series = case
    try:
        r = review_target(target, series)
    except EvaluationError as exc:
        assert exc.message  # a clear message, never a bare traceback
        return
    assert r.outlook in Outlook
    assert summary_sentence([r]).startswith("Kết quả đánh giá 01 chỉ tiêu")
