"""Bounded input types for the API, so that no input can reach the database malformed.

Ids fit in a signed 64-bit column, years in a small integer, and texts carry no control
character (``ktxh.core.text.clean_text`` removes them: PostgreSQL refuses NUL, a .docx any of
them) and no more characters than their column holds.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from ninja import Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator, BeforeValidator, Field

from ktxh.core.text import clean_text


def _clean(value):
    """A text cleaned by the core (control characters out, NFC) before its length is checked."""
    return clean_text(value) if isinstance(value, str) else value


MAX_ID = 2**53
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1900, le=2200)]
Version = Annotated[int, Field(ge=0, le=2**31 - 1)]


def _iso_day(value):
    """A day as the schema declares it (``format: date``, "2025-07-01"), not a number read as a timestamp."""
    if isinstance(value, str) and not _DAY.fullmatch(value):
        raise ValueError(f"Ngày “{value[:40]}” phải viết dạng năm-tháng-ngày, ví dụ 2025-07-01.")
    if isinstance(value, int | float):
        raise ValueError("Ngày phải viết dạng năm-tháng-ngày, ví dụ 2025-07-01.")
    return value


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
Day = Annotated[date, BeforeValidator(_iso_day)]


def text(max_length: int, min_length: int = 0):
    return Annotated[str, Field(min_length=min_length, max_length=max_length), BeforeValidator(_clean)]


def _whole(value):
    if isinstance(value, str) and ("\x00" in value or any("\ud800" <= c <= "\udfff" for c in value)):
        raise ValueError("Chuỗi có ký tự NUL hoặc ký tự Unicode lẻ (surrogate), không đọc được.")
    return value


def secret(max_length: int):
    """A text taken exactly as sent (a password: nothing removed), refused when it cannot be a text."""
    return Annotated[str, Field(max_length=max_length), AfterValidator(_whole)]


class Pages(LimitOffsetPagination):
    """Limit/offset pages, both bounded (an offset past 2³¹ overflows the database's integers)."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=1000)
        offset: int = Field(0, ge=0, le=2**31 - 1)
