"""The target lines of issue 15, each a named rule of ``parse_target``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ktxh.core.errors import TargetError
from ktxh.core.targets import parse_target, states_a_target


@pytest.mark.parametrize("text", [
    "(7) Duy trì xã đạt chuẩn quốc gia về y tế.",
    "(11) Duy trì xã đạt chuẩn quốc gia về y tế.",  # Sơn Lang's list, kbang.gialai.gov.vn
    "7) Duy trì xã đạt chuẩn quốc gia về y tế",
    "a) Duy trì xã đạt chuẩn quốc gia về y tế",
])
def test_numbering_is_never_a_figure(text: str) -> None:
    t = parse_target(text)
    assert t.kind.value == "qualitative" and t.low is None and t.qualitative == "duy trì"


def test_numbering_before_a_figure_keeps_the_figure() -> None:
    t = parse_target("(8) Tỷ lệ người dân tham gia bảo hiểm y tế hàng năm: từ 90% trở lên.")
    assert (t.kind.value, t.low, t.unit, t.per_year) == ("min", Decimal(90), "%", True)


def test_from_a_base_down_to_a_level() -> None:
    t = parse_target("giảm số hộ nghèo từ 45 hộ xuống còn 38 hộ")
    assert (t.kind.value, t.high, t.low, t.unit, t.base, t.direction.value) == ("max", Decimal(38), None, "hộ", "45 hộ", "down")
    # Ngũ Hiệp (noidung.quochoi.vn, 2009): "giảm số hộ nghèo từ 28 hộ xuống còn 23 hộ"
    assert parse_target("giảm số hộ nghèo từ 28 hộ xuống còn 23 hộ").high == Decimal(23)


def test_from_a_base_up_to_a_level() -> None:
    t = parse_target("Nâng tỷ lệ hộ dùng nước sạch từ 84% lên 90%")
    assert (t.kind.value, t.low, t.base) == ("min", Decimal(90), "84%")


def test_a_fall_of_at_least_so_much_a_year() -> None:
    t = parse_target("Tỷ lệ hộ nghèo các xã đặc biệt khó khăn giảm từ 4% trở lên/năm")
    assert (t.kind.value, t.low, t.high, t.per_year, t.direction.value, t.change_mode) == (
        "change", Decimal(4), None, True, "down", "absolute")


def test_a_count_of_units_is_the_scope_not_the_target() -> None:
    t = parse_target("3/9 thôn đặc biệt khó khăn có tỷ lệ hộ nghèo còn dưới 30%")
    assert (t.kind.value, t.high, t.unit, t.high_strict) == ("max", Decimal(30), "%", True)
    assert [(p.low, p.unit) for p in t.parts] == [(Decimal(3), "thôn")]


def test_a_minimum_on_a_growth_rate() -> None:
    t = parse_target("Tốc độ tăng trưởng kinh tế đạt từ 8,5% trở lên")
    assert (t.kind.value, t.low, t.high, t.change_mode, t.direction.value) == ("change", Decimal("8.5"), None, "percent", "up")


@pytest.mark.parametrize("text", ["12345678901234567890", "Sản lượng 12.345.678.901.234.567.890 tấn"])
def test_a_twenty_digit_number_is_a_clear_error(text: str) -> None:
    with pytest.raises(TargetError) as exc:
        parse_target(text)
    assert "chữ số" in exc.value.message and "quá lớn" in exc.value.message


def test_a_line_with_no_target_at_all() -> None:
    assert not states_a_target(parse_target("abc xyz"))
    assert states_a_target(parse_target("Duy trì xã đạt chuẩn quốc gia về y tế"))
    assert states_a_target(parse_target("Tỷ lệ hộ nghèo: dưới 2%"))


# --- the misreads measured in the last session (issue 15), each a named rule --------------------------
# Quotes: tests/corpus/plans (phu-tho-2023.txt, tam-phuoc-2022.txt, sources in truth.json) and seed 004's
# Biểu số 02 (tests/reader/seeds).


def test_rule_thousand_billion_dong_is_one_amount() -> None:
    # phu-tho-2023.txt: "Tổng vốn đầu tư trên địa bàn đạt 43,5 nghìn tỷ đồng trở lên."
    t = parse_target("Tổng vốn đầu tư trên địa bàn đạt 43,5 nghìn tỷ đồng trở lên")
    assert (t.kind.value, t.low, t.high, t.unit) == ("min", Decimal(43500), None, "tỷ đồng")
    t = parse_target("Tổng thu ngân sách đạt 2 nghìn tỷ đồng")
    assert (t.kind.value, t.low, t.unit) == ("exact", Decimal(2000), "tỷ đồng")


def test_rule_a_minimum_on_a_decrease() -> None:
    # phu-tho-2023.txt: "Tỷ lệ hộ nghèo giảm từ 0,5% trở lên." (points of the rate, at least 0,5)
    t = parse_target("Tỷ lệ hộ nghèo giảm từ 0,5% trở lên")
    assert (t.kind.value, t.low, t.high, t.direction.value, t.change_mode) == (
        "change", Decimal("0.5"), None, "down", "absolute")


@pytest.mark.parametrize("text", [
    "Tổng thu ngân sách trên địa bàn đạt 100% chỉ tiêu trở lên",  # tam-phuoc-2022.txt
    "Thu ngân sách đạt 100% kế hoạch trở lên",
    "Thu ngân sách đạt 100% chỉ tiêu được giao trở lên",
])
def test_rule_percent_of_plan_or_more(text: str) -> None:
    t = parse_target(text)
    assert (t.kind.value, t.low, t.high, t.unit) == ("min", Decimal(100), None, "%")


def test_percent_of_plan_without_or_more_stays_exact() -> None:
    # son-lang-2020-2025.txt: "(15) Tuyển chọn, gọi công dân nhập ngũ hàng năm đạt 100% chỉ tiêu."
    t = parse_target("(15) Tuyển chọn, gọi công dân nhập ngũ hàng năm đạt 100% chỉ tiêu.")
    assert (t.kind.value, t.low, t.high) == ("exact", Decimal(100), Decimal(100))


def test_table_02_growth_row_is_a_range_on_the_growth_rate() -> None:
    # seed 004, Biểu số 02: "Tốc độ phát triển GTSX | % | 14,5 – 16,5". Read as a change in percent with
    # no base: the evaluator then judges the reported growth rate itself against 14,5 – 16,5.
    from ktxh.core.evaluate import evaluate

    t = parse_target("14,5 – 16,5", label="Tốc độ phát triển GTSX", unit="%")
    assert (t.kind.value, t.low, t.high, t.change_mode, t.base) == ("change", Decimal("14.5"), Decimal("16.5"), "percent", None)
    assert evaluate(t, "15").status.value == "dat"
    assert evaluate(t, "12").status.value != "dat"


def test_a_rate_with_a_dot_decimal() -> None:
    # seed 004, Biểu số 02: "- Mức giảm tỷ lệ sinh | ‰ | 0.03"; and the rate itself
    assert parse_target("0.03", label="Tỷ suất sinh thô").low == Decimal("0.03")
    t = parse_target("0.03", label="- Mức giảm tỷ lệ sinh", unit="‰")
    assert (t.kind.value, t.low, t.unit, t.direction.value) == ("change", Decimal("0.03"), "‰", "down")
    t = parse_target("Tỷ suất sinh thô 0.03")
    assert (t.kind.value, t.low, t.high) == ("exact", Decimal("0.03"), Decimal("0.03"))


def test_an_exact_count() -> None:
    t = parse_target("5", label="Số hộ nghèo", unit="Hộ")
    assert (t.kind.value, t.low, t.high, t.unit) == ("exact", Decimal(5), Decimal(5), "hộ")
    t = parse_target("Số hộ nghèo 5 hộ")
    assert (t.kind.value, t.low, t.high, t.unit) == ("exact", Decimal(5), Decimal(5), "hộ")


def test_rule_population_is_not_a_document_number() -> None:
    # "số 12" is a number's name, "dân số 42%" is not: tests/corpus/plans (truth.json, corrected by hand)
    t = parse_target("Tỷ lệ người tập luyện TDTT thường xuyên so với dân số 42%")
    assert (t.kind.value, t.low, t.high, t.unit) == ("exact", Decimal(42), Decimal(42), "%")


def test_rule_a_change_per_year_after_a_colon() -> None:
    # tests/corpus/plans: "Tỷ lệ hộ nghèo người đồng bào DTTS giảm bình quân/năm: trên 10%"
    t = parse_target("Tỷ lệ hộ nghèo người đồng bào DTTS giảm bình quân/năm: trên 10%")
    assert (t.kind.value, t.low, t.direction.value, t.per_year) == ("change", Decimal(10), "down", True)
