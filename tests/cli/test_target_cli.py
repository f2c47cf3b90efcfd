"""``ktxh target`` and ``ktxh evaluate`` through ``ktxh.cli.main``, on seed lines quoted verbatim."""

from __future__ import annotations

import json

import pytest

from ktxh.cli import main

# Seed 001, A.II.
POVERTY = "10. Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%."
INSURANCE = "11.Tỷ lệ người tham gia bảo hiểm y tế: > 99%."
JOBS = "8. Giải quyết việc làm trong năm: Từ 100-120 lao động, trong đó xuất khẩu lao động theo hợp đồng từ 10-12 người."
BUDGET = (
    "3. Tổng thu ngân sách nhà nước trên địa bàn (không tính tiền sử dụng đất): "
    "Phấn đấu đạt và vượt chỉ tiêu giao từ 5-10%."
)
# Seed 003, VII.1.
DEBT = "16. Tỷ lệ nợ quá hạn từ nguồn vốn vay từ Ngân hàng Chính sách xã hội cuối năm dưới 02%."
SECURITY = "22. Thực hiện tốt phong trào bảo vệ an ninh tổ quốc."
HOUSEHOLDS = "1. Tập trung phát triển thương mại - dịch vụ tăng 2,5% hộ kinh doanh/năm."

TARGET_KEYS = {"kind", "low", "high", "unit", "direction", "per_year", "parts"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


# --- ktxh target ----------------------------------------------------------------------------------


def test_target_json_range(capsys: pytest.CaptureFixture[str]) -> None:
    d = run_json(capsys, "target", "Từ 0,7 - 0,9%")
    assert TARGET_KEYS <= d.keys()
    assert {k: d[k] for k in TARGET_KEYS} == {
        "kind": "range", "low": 0.7, "high": 0.9, "unit": "%", "direction": "up", "per_year": False, "parts": [],
    }


def test_target_json_change_down(capsys: pytest.CaptureFixture[str]) -> None:
    d = run_json(capsys, "target", POVERTY)
    assert (d["kind"], d["low"], d["high"], d["unit"], d["direction"]) == ("change", 0.7, 0.9, "%", "down")
    assert (d["change_mode"], d["base"], d["label"]) == ("absolute", "năm 2021", "Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều)")


def test_target_json_min_strict_and_per_year(capsys: pytest.CaptureFixture[str]) -> None:
    d = run_json(capsys, "target", INSURANCE)
    assert (d["kind"], d["low"], d["high"], d["low_strict"]) == ("min", 99, None, True)
    d = run_json(capsys, "target", HOUSEHOLDS)
    assert (d["kind"], d["low"], d["per_year"], d["change_mode"]) == ("change", 2.5, True, "percent")


def test_target_json_parts(capsys: pytest.CaptureFixture[str]) -> None:
    d = run_json(capsys, "target", JOBS)
    assert (d["kind"], d["low"], d["high"], d["unit"]) == ("range", 100, 120, "lao động")
    assert [(p["kind"], p["low"], p["high"], p["unit"], p["label"]) for p in d["parts"]] == [
        ("range", 10, 12, "người", "xuất khẩu lao động theo hợp đồng")
    ]
    assert TARGET_KEYS <= d["parts"][0].keys()


def test_target_json_table_cell_with_label_and_unit(capsys: pytest.CaptureFixture[str]) -> None:
    """Seed 004, Biểu số 02: "1. Dân số | Người | 12,575" is twelve thousand people."""
    d = run_json(capsys, "target", "12,575", "--label", "1. Dân số", "--unit", "Người")
    assert (d["kind"], d["low"], d["unit"]) == ("exact", 12575, "người")


def test_target_direction_override(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "target", DEBT)["direction"] == "down"
    assert run_json(capsys, "target", DEBT, "--direction", "up")["direction"] == "up"


def test_target_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "target", JOBS)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Chỉ tiêu: Giải quyết việc làm trong năm",
        "  Loại: khoảng (range)",
        "  Đọc là: từ 100 lao động đến 120 lao động (càng cao càng tốt)",
        "  Cận dưới: 100",
        "  Cận trên: 120",
        "  Đơn vị tính: lao động",
        "  Trong đó:",
        "    Chỉ tiêu: xuất khẩu lao động theo hợp đồng",
        "      Loại: khoảng (range)",
        "      Đọc là: từ 10 người đến 12 người (càng cao càng tốt)",
        "      Cận dưới: 10",
        "      Cận trên: 12",
        "      Đơn vị tính: người",
    ]


