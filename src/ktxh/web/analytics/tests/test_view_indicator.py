"""The indicator page: history chart of figures against targets, and the audit trail."""

import json
import re

from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Target
from ktxh.web.tests.pages import approved, signed_in


def _chart(page: str) -> dict:
    m = re.search(r'<script id="du-lieu-lich-su" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_chart_has_figures_and_both_levels_of_targets(w):
    Target.objects.create(plan=w.plan, indicator=w.grain, year=2022, source="hdnd", text="Trên 6.000 tấn")
    approved(w, "6.031")
    # One year only: no chart of one point (an axis around it), the page says so.
    page = signed_in(w.leader).get(f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/").content.decode()
    assert "du-lieu-lich-su" not in page and "chưa đủ để vẽ diễn biến qua các năm" in page
    approved(w, "5.926", period=Period.get("year", 2021))
    page = signed_in(w.leader).get(f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/").content.decode()
    chart = _chart(page)
    assert chart["labels"] == ["2021", "2022", "2023", "2024", "2025"]
    by_label = {d["label"]: d["data"] for d in chart["datasets"]}
    assert by_label["Thực hiện (đã duyệt)"] == [5926.0, 6031.0, None, None, None]
    assert by_label["Chỉ tiêu: Cấp trên giao"][1] == 5795.9
    assert by_label["Chỉ tiêu: Nghị quyết HĐND"][1] == 6000.0
    assert "chart.umd.min.js" in page and "cdn" not in page.lower()


def test_audit_history_shows_who_changed_what(w):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.031", version=a.version)
    a = workflow.submit(w.officer, a, version=a.version)
    workflow.return_(w.leader, a, version=a.version, comment="Đối chiếu lại với Chi cục Thống kê")
    page = signed_in(w.leader).get(f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/").content.decode()
    assert "Nhật ký thay đổi số liệu" in page
    assert "<del>5.933,3</del> → <ins>6.031</ins>" in page
    assert "Trả lại" in page and "Đối chiếu lại với Chi cục Thống kê" in page
    assert "luongson.kinhte" in page


def test_another_commune_reads_approved_figures_but_not_the_history(w):
    approved(w, "6.031")
    page = signed_in(w.leader_b).get(f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/").content.decode()
    assert "6.031" in page
    assert "Nhật ký thay đổi số liệu" not in page and "chỉ xã, phường và cán bộ kế hoạch tỉnh được xem" in page


def test_another_province_is_refused(w):
    assert signed_in(w.leader_c).get(f"/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/").status_code == 403
    assert signed_in(w.leader).get(f"/xa/{w.a.pk}/chi-tieu/999999/").status_code == 404


def test_every_action_written_to_the_audit_trail_has_a_vietnamese_label():
    """The change log shows officers' words, never the code's ('import' read as a raw word)."""
    from pathlib import Path

    from ktxh.web.analytics.views import ACTIONS

    web = Path(__file__).resolve().parents[2]
    written = set()
    for path in web.rglob("*.py"):
        if "tests" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'audit\.record\(\s*\w+,\s*"(\w+)"', text))
        written |= set(re.findall(r'AuditEntry\([^)]*action="(\w+)"', text))
    assert {"create", "import"} <= written
    assert written <= set(ACTIONS), written - set(ACTIONS)
