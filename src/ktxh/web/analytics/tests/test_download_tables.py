"""A planner or a leader downloads the table she reads — the commune dashboard, an indicator's
figures and history, the term review, the indicator compared across communes — as CSV or Excel,
through the one helper ``ui.export``; the files hold the page's rows and figures.

Figures: Lương Sơn's grain output 2022 from seed 002 (002_cf82f9e85b49b5bb.txt, line 31: "năm 2022
đạt 5.933,3tấn/ 5.795,9 tấn bằng 102,37% kế hoạch").
"""

import csv
import html
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from ktxh.core.numbers import format_number
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Target
from ktxh.web.tests.pages import approved, signed_in
from ktxh.web.ui import export


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _sheets(response) -> dict[str, list[tuple]]:
    assert response["Content-Disposition"].endswith('.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    return {s.title: list(s.values) for s in book.worksheets}


def _page_rows(page: str, table_caption: str) -> list[list[str]]:
    """The cells' text of each body row of the page's table with that caption."""
    start = page.index(table_caption)
    body = page[start:page.index("</table>", start)]
    body = body[body.index("<tbody"):]
    rows = []
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)
        rows.append([html.unescape(re.sub(r"<[^>]+>", " ", c)).split() for c in cells])
    return [[" ".join(c) for c in r] for r in rows]


@pytest.fixture
def figures(w):
    approved(w, "5.933,3")
    w.plan.status = "approved"
    w.plan.save()
    Target.objects.create(plan=w.plan, indicator=w.grain, year=None, source="hdnd", text="6.500 tấn")
    approved(w, "6.031", period=Period.get("year", 2021))
    return w


def test_commune_dashboard_as_csv_and_excel(figures):
    w = figures
    client = signed_in(w.leader)
    page = client.get(f"/xa/{w.a.pk}/?ky={w.year.pk}").content.decode()
    assert "Tải Excel" in page and "Tải CSV" in page
    rows = _csv(client.get(f"/xa/{w.a.pk}/?ky={w.year.pk}&dinh_dang=csv"))
    assert rows[0] == ["Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Ước/chính thức", "Chờ duyệt", "% kế hoạch",
                       "Đánh giá", "Ghi chú"]
    grain = next(r for r in rows if r[0] == "Tổng sản lượng lương thực cây có hạt")
    assert grain[1:8] == ["tấn", "5.795,9 tấn", "5.933,3", "chính thức", "", "102,37%", "vượt"]
    shown = next(r for r in _page_rows(page, "Kinh tế — Năm 2022") if r[0].startswith(grain[0]))
    assert shown[1] == grain[2] and shown[2].startswith(grain[3]) and shown[3] == grain[6] and grain[7] in shown[4]
    sheets = _sheets(client.get(f"/xa/{w.a.pk}/?ky={w.year.pk}&dinh_dang=xlsx"))
    values = sheets["Kinh tế"]
    assert values[0] == ("Phường Lương Sơn — Năm 2022",) + (None,) * (len(values[0]) - 1)
    xrow = next(v for v in values if v[0] == grain[0])
    assert xrow[3] == 5933.3 and xrow[6] == "102,37%"  # the figure a number, the share as shown


def test_indicator_figures_and_history(figures):
    w = figures
    client = signed_in(w.leader)
    url = f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/"
    page = client.get(url).content.decode()
    sheets = _sheets(client.get(url + "?dinh_dang=xlsx"))
    assert set(sheets) == {"Chỉ tiêu", "Số liệu thực hiện", "Lịch sử thay đổi"}
    figures_rows = [list(r) for r in sheets["Số liệu thực hiện"][2:]]
    assert [r[:3] for r in figures_rows] == [["Năm 2021", 6031, 6031], ["Năm 2022", 5933.3, 5933.3]]
    assert [r[:2] for r in _page_rows(page, "Số liệu Tổng sản lượng lương thực cây có hạt theo kỳ")] == [
        ["Năm 2021", "6.031"], ["Năm 2022", "5.933,3"]]
    rows = _csv(client.get(url + "?dinh_dang=csv"))
    assert ["Năm 2022", "5.933,3", "5.933,3", "chính thức", "Đã duyệt", ""] in rows
    actions = [r[3] for r in rows[rows.index(["Lịch sử thay đổi"]) + 2:]]
    assert actions.count("Duyệt") == 2 and actions.count("Gửi duyệt") == 2
    # a viewer reads approved figures but no history: not in the file either
    viewer = signed_in(w.viewer).get(url + "?dinh_dang=xlsx")
    assert "Lịch sử thay đổi" not in _sheets(viewer)


def test_term_review_as_csv(figures):
    w = figures
    client = signed_in(w.planner)
    url = f"/xa/{w.a.pk}/nhiem-ky/?ke_hoach={w.plan.pk}"
    page = client.get(url).content.decode()
    rows = _csv(client.get(url + "&dinh_dang=csv"))
    assert rows[0][:3] == ["Chỉ tiêu", "Mục tiêu (như đã ghi)", "Loại"]
    assert [r[:2] for r in rows[1:]] == [["Tổng sản lượng lương thực cây có hạt", "6.500 tấn"]]
    line = rows[1]
    assert line[5:7] == ["2022", "5.933,3"]  # the latest approved year, as the page shows it
    assert "5.933,3" in page and line[-1] in page
    assert list(_sheets(client.get(url + "&dinh_dang=xlsx"))) == ["Đánh giá nhiệm kỳ"]