def test_target_text_strict_and_qualitative(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "target", DEBT)
    assert "  Cận trên: 2 (không kể bằng)" in out.splitlines()
    assert "nhỏ hơn 2% (càng thấp càng tốt)" in out
    code, out, _ = run(capsys, "target", SECURITY)
    assert code == 0
    assert "  Loại: định tính (qualitative)" in out.splitlines()
    assert "Lưu ý: Chỉ tiêu không nêu số đo được" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["target", ""], "Lỗi: Chỉ tiêu trống: hãy ghi nội dung chỉ tiêu."),
        (["target", "   "], "Lỗi: Chỉ tiêu trống: hãy ghi nội dung chỉ tiêu."),
        (["target", "x" * 2100], "Lỗi: Chỉ tiêu dài 2100 ký tự, quá 2000 ký tự: “xxxxxxxxxx"),
    ],
)
def test_target_bad_input(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(message)


# --- ktxh evaluate --------------------------------------------------------------------------------


def test_evaluate_json(capsys: pytest.CaptureFixture[str]) -> None:
    d = run_json(capsys, "evaluate", "--target", INSURANCE, "--actual", "99,3%")
    assert (d["percent_of_plan"], d["status"], d["status_label"]) == (100.3, "dat", "đạt")
    assert TARGET_KEYS <= d["target"].keys()


@pytest.mark.parametrize(
    ("argv", "percent", "status"),
    [
        (["--target", INSURANCE, "--actual", "99"], 100, "co_ban_dat"),  # ">" excludes 99 itself
        (["--target", DEBT, "--actual", "3"], 66.67, "khong_dat"),  # 2 / 3, lower is better
        (["--target", DEBT, "--actual", "1,5"], 133.33, "dat"),
        (["--target", POVERTY, "--actual", "1,13", "--base", "2,13"], 126.55, "vuot"),  # fell 1 point; 1,43 planned / 1,13
        (["--target", POVERTY, "--actual", "1,5", "--base", "2,13"], 95.33, "co_ban_dat"),  # 1,43 planned / 1,5
        (["--target", POVERTY, "--actual", "1,5", "--base", "2,13", "--threshold", "96"], 95.33, "khong_dat"),
        (["--target", BUDGET, "--actual", "3.182.308.468", "--assigned", "1.839.000.000"], 173.05, "vuot"),
        (["--target", BUDGET, "--actual", "3.182.308.468"], None, "chua_co_so_lieu"),
        (["--target", INSURANCE], None, "chua_co_so_lieu"),
        (["--target", SECURITY, "--actual", "đạt"], None, "dat"),
        (["--target", SECURITY, "--actual", "không đạt"], None, "khong_dat"),
        (["--target", "Từ 0,7 - 0,9%", "--actual", "0,8"], 114.29, "dat"),
    ],
)
def test_evaluate_json_classes(capsys: pytest.CaptureFixture[str], argv: list[str], percent, status: str) -> None:
    d = run_json(capsys, "evaluate", *argv)
    assert (d["percent_of_plan"], d["status"]) == (percent, status)


def test_evaluate_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "evaluate", "--target", POVERTY, "--actual", "1,92", "--base", "2,13")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Chỉ tiêu: Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều) — "
        "giảm 0,7 – 0,9 điểm phần trăm so với năm 2021 (càng thấp càng tốt)",
        "Thực hiện: 1,92%",
        "Mức thay đổi so với kỳ gốc: 0,21",
        "Đạt 74,48% kế hoạch",
        "Đánh giá: không đạt",
        "Ghi chú: So với kỳ gốc (2,13): giảm 0,21 điểm",
    ]


def test_evaluate_text_no_data(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "evaluate", "--target", INSURANCE)
    assert code == 0
    assert out.splitlines()[-1] == "Đánh giá: chưa có số liệu"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--target", INSURANCE, "--actual", "abc"], "Lỗi: Không đọc được số từ “abc”.\n"),
        (["--target", INSURANCE, "--actual", "95", "--threshold", "abc"], "Lỗi: Ngưỡng “abc” không phải là số.\n"),
        (["--target", INSURANCE, "--actual", "95", "--threshold", "150"],
         "Lỗi: Ngưỡng “cơ bản đạt” phải lớn hơn 0 và không quá 100 (% kế hoạch), không phải 150.\n"),
        (["--target", INSURANCE, "--actual", "95", "--threshold", "nan"],
         "Lỗi: Ngưỡng “cơ bản đạt” phải lớn hơn 0 và không quá 100 (% kế hoạch), không phải NaN.\n"),
        (["--target", SECURITY, "--actual", "tốt"],
         "Lỗi: Chỉ tiêu định tính chỉ nhận “đạt” hoặc “không đạt”, không phải “tốt”.\n"),
        (["--target", HOUSEHOLDS, "--actual", "210", "--base", "0"],
         "Lỗi: Không tính được tốc độ tăng khi số liệu kỳ gốc bằng 0.\n"),
        (["--target", "", "--actual", "5"], "Lỗi: Chỉ tiêu trống: hãy ghi nội dung chỉ tiêu.\n"),
    ],
)
def test_evaluate_bad_input(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    code, out, err = run(capsys, "evaluate", *argv)
    assert (code, out, err) == (2, "", message)


def test_missing_option_is_a_vietnamese_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["evaluate", "--actual", "5"])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert "--target" in err
    assert "required" not in err and "error:" not in err


def test_a_line_with_no_target_says_so_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "target", "abc xyz")
    assert code == 1 and out == ""
    assert "không nêu chỉ tiêu nào" in err and "abc xyz" in err


def test_a_real_qualitative_target_stays_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "target", "(7) Duy trì xã đạt chuẩn quốc gia về y tế")
    assert (code, err) == (0, "") and "định tính" in out


def test_a_twenty_digit_number_is_a_vietnamese_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "target", "12345678901234567890")
    assert code == 2 and "Traceback" not in err and "quá lớn" in err
