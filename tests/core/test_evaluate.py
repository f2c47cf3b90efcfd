"""The evaluator on targets quoted verbatim from the seeds.

Every target below is a line of ../shared/seeds as written (seed 001 A.II, seed 003 VII.1,
seed 000 Phần thứ hai II, seed 004 Biểu số 02). Expected % of plan is worked out by hand in
the comments: actual / plan × 100 when higher is better, plan / actual × 100 when lower is
better, rounded half up to 2 places. Where the seeds report a figure against its plan
(seed 003: "261/200 đạt 130,5%", "88%/85% (đạt 103,53% so với chỉ tiêu)"), that figure is
asserted as they print it.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from ktxh.core.errors import EvaluationError, KtxhError
from ktxh.core.evaluate import evaluate, summarize, summary_sentence
from ktxh.core.model import Direction, Status, TargetKind
from ktxh.core.numbers import quantize
from ktxh.core.targets import parse_target

# Seed 001, A.II.
S001_GROWTH = "1. Tốc độ tăng giá trị sản xuất các ngành kinh tế bình quân so với năm 2021: 14 – 15%/ năm."
S001_BUDGET = (
    "3. Tổng thu ngân sách nhà nước trên địa bàn (không tính tiền sử dụng đất): "
    "Phấn đấu đạt và vượt chỉ tiêu giao từ 5-10%."
)
S001_INCOME = "4. Thu nhập bình quân đầu người: 60-61 triệu đồng"
S001_INVESTMENT = "5. Tổng vốn đầu tư toàn xã hội: 40-45 tỷ đồng"
S001_POVERTY = "10. Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%."
S001_INSURANCE = "11.Tỷ lệ người tham gia bảo hiểm y tế: > 99%."
S001_WASTE = "13. Tỷ lệ thu gom và vận chuyển rác thải rắn sinh hoạt: 100%"

# Seed 003, VII.1 (the 2024 plan), all 22 lines the summary test needs.
S003 = {
    1: "1. Tập trung phát triển thương mại - dịch vụ tăng 2,5% hộ kinh doanh/năm.",
    2: "2. Thu cân đối theo chỉ tiêu huyện giao là 428.000.000 đồng",
    3: "3. Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm.",
    4: "4. Chuyên đổi cây trồng trên diện tích kém hiệu quả: 55 ha.",
    5: "5. Hộ sử dụng điện kế đạt 99,64%.",
    6: "6. Hộ sử dụng thủy kế đạt 100%.",
    7: "7. Không để dịch bệnh gia súc, gia cầm.",
    8: "8. Vận động người dân tham gia BHYT đạt 93%.",
    9: "9. Tiếp tục duy trì thực hiện 10 chuẩn Y tế quốc gia. Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%; "
    "Giảm tỷ lệ suy dinh dưỡng thể Cân nặng 8,19%.",
    10: "10. Huy động học sinh ra lớp đúng độ tuổi: Mẫu giáo 05 tuổi đạt 100%/năm; Tiểu học đạt 100%/năm; "
    "Trung học cơ sở đạt 97-98%/năm.",
    11: "11. Tỷ lệ học sinh bỏ học giữa chừng giảm: Tiểu học dưới 01% năm học; Trung học cơ sở dưới 02%/năm học.",
    12: "12. Giữ vững chuẩn chống mù chữ, phổ cập mẫu giáo 05 tuổi, phổ cập tiểu học đúng độ tuổi, "
    "Trung học cơ sở và tiến tới phổ cập Trung học phổ thông.",
    13: "13. Giới thiệu việc làm mới bình quân 200 lao động/năm. Tỷ lệ người trong độ tuổi lao động có việc làm "
    "thường xuyên đạt 92%. Tỷ lệ lao động qua đào tạo đạt trên 70%.",
    14: "14. Giảm 01 hộ nghèo và 01 hộ cận nghèo theo chuẩn mới.",
    15: "15. Xuất khẩu lao động: 02 lao động.",
    16: "16. Tỷ lệ nợ quá hạn từ nguồn vốn vay từ Ngân hàng Chính sách xã hội cuối năm dưới 02%.",
    17: "17. Vận động quỹ khuyến học hàng năm 130 triệu đồng.",
    18: "18. Duy trì và nâng chất GDVH đã đạt, cơ quan, đơn vị văn hóa đạt 100%. Giữ vững 3/3 nhóm đạt chuẩn nhóm văn hoá.",
    19: "19. Đẩy mạnh công tác cải cách thủ tục hành chính, thực hiện đúng phương châm “thân thiện, trách nhiệm, đúng hẹn”.",
    20: "20. Đảm bảo công tác hòa giải cơ sở (không để đơn tồn đọng).",
    21: "21. Giao quân đạt chỉ tiêu thị xã giao.",
    22: "22. Thực hiện tốt phong trào bảo vệ an ninh tổ quốc.",
}

# Seed 000, Phần thứ hai, II.
S000_BUDGET = "- Thu ngân sách tăng 10-15% /năm."
S000_CULTURE = (
    "- Hàng năm có từ 92% gia đình, 75% khối phố, 90% tộc họ đạt chuẩn văn hóa; phấn đấu xây dựng từ 01-02 "
    "tuyến phố đạt tuyến phố văn minh đô thị, cơ quan đạt cơ quan văn hóa, phường đạt phường văn minh đô thị. "
)
S000_POVERTY = (
    "- Phấn đấu xây dựng phường không còn hộ nghèo. Tỷ lệ lao động phi nông nghiệp đạt 90%. "
    "Lao động được đào tạo nghề trên 75%."
)
S000_HEALTH = (
    "- Duy trì tỷ suất sinh thô 9,1%o/năm. Tỷ lệ trẻ em suy dinh dưỡng còn 4,5%, tỷ lệ sinh con 3 trở lên "
    "thấp hơn chỉ tiêu trên giao hàng năm. Trạm y tế đạt chuẩn quốc gia về y tế."
)

# Seed 004, Biểu số 02: (Danh mục, ĐVT, Chỉ tiêu).
S004_MALNUTRITION = ("- Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng (thể nhẹ cân)", "%", "7.1")
S004_PRESCHOOL = ("- Phổ cập mầm non cho trẻ 5 tuổi", "", "đạt")


def status_of(text: str, actual, **kw) -> tuple[str, D | None]:
    e = evaluate(parse_target(text), actual, **kw)
    return e.status.value, e.percent_of_plan


# --- higher is better -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "status", "percent"),
    [
        ("95", "vuot", D("102.15")),  # 95 / 93
        ("93", "dat", D("100.00")),
        ("93%", "dat", D("100.00")),
        ("88", "co_ban_dat", D("94.62")),  # 88 / 93 = 94,62 ≥ 90
        ("85", "co_ban_dat", D("91.40")),
        ("80", "khong_dat", D("86.02")),  # 80 / 93 < 90
    ],
)
def test_exact_target_higher_is_better(actual: str, status: str, percent: D) -> None:
    assert parse_target(S003[8]).kind is TargetKind.EXACT
    assert status_of(S003[8], actual) == (status, percent)


def test_seed_003_reported_ratios() -> None:
    # "giới thiệu việc làm trong và ngoài tỉnh có 261/200 đạt 130,5%"
    e = evaluate(parse_target(S003[13]), "261")
    assert (e.status, e.percent_of_plan, e.plan_value) == (Status.VUOT, D("130.50"), D(200))
    # "Xuất khẩu lao động: 2/2 lao động đạt 100%"
    assert status_of(S003[15], "2") == ("dat", D("100.00"))
    # "Chuyển đổi cây trồng 56,35 ha": 56,35 / 55 = 102,45%
    assert status_of(S003[4], "56,35 ha") == ("vuot", D("102.45"))
    # "Ước thu 177.000.000 đồng" against the 428.000.000 đồng the district assigns for 2024: 41,36%
    assert status_of(S003[2], "177.000.000 đồng") == ("khong_dat", D("41.36"))


def test_numbers_of_every_type_are_accepted() -> None:
    for actual in ("93", "93,0", 93, 93.0, D("93")):
        assert status_of(S003[8], actual) == ("dat", D("100.00"))


# --- lower is better ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "status", "percent"),
    [
        ("6,5", "vuot", D("109.23")),  # 7,1 / 6,5
        ("7.1", "dat", D("100.00")),
        ("7,5", "co_ban_dat", D("94.67")),  # 7,1 / 7,5
        ("9", "khong_dat", D("78.89")),  # 7,1 / 9
    ],
)
def test_exact_target_lower_is_better(actual: str, status: str, percent: D) -> None:
    label, unit, cell = S004_MALNUTRITION
    t = parse_target(cell, label=label, unit=unit)
    assert (t.kind, t.direction) == (TargetKind.EXACT, Direction.DOWN)
    e = evaluate(t, actual)
    assert (e.status.value, e.percent_of_plan) == (status, percent)


@pytest.mark.parametrize(
    ("actual", "status", "percent"),
    [
        ("1,5", "dat", D("133.33")),  # 2 / 1,5: below the ceiling, never "vượt" for an at-most target
        ("2", "co_ban_dat", D("100.00")),  # "dưới 02%" is strict: 2% itself is not đạt
        ("2,1", "co_ban_dat", D("95.24")),  # 2 / 2,1
        ("3", "khong_dat", D("66.67")),
        ("0", "dat", None),  # no overdue debt at all: đạt, % of plan undefined
    ],
)
def test_strict_maximum(actual: str, status: str, percent: D | None) -> None:
    t = parse_target(S003[16])
    assert (t.kind, t.high, t.high_strict, t.direction) == (TargetKind.MAX, D(2), True, Direction.DOWN)
    assert status_of(S003[16], actual) == (status, percent)


def test_maximum_part_of_a_line() -> None:
    """Seed 003 line 11: "Tiểu học dưới 01% năm học"; 1,05% is 95,24% of plan."""
    t = parse_target(S003[11])
    assert evaluate(t, "1,05").status is Status.CO_BAN_DAT
    secondary = t.parts[0]  # "Trung học cơ sở dưới 02%/năm học"
    assert (secondary.kind, secondary.high) == (TargetKind.MAX, D(2))
    assert evaluate(secondary, "1,8").status is Status.DAT


def test_none_left_means_zero() -> None:
    """Seed 000: "Phấn đấu xây dựng phường không còn hộ nghèo"."""
    t = parse_target(S000_POVERTY)
    assert (t.kind, t.high, t.direction) == (TargetKind.MAX, D(0), Direction.DOWN)
    assert evaluate(t, "0").status is Status.DAT
    assert evaluate(t, "7").status is Status.KHONG_DAT  # seed 003: "07 hộ"


def test_direction_override_turns_the_judgement_round() -> None:
    label, unit, cell = S004_MALNUTRITION
    t = parse_target(cell, label=label, unit=unit, direction="up")
    assert evaluate(t, "6,5").status is Status.CO_BAN_DAT  # 6,5 / 7,1 = 91,55%
    assert evaluate(t, "7,5").status is Status.VUOT


# --- ranges and bounds --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "status", "percent"),
    [
        ("60", "dat", D("100.00")),  # the low end is the plan
        ("60,5", "dat", D("100.83")),
        ("61", "dat", D("101.67")),  # the high end is still inside
        ("62", "vuot", D("103.33")),  # beyond the good end
        ("58", "co_ban_dat", D("96.67")),
        ("50", "khong_dat", D("83.33")),
    ],
)
def test_range_higher_is_better(actual: str, status: str, percent: D) -> None:
    assert status_of(S001_INCOME, actual) == (status, percent)


def test_range_in_billions() -> None:
    assert status_of(S001_INVESTMENT, "42,5 tỷ đồng") == ("dat", D("106.25"))
    assert status_of(S001_INVESTMENT, "46") == ("vuot", D("115.00"))
    assert status_of(S001_INVESTMENT, "36") == ("co_ban_dat", D("90.00"))  # exactly 90%: cơ bản đạt


def test_range_lower_is_better() -> None:
    """A range on a lower-is-better subject: below the range is vượt, the high end is the plan."""
    t = parse_target(S001_INCOME, direction="down")
    assert [evaluate(t, a).status.value for a in ("59", "60", "61", "63", "70")] == [
        "vuot", "dat", "dat", "co_ban_dat", "khong_dat",
    ]
    assert evaluate(t, "63").percent_of_plan == D("96.83")  # 61 / 63


def test_strict_minimum_at_the_bound_is_not_dat() -> None:
    t = parse_target(S001_INSURANCE)
    assert (t.kind, t.low, t.low_strict) == (TargetKind.MIN, D(99), True)
    assert status_of(S001_INSURANCE, "99") == ("co_ban_dat", D("100.00"))
    assert status_of(S001_INSURANCE, "99,3") == ("dat", D("100.30"))
    assert status_of(S001_INSURANCE, "100") == ("dat", D("101.01"))  # an at-least target is never "vượt"
    assert status_of(S001_INSURANCE, "85") == ("khong_dat", D("85.86"))


def test_inclusive_minimum_at_the_bound_is_dat() -> None:
    """Seed 000: "Hàng năm có từ 92% gia đình …": "từ" includes the bound."""
    t = parse_target(S000_CULTURE)
    assert (t.kind, t.low, t.low_strict) == (TargetKind.MIN, D(92), False)
    assert [evaluate(t, a).status.value for a in ("92", "95", "91", "80")] == [
        "dat", "dat", "co_ban_dat", "khong_dat",
    ]
    # The list shares its comparator: "75% khối phố" is also "từ 75%".
    assert evaluate(t.parts[0], "75").status is Status.DAT


def test_strict_minimum_in_a_part() -> None:
    """Seed 000: "Lao động được đào tạo nghề trên 75%"."""
    trained = parse_target(S000_POVERTY).parts[1]
    assert (trained.kind, trained.low, trained.low_strict) == (TargetKind.MIN, D(75), True)
    assert evaluate(trained, "75").status is Status.CO_BAN_DAT
    assert evaluate(trained, "75,1").status is Status.DAT


# --- the threshold ------------------------------------------------------------------------------


def test_threshold_is_configurable() -> None:
    t = parse_target(S003[8])  # 93%
    assert evaluate(t, "85").status is Status.CO_BAN_DAT  # 91,40% ≥ 90
    assert evaluate(t, "85", threshold=95).status is Status.KHONG_DAT
    assert evaluate(t, "75").status is Status.KHONG_DAT  # 80,65%
    assert evaluate(t, "75", threshold=80).status is Status.CO_BAN_DAT
    assert evaluate(t, "75", threshold=D("80.65")).status is Status.CO_BAN_DAT  # the bound is inclusive
    assert evaluate(t, "75", threshold=D("80.66")).status is Status.KHONG_DAT


@pytest.mark.parametrize("threshold", [0, -5, 101, D("100.5"), D("NaN")])
def test_bad_threshold(threshold) -> None:
    with pytest.raises(EvaluationError, match="Ngưỡng “cơ bản đạt”") as info:
        evaluate(parse_target(S003[8]), "85", threshold=threshold)
    assert info.value.field == "ngưỡng"
    assert str(threshold) in info.value.message


# --- change targets -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "status", "percent"),
    [
        ("14,5", "dat", D("103.57")),  # a reported growth of 14,5% against 14-15%
        ("15", "dat", D("107.14")),
        ("16", "vuot", D("114.29")),
        ("13", "co_ban_dat", D("92.86")),
        ("10", "khong_dat", D("71.43")),
    ],
)
def test_growth_rate_without_base_is_the_change_itself(actual: str, status: str, percent: D) -> None:
    t = parse_target(S001_GROWTH)
    assert (t.kind, t.change_mode, t.per_year) == (TargetKind.CHANGE, "percent", True)
    assert status_of(S001_GROWTH, actual) == (status, percent)


def test_growth_with_base_percent_mode() -> None:
    """Seed 000's budget, "Năm … 2019: 23,01 tỷ; 2020: 26,32 tỷ", against "tăng 10-15% /năm"."""
    t = parse_target(S000_BUDGET)
    assert (t.kind, t.low, t.high, t.change_mode) == (TargetKind.CHANGE, D(10), D(15), "percent")
    e = evaluate(t, "26,32", base="23,01")
    assert (e.status, e.compared) == (Status.DAT, D("14.3850"))  # 3,31 / 23,01 = 14,385%
    assert e.note == "So với kỳ gốc (23,01): tăng 14,39%"
    # % of plan compares levels: 26,32 / (23,01 × 1,10 = 25,311) = 103,99%.
    assert e.percent_of_plan == D("103.99")
    # 2017 → 2018: 10,94 → 16,43 tỷ, +50,18%: beyond 15%; 16,43 / 12,034 = 136,53% of plan.
    e = evaluate(t, "16,43", base="10,94")
    assert (e.status, e.percent_of_plan) == (Status.VUOT, D("136.53"))
    # +9% where 10% was planned: 109 / 110 = 99,09% of plan, cơ bản đạt; +5%: 105 / 110 = 95,45%.
    assert (evaluate(t, "109", base="100").status, evaluate(t, "109", base="100").percent_of_plan) == (
        Status.CO_BAN_DAT, D("99.09"))
    assert evaluate(t, "105", base="100").status is Status.CO_BAN_DAT
    assert evaluate(t, "95", base="100").status is Status.KHONG_DAT  # 95 / 110 = 86,36%


