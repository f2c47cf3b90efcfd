"""The search box: communes of one's province and indicators of the plans one reads, with or
without tone marks."""

from ktxh.web.metadata.plans.models import Indicator, Plan, Target
from ktxh.web.tests.pages import signed_in


def test_finds_communes_of_the_province_without_tone_marks(w):
    page = signed_in(w.planner).get("/tim-kiem/", {"q": "luong son"}).content.decode()
    assert f'href="/xa/{w.a.pk}/">Lương Sơn</a>' in page
    assert "Nhơn Hưng" not in signed_in(w.planner).get("/tim-kiem/", {"q": "nhon"}).content.decode()  # other province


def test_finds_the_communes_own_indicators_only(w):
    other = Indicator.objects.create(code="dien-tich-lua", name="Diện tích lúa", unit="ha", field=w.econ)
    plan_b = Plan.objects.create(unit=w.b, kind="annual", start_year=2022, end_year=2022, title="KH Lê Lợi",
                                 status="approved")
    Target.objects.create(plan=plan_b, indicator=other, year=2022, source="hdnd", text="120 ha")
    page = signed_in(w.leader).get("/tim-kiem/", {"q": "san luong"}).content.decode()
    assert f'href="/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/">Tổng sản lượng lương thực cây có hạt</a>' in page
    assert "Diện tích lúa" not in signed_in(w.leader).get("/tim-kiem/", {"q": "lúa"}).content.decode()
    assert "Diện tích lúa" in signed_in(w.leader_b).get("/tim-kiem/", {"q": "lua"}).content.decode()


def test_nothing_found_says_so(w):
    page = signed_in(w.leader).get("/tim-kiem/", {"q": "xyz"}).content.decode()
    assert "Không có xã, phường nào có tên khớp “xyz”" in page and 'role="search"' in page
