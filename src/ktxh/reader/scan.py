"""Regex scans led by their keywords: ``str.find`` (which runs at memory speed) finds where a match can
begin, and the regex is tried only there. A pattern such as ``(?i)\\b(phường|xã|thị\\s+trấn)\\s+…`` has no
literal prefix the regex engine can skip to, so ``finditer`` tries it at every character of a report.

>>> import re
>>> pattern = re.compile(r"(?i)\\b(phường|xã)\\s+(\\w+)")
>>> text = "UBND Phường Lê Lợi và xã Nam"
>>> [m.group() for m in keyword_finditer(pattern, text, lowered(text), (("phường", 0), ("xã", 0)))]
['Phường Lê', 'xã Nam']
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps the length (so its offsets are the text's), else None.

    A case-insensitive regex also takes the dotless "ı" for "i" and the long "ſ" for "s", which
    ``lower()`` keeps: they are written as "i" and "s" here (tests/reader/test_scan.py checks that no
    other character matches a letter of Vietnamese under ``re.IGNORECASE`` but lowers to another).
    """
    low = text.lower()
    if len(low) != len(text):
        return None
    if "ı" in low or "ſ" in low:
        low = low.replace("ı", "i").replace("ſ", "s")
    return low


def keyword_finditer(pattern: re.Pattern[str], text: str, low: str | None, starts: tuple[tuple[str, int], ...],
                     start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, start, end)``, found faster.

    ``starts`` are (word, shift) pairs: every match must begin ``shift`` characters after an occurrence
    of ``word`` (lowercase) in ``low``, the lowered text (so they suit a case-insensitive pattern). The
    pattern is then matched only at those places, in order, as ``finditer`` would. With ``low`` None (a
    text whose lowering changes its length) it is plain ``finditer``.
    """
    end = len(text) if end is None else end
    if low is None:
        yield from pattern.finditer(text, start, end)
        return
    candidates = []
    for word, shift in starts:
        i = low.find(word, start, end)
        while i >= 0:
            if start <= i + shift < end:
                candidates.append(i + shift)
            i = low.find(word, i + 1, end)
    candidates.sort()
    pos = start
    for q in candidates:
        if q >= pos and (m := pattern.match(text, q, end)) is not None:
            yield m
            pos = max(m.end(), q + 1)