def test_growth_with_base_percent_mode_seed_003() -> None:
    t = parse_target(S003[1])  # "tăng 2,5% hộ kinh doanh/năm"
    assert (t.kind, t.change_mode) == (TargetKind.CHANGE, "percent")
    assert evaluate(t, "205", base="200").status is Status.DAT  # 200 → 205 hộ: +2,5%
    assert evaluate(t, "210", base="200").status is Status.VUOT
    assert evaluate(t, "200", base="200").status is Status.CO_BAN_DAT  # 200 / 205 = 97,56% of plan
    assert evaluate(t, "180", base="200").status is Status.KHONG_DAT  # fell: 180 / 205 = 87,80%


@pytest.mark.parametrize(
    ("actual", "status", "compared", "note"),
    [
        ("1,33", "dat", D("0.8000"), "So với kỳ gốc (2,13): giảm 0,8 điểm"),  # 2,13 → 1,33: fell 0,8 points
        ("1,13", "vuot", D("1.0000"), "So với kỳ gốc (2,13): giảm 1 điểm"),  # fell 1 point, beyond 0,9
        # Short of 0,7 points: levels compared, planned 1,43 against 1,5 is 95,33% of plan.
        ("1,5", "co_ban_dat", D("0.6300"), "So với kỳ gốc (2,13): giảm 0,63 điểm"),
        ("1,92", "khong_dat", D("0.2100"), "So với kỳ gốc (2,13): giảm 0,21 điểm"),  # 1,43 / 1,92 = 74,48%
        ("2,5", "khong_dat", D("-0.3700"), "So với kỳ gốc (2,13): ngược chiều mong muốn 0,37 điểm"),  # rose
    ],
)
def test_fall_in_points_with_base(actual: str, status: str, compared: D, note: str) -> None:
    t = parse_target(S001_POVERTY)
    assert (t.kind, t.change_mode, t.direction, t.base) == (TargetKind.CHANGE, "absolute", Direction.DOWN, "năm 2021")
    e = evaluate(t, actual, base="2,13")
    assert (e.status.value, e.compared, e.note) == (status, compared, note)


