"""Display decimals (issue 16): a stored figure is shown with its indicator's decimals, and a % stated
beside figures recomputes from the figures as shown.

Seed 002 states "Thu ngân sách phường: 10.206.407.858/10.038.458.242đ đạt 101,67%"; the import stores it
exactly in the indicator's unit (10.206,407858 triệu đồng), the report shows "10.206/10.038 triệu đồng,
bằng 101,67% kế hoạch" — and a reader dividing 10.206 by 10.038 gets 101,67% too.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ktxh.core.numbers import consistent_decimals, figure_decimals, format_figure, quantize

D = Decimal


def percent(a: Decimal, b: Decimal) -> Decimal:
    return quantize(a / b * 100, 2)


def test_seed_002_budget_in_trieu_dong_shows_whole_millions() -> None:
    actual, plan = D("10206.407858"), D("10038.458242")
    d = consistent_decimals(0, [(actual, plan)])
    assert (format_figure(actual, d), format_figure(plan, d, "triệu đồng")) == ("10.206", "10.038 triệu đồng")
    assert percent(quantize(actual, d), quantize(plan, d)) == percent(actual, plan) == D("101.67")


def test_a_figure_never_gains_decimals_it_does_not_have() -> None:
    assert format_figure(D("6031.000000"), 1, "tấn") == "6.031 tấn"
    assert format_figure(D("5933.3"), 1, "tấn") == "5.933,3 tấn"
    assert format_figure(D("0.42"), 2, "%") == "0,42%"


def test_more_decimals_only_where_rounding_would_change_the_stated_percent() -> None:
    # 100,5/100 = 100,50%; shown as 101/100 a reader gets 101,00%.
    assert consistent_decimals(0, [(D("100.5"), D("100"))]) == 1
    # Growth against last year is a ratio too (Lương Sơn 2021 → 2022 budget, in triệu đồng).
    growth = (D("5514.602916"), D("3182.308468"))
    d = consistent_decimals(0, [growth])
    assert percent(quantize(growth[0], d), quantize(growth[1], d)) == percent(*growth)


def test_no_indicator_decimals_keeps_the_figures_as_stored() -> None:
    assert consistent_decimals(None, [(D("1.5"), D("3"))]) is None
    assert figure_decimals(D("5933.35"), None) == 2


figures = st.decimals(min_value=D("0.000001"), max_value=D("10") ** 12, places=6, allow_nan=False, allow_infinity=False)


@given(figures, figures, figures, st.integers(min_value=0, max_value=3))
def test_every_stated_percent_recomputes_from_the_shown_figures(actual, plan, previous, decimals) -> None:
    ratios = [(actual, plan), (actual, previous)]
    d = consistent_decimals(decimals, ratios)
    assert decimals <= d <= 6
    for a, b in ratios:
        shown_a = quantize(a, figure_decimals(a, d))
        shown_b = quantize(b, figure_decimals(b, d))
        if shown_b:
            assert percent(shown_a, shown_b) == percent(a, b), (a, b, d)
