"""Text a person types, made safe to store: the one cleaning every form and API schema calls.

Control characters (a vertical tab pasted from Word, a NUL, an escape), lone surrogates and
the non-characters U+FFFE/U+FFFF break what is built from the text later — PostgreSQL refuses
NUL, and an XML document (a .docx, an .xlsx) may hold none of them. They are removed; tabs
and line breaks stay (Windows line ends become "\\n"), and the text is put in NFC so that a
decomposed "ế" typed on one keyboard equals the composed one of another.

>>> clean_text("Tăng\\x0b trưởng\\x00 8,5%\\r\\nđạt")
'Tăng trưởng 8,5%\\nđạt'
>>> clean_text("Thu ngân sách\\tđạt") == "Thu ngân sách\\tđạt"
True
>>> clean_text("e\\u0302\\u0301") == "ế"
True
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and line feed, DEL and C1 controls, surrogates, U+FFFE and U+FFFF.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """``value`` without the characters that cannot be stored or written to a document.

    A carriage return alone counts as a line break ("a\\rb" → "a\\nb"); "\\x0c" (a page break
    pasted from Word) becomes a line break too, so that words on both sides stay apart.

    >>> clean_text("a\\rb\\x0cc")
    'a\\nb\\nc'
    >>> clean_text("")
    ''
    """
    if not value:
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    return unicodedata.normalize("NFC", _UNWANTED.sub("", value))
