"""A province planner adds her province's own indicator on the page ``/chi-tieu/``: it shows in the
list for her province, and in the plan editor of her communes, never in another province's; bad
input is refused beside its field, in Vietnamese, with nothing written; nobody else may add one.
Everyone signed in reads the list, searching with or without tone marks."""

import pytest
from django.test import Client

from ktxh.web.metadata.plans.models import Indicator, Plan
from ktxh.web.tests.factories import world

URL = "/chi-tieu/"
NAME = "Số hợp tác xã nông nghiệp hoạt động hiệu quả"


@pytest.fixture
def w(db):
    w = world()
    # the two indicators of the test world, as the national catalogue holds them
    for i in (w.grain, w.poor):
        Indicator.objects.filter(pk=i.pk).update(catalogue=i.code)
    w.other = Indicator.objects.create(code="02-so-lang-nghe", name="Số làng nghề được công nhận", unit="làng",
                                       field=w.econ, province=w.q)
    w.plan_c = Plan.objects.create(unit=w.c, kind="term", start_year=2021, end_year=2025, title="Kế hoạch Nhơn Hưng")
    return w


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _add(w, user=None, client=None, **over):
    data = {"name": NAME, "unit": "hợp tác xã", "field": w.econ.pk, "direction": "up", "decimals": "0",
            "aggregation": ""}
    data.update(over)
    return (client or _client(user or w.planner)).post(URL, data)


def test_planner_adds_one_and_it_is_offered_only_in_her_province(w):
    c = _client(w.planner)
    r = _add(w, client=c)
    assert r.status_code == 302
    ind = Indicator.objects.get(name=NAME)
    assert (ind.province, ind.catalogue, ind.unit, ind.aggregation, ind.decimals) == (w.p, "", "hợp tác xã", "sum", 0)
    assert ind.code == "01-so-hop-tac-xa-nong-nghiep-hoat-dong-hieu-qua"  # "động", not "ong"
    page = c.get(r.url).content.decode()
    assert f"Đã thêm chỉ tiêu “{NAME}” (hợp tác xã) vào danh mục riêng của {w.p}, mã {ind.code}." in page
    assert f'id="chi-tieu-{ind.pk}"' in page and f"Riêng của {w.p}" in page
    listing = c.get(URL).content.decode()
    assert NAME in listing and "Tổng sản lượng lương thực cây có hạt" in listing and "Danh mục quốc gia" in listing
    assert "Số làng nghề được công nhận" not in listing  # another province's own list
    # the plan editor of one of her communes offers it; the other province's does not
    mine = _client(w.leader).get(f"/ke-hoach/{w.plan.pk}/").content.decode()
    theirs = _client(w.leader_c).get(f"/ke-hoach/{w.plan_c.pk}/").content.decode()
    assert f'value="{ind.pk}"' in mine and NAME in mine
    assert f'value="{ind.pk}"' not in theirs and NAME not in theirs
    assert "Số làng nghề được công nhận" in theirs
    # the commune sees it in the list too, the other province never
    assert NAME in _client(w.leader).get(URL).content.decode()
    assert NAME not in _client(w.leader_c).get(URL).content.decode()


def test_the_list_says_what_each_indicator_is(w):
    page = _client(w.leader).get(URL, {"linh_vuc": w.soc.pk}).content.decode()
    assert "Tỷ lệ hộ nghèo" in page and "Tổng sản lượng lương thực cây có hạt" not in page
    assert "càng thấp càng tốt" in page and "Không cộng được" in page and "Danh mục quốc gia" in page
    assert "Thêm chỉ tiêu riêng của tỉnh" not in page  # a commune leader does not add
    # a commune's people reach the indicator page of their commune where it is used
    page = _client(w.leader).get(URL).content.decode()
    assert f'href="/xa/{w.a.pk}/chi-tieu/{w.grain.pk}/"' in page
    assert f'href="/xa/{w.a.pk}/chi-tieu/{w.poor.pk}/"' not in page  # no target nor figure of it there


def test_percent_and_no_unit_do_not_add_up_by_default(w):
    assert _add(w, name="Tỷ lệ hợp tác xã có lãi", unit="%", decimals="1").status_code == 302
    assert _add(w, name="Chính quyền thân thiện", unit="").status_code == 302
    assert _add(w, name="Diện tích lúa chất lượng cao", unit="ha", aggregation="average").status_code == 302
    got = dict(Indicator.objects.filter(province=w.p).values_list("name", "aggregation"))
    assert got == {"Tỷ lệ hợp tác xã có lãi": "none", "Chính quyền thân thiện": "none",
                   "Diện tích lúa chất lượng cao": "average"}


