"""Real plan texts (tests/corpus/plans, not the seeds): at least 90% of their target lines read right."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from ktxh.catalogue import read_line
from ktxh.reader import read_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "plans"


def _read(path: Path) -> dict[str, tuple]:
    out = {}
    for t in read_document(path).targets:
        for r in read_line(t.target.text):
            out[r.text] = (r.code, r.target.kind.value, r.target.low, r.target.high)
    return out


def _same(a: str | None, b: Decimal | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and Decimal(a) == b)


def test_corpus_is_real_and_large_enough() -> None:
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    docs = truth["documents"]
    assert len(docs) >= 4 and sum(len(d["lines"]) for d in docs) >= 60
    for d in docs:
        assert d["url"].startswith("http") and d["title"] and (CORPUS / d["file"]).exists()


def test_at_least_90_percent_of_target_lines_read_right() -> None:
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    total = right = 0
    wrong = []
    for d in truth["documents"]:
        got = _read(CORPUS / d["file"])
        for line in d["lines"]:
            total += 1
            found = got.get(line["text"])
            ok = found is not None and found[0] == line["code"] and found[1] == line["kind"] \
                and _same(line["low"], found[2]) and _same(line["high"], found[3])
            right += ok
            if not ok:
                wrong.append((d["file"], line["text"][:60], found))
    assert right / total >= 0.90, (right, total, wrong)
