"""The checker measured on a corpus of real reports from other communes (tests/corpus/reports).

The truth is written by hand in ``truth.yaml``; this test first recomputes each verdict from the
figures with its own arithmetic (so a slip in the truth file fails here, not in the checker), then
runs ``ktxh check``'s code on every file and matches each claim to a finding by its stated figure
and the figures it rests on.

Goals (issue 15): at least 95% of the "a/b … p%" claims and 80% of the others recomputed; every
wrong figure found wrong; no right figure called wrong (and no finding "sai" that the truth does
not list as wrong).
"""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

from ktxh.reader import check_document, read_document

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "reports"
TRUTH = yaml.safe_load((CORPUS / "truth.yaml").read_text(encoding="utf-8"))
HUNDRED = Decimal(100)


def _places(stated: str) -> int:
    return len(stated.split(".")[1]) if "." in stated else 0


def _written(true: Decimal, stated: str) -> bool:
    """A stated figure is right when it is the true value rounded or truncated to its decimals."""
    q = Decimal(1).scaleb(-_places(stated))
    s = Decimal(stated)
    return true.quantize(q, ROUND_HALF_UP) == s or true.quantize(q, ROUND_DOWN) == s


def _sum_holds(parts: list[Decimal], total: Decimal) -> bool:
    places = max(_places(str(p)) for p in [*parts, total])
    slack = Decimal(len(parts)) * Decimal(1).scaleb(-places) / 2 if places else Decimal(0)
    return abs(sum(parts) - total) <= slack


def hand_verdict(claim: dict) -> str:
    """The verdict from the figures, by the plain arithmetic of each kind."""
    f = [Decimal(x) for x in claim["figures"]]
    s = Decimal(claim["stated"])
    kind = claim["kind"]
    if kind in ("ratio", "share"):
        ok = _written(f[0] / f[1] * HUNDRED, claim["stated"])
    elif kind in ("total", "count"):
        if sum(f) < s and claim["verdict"] == "short":
            return "short"
        ok = _sum_holds(f, s)
    elif kind == "product" and len(f) == 2:  # area, output; stated: yield in tạ/ha
        ok = _written(f[1] * 10 / f[0], claim["stated"])
    elif kind == "product":  # factors whose product, in triệu, is the stated amount in đồng
        p = f[0] * f[1] * f[2] * Decimal(10**6)
        ok = p == s
    elif kind == "average":
        ok = _written(f[0] / f[1], claim["stated"])
    elif kind == "difference":
        ok = f[0] - f[1] == s
    elif kind == "words":
        ok = f[0] == s
    elif kind == "consistency":  # two (part, percent) pairs: is there one whole for both?
        lows, highs = [], []
        for part, pct in ((f[0], f[1]), (f[2], f[3])):
            unit = Decimal(1).scaleb(-_places(str(pct)))
            lows.append(part * HUNDRED / (pct + unit))
            highs.append(part * HUNDRED / (pct - unit / 2))
        ok = max(lows) <= min(highs)
    else:
        raise AssertionError(f"kind {kind}")
    return "right" if ok else "wrong"


CLAIMS = [(name, c) for name, claims in TRUTH.items() for c in claims]


@pytest.mark.parametrize("name,claim", CLAIMS, ids=[f"{n}:{c['kind']}:{c['stated']}" for n, c in CLAIMS])
def test_truth_is_arithmetic(name: str, claim: dict) -> None:
    assert hand_verdict(claim) == claim["verdict"], claim


def test_corpus_size() -> None:
    assert len(CLAIMS) >= 150
    assert sum(1 for _, c in CLAIMS if c["verdict"] == "wrong") >= 10
    assert set(TRUTH) == {p.name for p in CORPUS.glob("*.txt")}, "every corpus text has its truth"


def _same(figure: Decimal, value: Decimal) -> bool:
    """Figures in the truth are plain; the checker keeps "13 tỷ" as 13 with the scale in the unit."""
    return any(figure == value * Decimal(10) ** k for k in (0, 3, 6, 9))


def _matches(claim: dict, finding) -> bool:
    if finding.stated is None or not _same(Decimal(claim["stated"]), finding.stated):
        return False
    inputs = list(finding.inputs)
    for figure in (Decimal(x) for x in claim["figures"]):
        hit = next((v for v in inputs if _same(figure, v)), None)
        if hit is None:
            return False
        inputs.remove(hit)
    return True


def measure() -> dict:
    findings = {}
    for name in TRUTH:
        doc = read_document(CORPUS / name)
        findings[name] = check_document(doc)
    found, total, missed, false_alarms, wrong_missed = Counter(), Counter(), [], [], []
    matched_wrong: set[int] = set()
    for name, claim in CLAIMS:
        group = "ratio" if claim["kind"] == "ratio" else "other"
        total[group] += 1
        hits = [f for f in findings[name] if _matches(claim, f)]
        recomputed = [f for f in hits if f.verdict in ("ok", "wrong") or claim["verdict"] == "short"]
        if recomputed:
            found[group] += 1
        else:
            missed.append((name, claim))
        for f in hits:
            if f.verdict == "wrong":
                matched_wrong.add(id(f))
                if claim["verdict"] != "wrong":
                    false_alarms.append((name, claim, f.note))
        if claim["verdict"] == "wrong" and not any(f.verdict == "wrong" for f in hits):
            wrong_missed.append((name, claim))
    stray = [(n, f.quote, f.note) for n, fs in findings.items() for f in fs
             if f.verdict == "wrong" and id(f) not in matched_wrong]
    return {"found": found, "total": total, "missed": missed, "false_alarms": false_alarms,
            "wrong_missed": wrong_missed, "stray": stray}


@pytest.fixture(scope="module")
def result() -> dict:
    return measure()


def test_ratio_claims_found(result: dict) -> None:
    share = result["found"]["ratio"] / result["total"]["ratio"]
    missed = [(n, c) for n, c in result["missed"] if c["kind"] == "ratio"]
    assert share >= 0.95, f"{result['found']['ratio']}/{result['total']['ratio']} a/b claims found; missed {missed}"


def test_other_claims_found(result: dict) -> None:
    share = result["found"]["other"] / result["total"]["other"]
    missed = [(n, c) for n, c in result["missed"] if c["kind"] != "ratio"]
    assert share >= 0.80, f"{result['found']['other']}/{result['total']['other']} other claims found; missed {missed}"


def test_every_wrong_figure_found(result: dict) -> None:
    assert result["wrong_missed"] == []


def test_no_right_figure_called_wrong(result: dict) -> None:
    assert result["false_alarms"] == []
    assert result["stray"] == [], "a finding 'sai' that the truth does not list as wrong"


if __name__ == "__main__":  # pragma: no cover - a report for people: python tests/reader/test_corpus.py
    r = measure()
    for g in ("ratio", "other"):
        print(f"{g}: {r['found'][g]}/{r['total'][g]}")
    print("wrong missed:", len(r["wrong_missed"]), "false alarms:", len(r["false_alarms"]), "stray:", len(r["stray"]))
    for n, c in r["missed"]:
        print("  missed", n, c)
    for item in r["stray"]:
        print("  stray", item)