@pytest.mark.parametrize(("over", "message"), [
    ({"name": "Tổng sản lượng lương thực cây có hạt", "unit": "tấn"},
     "Chỉ tiêu “Tổng sản lượng lương thực cây có hạt” (tấn) đã có trong danh mục (mã san-luong-luong-thuc)."),
    ({"name": "Số"}, "Tên chỉ tiêu “Số” quá ngắn"),
    ({"name": "\x00\x00"}, "Nhập tên chỉ tiêu."),
    ({"decimals": "7"}, "Số chữ số thập phân 7 quá lớn (tối đa 6)."),
    ({"decimals": "-1"}, "Số chữ số thập phân (0–6) “-1”"),
    ({"decimals": "99999999999999999999"}, "Số chữ số thập phân"),
    ({"decimals": "hai"}, "Số chữ số thập phân phải là một số nguyên từ 0 đến 6."),
    ({"field": "999999"}, "Không có lĩnh vực số “999999”."),
    ({"field": "abc"}, "Không có lĩnh vực số “abc”."),
    ({"name": "Số hộ " * 100}, "Tên chỉ tiêu dài"),
    ({"unit": "đ" * 41}, "Đơn vị tính dài 41 ký tự, quá 40 ký tự."),
    ({"direction": "sideways"}, "Chiều đánh giá “sideways” không có."),
    ({"aggregation": "rate"}, "Cách cộng dồn “rate” không có."),
])
def test_errors_are_named_beside_the_field_and_nothing_is_written(w, over, message):
    before = Indicator.objects.count()
    r = _add(w, **over)
    assert r.status_code == 400
    page = r.content.decode()
    assert message in page, page[page.find("errorlist") - 200:page.find("errorlist") + 400]
    assert 'class="errorlist"' in page
    assert Indicator.objects.count() == before


def test_a_name_with_nul_bytes_is_stored_clean(w):
    assert _add(w, name="Số hợp\x00 tác xã\x0b kiểu mới").status_code == 302
    assert Indicator.objects.filter(province=w.p, name="Số hợp tác xã kiểu mới").exists()


@pytest.mark.parametrize("who", ["leader", "officer", "viewer", "planner_q"])
def test_others_are_refused(w, who):
    before = Indicator.objects.count()
    r = _add(w, getattr(w, who))
    if who == "planner_q":  # the other province's planner adds to her own province only
        assert r.status_code == 302 and Indicator.objects.get(name=NAME).province == w.q
        return
    assert r.status_code == 403
    assert "Chỉ cán bộ kế hoạch tỉnh mới thêm được chỉ tiêu riêng của tỉnh." in r.content.decode()
    assert Indicator.objects.count() == before


def test_anonymous_goes_to_login(w):
    r = Client().get(URL)
    assert r.status_code == 302 and URL in r.url


@pytest.mark.parametrize("q", ["hộ nghèo", "ho ngheo", "HO NGHEO", "tỷ lệ hộ", "ty le ho", "Tỉ lệ hộ"])
def test_search_with_and_without_tone_marks(w, q):
    page = _client(w.leader).get(URL, {"q": q}).content.decode()
    assert "Tỷ lệ hộ nghèo" in page and "Tổng sản lượng lương thực cây có hạt" not in page
    assert "1 chỉ tiêu" in page


def test_bad_filters_never_break_the_page(w):
    c = _client(w.planner)
    assert c.get(URL, {"q": "x" * 5000}).status_code == 200
    assert c.get(URL, {"q": "\x00"}).status_code == 200
    assert c.get(URL, {"linh_vuc": "999999"}).status_code == 200
    assert c.get(URL, {"linh_vuc": "abc"}).status_code in (200, 400)


def test_the_list_downloads(w):
    r = _client(w.planner).get(URL, {"dinh_dang": "csv", "q": "ho ngheo"})
    text = r.content.decode("utf-8-sig").splitlines()
    assert text[0].startswith("Lĩnh vực,Mã,Tên chỉ tiêu,ĐVT")
    assert text[1].split(",")[2] == "Tỷ lệ hộ nghèo" and text[1].endswith("Danh mục quốc gia")


def test_menu_offers_the_page(w):
    from ktxh.web.ui.pages import menu

    assert "Danh mục chỉ tiêu" in {label for label, _ in menu(w.planner)}
    assert "Danh mục chỉ tiêu" in {label for label, _ in menu(w.leader)}


def test_a_planner_reaches_the_comparison_where_figures_are_approved(w):
    from ktxh.web.data.tracking.models import Actual

    Actual.objects.create(unit=w.a, indicator=w.grain, period=w.year, text="5.933,3", value="5933.3", status="approved")
    page = _client(w.planner).get(URL).content.decode()
    assert f'href="/tinh/{w.p.pk}/so-sanh/?chi_tieu={w.grain.pk}"' in page
    assert f"so-sanh/?chi_tieu={w.poor.pk}" not in page  # no approved figure: its name is plain
    other = _client(w.planner_q).get(URL).content.decode()
    assert "so-sanh/?chi_tieu=" not in other  # nothing approved in the other province


def test_the_list_counts_approved_figures_as_tracking_names_them():
    from ktxh.web.data.tracking.models import ActualStatus
    from ktxh.web.metadata.plans import indicators

    assert indicators.APPROVED == ActualStatus.APPROVED
