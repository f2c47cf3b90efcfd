"""Sentences written from data in the seeds' style; every figure recomputed through ktxh.core."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ktxh.core.model import Status
from ktxh.documents import DocumentDataError, Period, PeriodKind, Row
from ktxh.documents.data import evaluated
from ktxh.documents.narrative import assess, row_sentence, summary, target_line

YEAR_2022 = Period(PeriodKind.YEAR, 2022)
YEAR_2021 = Period(PeriodKind.YEAR, 2021)


def sentence(row: Row, period: Period = YEAR_2022) -> str:
    return row_sentence(assess(evaluated(row)), period)


def test_seed_002_grain_2022() -> None:
    # Seed 002: "Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3tấn/ 5.795,9 tấn bằng 102,37% kế hoạch."
    row = Row("Tổng sản lượng lương thực cây có hạt", "tấn", plan=Decimal("5795.9"), actual=Decimal("5933.3"),
              previous=Decimal("6031"))
    assert sentence(row) == ("Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3/5.795,9 tấn, bằng 102,37% "
                             "kế hoạch, giảm 1,62% so với năm 2021 (6.031 tấn).")


def test_seed_002_grain_2021_stated_with_two_decimals() -> None:
    # Seed 002: "năm 2021 đạt: 6.031/5.926 tấn bằng 101,7% … tăng 8,6% so với năm 2020" (2020: 5551,1 tấn).
    row = Row("Tổng sản lượng lương thực cây có hạt", "tấn", plan=Decimal("5926"), actual=Decimal("6031"),
              previous=Decimal("5551.1"))
    assert sentence(row, YEAR_2021) == ("Tổng sản lượng lương thực cây có hạt năm 2021 đạt 6.031/5.926 tấn, bằng "
                                        "101,77% kế hoạch, tăng 8,65% so với năm 2020 (5.551,1 tấn).")


def test_percent_rounds_half_up() -> None:
    # 8.010 / 8.000 = 100,125%: half up gives 100,13 (banker's rounding would give 100,12).
    row = Row("Số người tham gia bảo hiểm y tế", "người", plan=Decimal("8000"), actual=Decimal("8010"))
    assert "bằng 100,13% kế hoạch" in sentence(row)


def test_budget_against_the_assigned_figure() -> None:
    # Seed 002: "Thu ngân sách nhà nước năm 2022: 5.514.602.916đ/2.813.000.000đ đạt 196,0%".
    row = Row("Thu ngân sách nhà nước", "đồng", target_text="Đạt và vượt chỉ tiêu thành phố giao",
              plan=Decimal("2813000000"), actual=Decimal("5514602916"), previous=Decimal("3182308468"))
    assert sentence(row) == ("Thu ngân sách nhà nước năm 2022 đạt 5.514.602.916/2.813.000.000 đồng, bằng 196,04% "
                             "kế hoạch, tăng 73,29% so với năm 2021 (3.182.308.468 đồng).")


def test_estimate_and_lower_is_better() -> None:
    poor = Row("Tỷ lệ hộ nghèo", "%", target_text="dưới 2,5%", actual=Decimal("1.92"), previous=Decimal("2.13"),
               estimate=True)
    assert sentence(poor, Period(PeriodKind.YEAR, 2023)) == (
        "Tỷ lệ hộ nghèo năm 2023 ước còn 1,92%, kế hoạch dưới 2,5%, đạt kế hoạch (năm 2022: 2,13%).")
    insured = Row("Tỷ lệ người dân tham gia bảo hiểm y tế", "%", target_text="trên 95%", actual=Decimal("96.4"),
                  estimate=True)
    assert sentence(insured) == ("Tỷ lệ người dân tham gia bảo hiểm y tế năm 2022 ước đạt 96,4%, kế hoạch trên "
                                 "95%, đạt kế hoạch.")


def test_six_months_compare_with_the_same_period() -> None:
    row = Row("Thu ngân sách phường", "đồng", plan=Decimal("6056000000"), actual=Decimal("3293490000"),
              previous=Decimal("3000000000"), estimate=True)
    # Seed 002: "Ước chi ngân sách là 3.293.490.000/6.056.000.000 đồng đạt 54,38%".
    assert sentence(row, Period(PeriodKind.SIX_MONTHS, 2023)) == (
        "Thu ngân sách phường 6 tháng đầu năm 2023 ước đạt 3.293.490.000/6.056.000.000 đồng, bằng 54,38% kế "
        "hoạch, tăng 9,78% so với cùng kỳ năm 2022 (3.000.000.000 đồng).")


def test_qualitative_and_missing_actuals() -> None:
    assert sentence(Row("Hoàn thành chỉ tiêu giao quân", target_text="đạt", actual="đạt")) == (
        "Hoàn thành chỉ tiêu giao quân năm 2022: đạt (kế hoạch: đạt).")
    assert sentence(Row("Tỷ lệ hộ nghèo", "%", target_text="dưới 2,5%")) == (
        "Tỷ lệ hộ nghèo năm 2022: chưa có số liệu (kế hoạch: dưới 2,5%).")


def test_summary_count_sentence() -> None:
    rows = [
        Row("Tổng sản lượng lương thực cây có hạt", "tấn", plan=Decimal("5795.9"), actual=Decimal("5933.3")),
        Row("Số hộ đạt danh hiệu gia đình văn hóa", "hộ", plan=Decimal("3050"), actual=Decimal("3011")),
        Row("Tỷ lệ hộ nghèo", "%", target_text="dưới 2,5%", actual=Decimal("2.13")),
        Row("Tỷ lệ hộ nghèo", "%", target_text="dưới 2,5%"),
    ]
    results = [assess(evaluated(r)) for r in rows]
    assert [r.evaluation.status for r in results] == [Status.VUOT, Status.CO_BAN_DAT, Status.DAT,
                                                      Status.CHUA_CO_SO_LIEU]
    assert summary(results, YEAR_2022) == (
        "Kết quả thực hiện 04 chỉ tiêu kinh tế - xã hội năm 2022: có 01 chỉ tiêu vượt, 01 chỉ tiêu đạt, 01 chỉ tiêu "
        "cơ bản đạt (đạt từ 90% kế hoạch trở lên), 01 chỉ tiêu chưa có số liệu.")


def test_plan_figure_that_contradicts_the_target_is_refused() -> None:
    row = Row("Tổng sản lượng lương thực cây có hạt", "tấn", target_text="5.800", plan=Decimal("5795.9"),
              actual=Decimal("5933.3"))
    with pytest.raises(DocumentDataError, match="kế hoạch 5.795,9 khác chỉ tiêu “5.800”"):
        assess(evaluated(row))
    assigned = Row("Thu ngân sách nhà nước", "đồng", target_text="Đạt và vượt chỉ tiêu thành phố giao",
                   actual=Decimal("5514602916"))
    with pytest.raises(DocumentDataError, match="cần số kế hoạch giao"):
        assess(evaluated(assigned))


def test_target_lines_for_the_plan() -> None:
    assert target_line(Row("Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", target_text="99% trở lên")) == (
        "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn: 99% trở lên")
    assert target_line(Row("Tổng sản lượng lương thực cây có hạt", "tấn", target_text="5.800")) == (
        "Tổng sản lượng lương thực cây có hạt: 5.800 tấn")
    assert target_line(Row("Tổng sản lượng lương thực cây có hạt", "tấn", plan=Decimal("5800"))) == (
        "Tổng sản lượng lương thực cây có hạt: 5.800 tấn")


def test_words_where_a_figure_is_wanted_name_the_indicator() -> None:
    row = Row("Tỷ lệ người dân tham gia bảo hiểm y tế", "%", target_text="trên 95%", actual="đạt")
    with pytest.raises(DocumentDataError, match="^Chỉ tiêu “Tỷ lệ người dân tham gia bảo hiểm y tế”: Không đọc được số"):
        assess(evaluated(row))


def test_assessment_states_the_gap_and_the_data_behind_the_causes() -> None:
    from ktxh.documents.narrative import causes, limitations, strengths

    rows = [
        # Seed 003: "Hướng dẫn công dân đăng ký tài khoản định danh điện tử mức độ 02 … 4.385/5.191 trường hợp".
        Row("Hướng dẫn công dân đăng ký tài khoản định danh điện tử mức độ 02", "trường hợp", plan=Decimal(5191),
            actual=Decimal(4385), previous=Decimal(4500)),
        Row("Số lượng cây lâm nghiệp phân tán đã trồng", "cây", plan=Decimal(4500), actual=Decimal(11800)),
        Row("Tỷ lệ hộ nghèo", "%", target_text="dưới 2,5%"),
    ]
    results = [assess(evaluated(r)) for r in rows]
    assert strengths(results, YEAR_2022) == [
        "Các chỉ tiêu đạt và vượt kế hoạch năm 2022: 01/03 chỉ tiêu, trong đó 01 chỉ tiêu vượt kế hoạch.",
        "Số lượng cây lâm nghiệp phân tán đã trồng đạt 11.800/4.500 cây, bằng 262,22% kế hoạch, vượt kế hoạch."]
    assert limitations(results, YEAR_2022) == [
        "Hướng dẫn công dân đăng ký tài khoản định danh điện tử mức độ 02 năm 2022 đạt 4.385/5.191 trường hợp, "
        "bằng 84,47% kế hoạch, còn thiếu 806 trường hợp so với kế hoạch, không đạt kế hoạch."]
    assert causes(results, YEAR_2022) == [
        "Hướng dẫn công dân đăng ký tài khoản định danh điện tử mức độ 02 giảm 2,56% so với năm 2021 "
        "(4.500 trường hợp): kết quả đi xuống so với kỳ trước, cần làm rõ nguyên nhân.",
        "Còn 01 chỉ tiêu chưa có số liệu được phê duyệt (Tỷ lệ hộ nghèo): chưa đánh giá được, cần cập nhật số "
        "liệu trước khi ký ban hành."]


def test_a_row_without_the_evaluators_verdict_is_refused() -> None:
    with pytest.raises(DocumentDataError, match="chưa được đánh giá"):
        assess(Row("Tổng sản lượng lương thực cây có hạt", "tấn", plan=Decimal("5795.9"), actual=Decimal("5933.3")))


def test_a_target_that_opens_with_the_name_is_not_said_twice() -> None:
    """Demo Lương Sơn, giữa kỳ: "Tỷ lệ hộ cận nghèo giai đoạn 2021-2023 còn 1,99%, kế hoạch Tỷ lệ hộ cận nghèo
    đến năm 2025 giảm còn dưới 1,8%, …" and "Tỷ lệ hộ nghèo … còn 1,92%, kế hoạch 1, …" (no unit)."""
    near_poor = Row("Tỷ lệ hộ cận nghèo", "%", target_text="Tỷ lệ hộ cận nghèo đến năm 2025 giảm còn dưới 1,8%",
                    actual=Decimal("1.99"), direction="down")
    assert sentence(near_poor) == ("Tỷ lệ hộ cận nghèo năm 2022 còn 1,99%, kế hoạch đến năm 2025 giảm còn dưới "
                                   "1,8%, cơ bản đạt kế hoạch.")
    poor = Row("Tỷ lệ hộ nghèo", "%", plan=Decimal(1), actual=Decimal("1.92"), direction="down")
    assert sentence(poor) == "Tỷ lệ hộ nghèo năm 2022 còn 1,92%, kế hoạch 1%, không đạt kế hoạch."
    # A task whose remainder holds no figure keeps its words whole.
    security = Row("Giữ vững ổn định an ninh chính trị", target_text="Giữ vững ổn định an ninh chính trị trên địa bàn")
    assert assess(evaluated(security)).plan_text == "Giữ vững ổn định an ninh chính trị trên địa bàn"


