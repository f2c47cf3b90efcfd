"""Growth, multiples, shares and the checks between them, on the seeds' own sentences.

Expected values are worked out by hand in the comments (natural logs to 6 places),
not taken from the code under test.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ktxh.core.errors import EvaluationError
from ktxh.core.growth import (
    average_change,
    average_growth,
    check_average_growth,
    check_growth_multiple,
    check_growth_rate,
    check_shares,
    check_sum,
    compound,
    growth_rate,
    half_unit,
    multiple,
    shares,
    years_for_multiple,
)
from ktxh.core.numbers import quantize

SEED_000_ECONOMY = "giá trị tăng trưởng bình quân 9,2%/năm\n, gấp 1,81 lần so với năm 2015"
SEED_000_SERVICES = "toàn ngành có sự tăng trưởng bình quân 12,45%, gấp 2,07 lần so với năm 2015; chiếm 51,87%"
SEED_000_INDUSTRY = "tăng trưởng bình quân 7,5%, gấp 1,54 lần so với năm 2015, chiếm 40,5%"
SEED_000_AGRICULTURE = "giá trị tăng bình quân là 1%/năm chiếm 7,6%"
SEED_000_BUDGET = "Tổng thu ngân sách Nhà nước trong 05 năm qua là: 84,6 tỷ đồng\n, tăng bình quân 35%/năm."
SEED_000_BUDGET_NOTE = "Năm 2016: 7,89 tỷ; 2017: 10,94 tỷ; 2018: 16,43 tỷ; 2019: 23,01 tỷ; 2020: 26,32 tỷ."
SEED_000_SPENDING = "Tổng chi ngân sách 64 tỷ đồng\n tăng bình quân 30%/năm"
SEED_000_SPENDING_NOTE = "Năm 2016: 6,53 tỷ; 2017: 7,12 tỷ; 2018: 9,99 tỷ; 2019: 22,15 tỷ; 2020: 88,8 tỷ."
SEED_000_INVESTMENT = (
    "Tổng vốn đầu tư xây dựng cơ sở hạ tầng trên địa bàn phường 05 năm ước đạt 36 tỷ đồng, trong đó nguồn "
    "ngân sách cấp trên hỗ trợ 22,4 tỷ đồng, nguồn ngân sách phường 8,6 tỷ đồng, nguồn huy động từ nhân dân "
    "và cộng đồng doanh nghiệp 5 tỷ đồng."
)
SEED_000_FARM_WORKS = "tổng mức đầu tư: 5,169 tỷ đồng, Trong đó: GTNĐ: 2,678tỷ đồng\n; Kiên cố hóa kênh mương: 2,49tỷ đồng"
SEED_002_GRAIN_2021 = "Tổng sản lượng lương thực cây có hạt năm 2021 đạt: 6.031/5.926 tấn bằng 101,7% kế hoạch thành phố giao, tăng 8,6% so với năm 2020."
SEED_002_GRAIN_2023 = "Tổng sản lượng lương thực cây có hạt năm 2023 ước đạt 5.814,7 tấn đạt 100,1% kế hoạch, tăng 4,7% so với năm 2020 (5551,1 tấn)"


def seed_text(prefix: str) -> str:
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[1] / "reader" / "seeds"  # verbatim copies of ../shared/seeds
    return next(seeds.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("prefix", "quote"),
    [
        ("000", SEED_000_ECONOMY), ("000", SEED_000_SERVICES), ("000", SEED_000_INDUSTRY),
        ("000", SEED_000_AGRICULTURE), ("000", SEED_000_BUDGET), ("000", SEED_000_BUDGET_NOTE),
        ("000", SEED_000_SPENDING), ("000", SEED_000_SPENDING_NOTE), ("000", SEED_000_INVESTMENT),
        ("000", SEED_000_FARM_WORKS), ("002", SEED_002_GRAIN_2021), ("002", SEED_002_GRAIN_2023),
    ],
)
def test_quotes_are_verbatim(prefix: str, quote: str) -> None:
    assert quote in seed_text(prefix)


# --- growth on the same period --------------------------------------------------------------


def test_growth_on_same_period_seed_002() -> None:
    # SEED_002_GRAIN_2021: 6031 / 5551,1 = 1,086451 → 8,6451% → "8,6%"
    assert quantize(growth_rate(D("6031"), D("5551.1")), 3) == D("8.645")
    # SEED_002_GRAIN_2023: 5814,7 / 5551,1 = 1,047486 → 4,7486% → "4,7%"
    assert quantize(growth_rate(D("5814.7"), D("5551.1")), 3) == D("4.749")
    assert check_growth_rate(D("5551.1"), D("6031"), D("8.6")).consistent
    assert check_growth_rate(D("5551.1"), D("5814.7"), D("4.7")).consistent


def test_growth_on_same_period_flags_a_wrong_rate() -> None:
    # 4,9% would need 5551,1 × 1,049 = 5823,1 tấn, and 5814,7 is far outside its rounding.
    check = check_growth_rate(D("5551.1"), D("5814.7"), D("4.9"))
    assert not check.consistent
    assert check.message == "Không khớp: tốc độ tăng so với cùng kỳ tính ra 4,7%, báo cáo ghi 4,9%."


def test_falling_figure_gives_negative_growth() -> None:
    # Seed 002: 2022 5.933,3 tấn after 2021's 6.031 tấn: 5933,3 / 6031 − 1 = −1,6200%
    assert quantize(growth_rate(D("5933.3"), D("6031")), 2) == D("-1.62")


# --- average growth, multiples, years -----------------------------------------------------------


def test_average_growth_of_budget_seed_000() -> None:
    # SEED_000_BUDGET_NOTE: 26,32 / 7,89 = 3,335868; four steps 2016→2020;
    # 3,335868^(1/4) = e^(1,204730/4) = e^0,301182 = 1,351457 → 35,15%/năm ("35%/năm").
    assert quantize(average_growth(D("7.89"), D("26.32"), 4), 2) == D("35.15")
    assert quantize(multiple(D("7.89"), D("26.32")), 4) == D("3.3359")
    check = check_average_growth(D("7.89"), D("26.32"), 4, D("35"))
    assert check.consistent
    assert check.message == "Khớp: tăng bình quân tính ra 35,1%, báo cáo ghi 35%."


def test_average_growth_of_spending_seed_000_does_not_match() -> None:
    # SEED_000_SPENDING_NOTE: 88,8 / 6,53 = 13,598775; ^(1/4) = 1,920322 → 92,0%/năm, not "30%/năm".
    check = check_average_growth(D("6.53"), D("88.8"), 4, D("30"))
    assert quantize(check.computed, 1) == D("92.0")
    assert not check.consistent


def test_compound_and_average_change() -> None:
    # Seed 000 plan 2021-2026: thu ngân sách 2020 26,32 tỷ, "tăng 10-15% /năm":
    # 26,32 × 1,1^5 = 26,32 × 1,61051 = 42,388623 tỷ by 2025.
    assert quantize(compound(D("26.32"), D("10"), 5), 4) == D("42.3886")
    # "không còn hộ nghèo" from 0,75% (2020) over five years: (0 − 0,75) / 5 = −0,15 điểm/năm.
    assert average_change(D("0.75"), D("0"), 5) == D("-0.15")


def test_years_for_multiple() -> None:
    # SEED_000_INDUSTRY: n = ln 1,54 / ln 1,075 = 0,431782 / 0,072321 = 5,9704
    assert quantize(years_for_multiple(D("7.5"), D("1.54")), 3) == D("5.970")
    # A fall: 0,5 = 0,8^n → n = ln 0,5 / ln 0,8 = −0,693147 / −0,223144 = 3,1063
    assert quantize(years_for_multiple(D("-20"), D("0.5")), 3) == D("3.106")


def test_check_economy_seed_000_is_not_five_years() -> None:
    # SEED_000_ECONOMY: n = ln 1,81 / ln 1,092 = 0,593327 / 0,088011 = 6,7415 năm.
    # Rounding: rate in [9,15; 9,25], multiple in [1,805; 1,815]:
    #   n_low  = ln 1,805 / ln 1,0925 = 0,590561 / 0,088470 = 6,6754
    #   n_high = ln 1,815 / ln 1,0915 = 0,596085 / 0,087552 = 6,8083
    # Over the 5 years 2016–2020: 1,092^5 = 1,5528 (within rounding 1,5492…1,5563), far from 1,81;
    # 1,81 in five years needs 1,81^(1/5) − 1 = 12,60%/năm.
    c = check_growth_multiple(D("9.2"), D("1.81"), years=5)
    assert quantize(c.years, 3) == D("6.742")
    assert quantize(c.years_low, 3) == D("6.675")
    assert quantize(c.years_high, 3) == D("6.808")
    assert quantize(c.implied_multiple, 4) == D("1.5528")
    assert quantize(c.implied_rate, 2) == D("12.60")
    assert c.consistent is False
    assert c.message == (
        "Không khớp: tăng bình quân 9,2%/năm trong 5 năm thì gấp 1,55 lần, không phải 1,81 lần; "
        "gấp 1,81 lần ứng với 6,74 năm, hoặc với mức tăng bình quân 12,6%/năm trong 5 năm."
    )
    # Not six years either (2015→2021): 1,092^6 = 1,6956.
    assert check_growth_multiple(D("9.2"), D("1.81"), years=6).consistent is False


def test_check_services_seed_000() -> None:
    # SEED_000_SERVICES: n = ln 2,07 / ln 1,1245 = 0,727549 / 0,117338 = 6,2004 năm;
    # bounds ln 2,065 / ln 1,12455 = 6,1775 and ln 2,075 / ln 1,12445 = 6,2233.
    # 1,1245^5 = 1,7980; 1,1245^6 = 2,0219 (bounds 2,0213…2,0224), short of [2,065; 2,075].
    c = check_growth_multiple(D("12.45"), D("2.07"))
    assert quantize(c.years, 3) == D("6.200")
    assert (quantize(c.years_low, 3), quantize(c.years_high, 3)) == (D("6.177"), D("6.223"))
    assert c.consistent is None
    assert c.message == (
        "Tăng bình quân 12,45%/năm và gấp 2,07 lần ứng với 6,20 năm "
        "(từ 6,18 đến 6,22 năm, theo độ làm tròn của số liệu)."
    )
    assert check_growth_multiple(D("12.45"), D("2.07"), years=5).consistent is False
    assert check_growth_multiple(D("12.45"), D("2.07"), years=6).consistent is False


def test_check_industry_seed_000_fits_six_years() -> None:
    # SEED_000_INDUSTRY: n = 5,9704; bounds ln 1,535 / ln 1,0755 = 5,8876, ln 1,545 / ln 1,0745 = 6,0542.
    # Six years: 1,075^6 = 1,5433, bounds 1,0745^6 = 1,5390 and 1,0755^6 = 1,5476 meet [1,535; 1,545].
    five = check_growth_multiple(D("7.5"), D("1.54"), years=5)
    six = check_growth_multiple(D("7.5"), D("1.54"), years=6)
    assert (quantize(five.years_low, 3), quantize(five.years_high, 3)) == (D("5.888"), D("6.054"))
    assert five.consistent is False  # 1,075^5 = 1,4356
    assert six.consistent is True
    assert six.message == (
        "Khớp: tăng bình quân 7,5%/năm trong 6 năm thì gấp 1,54 lần, đúng với \u201cgấp 1,54 lần\u201d "
        "(số năm tính ra: 5,97)."
    )


# --- shares and sums --------------------------------------------------------------------------------


def test_shares_seed_000_add_up_within_rounding() -> None:
    # 51,87 + 40,5 + 7,6 = 99,97; tolerance 0,005 + 0,05 + 0,05 = 0,105 ≥ |−0,03|.
    c = check_shares([D("51.87"), D("40.5"), D("7.6")])
    assert (c.computed, c.difference, c.tolerance, c.consistent) == (D("99.97"), D("-0.03"), D("0.105"), True)
    assert c.message == (
        "Khớp: 51,87 + 40,5 + 7,6 = 99,97, so với 100 lệch -0,03 (sai số làm tròn cho phép 0,105)."
    )


def test_shares_plan_2025_seed_000() -> None:
    # "tỷ trọng ngành TM-DV chiếm 63%, CN-TTCN, XDCB 33%, NN 4%": 63 + 33 + 4 = 100.
    assert check_shares([D(63), D(33), D(4)]).consistent


def test_shares_off_by_more_than_rounding() -> None:
    # 51,87 + 40,5 + 6,6 = 98,97: off by 1,03 > 0,105.
    assert not check_shares([D("51.87"), D("40.5"), D("6.6")]).consistent


def test_shares_of_parts() -> None:
    # Seed 000 investment: 22,4 / 36 = 62,22%; 8,6 / 36 = 23,89%; 5 / 36 = 13,89%.
    got = [quantize(s, 2) for s in shares([D("22.4"), D("8.6"), D("5")])]
    assert got == [D("62.22"), D("23.89"), D("13.89")]


def test_sums_seed_000() -> None:
    # SEED_000_INVESTMENT: 22,4 + 8,6 + 5 = 36,0 = 36.
    assert check_sum([D("22.4"), D("8.6"), D("5")], D("36")).consistent
    # SEED_000_FARM_WORKS: 2,678 + 2,49 = 5,168 vs 5,169: 0,001 ≤ 0,0005 + 0,005 + 0,0005.
    farm = check_sum([D("2.678"), D("2.49")], D("5.169"))
    assert (farm.difference, farm.tolerance, farm.consistent) == (D("-0.001"), D("0.0060"), True)
    # SEED_000_BUDGET vs its footnote: 7,89 + 10,94 + 16,43 + 23,01 + 26,32 = 84,59 ≈ 84,6.
    assert check_sum([D("7.89"), D("10.94"), D("16.43"), D("23.01"), D("26.32")], D("84.6")).consistent
    # SEED_000_SPENDING vs its footnote: 6,53 + 7,12 + 9,99 + 22,15 + 88,8 = 134,59, not 64.
    spending = check_sum([D("6.53"), D("7.12"), D("9.99"), D("22.15"), D("88.8")], D("64"))
    assert (spending.computed, spending.consistent) == (D("134.59"), False)


def test_half_unit() -> None:
    assert half_unit(D("51.87")) == D("0.005")
    assert half_unit(D("40.5")) == D("0.05")
    assert half_unit(D("64")) == D("0.5")
    assert half_unit(7) == D("0.5")


# --- impossible input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: growth_rate(D(5), D(0)), "Giá trị kỳ trước bằng 0: không tính được tốc độ tăng so với số 0."),
        (lambda: average_growth(D(0), D(5), 5), "Giá trị năm gốc bằng 0: không tính được tốc độ tăng so với số 0."),
        (lambda: average_growth(D(1), D(5), -3), "Số năm phải lớn hơn 0, nhận được \u201c-3\u201d."),
        (lambda: average_growth(D(1), D(5), 0), "Số năm phải lớn hơn 0, nhận được \u201c0\u201d."),
        (lambda: average_growth(D(-2), D(5), 2), "Giá trị năm gốc âm (\u201c-2\u201d): không tính được tốc độ tăng."),
        (lambda: average_growth(D(2), D(-5), 2), "Giá trị cuối kỳ âm (\u201c-5\u201d): không tính được tăng bình quân."),
        (lambda: compound(D(2), D(5), -1), "Số năm không được âm, nhận được \u201c-1\u201d."),
        (lambda: compound(D(2), D(-100), 1), "Tốc độ \u201c-100%\u201d không hợp lệ: giảm từ 100% trở lên."),
        (lambda: years_for_multiple(D(0), D(2)),
         "Tốc độ tăng bằng 0% thì không thể gấp lên hay giảm đi: không tính được số năm."),
        (lambda: multiple(D(0), D(2)), "Giá trị năm gốc bằng 0: không tính được tốc độ tăng so với số 0."),
        (lambda: shares([D(0), D(0)]), "Tổng các thành phần bằng 0: không tính được tỷ trọng."),
        (lambda: check_growth_multiple(D("9.2"), D("1.81"), years=0), "Số năm phải lớn hơn 0, nhận được \u201c0\u201d."),
        (lambda: average_growth(D("NaN"), D(1), 1), "Giá trị năm gốc không phải là số hữu hạn: \u201cNaN\u201d."),
    ],
)
def test_impossible_input_gets_a_vietnamese_error(call, message: str) -> None:
    with pytest.raises(EvaluationError) as info:
        call()
    assert info.value.message == message


def test_fall_to_zero_is_minus_hundred() -> None:
    assert average_growth(D("0.75"), D(0), 5) == D(-100)


# --- properties --------------------------------------------------------------------------------------

starts = st.decimals(min_value=D("0.01"), max_value=D("1000000"), places=2)
yearly_rates = st.lists(st.decimals(min_value=D("-30"), max_value=D("60"), places=2), min_size=1, max_size=12)


def _close(a: D, b: D, rel: D = D("1e-20")) -> bool:
    return abs(a - b) <= rel * max(abs(a), abs(b), D(1))


@given(starts, yearly_rates)
def test_average_growth_of_a_series_reproduces_its_end(start: D, rates: list[D]) -> None:
    end = start
    for r in rates:
        end = end * (1 + r / 100)
    avg = average_growth(start, end, len(rates))
    assert _close(compound(start, avg, len(rates)), end)


@given(starts, st.decimals(min_value=D("-50"), max_value=D("100"), places=3), st.integers(1, 30))
def test_compound_and_average_growth_invert(start: D, rate: D, years: int) -> None:
    assert _close(average_growth(start, compound(start, rate, years), years), rate, D("1e-18"))


@given(starts, st.decimals(min_value=D("-50"), max_value=D("100"), places=2))
def test_growth_rate_inverts(previous: D, rate: D) -> None:
    current = previous * (1 + rate / 100)
    assert _close(growth_rate(current, previous), rate)


@given(
    st.decimals(min_value=D("0.5"), max_value=D("40"), places=4),
    st.integers(1, 15),
    st.integers(0, 2),
    st.integers(1, 3),
)
def test_rounded_true_figures_always_pass_the_check(rate: D, years: int, rate_places: int, mult_places: int) -> None:
    # A true series, reported with its rate and multiple rounded as people round them, must pass.
    true_multiple = (1 + rate / 100) ** years
    stated_rate = quantize(rate, rate_places)
    stated_multiple = quantize(true_multiple, mult_places)
    if stated_rate == 0 or stated_multiple <= 0:
        return
    c = check_growth_multiple(stated_rate, stated_multiple, years=years)
    assert c.consistent, c.message
    assert c.years_low <= years <= c.years_high


@given(st.lists(st.decimals(min_value=D("0.01"), max_value=D("1e9"), places=2), min_size=1, max_size=8),
       st.integers(0, 3))
def test_rounded_shares_always_add_up(parts: list[D], places: int) -> None:
    rounded = [quantize(s, places) for s in shares(parts)]
    assert check_shares(rounded).consistent
    assert _close(sum(shares(parts), D(0)), D(100))