def test_fall_in_points_without_base() -> None:
    assert status_of(S001_POVERTY, "0,8") == ("dat", D("114.29"))  # the reported fall itself
    assert status_of(S001_POVERTY, "0,5") == ("khong_dat", D("71.43"))


def test_fall_in_households() -> None:
    """Seed 003 line 14, "Giảm 01 hộ nghèo …"; the 2023 report: "giảm 01 hộ nghèo", 07 hộ at year end."""
    t = parse_target(S003[14])
    assert (t.kind, t.low, t.change_mode, t.direction) == (TargetKind.CHANGE, D(1), "absolute", Direction.DOWN)
    assert [evaluate(t, a).status.value for a in ("1", "2", "0")] == ["dat", "vuot", "khong_dat"]
    assert evaluate(t, "7", base="8").status is Status.DAT  # 8 → 7 hộ
    assert evaluate(t, "9", base="8").status is Status.KHONG_DAT


def test_growth_from_a_zero_base_is_an_error() -> None:
    with pytest.raises(EvaluationError, match="kỳ gốc bằng 0") as info:
        evaluate(parse_target(S000_BUDGET), "12", base="0")
    assert info.value.field == "số liệu kỳ gốc"


# --- assigned targets ---------------------------------------------------------------------------


def test_assigned_with_figure_seed_001() -> None:
    """Seed 001 line 3 with seed 002's "3.182.308.468đ/1.839.000.000đ đạt 173,0% kế hoạch"."""
    t = parse_target(S001_BUDGET)
    assert (t.kind, t.low, t.high) == (TargetKind.ASSIGNED, D(5), D(10))
    e = evaluate(t, "3.182.308.468", assigned="1.839.000.000")
    assert (e.status, e.percent_of_plan, e.plan_value) == (Status.VUOT, D("173.05"), D(1839000000))
    # Seed 002 prints one decimal: round the ratio itself (173,0456…), not the 2-place 173,05 (→ 173,1).
    assert quantize(e.actual / e.plan_value * 100, 1) == D("173.0")


