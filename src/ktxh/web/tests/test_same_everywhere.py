"""One evaluation everywhere (issue 12): for every demo ward, every plan, every period its dashboard
offers and every target, the class and the % of plan are the same in the API's evaluation, on the
commune's dashboard page (as a person reads it), in Biểu số 02 of the Excel file (its formulas
computed as Excel does) and in Biểu số 02 of the Word report.
"""

from __future__ import annotations

import html
import io
import re
from decimal import Decimal

import docx
import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from ktxh.core.numbers import format_number, parse_number
from ktxh.documents import build_report, build_tables_xlsx
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking import periods as tracking_periods
from ktxh.web.data.tracking.models import PeriodKind
from ktxh.web.demo import load
from ktxh.web.metadata.plans.models import Plan
from ktxh.web.reports import adapter
from ktxh.web.reports.tests.test_demo_documents import _bieu_02, _excel_status
from ktxh.web.tests.pages import signed_in

ROW = re.compile(r'<tr class="(?P<cls>[^"]*)" data-status="[^"]*">\s*<th scope="row"><a href="[^"]*/chi-tieu/(?P<ind>\d+)/">'
                 r'.*?data-label="% kế hoạch">(?P<pct>[^<]*)</td>\s*<td data-label="Đánh giá"><span class="badge[^"]*">'
                 r'<span aria-hidden="true">[^<]*</span>\s*(?P<label>[^<]*)</span>', re.S)


def _percent(text: str | None) -> Decimal | None:
    text = (text or "").strip().rstrip("%").strip()
    if not text or text in ("—", "-", "–"):
        return None
    return parse_number(text, unit="%").value


def _dashboard(client, plan, period) -> dict[int, tuple[str, Decimal | None]]:
    """What the commune's page shows for each primary target: (class, % of plan), by indicator."""
    page = client.get(reverse("analytics:commune", args=[plan.unit_id]), {"ke_hoach": plan.pk, "ky": period.pk})
    assert page.status_code == 200
    text = page.content.decode()
    return {int(m["ind"]): (html.unescape(m["label"]).strip(), _percent(html.unescape(m["pct"])))
            for m in ROW.finditer(text) if "secondary" not in m["cls"]}


def _api(client, plan, period) -> dict[int, tuple[str, Decimal | None]]:
    body = client.get(f"/api/plans/{plan.pk}/evaluation", {"period_id": period.pk}).json()
    return {r["indicator_id"]: (r["status_label"], None if r["percent_of_plan"] is None else Decimal(str(r["percent_of_plan"])))
            for r in body["rows"] if r["primary"]}


def _cases():
    today = timezone.localdate()
    for plan in Plan.objects.select_related("unit").order_by("unit__code", "start_year"):
        for period in tracking_periods.plan_periods(plan, today):
            if period.kind in adapter.KINDS:  # the periods a báo cáo is written for
                yield plan, period


def _word_and_excel(plan, period):
    data = adapter.report_data(plan, period)
    word = _bieu_02(docx.Document(io.BytesIO(build_report(data))))
    excel = _excel_status(build_tables_xlsx(data))
    return word, excel


def _excel_shown(blob: bytes) -> dict[str, tuple[str, str, str]]:
    """Biểu 02's kế hoạch, thực hiện and cùng kỳ as Excel shows them: each cell's figure in its number format."""
    sheet = openpyxl.load_workbook(io.BytesIO(blob))["Biểu 02"]

    def shown(cell) -> str:
        if not isinstance(cell.value, int | float):
            return cell.value or ""
        decimals = len(cell.number_format.partition(".")[2])
        return format_number(Decimal(str(cell.value)), decimals)

    return {row[1].value: tuple(shown(c) for c in row[3:6]) for row in sheet.iter_rows(min_row=4)
            if isinstance(row[0].value, int)}


