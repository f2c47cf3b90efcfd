"""Importing in two steps: ``prepare`` says what each row will do, ``apply`` saves exactly that.

Texts are the seeds' own lines (src/ktxh/web/demo/seeds/): seed 002 is Lương Sơn's mid-term report,
seed 001 Hương Xuân's 2022 resolution.
"""

import io
from decimal import Decimal
from pathlib import Path

from ktxh.reader import read_document
from ktxh.web.data.tracking import importer
from ktxh.web.data.tracking.models import Actual
from ktxh.web.metadata.plans.models import Indicator, Target
from ktxh.web.tests.factories import Api

SEEDS = Path(__file__).resolve().parents[3] / "demo" / "seeds"


def seed(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_document(path)


def text(body: str):
    return read_document(body.encode(), filename="bao-cao.txt")


def test_prepare_writes_nothing_and_lists_every_figure(w):
    minted = Indicator.objects.filter(catalogue="")
    before = (Actual.objects.count(), Target.objects.count(), minted.count())
    prepared = importer.prepare(seed("002"), unit=w.b, user=w.leader_b)
    # (``world`` empties the catalogue: its entries come back as prepare looks them up, nothing else)
    assert (Actual.objects.count(), Target.objects.count(), minted.count()) == before
    doc = seed("002")
    # every "a/b" figure, and the current and base figures of its "tăng … so với năm 2020 (5551,1 tấn)"
    assert sum(1 for r in prepared.rows if r.kind == importer.ACTUAL) == len(doc.actuals) + 2
    grain = [(r.kind, r.period, r.value, r.action, r.estimate) for r in prepared.rows if r.code == "san-luong-luong-thuc"]
    assert grain == [("actual", "Năm 2021", "6.031", "new", False), ("target", "Năm 2021", "5.926 tấn", "new", False),
                     ("actual", "Năm 2022", "5.933,3", "new", False), ("target", "Năm 2022", "5.795,9 tấn", "new", False),
                     ("actual", "Năm 2023", "5.814,7", "new", True), ("actual", "Năm 2020", "5.551,1", "new", False)]
    result = importer.apply(prepared)
    assert result.actuals == sum(1 for r in prepared.rows if r.kind == importer.ACTUAL and r.action == "new")
    assert result.targets == sum(1 for r in prepared.rows if r.kind == importer.TARGET and r.action == "new")


def test_a_reimport_shows_the_same_figures_as_same(w):
    prepared = importer.prepare(seed("002"), unit=w.b, user=w.leader_b)
    saved = {r.key for r in prepared.rows if r.action == "new"}
    first = importer.apply(prepared)
    again = importer.prepare(seed("002"), unit=w.b, user=w.leader_b)
    assert {r.action_label for r in again.rows if r.key in saved} == {"giống số đã lưu"}
    assert {r.key for r in again.rows if r.action == "new"} == set()
    second = importer.apply(again)
    assert (second.actuals, second.targets, second.same) == (0, 0, first.actuals + first.targets)
    assert second.message().startswith("Đã lưu 0 số liệu, 0 chỉ tiêu kế hoạch, 0 chỉ tiêu mới; "
                                       f"{second.same} bỏ qua vì đã có, giống số đã lưu")


def test_a_different_figure_is_kept_unless_the_person_replaces_it(w):
    line = "- Tổng sản lượng lương thực cây có hạt năm 2021 đạt: 6.031/5.926 tấn bằng 101,7% kế hoạch thành phố giao"
    importer.import_document(text(f"BÁO CÁO\nKết quả năm 2021\n{line}\n"), unit=w.b, user=w.leader_b,
                             kind="term", start_year=2021, end_year=2025)
    changed = text(f"BÁO CÁO\nKết quả năm 2021\n{line.replace('6.031/', '6.100/')}\n")
    prepared = importer.prepare(changed, unit=w.b, user=w.leader_b, kind="term", start_year=2021, end_year=2025)
    (row,) = [r for r in prepared.rows if r.kind == importer.ACTUAL]
    assert (row.action, row.old, row.value) == ("different", "6.031", "6.100")
    kept = importer.apply(prepared)
    assert kept.kept == 1 and Actual.objects.get(unit=w.b, indicator=w.grain).value == Decimal("6031")
    prepared = importer.prepare(changed, unit=w.b, user=w.leader_b, kind="term", start_year=2021, end_year=2025)
    done = importer.apply(prepared, {row.key: {"replace": True}})
    assert done.replaced == 1 and Actual.objects.get(unit=w.b, indicator=w.grain).value == Decimal("6100")


def test_an_officer_of_culture_importing_an_economy_line_gets_it_skipped_with_the_reason(w):
    # issue 13.4: the import writes only what its person may write
    line = "- Tổng sản lượng lương thực cây có hạt năm 2021 đạt: 6.031/5.926 tấn bằng 101,7% kế hoạch thành phố giao"
    prepared = importer.prepare(text(f"BÁO CÁO\n{line}\n"), unit=w.a, user=w.officer_soc,
                                kind="term", start_year=2021, end_year=2025)
    rows = [r for r in prepared.rows if r.code == "san-luong-luong-thuc"]
    assert rows and all(r.action == "skipped" and r.reason == "ngoài lĩnh vực của bạn (lĩnh vực Kinh tế)" for r in rows)
    result = importer.apply(prepared)
    assert result.saved == 0 and not Actual.objects.filter(indicator=w.grain).exists()
    assert "ngoài lĩnh vực của bạn" in result.skipped[0]
    # the officer of the economy imports the same line
    ok = importer.apply(importer.prepare(text(f"BÁO CÁO\n{line}\n"), unit=w.a, user=w.officer,
                                         kind="term", start_year=2021, end_year=2025))
    assert ok.actuals == 1


def test_below_the_threshold_the_person_picks_or_proposes_a_province_indicator(w):
    line = "- Số tổ dân phố thực hiện đề án trồng hoa năm 2023 đạt: 12/21 tổ dân phố bằng 57% kế hoạch"
    doc = text(f"BÁO CÁO\n{line}\n")
    prepared = importer.prepare(doc, unit=w.a, user=w.leader, kind="term", start_year=2021, end_year=2025)
    actual = next(r for r in prepared.rows if r.kind == importer.ACTUAL)
    assert actual.choosable and actual.action == "skipped" and "hãy chọn" in actual.reason
    result = importer.apply(prepared, {actual.key: {"indicator": "moi", "name": "Số tổ dân phố trồng hoa đạt 12"}})
    ind = Indicator.objects.get(name="Số tổ dân phố trồng hoa")
    assert (ind.province, ind.catalogue, result.indicators_created, result.actuals) == (w.p, "", 1, 1)
    # the next import of the same commune's province finds it without asking
    again = importer.prepare(doc, unit=w.b, user=w.leader_b, kind="term", start_year=2021, end_year=2025)
    assert next(r for r in again.rows if r.kind == importer.ACTUAL).code == ind.code
    # … and a commune of another province does not see it
    other = importer.prepare(doc, unit=w.c, user=w.leader_c, kind="term", start_year=2021, end_year=2025)
    assert next(r for r in other.rows if r.kind == importer.ACTUAL).code is None


def test_the_api_imports_in_the_same_two_steps(w):
    client = Api(w.leader_b).client
    headers = Api(w.leader_b).headers
    (path,) = SEEDS.glob("002_*.txt")
    with path.open("rb") as fh:
        r = client.post("/api/imports/preview", {"unit_id": w.b.pk, "file": fh}, **headers)
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["counts"]["new"] > 10 and not Actual.objects.filter(unit=w.b).exists()
    grain = next(x for x in body["rows"] if x["code"] == "san-luong-luong-thuc")
    assert (grain["period"], grain["value"], grain["action"], grain["score"]) == ("Năm 2021", "6.031", "new", 100.0)
    accept = {"key": body["key"], "name": body["name"], "digest": body["digest"], "unit_id": w.b.pk}
    done = Api(w.leader_b).post("/imports/accept", accept)
    assert done.status_code == 201, done.content
    assert done.json()["actuals"] == body["counts"]["new"] - sum(
        1 for x in body["rows"] if x["kind"] == "target" and x["action"] == "new")
    assert done.json()["message"].startswith(f"Đã lưu {done.json()['actuals']} số liệu")
    stale = Api(w.leader_b).post("/imports/accept", {**accept, "digest": "0" * 32})
    assert stale.status_code in (400, 404)
    empty = client.post("/api/imports/preview", {"unit_id": w.b.pk, "file": io.BytesIO(b"")}, **headers)
    assert empty.status_code == 400