@pytest.mark.parametrize(
    ("actual", "status", "percent"),
    [
        ("107", "dat", D("107.00")),  # 5-10% above the 100 assigned
        ("105", "dat", D("105.00")),
        ("110", "dat", D("110.00")),
        ("111", "vuot", D("111.00")),
        ("103", "co_ban_dat", D("103.00")),  # short of +5%: 103 / 105 = 98,1% ≥ 90
        ("90", "co_ban_dat", D("90.00")),  # short: judged like the % shown, against the 100 assigned
        ("89", "khong_dat", D("89.00")),
    ],
)
def test_assigned_percent_over(actual: str, status: str, percent: D) -> None:
    assert status_of(S001_BUDGET, actual, assigned="100") == (status, percent)


def test_assigned_without_figure_has_no_data() -> None:
    e = evaluate(parse_target(S001_BUDGET), "107")
    assert (e.status, e.percent_of_plan) == (Status.CHUA_CO_SO_LIEU, None)
    assert e.note == "Chưa có số chỉ tiêu cấp trên giao."


def test_assigned_plain() -> None:
    """Seed 003 line 21, "Giao quân đạt chỉ tiêu thị xã giao"; the 2023 report: "05/05 công dân"."""
    # Above the one assigned figure is vượt, as the seeds count "vượt 100%".
    t = parse_target(S003[21])
    assert (t.kind, t.low) == (TargetKind.ASSIGNED, D(0))
    assert status_of(S003[21], "5", assigned="5") == ("dat", D("100.00"))
    assert status_of(S003[21], "6", assigned="5") == ("vuot", D("120.00"))
    assert status_of(S003[21], "4", assigned="5") == ("khong_dat", D("80.00"))
    assert status_of(S003[21], "5")[0] == "chua_co_so_lieu"


