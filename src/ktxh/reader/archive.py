"""A zip package (.docx, .xlsx) checked before any member of it is opened.

A .docx is a zip: a small file can hold gigabytes once unpacked (a zip bomb), and the
parts the Word reader does not read itself — ``[Content_Types].xml``, ``_rels/*.rels``,
styles — are still parsed whole by python-docx. So every member's unpacked size, the
number of members, the total of their markup and the whole archive's unpacked size are
checked here, from the zip's directory, before anything is parsed. Python's ``zipfile``
never unpacks more than the size a member declares (more fails its CRC check), so the
declared sizes bound what reading can cost.

The limits keep a reading under 300 MB of memory: markup (XML) costs lxml up to twenty times
its size, pictures are held once as they are.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
...     z.writestr("[Content_Types].xml", " " * (MAX_MARKUP + 1))
>>> check_archive(buf.getvalue(), "bom.docx")
Traceback (most recent call last):
...
ktxh.reader.errors.ReaderError: Tệp “bom.docx” có phần “[Content_Types].xml” quá lớn khi giải nén (8,0 MB); chỉ đọc phần XML đến 8 MB, cả tệp đến 64 MB khi giải nén.
"""

from __future__ import annotations

import io
import zipfile

from .errors import ReaderError

MB = 1024 * 1024
MAX_MARKUP = 8 * MB  #: all XML parts together, unpacked
MAX_TOTAL = 64 * MB  #: the whole archive, unpacked (pictures included)
MAX_MEMBERS = 2000  #: a long report with many pictures has a few hundred parts
_MARKUP = (".xml", ".rels", ".vml")


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",")


def _limits() -> str:
    return f"chỉ đọc phần XML đến {MAX_MARKUP // MB} MB, cả tệp đến {MAX_TOTAL // MB} MB khi giải nén"


def check_archive(data: bytes, name: str) -> list[zipfile.ZipInfo]:
    """The members of the zip ``data``, once their sizes are known to be readable; else ReaderError.

    Raises ``zipfile.BadZipFile`` for bytes that are no zip (the caller words that error).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ReaderError(
            f"Tệp \u201c{name}\u201d có {len(infos)} phần nén; chỉ đọc tệp có đến {MAX_MEMBERS} phần.",
            field="tệp", value=name)
    markup = total = 0
    for info in infos:
        is_markup = info.filename.lower().endswith(_MARKUP) or info.filename == "[Content_Types].xml"
        if info.file_size > (MAX_MARKUP if is_markup else MAX_TOTAL):
            raise ReaderError(
                f"Tệp \u201c{name}\u201d có phần \u201c{info.filename}\u201d quá lớn khi giải nén "
                f"({_mb(info.file_size)} MB); {_limits()}.", field="tệp", value=name)
        markup += info.file_size if is_markup else 0
        total += info.file_size
    if markup > MAX_MARKUP or total > MAX_TOTAL:
        largest = max(infos, key=lambda i: i.file_size)
        raise ReaderError(
            f"Tệp \u201c{name}\u201d quá lớn khi giải nén ({_mb(total)} MB, trong đó {_mb(markup)} MB XML; "
            f"phần lớn nhất \u201c{largest.filename}\u201d {_mb(largest.file_size)} MB); {_limits()}.",
            field="tệp", value=name)
    return infos
