"""The province overview: communes side by side for a period, counts by status, a chart."""

import json
import re

from ktxh.web.tests.pages import approved, signed_in


def _url(w, **q):
    return f"/tinh/{w.p.pk}/" + (f"?ky={q['ky']}" if q else "")


def test_communes_side_by_side(w):
    approved(w, "6.031")
    page = signed_in(w.planner).get(_url(w)).content.decode()
    assert "Toàn tỉnh: Tỉnh Thử" in page and "Năm 2022" in page
    assert f'<a href="/xa/{w.a.pk}/?ky={w.year.pk}">Phường Lương Sơn</a>' in page
    assert "Phường Lê Lợi" in page and "chưa có kế hoạch" in page
    assert "Nhơn Hưng" not in page  # another province
    row = re.search(r"Phường Lương Sơn</a>.*?</tr>", page, re.S).group(0)
    # last: term targets at risk; none judged yet (no yearly figure of a term target): not a false "0"
    assert re.findall(r'data-sort="(-?\d+)"', row) == ["1", "1", "0", "0", "0", "0", "-1"]
    assert ">chưa đánh giá</a>" in row


def test_chart_data_and_sortable_table(w):
    approved(w, "6.031")
    page = signed_in(w.planner).get(_url(w)).content.decode()
    data = json.loads(re.search(r'id="du-lieu-tinh" type="application/json">(.*?)</script>', page, re.S).group(1))
    assert data["communes"] == ["Lê Lợi", "Lương Sơn"]
    assert data["counts"]["vuot"] == [0, 1]
    assert [s["label"] for s in data["statuses"]] == ["vượt", "đạt", "cơ bản đạt", "không đạt", "chưa có số liệu"]
    assert 'class="sortable"' in page and '<th scope="col"><button type="button">Xã, phường</button></th>' in page
    assert "sort.js" in page and "chart.umd.min.js" in page


def test_every_one_of_the_province_may_look(w):
    for who in (w.planner, w.viewer, w.leader, w.officer_b):
        assert signed_in(who).get(_url(w)).status_code == 200


def test_another_province_is_refused(w):
    for who in (w.planner_q, w.leader_c, w.nobody):
        assert signed_in(who).get(_url(w)).status_code == 403
    assert signed_in(w.planner).get(f"/tinh/{w.a.pk}/").status_code == 404  # a commune is not a province