def test_assigned_lower_than() -> None:
    """Seed 000: "tỷ lệ sinh con 3 trở lên thấp hơn chỉ tiêu trên giao hàng năm"."""
    third_child = parse_target(S000_HEALTH).parts[1]
    assert (third_child.kind, third_child.direction) == (TargetKind.ASSIGNED, Direction.DOWN)
    assert evaluate(third_child, "1,5", assigned="2").status is Status.DAT
    e = evaluate(third_child, "2,1", assigned="2")
    assert (e.status, e.percent_of_plan) == (Status.CO_BAN_DAT, D("95.24"))  # 2 / 2,1
    assert evaluate(third_child, "3", assigned="2").status is Status.KHONG_DAT


# --- qualitative --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("actual", "status"),
    [
        ("đạt", Status.DAT),
        ("Đạt", Status.DAT),
        (" hoàn thành ", Status.DAT),
        ("không đạt", Status.KHONG_DAT),
        ("Chưa đạt", Status.KHONG_DAT),
        (None, Status.CHUA_CO_SO_LIEU),
        ("", Status.CHUA_CO_SO_LIEU),
    ],
)
def test_qualitative(actual, status: Status) -> None:
    t = parse_target(S003[22])
    assert t.kind is TargetKind.QUALITATIVE
    e = evaluate(t, actual)
    assert (e.status, e.percent_of_plan) == (status, None)


