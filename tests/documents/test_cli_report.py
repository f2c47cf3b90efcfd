"""``ktxh report --input DATA.json --kind bao-cao|ke-hoach --out FILE.docx [--xlsx FILE.xlsx]``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ktxh.cli import main

from .conftest import EXAMPLE, example_dict, open_docx, texts


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_report_and_tables_from_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, xlsx = tmp_path / "bao-cao.docx", tmp_path / "bieu.xlsx"
    code, stdout, err = run(capsys, "--input", str(EXAMPLE), "--kind", "bao-cao", "--out", str(out),
                            "--xlsx", str(xlsx))
    assert (code, err) == (0, "")
    assert stdout.splitlines() == [f"Đã ghi {out}", f"Đã ghi {xlsx}"]
    assert "BÁO CÁO" in texts(open_docx(out.read_bytes()))
    assert load_workbook(xlsx).sheetnames == ["Biểu 01", "Biểu 02"]


def test_plan_from_the_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ke-hoach.docx"
    code, _, err = run(capsys, "--input", str(EXAMPLE), "--kind", "ke-hoach", "--out", str(out))
    assert (code, err) == (0, "")
    assert "KẾ HOẠCH" in texts(open_docx(out.read_bytes()))


def test_bad_figure_names_the_field_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = example_dict()
    data["fields"][0]["rows"][0]["actual"] = "năm nghìn tấn"
    source, out = tmp_path / "du-lieu.json", tmp_path / "bao-cao.docx"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, stdout, err = run(capsys, "--input", str(source), "--out", str(out), "--xlsx", str(tmp_path / "b.xlsx"))
    assert code == 2 and stdout == ""
    assert err == "Lỗi: fields[0].rows[0].actual: Không đọc được số từ “năm nghìn tấn”.\n"
    assert list(tmp_path.iterdir()) == [source]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("signer"), "Lỗi: Thiếu “signer” trong dữ liệu.\n"),
        (lambda d: d["period"].update(kind="quy"),
         "Lỗi: period.kind “quy” không hợp lệ; chỉ nhận: 6-thang, 9-thang, nam, giua-ky, nhiem-ky.\n"),
        (lambda d: d["fields"][1]["rows"][0].update(plan=None),
         "Lỗi: fields[1].rows[0] (“Số hộ đạt danh hiệu gia đình văn hóa”) cần “target” hoặc “plan”.\n"),
        (lambda d: d["fields"][0]["rows"][0].update(plan="12,575"),
         "Lỗi: fields[0].rows[0].plan: Số “12,575” đọc được hai cách: 12,575 hoặc 12.575; hãy ghi rõ đơn vị tính "
         "hoặc viết theo kiểu Việt Nam (5.933,3).\n"),
        (lambda d: d.update(assessment=["Ưu điểm"]),
         "Lỗi: assessment phải là đối tượng {strengths, limitations, causes}.\n"),
    ],
    ids=["missing-signer", "bad-period", "no-target", "ambiguous-plan", "assessment-not-object"],
)
def test_bad_data_is_refused_in_vietnamese(tmp_path: Path, capsys: pytest.CaptureFixture[str], change,
                                           message: str) -> None:
    data = example_dict()
    change(data)
    source = tmp_path / "du-lieu.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, _, err = run(capsys, "--input", str(source), "--out", str(tmp_path / "x.docx"))
    assert (code, err) == (2, message)


def test_missing_or_broken_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--input", str(tmp_path / "khong-co.json"), "--out", str(tmp_path / "x.docx"))
    assert code == 2 and err.startswith("Lỗi: Không tìm thấy tệp dữ liệu")
    broken = tmp_path / "hong.json"
    broken.write_text("{", encoding="utf-8")
    code, _, err = run(capsys, "--input", str(broken), "--out", str(tmp_path / "x.docx"))
    assert code == 2 and err.startswith("Lỗi: Tệp “") and "không phải JSON hợp lệ" in err


def test_unwritable_output_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing_dir = tmp_path / "khong-co" / "bao-cao.docx"
    code, stdout, err = run(capsys, "--input", str(EXAMPLE), "--out", str(missing_dir))
    assert code == 2 and stdout == ""
    assert err.startswith(f"Lỗi: Không ghi được tệp “{missing_dir}”: ")


def test_an_output_that_is_not_a_file_is_written_into_never_replaced(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`--out /dev/null` (as root) once renamed the document over /dev/null: a plain file stood in its
    place and every program writing to /dev/null failed. A named pipe stands for it here."""
    import os
    import stat
    import threading

    pipe = tmp_path / "ong-dan"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(pipe.read_bytes()), daemon=True)
    reader.start()
    code, _, err = run(capsys, "--input", str(EXAMPLE), "--kind", "bao-cao", "--out", str(pipe))
    reader.join(timeout=30)
    assert (code, err) == (0, "")
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # still the pipe, not a file renamed over it
    assert got and got[0][:2] == b"PK"  # the whole .docx went through it
