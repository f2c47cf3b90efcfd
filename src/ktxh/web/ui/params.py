"""Every number a page is given in its address or a form it did not draw (``?ky=``, ``chon=``,
``target=``), read one way: ASCII digits that fit an id, or a Vietnamese 400.

``str.isdigit()`` is true of "²" and "١٢", which ``int()`` then refuses or reads as another
number; 5 000 digits overflow the database. Views call :func:`int_param` instead.
"""

from __future__ import annotations

import re

from django.core.exceptions import BadRequest

MAX_ID = 2**53  # the API's bound too (``ktxh.web.schemas.MAX_ID``): exact in a JSON number
_DIGITS = re.compile(r"[0-9]{1,16}", re.ASCII)


class BadParameter(BadRequest):
    """A parameter that is not what the page asks for; ``message`` is shown on the 400 page."""

    def __init__(self, message: str, *, name: str = "", value: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.name = name
        self.value = value


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:40] + "…"


def read_int(raw: str | None, name: str, *, maximum: int = MAX_ID, minimum: int = 0) -> int | None:
    """``raw`` as a whole number from ``minimum`` to ``maximum``; None when empty; else BadParameter.

    >>> read_int("12", "ky"), read_int(" ", "ky"), read_int(None, "ky")
    (12, None, None)
    >>> read_int("²", "ky")
    Traceback (most recent call last):
    ...
    ktxh.web.ui.params.BadParameter: Tham số “ky” phải là một số nguyên dương (chữ số 0–9), không phải “²”.
    >>> read_int("9" * 20, "ke_hoach")
    Traceback (most recent call last):
    ...
    ktxh.web.ui.params.BadParameter: Tham số “ke_hoach” phải là một số nguyên dương (chữ số 0–9), không phải “99999999999999999999”.
    """
    text = (raw or "").strip()
    if not text:
        return None
    if not _DIGITS.fullmatch(text) or not minimum <= int(text) <= maximum:
        raise BadParameter(
            f"Tham số “{name}” phải là một số nguyên dương (chữ số 0–9), không phải “{_shown(text)}”.",
            name=name, value=text)
    return int(text)


def int_param(request, name: str, *, post: bool = False, maximum: int = MAX_ID) -> int | None:
    """The number ``name`` of the query string (or of the POST body, with ``post``), or None."""
    data = request.POST if post else request.GET
    return read_int(data.get(name), name, maximum=maximum)


def int_list(request, name: str, *, post: bool = True) -> list[int]:
    """Every value of ``name`` (checkboxes), each read by :func:`read_int`; empty values skipped."""
    data = request.POST if post else request.GET
    return [n for n in (read_int(v, name) for v in data.getlist(name)) if n is not None]


def pairs_param(request, name: str) -> list[tuple[int, int]]:
    """Every "id:version" value of the POST field ``name`` (the approval queue's ticks).

    A value not of that form is a 400 naming it, never skipped in silence.
    """
    out = []
    for raw in request.POST.getlist(name):
        pk, sep, version = raw.partition(":")
        first, second = read_int(pk, name), read_int(version, name, maximum=2**31 - 1) if sep else None
        if first is None or second is None:
            raise BadParameter(f"Tham số “{name}” phải có dạng “số:phiên bản”, không phải “{_shown(raw)}”.",
                               name=name, value=raw)
        out.append((first, second))
    return out