def test_qualitative_table_row() -> None:
    label, unit, cell = S004_PRESCHOOL
    t = parse_target(cell, label=label, unit=unit or None)
    assert t.kind is TargetKind.QUALITATIVE
    assert evaluate(t, "đạt").status is Status.DAT


def test_qualitative_rejects_other_words() -> None:
    with pytest.raises(EvaluationError) as info:
        evaluate(parse_target(S003[22]), "tốt")
    assert info.value.message == "Chỉ tiêu định tính chỉ nhận “đạt” hoặc “không đạt”, không phải “tốt”."
    assert (info.value.field, info.value.value) == ("kết quả", "tốt")


# --- no data, bad input -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [S003[8], S001_INCOME, S001_INSURANCE, S003[16], S001_GROWTH, S001_POVERTY])
@pytest.mark.parametrize("actual", [None, ""])
def test_no_actual_is_no_data(text: str, actual) -> None:
    e = evaluate(parse_target(text), actual, base="2,13")
    assert (e.status, e.actual, e.percent_of_plan) == (Status.CHUA_CO_SO_LIEU, None, None)
    assert e.status.label == "chưa có số liệu"


@pytest.mark.parametrize("actual", ["abc", "1.2.3", "93 quả táo", "9,3,1"])
def test_unreadable_actual(actual: str) -> None:
    with pytest.raises(KtxhError) as info:
        evaluate(parse_target(S003[8]), actual)
    assert info.value.message == f"Không đọc được số từ “{actual}”."
    assert info.value.field == "kết quả"
    assert info.value.value == actual


