"""A .docx is checked member by member before it is parsed: no padded part takes the memory.

Issue 13 item 2: a 1,5 MB .docx whose ``[Content_Types].xml`` was padded passed the size check
(which summed only ``word/*.xml``) and took ``ktxh check`` to 3,1 GB. Each crafted file here
holds a real sentence of a commune report, so that what is under the limit is read through.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from ktxh.reader import ReaderError, read_document
from ktxh.reader.archive import MAX_MARKUP, MAX_MEMBERS, MAX_TOTAL

SENTENCE = "Tổng sản lượng lương thực cây có hạt đạt 5.933,3 tấn, bằng 102,4% kế hoạch."
FILLERS = {
    "[Content_Types].xml": b'<Default Extension="x" ContentType="a/b"/>',
    "_rels/.rels": b' ',
    "word/styles.xml": b"<w:style/>",
    "word/document.xml": b"<w:p/>",
}
PEAK_LIMIT_MB = 300


def _docx() -> bytes:
    d = docx.Document()
    d.add_paragraph(SENTENCE)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def padded(member: str, size: int, filler: bytes | None = None) -> bytes:
    """A real .docx whose ``member`` is padded (inside its root element) until all XML is ``size`` bytes."""
    src = zipfile.ZipFile(io.BytesIO(_docx()))
    others = sum(i.file_size for i in src.infolist() if i.filename != member)
    unit = filler or FILLERS.get(member, b" ")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == member:
                cut = data.rindex(b"</")
                data = data[:cut] + unit * ((size - others - len(data)) // len(unit)) + data[cut:]
            z.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.parametrize("member", ["[Content_Types].xml", "_rels/.rels", "word/styles.xml"])
def test_a_padded_part_outside_the_text_is_refused(member: str) -> None:
    data = padded(member, MAX_MARKUP + 65536)
    assert len(data) < 2 * 1024 * 1024  # a small file: the check is on what it unpacks to
    with pytest.raises(ReaderError) as err:
        read_document(data, filename="bao-cao.docx")
    assert "quá lớn khi giải nén" in err.value.message and f"“{member}”" in err.value.message
    assert "8 MB" in err.value.message and err.value.field == "tệp"


def test_many_parts_and_a_large_total_are_refused() -> None:
    src = zipfile.ZipFile(io.BytesIO(_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info.filename))
        for n in range(MAX_MEMBERS):
            z.writestr(f"word/media/anh{n}.png", b"")
    with pytest.raises(ReaderError, match="phần nén; chỉ đọc tệp có đến 2000 phần"):
        read_document(out.getvalue(), filename="nhieu-phan.docx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info.filename))
        for n in range(3):
            z.writestr(f"word/media/anh{n}.png", b"\0" * (MAX_TOTAL // 3))
    with pytest.raises(ReaderError, match="quá lớn khi giải nén .*cả tệp đến 64 MB"):
        read_document(out.getvalue(), filename="anh.docx")


_PEAK = """
import json, resource, sys
from ktxh.reader import check_document, read_document
doc = read_document(sys.argv[1])
findings = check_document(doc)
# VmHWM: this process's own peak (ru_maxrss keeps the forking parent's across exec on Linux)
status = dict(line.split(":", 1) for line in open("/proc/self/status").read().splitlines() if ":" in line)
peak_kb = int(status["VmHWM"].split()[0]) if "VmHWM" in status else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"peak_mb": peak_kb / 1024,
                  "paragraphs": len(doc.paragraphs), "claims": len(findings)}))
"""


@pytest.mark.parametrize("member", ["[Content_Types].xml", "word/document.xml"])
def test_reading_a_file_just_under_the_limit_stays_under_300_mb(member: str, tmp_path: Path) -> None:
    path = tmp_path / "sat-gioi-han.docx"
    path.write_bytes(padded(member, MAX_MARKUP - 1024))
    out = subprocess.run([sys.executable, "-c", _PEAK, str(path)], capture_output=True, text=True, check=True,
                         timeout=120)
    run = json.loads(out.stdout)
    assert run["claims"] >= 1  # read through to the figures, not refused
    assert run["peak_mb"] < PEAK_LIMIT_MB, run
