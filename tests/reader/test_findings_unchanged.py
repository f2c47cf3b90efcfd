"""The checker's findings on the seeds and the corpus, and the numbers it reads, as recorded before an
optimization (tests/reader/findings_snapshot.json): a faster scan must find exactly the same.

A rule that adds or improves findings on purpose rewrites the snapshot with
``python tests/reader/test_findings_unchanged.py --update`` and says so in its commit; the diff of the
JSON shows what changed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from ktxh.core.numbers import find_numbers
from ktxh.reader import check_document, read_document

HERE = Path(__file__).resolve().parent
SNAPSHOT = HERE / "findings_snapshot.json"
TEXTS = sorted((HERE / "seeds").glob("*.txt")) + sorted((HERE.parent / "corpus" / "reports").glob("*.txt"))


def _findings(path: Path) -> list[dict]:
    # the file's name, not its path: the snapshot holds on any checkout
    return [{**f.to_dict(), "file": path.name} for f in check_document(read_document(path))]


def _numbers(path: Path) -> list[list]:
    text = path.read_text(encoding="utf-8")
    return [[n.text, str(n.value), n.unit, n.start, n.end, n.decimals, [str(a) for a in n.alternatives],
             str(n.scale), n.base_unit] for n in find_numbers(text)]


def current() -> dict:
    return {p.name: {"findings": _findings(p), "numbers": _numbers(p)} for p in TEXTS}


SAVED = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}


def test_snapshot_covers_every_text() -> None:
    assert sorted(SAVED) == sorted(p.name for p in TEXTS)


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_same_numbers(path: Path) -> None:
    assert _numbers(path) == SAVED[path.name]["numbers"]


@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_same_findings(path: Path) -> None:
    assert json.loads(json.dumps(_findings(path), ensure_ascii=False)) == SAVED[path.name]["findings"]


if __name__ == "__main__":  # pragma: no cover - rewrite the snapshot after an intended change
    if "--update" in sys.argv:
        SNAPSHOT.write_text(json.dumps(current(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {SNAPSHOT}")
