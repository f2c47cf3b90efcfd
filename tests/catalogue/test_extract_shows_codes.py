"""`ktxh extract FILE --json` shows each target's and each figure's matched catalogue code and score
(issue 14, item 2), on the seeds (src/ktxh/web/demo/seeds/)."""

from __future__ import annotations

import json

import pytest

from ktxh.catalogue import THRESHOLD
from ktxh.cli import main
from tests.reader.conftest import seed_path


def _extract(prefix: str, capsys) -> dict:
    assert main(["extract", str(seed_path(prefix)), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_target_part_has_its_code_and_score(capsys: pytest.CaptureFixture[str]) -> None:
    data = _extract("003", capsys)
    parts = [p for t in data["targets"] for p in t["indicators"]]
    assert parts and all({"code", "score", "name", "candidates"} <= set(p) for p in parts)
    bhyt = next(p for p in parts if p["text"].startswith("Vận động người dân tham gia BHYT đạt 93%"))
    assert bhyt["code"] == "ty-le-bhyt" and bhyt["score"] >= THRESHOLD
    # a compound line: one part per indicator, each with the whole line as its source
    line = next(t for t in data["targets"] if "10 chuẩn Y tế quốc gia" in t["target"]["text"])
    assert [p["code"] for p in line["indicators"]] == ["chuan-quoc-gia-y-te", "ty-le-thap-coi", "ty-le-nhe-can"]
    assert line["indicator"] == {k: line["indicators"][0][k] for k in ("code", "name", "score")}


def test_every_figure_has_its_code_and_score(capsys: pytest.CaptureFixture[str]) -> None:
    data = _extract("002", capsys)
    assert data["actuals"] and all("indicator" in a for a in data["actuals"])
    grain = next(a for a in data["actuals"] if a["label"].startswith("Tổng sản lượng lương thực cây có hạt năm 2021"))
    assert grain["indicator"]["code"] == "san-luong-luong-thuc" and grain["indicator"]["score"] >= THRESHOLD
    unsure = [a for a in data["actuals"] if a["indicator"] and a["indicator"]["code"] is None]
    # below the threshold: no code, but the score and the candidates a person chooses from
    assert unsure and all(a["indicator"]["score"] < THRESHOLD and a["indicator"]["candidates"] for a in unsure)
