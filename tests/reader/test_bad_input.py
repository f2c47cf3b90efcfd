"""Bad input gets a clear Vietnamese error (exit code 2) or a result, never a traceback."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from ktxh.cli import main
from ktxh.reader import ReaderError, check_document, read_document


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(path)])
    return code, capsys.readouterr().err


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "bao_cao.txt"
    p.write_bytes(b"")
    code, err = _check(p, capsys)
    assert code == 2
    assert err.startswith("Lỗi: Tệp") and "rỗng" in err


def test_only_blank_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "bao_cao.md"
    p.write_text("\n  \n\t\n", encoding="utf-8")
    code, err = _check(p, capsys)
    assert code == 2 and "rỗng" in err


def test_binary_junk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "bao_cao.txt"
    p.write_bytes(os.urandom(4096) + b"\x00" * 16)
    code, err = _check(p, capsys)
    assert code == 2 and "không phải văn bản" in err


def test_junk_without_nul_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "bao_cao.txt"
    p.write_bytes(bytes(range(1, 32)) * 200)
    code, err = _check(p, capsys)
    assert code == 2 and "Lỗi:" in err


def test_docx_that_is_a_zip_of_something_else(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("anh/so_lieu.csv", "a,b\n1,2\n")
    p = tmp_path / "bao_cao.docx"
    p.write_bytes(buf.getvalue())
    code, err = _check(p, capsys)
    assert code == 2 and "không phải văn bản Word" in err and "bao_cao.docx" in err


def test_docx_that_is_not_a_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "bao_cao.docx"
    p.write_text("Đây là văn bản thường, không phải Word.", encoding="utf-8")
    code, err = _check(p, capsys)
    assert code == 2 and "không phải tệp .docx hợp lệ" in err


def test_docx_with_a_broken_document_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<không phải xml")
    p = tmp_path / "hong.docx"
    p.write_bytes(buf.getvalue())
    code, err = _check(p, capsys)
    assert code == 2 and "hong.docx" in err


def test_twenty_megabytes_of_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "lon.txt"
    line = "Thu ngân sách nhà nước năm 2021 là 3.182.308.468đ/1.839.000.000đ đạt 173,0% kế hoạch.\n"
    with p.open("w", encoding="utf-8") as fh:
        fh.write(line * (20 * 1024 * 1024 // len(line.encode()) + 1))
    assert p.stat().st_size > 20 * 1024 * 1024
    code, err = _check(p, capsys)
    assert code == 2 and "quá lớn" in err and "20," in err


def test_one_enormous_line_gives_a_result(tmp_path: Path) -> None:
    # 70 KB in a single "sentence": every a/b is still judged and quotes stay short.
    doc = read_document(("1.000/2.000 hộ đạt 50% " * 3000).encode(), filename="mot_dong.txt")
    findings = check_document(doc)
    assert len(findings) == 3000
    assert all(f.verdict == "ok" for f in findings)
    assert max(len(f.quote) for f in findings) <= 610


def test_old_word_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "bao_cao.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    code, err = _check(p, capsys)
    assert code == 2 and ".docx" in err


def test_missing_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _check(tmp_path / "khong_co.txt", capsys)
    assert code == 2 and "Không mở được tệp" in err
    code, err = _check(tmp_path, capsys)
    assert code == 2 and "thư mục" in err


def test_one_bad_file_among_good_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "tot.txt"
    good.write_text("Kết quả vận động nhân dân tham gia BHXH tự nguyện còn thấp (đạt 32/64 đạt 50%).", encoding="utf-8")
    bad = tmp_path / "rong.txt"
    bad.write_bytes(b"")
    assert main(["check", str(good), str(bad)]) == 2
    captured = capsys.readouterr()
    assert "rong.txt" in captured.err and "32/64" in captured.out
    assert "Kiểm tra" in captured.err  # the progress bar over many files goes to stderr


def test_errors_name_the_field_and_value() -> None:
    with pytest.raises(ReaderError) as info:
        read_document(b"", filename="trong.txt")
    assert info.value.field == "tệp" and info.value.value == "trong.txt"


def test_extract_reports_bad_input_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "rong.docx"
    p.write_bytes(b"PK\x03\x04junk")
    assert main(["extract", str(p), "--json"]) == 2
    assert "Lỗi:" in capsys.readouterr().err


def test_too_many_claims_are_checked_in_part(monkeypatch: pytest.MonkeyPatch) -> None:
    from ktxh.reader import read as read_module

    monkeypatch.setattr(read_module, "MAX_CLAIMS", 10)
    doc = read_document(("Đạt 1.000/2.000 hộ đạt 50%. " * 30).encode(), filename="nhieu.txt")
    assert len(check_document(doc)) == 10
    assert any("chỉ kiểm tra 10" in w for w in doc.warnings)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_windows_text_files_read_the_same(encoding: str) -> None:
    text = "2. Y tế: Bảo hiểm xã hội tự nguyện 118/119 đạt 99,16%.\r\nKhám sàng lọc bệnh lao 316 lượt.\r\n"
    [f] = check_document(read_document(text.encode(encoding), filename="y_te.txt"))
    assert (f.verdict, f.stated_text, f.location.line) == ("ok", "99,16%", 1)
