"""The Word report and the Excel tables give each target the dashboard's class (issue 12, item 3): the
documents receive ``evaluate_plan``'s rows and never evaluate again.

Before, the report evaluated a change target again with last year's figure as its base, where the
dashboard uses the year the target names; for "Tỷ lệ hộ nghèo giảm so với năm 2021: Từ 0,7 - 0,9%"
the two disagreed.
"""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import openpyxl
from pycel import ExcelCompiler

from ktxh.core.evaluate import evaluate
from ktxh.core.model import Status
from ktxh.core.targets import parse_target
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Target
from ktxh.web.tests.pages import approved, signed_in

CHANGE = "Tỷ lệ hộ nghèo giảm so với năm 2021: Từ 0,7 - 0,9%"


def test_a_change_target_from_a_named_year_gets_the_dashboards_class_in_word_and_excel(w) -> None:
    y2021, y2022, y2023 = (Period.get("year", y) for y in (2021, 2022, 2023))
    Target.objects.create(plan=w.plan, indicator=w.poor, year=2023, source="hdnd", text=CHANGE)
    for period, rate in ((y2021, "2,50"), (y2022, "1,70"), (y2023, "1,62")):
        approved(w, rate, indicator=w.poor, period=period, officer=w.officer_soc)
    # The dashboard: from 2,50% (2021, the year the target names) to 1,62%: down 0,88 points, inside 0,7 – 0,9.
    (row,) = [r for r in evaluate_plan(w.plan, y2023).rows if r.target.indicator_id == w.poor.pk]
    assert row.evaluation.status is Status.DAT
    # What the report used to compute: from 1,70% (2022, last year) down 0,08 points only.
    again = evaluate(parse_target(CHANGE, unit="%", direction="down"), Decimal("1.62"), base=Decimal("1.70"))
    assert again.status is Status.KHONG_DAT
    url = f"/xa/{w.a.pk}/van-ban/{{}}/?ke_hoach={w.plan.pk}&ky={y2023.pk}"
    leader = signed_in(w.leader)
    report = docx.Document(io.BytesIO(leader.get(url.format("bao-cao")).content))
    lines = [p.text for p in report.paragraphs]
    assert ("- Tỷ lệ hộ nghèo năm 2023 còn 1,62%, kế hoạch giảm so với năm 2021 từ 0,7 - 0,9%, đạt kế hoạch "
            "(năm 2022: 1,7%).") in lines
    bieu_02 = report.tables[-1]
    cells = next([c.text for c in r.cells] for r in bieu_02.rows if r.cells[1].text == "Tỷ lệ hộ nghèo")
    assert cells[-1] == "Đạt"
    book = openpyxl.load_workbook(io.BytesIO(leader.get(url.format("bieu")).content))
    sheet = book["Biểu 02"]
    at = next(r[0].row for r in sheet.iter_rows() if r[1].value == "Tỷ lệ hộ nghèo")
    assert ExcelCompiler(excel=book).evaluate(f"'Biểu 02'!I{at}") == "Đạt"
    # A formula over the base the dashboard used (2021's 2,50%, in K), not the verdict typed in; F keeps 2022's.
    assert sheet.cell(at, 9).value.startswith("=") and "K" in sheet.cell(at, 7).value
    assert (sheet.cell(at, 11).value, sheet.cell(at, 6).value) == (2.5, 1.7)
