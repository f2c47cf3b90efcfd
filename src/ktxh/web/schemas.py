"""Bounded input types for the API, so that no input can reach the database malformed.

Ids fit in a signed 64-bit column, years in a small integer, and texts carry no NUL
character (PostgreSQL refuses them) and no more characters than their column holds.
"""

from __future__ import annotations

from typing import Annotated

from ninja import Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator, Field


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("Chuỗi có ký tự NUL (\\x00), không lưu được.")
    return value


MAX_ID = 2**53
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=1900, le=2200)]
Version = Annotated[int, Field(ge=0, le=2**31 - 1)]


def text(max_length: int, min_length: int = 0):
    return Annotated[str, Field(min_length=min_length, max_length=max_length), AfterValidator(_no_nul)]


class Pages(LimitOffsetPagination):
    """Limit/offset pages, both bounded (an offset past 2³¹ overflows the database's integers)."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=1000)
        offset: int = Field(0, ge=0, le=2**31 - 1)