def test_compare_and_overview_go_through_the_one_helper(figures, monkeypatch):
    w = figures
    calls = []
    real = export.download
    monkeypatch.setattr(export, "download", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    client = signed_in(w.planner)
    assert client.get(f"/tinh/{w.p.pk}/?ky={w.year.pk}&dinh_dang=csv").status_code == 200
    assert client.get(f"/tinh/{w.p.pk}/so-sanh/?chi_tieu={w.grain.pk}&ky={w.year.pk}&dinh_dang=xlsx").status_code == 200
    assert calls == [f"tong-hop-{w.p.code}-{w.year.code}", f"so-sanh-{w.grain.code}"]
    page = client.get(f"/tinh/{w.p.pk}/so-sanh/?chi_tieu={w.grain.pk}").content.decode()  # its default period
    shown = re.search(r'<select id="ky".*?<option value="(\d+)" selected', page, re.S).group(1)
    assert f'href="?chi_tieu={w.grain.pk}&amp;ky={shown}&amp;dinh_dang=xlsx"' in page  # the file of what is shown


@given(st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_every_number_the_pages_print_goes_to_excel_as_that_number(value):
    cell = export.excel_cell(format_number(value))
    assert isinstance(cell, int | float) and abs(cell - float(value)) <= 1e-9 * max(1, abs(float(value)))


def test_excel_cells_are_numbers_where_the_page_shows_numbers():
    assert [export.excel_cell(v) for v in ("5.933,3", "6.031", "102,37%", "14 – 15%/ năm", "-2,5", "")] == [
        5933.3, 6031, "102,37%", "14 – 15%/ năm", -2.5, ""]


def test_approval_queue_as_csv_and_excel(w):
    from ktxh.web.data.tracking import workflow

    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    workflow.submit(w.officer, a, version=a.version)
    client = signed_in(w.leader)
    page = client.get("/cho-duyet/").content.decode()
    assert "Tải Excel" in page
    rows = _csv(client.get("/cho-duyet/?dinh_dang=csv"))
    assert rows[0][:7] == ["Xã, phường", "Kỳ", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Mức kế hoạch", "Số liệu"]
    assert [r[:10] for r in rows[1:]] == [["Phường Lương Sơn", "Năm 2022", "Tổng sản lượng lương thực cây có hạt", "tấn",
                                           "5.795,9 tấn", "5.795,9", "5.933,3", "", "102,37%", "vượt"]]
    shown = _page_rows(page, "đang chờ duyệt")[0]
    assert rows[1][4] in shown[2] and rows[1][6] in shown[3] and rows[1][8] in shown[4]
    values = _sheets(client.get("/cho-duyet/?dinh_dang=xlsx"))["Chờ duyệt"]
    assert values[2][5:7] == (5795.9, 5933.3)
    # the officer has no queue, and no file of it
    assert signed_in(w.officer).get("/cho-duyet/?dinh_dang=csv").status_code == 403


def test_next_years_plan_as_csv_and_excel(w):
    """The draft rolled from 2022 (test_next_year_plan's figures), downloaded with its proposals."""
    from .test_next_year_plan import _plan_2022

    plan = _plan_2022(w)
    client = signed_in(w.leader)
    client.post(f"/ke-hoach/{plan.pk}/nam-sau/")
    new = Target.objects.get(plan__start_year=2023, indicator=w.grain).plan
    page = client.get(f"/ke-hoach/{new.pk}/").content.decode()
    assert "Tải Excel" in page
    rows = _csv(client.get(f"/ke-hoach/{new.pk}/?dinh_dang=csv"))
    assert rows[0] == ["Chỉ tiêu", "Đơn vị tính", "Năm", "Nguồn", "Mục tiêu (như đã ghi)", "Cách hiểu", "Ghi chú"]
    grain = next(r for r in rows if r[0] == "Tổng sản lượng lương thực cây có hạt")
    assert grain[:5] == ["Tổng sản lượng lương thực cây có hạt", "tấn", "2023", "Kế hoạch của UBND", "6.124 tấn"]
    assert grain[6].startswith("đề xuất theo xu hướng số liệu 2020–2022")
    assert grain[5] in page and 'value="6.124 tấn"' in page  # the reading and the text the editor shows
    sheets = _sheets(client.get(f"/ke-hoach/{new.pk}/?dinh_dang=xlsx"))
    assert list(sheets) == ["Kinh tế"] and sheets["Kinh tế"][0][0].endswith("(dự thảo)")
    # another province's planner reads neither the plan nor its file
    assert signed_in(w.planner_q).get(f"/ke-hoach/{new.pk}/?dinh_dang=csv").status_code == 403
