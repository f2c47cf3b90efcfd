"""A document's target lists are parsed when first read: checking its figures leaves them unparsed, and
reading them gives what ``extract_targets`` gives."""

from __future__ import annotations

from pathlib import Path

from ktxh.reader import check_document, read_document
from ktxh.reader.target_lists import extract_targets

SEED = next((Path(__file__).resolve().parent / "seeds").glob("001_*.txt"))


def test_checking_parses_no_target() -> None:
    doc = read_document(SEED.read_bytes(), filename=SEED.name)
    assert check_document(doc)
    assert "targets" not in vars(doc)  # the cached property was never computed


def test_targets_when_read_are_the_target_lists() -> None:
    doc = read_document(SEED)
    assert doc.targets == tuple(extract_targets(doc.paragraphs, doc.tables))
    assert len(doc.targets) > 5
    assert doc.to_dict()["targets"][0]["label"] == doc.targets[0].label
