"""``ktxh report --unit CODE --period nam:2022``: the commune page's document, from the command line."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from ktxh.cli import main
from ktxh.web.data.tracking.models import Period
from ktxh.web.tests.pages import approved


def test_report_and_tables_of_a_commune_from_the_database(w, tmp_path: Path, capsys) -> None:
    approved(w, "6.031", period=Period.get("year", 2021))
    approved(w, "5.933,3")
    out, xlsx = tmp_path / "bao-cao.docx", tmp_path / "bieu.xlsx"
    code = main(["report", "--unit", "00001", "--period", "nam:2022", "--out", str(out), "--xlsx", str(xlsx)])
    stdout, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert stdout.splitlines() == [f"Đã ghi {out}", f"Đã ghi {xlsx}"]
    document = docx.Document(str(out))
    assert [p.text for p in document.tables[0].cell(0, 0).paragraphs][:2] == ["UBND TỈNH THỬ", "UBND PHƯỜNG LƯƠNG SƠN"]
    assert ("- Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3/5.795,9 tấn, bằng 102,37% kế hoạch, "
            "giảm 1,62% so với năm 2021 (6.031 tấn).") in [p.text for p in document.paragraphs]
    assert load_workbook(xlsx).sheetnames == ["Biểu 01", "Biểu 02"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--unit", "99999", "--period", "nam:2022"], "Lỗi: Không có xã, phường mã “99999”.\n"),
        (["--unit", "00001", "--period", "quy:2022"],
         "Lỗi: Kỳ “quy:2022” không hợp lệ; viết 6-thang:2023, 9-thang:2023, nam:2022 hoặc nhiem-ky:2021-2025.\n"),
        (["--unit", "00001", "--period", "nam:2030"], "Lỗi: Phường Lương Sơn chưa có kế hoạch cho kỳ “nam:2030”.\n"),
    ],
    ids=["unknown-unit", "bad-period", "no-plan"],
)
def test_bad_unit_or_period_is_refused_in_vietnamese(w, tmp_path: Path, capsys, args, message) -> None:
    code = main(["report", *args, "--out", str(tmp_path / "x.docx")])
    assert (code, capsys.readouterr().err) == (2, message)
    assert list(tmp_path.iterdir()) == []


def test_plan_for_next_year_from_the_database(w, tmp_path: Path, capsys) -> None:
    approved(w, "5.933,3")
    out = tmp_path / "ke-hoach.docx"
    assert main(["report", "--unit", "00001", "--period", "nam:2022", "--kind", "ke-hoach", "--out", str(out)]) == 0
    lines = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "Phát triển kinh tế - xã hội năm 2023" in lines
    assert "2. Các chỉ tiêu chủ yếu năm 2023" in lines
