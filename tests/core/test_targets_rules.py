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