def test_boolean_actual_for_a_measurable_target() -> None:
    with pytest.raises(EvaluationError, match="kết quả phải là số, không phải “True”"):
        evaluate(parse_target(S003[8]), True)


def test_unreadable_base_is_an_error() -> None:
    with pytest.raises(KtxhError, match="Không đọc được số từ “hai phẩy mười ba”"):
        evaluate(parse_target(S001_POVERTY), "1,92", base="hai phẩy mười ba")


def test_unreadable_base_names_its_field() -> None:
    with pytest.raises(KtxhError) as info:
        evaluate(parse_target(S001_POVERTY), "1,92", base="hai phẩy mười ba")
    assert info.value.field == "số liệu kỳ gốc"


# --- summary ------------------------------------------------------------------------------------

# One actual for each of seed 003's 22 lines (VII.1 items 1-22): 6 beyond, 14 reached, 1 nearly, 1 short.
SEED_003_ACTUALS: dict[int, tuple[object, dict, Status]] = {
    1: ("3", {}, Status.VUOT),  # grew 3% against 2,5%
    2: ("428.000.000", {}, Status.DAT),
    3: ("64.000.000", {}, Status.DAT),
    4: ("56,35", {}, Status.VUOT),
    5: ("99,64", {}, Status.DAT),
    6: ("100", {}, Status.DAT),
    7: ("đạt", {}, Status.DAT),
    8: ("88", {}, Status.CO_BAN_DAT),  # 94,62% of 93%
    9: ("11", {}, Status.VUOT),
    10: ("100", {}, Status.DAT),
    11: ("0,5", {}, Status.DAT),
    12: ("đạt", {}, Status.DAT),
    13: ("261", {}, Status.VUOT),
    14: ("2", {}, Status.VUOT),
    15: ("3", {}, Status.VUOT),
    16: ("1,5", {}, Status.DAT),
    17: ("100", {}, Status.KHONG_DAT),  # 100 of 130 triệu đồng: 76,92%
    18: ("100", {}, Status.DAT),
    19: ("đạt", {}, Status.DAT),
    20: ("đạt", {}, Status.DAT),
    21: ("5", {"assigned": "5"}, Status.DAT),
    22: ("đạt", {}, Status.DAT),
}


