"""``ktxh review FILE [--json]`` on the example plans built from seeds 002 and 000."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ktxh.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["review", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_for_seed_002(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(EXAMPLES / "luong-son-2021-2025.json"))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Phường Lương Sơn (TP Sông Công) — đánh giá giữa kỳ kế hoạch 5 năm 2021-2025"
    header = [c.strip() for c in lines[1].split("|")]
    assert header == [
        "TT", "Chỉ tiêu", "ĐVT", "Gốc", "Mới nhất", "Mục tiêu", "Tiến độ", "Nhịp đã đạt", "Nhịp cần",
        "Ước cuối kỳ", "Đánh giá",
    ]
    grain = [c.strip() for c in lines[3].split("|")]
    # 263,6 / 448,9 = 58,7%; 263,6 / 3 = 87,9; 185,3 / 2 = 92,65 → 92,7; trend 5.895,56 → 5.895,6
    assert grain == [
        "1", "Tổng sản lượng lương thực cây có hạt đến năm 20…", "tấn", "5.551,1 (2020)", "5.814,7 (2023)",
        "6.000", "58,7%", "+87,9/năm", "+92,7/năm", "5.895,6", "khó đạt",
    ]
    budget = [c.strip() for c in lines[4].split("|")]
    assert budget[3:7] == ["3.182.308.468 (2021)", "5.514.602.916 (2022)", "10%/năm", "157,9%"]
    assert budget[-1] == "đã đạt"
    poor = [c.strip() for c in lines[5].split("|")]
    assert poor[6:] == ["18,6%", "-0,21/năm", "-0,46/năm", "", "chưa đánh giá"]  # two points: no forecast
    assert ("3. Để đạt chỉ tiêu Nghị quyết, 2 năm còn lại cần giảm bình quân 0,46 điểm %/năm. Mới có 2 số liệu "
            "(kể cả năm gốc): cần ít nhất 3 số liệu để ước giá trị cuối kỳ.") in lines
    assert ("2. Đã đạt chỉ tiêu Nghị quyết. Nhịp đã đạt 73,3%/năm là bất thường (quá 30%/năm): kiểm tra lại số "
            "liệu năm gốc và năm mới nhất. Mới có 2 số liệu (kể cả năm gốc): cần ít nhất 3 số liệu để ước giá trị "
            "cuối kỳ.") in lines
    assert lines[-1] == (
        "Kết quả đánh giá 06 chỉ tiêu giai đoạn 2021 - 2025 (số liệu đến năm 2023): có 01 chỉ tiêu đã đạt, "
        "01 chỉ tiêu khó đạt; 03 chỉ tiêu chưa đủ số liệu để đánh giá, 01 chỉ tiêu định tính không chấm điểm."
    )


def test_json_for_seed_002(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EXAMPLES / "luong-son-2021-2025.json"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["counts"] == {"da_dat": 1, "co_kha_nang_dat": 0, "kho_dat": 1, "khong_the_dat": 0, "chua_danh_gia": 4}
    grain = data["reviews"][0]
    assert (grain["kind"], grain["outlook"], grain["pace_needed"], grain["anticipated"]) == (
        "level", "kho_dat", 92.65, 5895.56,
    )
    assert round(grain["progress"], 2) == 58.72
    assert data["reviews"][1]["kind"] == "growth" and data["reviews"][1]["unit"] == "đồng"
    assert data["reviews"][5]["kind"] == "qualitative"


def test_csv_for_seed_000(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(EXAMPLES / "dien-nam-dong-2016-2020.csv"))
    assert code == 0
    economy = [c.strip() for c in out.splitlines()[2].split("|")]
    # 1,16^5 → goal 210,03; 81 / 110,03 = 73,6%; 1,81^(1/5) − 1 = 12,6%/năm
    assert economy[5:8] == ["16%/năm", "73,6%", "12,6%/năm"]
    assert economy[-1] == "không thể đạt"
    assert out.splitlines()[-1] == (
        "Kết quả đánh giá 07 chỉ tiêu giai đoạn 2016 - 2020: có 01 chỉ tiêu đã đạt, 06 chỉ tiêu không thể đạt."
    )


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


PLAN = """{"base_year": 2020, "deadline": 2025, "targets": [
  {"target": "Tổng sản lượng lương thực cây có hạt đến năm 2025 đạt 6.000 tấn", %s}]}"""


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('"base": "5.551,1", "values": {"2021": "abc"}',
         "Lỗi: Chỉ tiêu thứ 1 (\u201cTổng sản lượng lương thực cây có hạt đến năm 2025…\u201d), năm 2021: "
         "Không đọc được số từ \u201cabc\u201d."),
        ('"base": "5.551,1", "values": {"2027": "6.000"}',
         "Lỗi: Chỉ tiêu thứ 1 (\u201cTổng sản lượng lương thực cây có hạt đến năm 2025…\u201d): "
         "Số liệu năm 2027 nằm ngoài kỳ đánh giá 2020–2025."),
        ('"kind": "tăng", "base": "1"',
         "Lỗi: Chỉ tiêu thứ 1 (\u201cTổng sản lượng lương thực cây có hạt đến năm 2025…\u201d), kind: \u201ctăng\u201d "
         "không hợp lệ; chỉ nhận growth, level, share, reduction, cumulative, qualitative."),
        ('"base": "1", "values": {"năm nay": "2"}',
         "Lỗi: Chỉ tiêu thứ 1 (\u201cTổng sản lượng lương thực cây có hạt đến năm 2025…\u201d), values: "
         "\u201cnăm nay\u201d không phải là một năm."),
    ],
)
def test_bad_figures_refuse_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, message: str) -> None:
    code, out, err = run(capsys, write(tmp_path, "plan.json", PLAN % body))
    assert (code, out) == (2, "")
    assert err.strip() == message


def test_broken_json_and_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, write(tmp_path, "plan.json", '{"targets": ['))
    assert code == 2 and err.startswith("Lỗi: Tệp JSON hỏng ở dòng 1, cột 14")
    code, _, err = run(capsys, str(tmp_path / "khong-co.json"))
    assert code == 2 and err.startswith("Lỗi: Không đọc được tệp")
    code, _, err = run(capsys, write(tmp_path, "plan.json", '{"targets": []}'))
    assert (code, err.strip()) == (2, "Lỗi: Tệp không có chỉ tiêu nào.")


def test_csv_with_unknown_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, write(tmp_path, "plan.csv", "target;ghi chú\nTỷ lệ hộ nghèo còn 1%;x\n"))
    assert (code, err.strip()) == (2, "Lỗi: Tệp CSV có cột lạ: ghi chú.")


def test_edge_cases_give_rows_not_tracebacks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = """{"base_year": 2020, "deadline": 2025, "targets": [
      {"target": "Thu ngân sách tăng 10-15% /năm.", "base": 0, "values": {"2021": 5}},
      {"target": "Tổng sản lượng lương thực cây có hạt đến năm 2025 đạt 6.000 tấn", "values": {"2023": "5.814,7"}},
      {"target": "Phấn đấu xây dựng phường không còn hộ nghèo.", "unit": "%", "base": "0,75"}
    ]}"""
    code, out, _ = run(capsys, write(tmp_path, "plan.json", plan))
    assert code == 0
    assert "1. Giá trị năm gốc bằng 0 hoặc âm: không tính được tăng bình quân so với năm gốc." in out
    assert "3. Để đạt chỉ tiêu Nghị quyết, 5 năm còn lại cần giảm bình quân 0,15 điểm %/năm." in out
    assert out.splitlines()[-1] == (
        "Kết quả đánh giá 03 chỉ tiêu giai đoạn 2021 - 2025: chưa có chỉ tiêu nào đánh giá được khả năng đạt; "
        "03 chỉ tiêu chưa đủ số liệu để đánh giá."
    )


def test_errors_of_files_are_in_vietnamese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(tmp_path / "khong-co.json"))
    assert code == 2 and "không có tệp hoặc thư mục này" in err and "No such file" not in err
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2 and "đây là một thư mục, không phải tệp" in err
    code, _, err = run(capsys, write(tmp_path, "hong.json", "{"))
    assert code == 2 and err.strip() == "Lỗi: Tệp JSON hỏng ở dòng 1, cột 2: tên trường phải đặt trong ngoặc kép."
    code, _, err = run(capsys, write(tmp_path, "rong.json", ""))
    assert code == 2 and "thiếu giá trị" in err and "Expecting" not in err
