"""The rules between figures and the jump warning (tracking.validation; its docstring examples run with --doctest-modules), without a database."""

from decimal import Decimal as D

from ktxh.web.data.tracking.validation import Figure, check


def test_a_share_above_100_percent_is_an_error():
    [p] = check([Figure(1, "Tỷ lệ hộ nghèo", "%", D("104.5"))])
    assert p.blocking and p.message == "“Tỷ lệ hộ nghèo”: tỷ lệ 104,5% vượt quá 100%."


def test_a_growth_rate_may_pass_100_percent():
    assert check([Figure(1, "Tốc độ tăng trưởng giá trị sản xuất", "%", D("120"))]) == []


def test_share_of_exactly_100_is_fine():
    assert check([Figure(1, "Tỷ lệ thu gom rác thải", "%", D("100"))]) == []


def test_poor_households_above_all_households():
    poor = Figure(1, "Số hộ nghèo", "hộ", D(1250))
    households = Figure(2, "Tổng số hộ dân cư", "hộ", D(1200))
    [p] = check([poor, households])
    assert p.key == 1 and p.blocking
    assert p.message == "“Số hộ nghèo” = 1.250 hộ lớn hơn “Tổng số hộ dân cư” = 1.200 hộ: phần không thể lớn hơn tổng."


def test_whole_typed_below_a_stored_part_is_flagged_on_the_whole():
    stored = [Figure(1, "Số hộ nghèo", "hộ", D(40))]
    [p] = check([Figure(2, "Tổng số hộ", "hộ", D(30))], stored)
    assert p.key == 2


def test_parts_from_the_catalogue_numerator_and_denominator():
    a, b = Figure(5, "Lao động qua đào tạo", "người", D(900)), Figure(6, "Lao động", "người", D(800))
    assert [p.key for p in check([a, b], pairs=[(5, 6)])] == [5]
    assert check([a, b]) == []  # no name rule links these two


def test_different_units_are_not_compared():
    assert check([Figure(1, "Số hộ nghèo", "hộ", D(50)), Figure(2, "Tổng số hộ", "nghìn hộ", D(2))]) == []


def test_ten_times_last_year_is_a_warning():
    [p] = check([Figure(1, "Tổng sản lượng lương thực", "tấn", D(60310), D(6031), "Năm 2022")])
    assert not p.blocking
    assert p.message == ("“Tổng sản lượng lương thực” = 60.310 tấn gấp 10,0 lần số liệu Năm 2022 (6.031 tấn). "
                         "Hãy kiểm tra lại, hoặc xác nhận số liệu kèm lý do.")


def test_a_tenth_of_last_year_is_a_warning():
    [p] = check([Figure(1, "Thu ngân sách", "triệu đồng", D("503.1"), D(5031), "Năm 2022")])
    assert "chỉ bằng 10,0% số liệu Năm 2022" in p.message


def test_ordinary_change_passes():
    assert check([Figure(1, "Tổng sản lượng lương thực", "tấn", D(6031), D(5926), "Năm 2021")]) == []


def test_no_history_zero_or_sign_change_gives_no_jump():
    assert check([Figure(1, "Thu ngân sách", "triệu đồng", D(5000))]) == []
    assert check([Figure(1, "Thu ngân sách", "triệu đồng", D(5000), D(0), "Năm 2022")]) == []
    assert check([Figure(1, "Tăng dân số", "người", D(-50), D(3), "Năm 2022")]) == []
