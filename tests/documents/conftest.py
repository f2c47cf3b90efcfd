"""The Lương Sơn 2022 example (figures from seed 002) and helpers to open what the generator writes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from ktxh.documents import ReportData, build_plan, build_report, report_from_dict

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "luong-son-2022.json"


def example_dict() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


@pytest.fixture
def data() -> ReportData:
    return report_from_dict(example_dict())


def open_docx(blob: bytes):
    return docx.Document(io.BytesIO(blob))


@pytest.fixture
def report(data: ReportData):
    return open_docx(build_report(data))


@pytest.fixture
def plan(data: ReportData):
    return open_docx(build_plan(data))


def texts(document) -> list[str]:
    """Body paragraphs' texts, in order."""
    return [p.text for p in document.paragraphs]


def cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]
