"""Round trip through the checker (ktxh.reader): a generated document passes ``ktxh check`` with no
wrong figure, and extracting it gives back the targets and actuals it was written from."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from ktxh.core.targets import parse_target
from ktxh.documents import Period, PeriodKind, build_plan, build_report
from ktxh.documents.data import evaluated
from ktxh.documents.narrative import assess
from ktxh.reader import check_document, read_document
from ktxh.reader.build import field_of

from .conftest import open_docx


def _shape(target) -> tuple:
    return (target.kind.value, target.low, target.high, target.unit)


def test_report_has_no_wrong_figure(data) -> None:
    all_findings = check_document(read_document(build_report(data), filename="bao-cao.docx"))
    assert [f for f in all_findings if f.verdict == "wrong"] == []
    # Biểu số 02 is checked row by row too: plan, actual and % of plan, one ratio per row with a plan figure.
    in_tables = [f for f in all_findings if f.location.table is not None]
    assert sorted((f.kind, f.verdict) for f in in_tables) == [("progress", "ok")] + [("ratio", "ok")] * 6
    findings = [f for f in all_findings if f.location.table is None]
    by_kind = {k: [f for f in findings if f.kind == k] for k in ("ratio", "growth", "count")}
    # Six "a/b, bằng x% kế hoạch" sentences, five growths against 2021 and the summary count: all recomputed.
    assert [(len(v), {f.verdict for f in v}) for v in by_kind.values()] == [(6, {"ok"}), (5, {"ok"}), (1, {"ok"})]
    assert sorted(str(f.stated) for f in by_kind["ratio"]) == ["100.00", "101.67", "102.37", "117.65", "196.04",
                                                               "98.72"]


@pytest.mark.parametrize(
    "period",
    [Period(PeriodKind.SIX_MONTHS, 2023), Period(PeriodKind.NINE_MONTHS, 2023),
     Period(PeriodKind.MIDTERM, 2023, 2021, 2025), Period(PeriodKind.TERM, 2021, 2016, 2021)],
    ids=["6-thang", "9-thang", "giua-ky", "nhiem-ky"],
)
def test_every_period_kind_checks_out(data, period: Period) -> None:
    findings = check_document(read_document(build_report(replace(data, period=period)), filename="bao-cao.docx"))
    verdicts = sorted((f.kind, f.verdict) for f in findings if f.kind in ("ratio", "growth"))
    # Six ratio sentences and five growths in the text, and six ratio rows in Biểu số 02.
    assert verdicts == [("growth", "ok")] * 5 + [("ratio", "ok")] * 12


def test_a_tampered_figure_is_caught(data) -> None:
    document = open_docx(build_report(data))
    for p in document.paragraphs:
        for run in p.runs:
            run.text = run.text.replace("bằng 102,37% kế hoạch", "bằng 102,73% kế hoạch")
    out = io.BytesIO()
    document.save(out)
    wrong = [f for f in check_document(read_document(out.getvalue(), filename="sua.docx")) if f.verdict == "wrong"]
    assert [(f.kind, str(f.stated), str(f.computed)) for f in wrong] == [("ratio", "102.73", "102.37")]


def test_report_gives_back_its_actuals_and_plans(data) -> None:
    doc = read_document(build_report(data), filename="bao-cao.docx")
    written = [r for f in data.fields for r in f.rows if assess(evaluated(r)).is_ratio and not assess(evaluated(r)).down]
    got = [(a.label, a.actual, a.plan, a.unit) for a in doc.actuals]
    # From the sentences ("… năm 2022 đạt a/b …") and again from Biểu số 02's rows.
    from_sentences = [(f"{r.name} năm 2022", r.actual, assess(evaluated(r)).plan_value, r.unit) for r in written]
    from_table = [(r.name, r.actual, assess(evaluated(r)).plan_value, r.unit) for r in written]
    assert [g for g in got if g in from_sentences] == from_sentences
    assert [g for g in got if g in from_table] == from_table


def test_report_tables_give_back_the_targets(data) -> None:
    doc = read_document(build_report(data), filename="bao-cao.docx")
    from_table = [_shape(t.target) for t in doc.targets if t.location.table is not None]
    expected = []
    for r in (r for f in data.fields for r in f.rows):
        result = assess(evaluated(r))
        # A target relative to the upper level's figure ("vượt chỉ tiêu thành phố giao") is tabled as that figure.
        plan = result.plan_value
        expected.append(("exact", plan, plan, r.unit) if plan is not None else _shape(result.target))
    assert from_table == expected
    assert ("assigned", 0, None, None) == _shape(assess(evaluated(data.fields[0].rows[1])).target)


def test_plan_gives_back_its_targets_by_field(data) -> None:
    doc = read_document(build_plan(data), filename="ke-hoach.docx")
    # From the table of main targets (STT | Danh mục | ĐVT | …): each under its indicator's name and field.
    listed = [(t.field, t.label, *_shape(t.target)) for t in doc.targets if t.location.table == 2]
    assert listed == [
        (field_of(f.name, keep=True), r.name, *_shape(parse_target(r.target_text, label=r.name, unit=r.unit)))
        for f in data.next_plan.fields for r in f.rows
    ]
    assert doc.metadata.doc_type == "Kế hoạch" and doc.metadata.unit == "phường Lương Sơn"
    assert (doc.metadata.place, doc.metadata.date) == ("Lương Sơn", "ngày tháng 12 năm 2022")
    assert [f for f in check_document(doc) if f.verdict == "wrong"] == []
