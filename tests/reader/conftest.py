"""Seeds for the reader's tests: copies of ../shared/seeds, quoted verbatim."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ktxh.reader import Document, Finding, check_document, read_document

SEEDS = Path(__file__).parent / "seeds"


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@cache
def seed_document(prefix: str) -> Document:
    return read_document(seed_path(prefix))


@cache
def seed_findings(prefix: str) -> tuple[Finding, ...]:
    return tuple(check_document(seed_document(prefix)))


def finding(prefix: str, kind: str, stated: str | None, quote_part: str) -> Finding:
    """The one finding of ``kind`` whose quote holds ``quote_part`` and whose stated figure reads ``stated``."""
    found = [
        f for f in seed_findings(prefix)
        if f.kind == kind and quote_part in f.quote and (stated is None or f.stated_text == stated)
    ]
    assert len(found) == 1, [(f.kind, f.stated_text, f.quote[:60]) for f in seed_findings(prefix)]
    return found[0]


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