def seed_003_evaluations():
    return [evaluate(parse_target(S003[i]), actual, **kw) for i, (actual, kw, _) in SEED_003_ACTUALS.items()]


def test_each_seed_003_line_gets_its_class() -> None:
    assert [e.status for e in seed_003_evaluations()] == [s for *_, s in SEED_003_ACTUALS.values()]


def test_summary_sentence_of_seed_003() -> None:
    """Seed 003: "Kết quả thực hiện 22 chỉ tiêu kinh tế - xã hội năm 2023 có 06 chỉ tiêu vượt 100%,
    có 14 chỉ tiêu đạt 100 %, 01 chỉ tiêu đạt trên 90% trở lên, 01 chỉ tiêu không đạt"."""
    evaluations = seed_003_evaluations()
    assert summarize(evaluations) == {
        Status.VUOT: 6, Status.DAT: 14, Status.CO_BAN_DAT: 1, Status.KHONG_DAT: 1, Status.CHUA_CO_SO_LIEU: 0,
    }
    assert summary_sentence(evaluations, scope="kinh tế - xã hội năm 2023") == (
        "Kết quả thực hiện 22 chỉ tiêu kinh tế - xã hội năm 2023: có 06 chỉ tiêu vượt, 14 chỉ tiêu đạt, "
        "01 chỉ tiêu cơ bản đạt (đạt từ 90% kế hoạch trở lên), 01 chỉ tiêu không đạt."
    )


def test_summary_sentence_small_counts_and_no_data() -> None:
    evaluations = seed_003_evaluations()[:3] + [evaluate(parse_target(S001_WASTE), None)]
    assert summary_sentence(evaluations, threshold=80) == (
        "Kết quả thực hiện 04 chỉ tiêu: có 01 chỉ tiêu vượt, 02 chỉ tiêu đạt, 01 chỉ tiêu chưa có số liệu."
    )
    assert summary_sentence([]) == "Chưa có chỉ tiêu nào để đánh giá."
    assert summary_sentence([], scope="năm 2023") == "Chưa có chỉ tiêu nào để đánh giá năm 2023."


def test_evaluation_as_json() -> None:
    d = evaluate(parse_target(S003[13]), "261").to_dict()
    assert (d["status"], d["status_label"], d["percent_of_plan"], d["actual"]) == ("vuot", "vượt", 130.5, 261)
    assert d["target"]["kind"] == "exact"
