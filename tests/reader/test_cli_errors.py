"""``ktxh check`` and ``ktxh extract`` speak Vietnamese when the input is bad: no English from the system."""

from __future__ import annotations

from pathlib import Path

import pytest

from ktxh.cli import main

ENGLISH = ("No such file", "Permission denied", "Is a directory", "Traceback", "Error:", "Expecting value", "usage:")


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize("make", ["missing", "directory", "binary.pdf", "junk.xlsx", "empty.txt"])
def test_bad_input_gives_a_vietnamese_error(command: str, make: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / make
    if make == "directory":
        path.mkdir()
    elif make == "binary.pdf":
        path.write_bytes(b"%PDF-1.4 \x00\x01 not a pdf")
    elif make == "junk.xlsx":
        path.write_bytes(b"PK\x03\x04 not a workbook")
    elif make == "empty.txt":
        path.write_bytes(b"")
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Lỗi: ") and str(path) in err
    assert not any(word in err for word in ENGLISH), err


def test_missing_argument_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["target"])
    err = capsys.readouterr().err
    assert "thiếu tham số bắt buộc: CHỈ_TIÊU" in err and "usage" not in err
