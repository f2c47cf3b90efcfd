"""``ktxh report``: a missing, unreadable or broken input, or an unwritable output, is said in
Vietnamese (no English text of the OS or of json), exit 2, nothing written."""

from pathlib import Path

import pytest

from ktxh.cli import main

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "luong-son-2022.json"


def _run(capsys, *args):
    code = main(["report", *args])
    return code, capsys.readouterr().err


def test_broken_json_says_where_in_vietnamese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "hong.json"
    bad.write_text('{"unit": 1,,}', encoding="utf-8")
    code, err = _run(capsys, "--input", str(bad), "--kind", "bao-cao", "--out", str(tmp_path / "a.docx"))
    assert code == 2 and "không phải JSON hợp lệ: dòng 1, cột 12: tên trường phải đặt trong ngoặc kép." in err
    assert not (tmp_path / "a.docx").exists()


def test_folder_as_input_and_unwritable_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = _run(capsys, "--input", str(tmp_path), "--kind", "bao-cao", "--out", str(tmp_path / "a.docx"))
    assert code == 2 and "đây là một thư mục, không phải tệp" in err
    code, err = _run(capsys, "--input", str(EXAMPLE), "--kind", "bao-cao", "--out", str(tmp_path / "khong" / "a.docx"))
    assert code == 2 and "Không ghi được tệp" in err and "không có tệp hoặc thư mục này" in err
    assert "No such file" not in err


def test_unreachable_database_is_said_in_vietnamese_without_the_password(capsys, monkeypatch) -> None:
    from ktxh.cli.common import database_error, is_database_error

    class OperationalError(Exception):
        pass

    OperationalError.__module__ = "django.db.utils"
    exc = OperationalError('connection failed: connection to server at "127.0.0.1", port 1 failed')
    assert is_database_error(exc) and not is_database_error(ValueError("x"))
    monkeypatch.setenv("KTXH_DATABASE_URL", "postgres://ktxh:bi-mat@127.0.0.1:1/ktxh")
    assert database_error(exc) == 2
    err = capsys.readouterr().err
    assert "Không kết nối hoặc không mở được cơ sở dữ liệu postgres://127.0.0.1:1/ktxh" in err
    assert "bi-mat" not in err and "connection failed" not in err
