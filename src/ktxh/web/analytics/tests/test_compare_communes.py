"""One indicator across the province's communes (issue 17): ranking, evaluation per commune, the
yearly lines, CSV and Excel exports, and who may see it."""

import csv
import io

from openpyxl import load_workbook

from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Plan, Target
from ktxh.web.tests.pages import approved, signed_in


def _two_communes(w):
    """Lương Sơn 6.031 tấn against 5.795,9 (2022); Lê Lợi 5.000 against 6.000."""
    plan_b = Plan.objects.create(unit=w.b, kind="annual", start_year=2022, end_year=2022, status="approved",
                                 title="Kế hoạch năm 2022 – Phường Lê Lợi")
    Target.objects.create(plan=plan_b, indicator=w.grain, year=2022, source="ke_hoach", text="6.000 tấn")
    approved(w, "6.031")
    approved(w, "5.900", period=Period.get("year", 2021))
    a = workflow.enter(w.officer_b, unit=w.b, indicator=w.grain, period=w.year, text="5.000")
    a = workflow.submit(w.officer_b, a, version=a.version)
    workflow.approve(w.leader_b, a, version=a.version)


def _url(w, **q):
    return f"/tinh/{w.p.pk}/so-sanh/?chi_tieu={w.grain.pk}&ky={w.year.pk}" + "".join(f"&{k}={v}" for k, v in q.items())


def test_communes_ranked_with_their_own_evaluation(w):
    _two_communes(w)
    page = signed_in(w.planner).get(_url(w)).content.decode()
    rows = page.split('<tbody>', 1)[1].split("</tbody>", 1)[0].split("<tr>")[1:]
    first, second = rows[0], rows[1]
    # 6.031 / 5.795,9 = 104,06% vượt; 5.000 / 6.000 = 83,33% không đạt (short by more than 10%).
    assert "Phường Lương Sơn" in first and ">1<" in first and "104,06%" in first and "vượt" in first
    assert "Phường Lê Lợi" in second and ">2<" in second and "83,33%" in second and "không đạt" in second
    assert 'id="du-lieu-so-sanh"' in page and 'id="du-lieu-cac-nam"' in page


def test_csv_and_excel_carry_both_tables(w):
    _two_communes(w)
    c = signed_in(w.planner)
    r = c.get(_url(w, dinh_dang="csv"))
    assert r["Content-Type"].startswith("text/csv") and r.content.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert lines[1][:4] == ["Hạng", "Xã, phường", "Kỳ", "Số liệu thực hiện"]
    assert lines[2][:4] == ["1", "Phường Lương Sơn", "Năm 2022", "6.031"]
    r = c.get(_url(w, dinh_dang="xlsx"))
    book = load_workbook(io.BytesIO(r.content))
    years = [[cell.value for cell in row] for row in book["Qua các năm"].iter_rows()]
    assert years[0] == ["Xã, phường", "Năm 2021", "Năm 2022"]
    assert ["Phường Lương Sơn", 5900, 6031] in years


def test_only_the_province_sees_it(w):
    """Those who see the province overview (its planner, its communes' people): approved figures only."""
    _two_communes(w)
    assert signed_in(w.leader).get(_url(w)).status_code == 200
    assert signed_in(w.planner_q).get(_url(w)).status_code == 403  # another province's planner
    page = signed_in(w.planner).get(f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/").content.decode()
    assert f"/tinh/{w.p.pk}/so-sanh/?chi_tieu={w.grain.pk}" in page
