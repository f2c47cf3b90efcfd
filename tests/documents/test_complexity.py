"""Every function of the documents, their web adapter and the report command stays at cyclomatic
complexity 25 or less (radon), so that each reads as named steps."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit

SRC = Path(__file__).resolve().parents[2] / "src" / "ktxh"
FILES = [*sorted((SRC / "documents").glob("*.py")), *sorted((SRC / "web" / "reports").glob("*.py")),
         SRC / "cli" / "report.py"]


def test_no_function_above_25() -> None:
    found = [(path.name, block.name, block.complexity) for path in FILES
             for block in cc_visit(path.read_text(encoding="utf-8")) if block.complexity > 25]
    assert len(FILES) > 10
    assert found == []