def test_a_task_in_biểu_02_plans_hoan_thanh_not_its_whole_sentence() -> None:
    """Demo Lương Sơn: the Kế hoạch column held "Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội
    trên địa bàn phường" in a 2,4 cm column."""
    from ktxh.documents.narrative import table_plan

    row = Row("Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội",
              target_text="Giữ vững ổn định an ninh chính trị, trật tự an toàn xã hội trên địa bàn phường")
    assert table_plan(assess(evaluated(row))) == "Hoàn thành"
    assert table_plan(assess(evaluated(Row("Hoàn thành chỉ tiêu giao quân", target_text="đạt")))) == "đạt"


def test_a_missed_bound_states_its_gap_in_the_words_for_its_direction() -> None:
    """Seed 002's Lương Sơn, giữa kỳ: "Tỷ lệ hộ cận nghèo … còn 1,99%, kế hoạch … giảm còn dưới 1,8%" said no gap,
    and a rate above its ceiling was "vượt 0,92 điểm phần trăm so với kế hoạch", as if it had done better."""
    from ktxh.documents.narrative import limitations

    rows = [Row("Tỷ lệ hộ cận nghèo", "%", target_text="giảm còn dưới 1,8%", actual=Decimal("1.99"), direction="down"),
            Row("Tỷ lệ hộ nghèo", "%", target_text="giảm còn 1%", actual=Decimal("1.92"), direction="down"),
            Row("Tỷ lệ người dân tham gia bảo hiểm y tế", "%", target_text="trên 95%", actual=Decimal("93.1"))]
    lines = limitations([assess(evaluated(r)) for r in rows], YEAR_2022)
    assert "cao hơn 0,92 điểm phần trăm so với kế hoạch, không đạt kế hoạch." in lines[0]
    assert "cao hơn 0,19 điểm phần trăm so với kế hoạch, cơ bản đạt kế hoạch." in lines[1]
    assert "còn thiếu 1,9 điểm phần trăm so với kế hoạch, cơ bản đạt kế hoạch." in lines[2]
    assert not any("vượt" in line for line in lines)


def test_a_plan_figure_without_a_result_keeps_its_unit_in_the_sentence() -> None:
    # Seed 003 (Nhơn Hưng, 2024): "Thu nhập bình quân đầu người đạt 64 triệu đồng/người/năm", no result yet.
    row = Row("Thu nhập bình quân đầu người", "triệu đồng/người/năm", target_text="64 triệu đồng/người/năm")
    assert sentence(row, Period(PeriodKind.YEAR, 2024)) == (
        "Thu nhập bình quân đầu người năm 2024: chưa có số liệu (kế hoạch: 64 triệu đồng/người/năm).")
    rate = Row("Tỷ lệ cơ quan, đơn vị đạt chuẩn văn hóa", "%", target_text="100%")
    assert sentence(rate, Period(PeriodKind.YEAR, 2024)).endswith("chưa có số liệu (kế hoạch: 100%).")