def test_word_and_excel_show_the_same_figures(demo) -> None:
    """Plan, actual and last year's figure of every Biểu 02 row read the same in Word and in Excel: one
    display rule (the indicator's decimals) for both, whatever the figure stored."""
    problems, compared = [], 0
    for plan, period in _cases():
        data = adapter.report_data(plan, period)
        word = _bieu_02(docx.Document(io.BytesIO(build_report(data))))
        excel = _excel_shown(build_tables_xlsx(data))
        for name, cells in word.items():
            figures = [(w, x) for w, x in zip(cells[3:6], excel.get(name, ("", "", "")), strict=True)
                       if x and re.fullmatch(r"[\d.]+(?:,\d+)?", w.strip())]  # a figure in both (else words)
            problems += [f"{plan.unit.name} {period.label} “{name}”: Word {w} ≠ Excel {x}" for w, x in figures if w != x]
            compared += len(figures)
    assert problems == [], "\n".join(problems)
    assert compared > 100


@pytest.fixture
def demo(db):
    load.load_demo()


def _leader(unit):
    return unit.members.filter(role="leader").select_related("user").first().user


def test_class_and_percent_agree_in_api_dashboard_excel_and_word(demo) -> None:
    problems, compared = [], 0
    for plan, period in _cases():
        client = signed_in(_leader(plan.unit))
        api, page = _api(client, plan, period), _dashboard(client, plan, period)
        word, excel = _word_and_excel(plan, period)
        for row in (r for r in evaluate_plan(plan, period).rows if r.primary):
            ind, ev = row.target.indicator, row.evaluation
            label = ev.status.label
            where = f"{plan.unit.name} {period.label} “{ind.name}”"
            seen = {"API": api.get(ind.pk), "trang tổng quan": page.get(ind.pk)}
            for name, got in seen.items():
                if got is None or got[0].lower() != label or got[1] != ev.percent_of_plan:
                    problems.append(f"{where}: {name} {got} ≠ {label}, {ev.percent_of_plan}")
            cells = word.get(ind.name)
            if cells is None or cells[-1].lower() != label or _percent(cells[6]) != ev.percent_of_plan:
                problems.append(f"{where}: Word {cells and (cells[6], cells[-1])} ≠ {label}, {ev.percent_of_plan}")
            if (excel.get(ind.name) or "").lower() != label:
                problems.append(f"{where}: Excel {excel.get(ind.name)} ≠ {label}")
            compared += 1
    assert problems == [], "\n".join(problems)
    assert compared > 50  # every demo ward's targets, not a handful


def test_a_change_target_from_a_named_year_gets_one_class_everywhere(w) -> None:
    """"Tỷ lệ hộ nghèo giảm so với năm 2021: Từ 0,7 - 0,9%": measured from 2021 on the dashboard, in the
    API and in both documents (the Word report once measured it from the year before)."""
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.plans import services
    from ktxh.web.metadata.plans.models import Indicator
    from ktxh.web.tests.pages import approved

    poor = Indicator.objects.create(code="ty-le-ho-ngheo-thu", name="Tỷ lệ hộ nghèo", unit="%", direction="down",
                                    field=w.econ, decimals=2)
    plan = services.create_plan(w.leader, unit=w.a, kind="annual", start_year=2023, end_year=2023, title="Kế hoạch năm 2023")
    services.set_target(w.leader, plan, indicator=poor, text="Tỷ lệ hộ nghèo giảm so với năm 2021: Từ 0,7 - 0,9%",
                        year=2023, source="hdnd")
    for year, text in ((2021, "2,50%"), (2022, "1,70%"), (2023, "1,62%")):
        approved(w, text, indicator=poor, period=Period.get(PeriodKind.YEAR, year))
    period = Period.get(PeriodKind.YEAR, 2023)
    client = signed_in(w.leader)
    (row,) = [r for r in evaluate_plan(plan, period).rows if r.target.indicator_id == poor.pk]
    assert row.evaluation.status.label == "đạt"  # 2,50 − 1,62 = 0,88 points: inside 0,7 – 0,9
    word, excel = _word_and_excel(plan, period)
    assert _api(client, plan, period)[poor.pk][0] == "đạt"
    assert _dashboard(client, plan, period)[poor.pk][0].lower() == "đạt"
    assert word["Tỷ lệ hộ nghèo"][-1].lower() == "đạt"
    assert excel["Tỷ lệ hộ nghèo"].lower() == "đạt"
