"""A commune leader manages the commune's officers: create one with fields, change the fields,
reset a password, deactivate; never another commune's accounts nor a leader's."""

from django.contrib.auth import get_user_model

from ktxh.web.accounts.models import Membership, Role
from ktxh.web.tests.pages import can_log_in, signed_in


def _create(c, w, **over):
    data = {"username": "luongson.nongnghiep", "full_name": "Trần Thị Lúa", "email": "lua@luongson.gov.vn",
            "password": "mat-khau-moi-1", "fields_": [w.econ.pk], **over}
    return c.post("/tai-khoan/", data)


def test_leader_creates_an_officer_who_can_enter_the_field(w):
    c = signed_in(w.leader)
    r = _create(c, w)
    assert r.status_code == 302
    m = Membership.objects.get(user__username="luongson.nongnghiep")
    assert (m.role, m.unit, list(m.fields.all())) == (Role.OFFICER, w.a, [w.econ])
    page = c.get("/tai-khoan/").content.decode()
    assert "Đã tạo tài khoản công chức “luongson.nongnghiep” (Trần Thị Lúa), giao Kinh tế." in page
    assert can_log_in("luongson.nongnghiep", "mat-khau-moi-1")


def test_bad_input_names_the_field_and_creates_nothing(w):
    c = signed_in(w.leader)
    page = _create(c, w, username="luongson.kinhte", password="ngan", fields_=[]).content.decode()
    assert "Tên đăng nhập “luongson.kinhte” đã có người dùng" in page
    assert "Công chức cần được giao ít nhất một lĩnh vực" in page
    assert get_user_model().objects.filter(username="luongson.kinhte").count() == 1
    assert not Membership.objects.filter(user__first_name="Trần Thị Lúa").exists()


def test_assign_fields_reset_password_deactivate(w):
    c = signed_in(w.leader)
    url = f"/tai-khoan/{w.officer.pk}/"
    c.post(url, {"action": "linh-vuc", "fields_": [w.econ.pk, w.soc.pk]})
    assert set(w.officer.membership.fields.all()) == {w.econ, w.soc}
    c.post(url, {"action": "mat-khau"})
    page = c.get(url).content.decode()
    new = page.split("Mật khẩu mới của luongson.kinhte: ")[1].split(" ")[0]
    assert can_log_in("luongson.kinhte", new)
    c.post(url, {"action": "khoa"})
    assert not can_log_in("luongson.kinhte", new)
    c.post(url, {"action": "mo"})
    assert can_log_in("luongson.kinhte", new)


def test_limited_to_the_leaders_commune(w):
    c = signed_in(w.leader)
    r = c.get(f"/tai-khoan/{w.officer_b.pk}/")  # Lê Lợi's officer
    assert r.status_code == 403 and "chỉ công chức của xã, phường mình" in r.content.decode()
    assert c.post(f"/tai-khoan/{w.officer_b.pk}/", {"action": "khoa"}).status_code == 403
    assert get_user_model().objects.get(pk=w.officer_b.pk).is_active
    assert c.get(f"/tai-khoan/{w.leader.pk}/").status_code == 403  # not one's own, nor a leader's
    assert "luongson.kinhte" in c.get("/tai-khoan/").content.decode()
    assert "leloi.kinhte" not in c.get("/tai-khoan/").content.decode()
    for other in (w.officer, w.planner, w.viewer):
        assert signed_in(other).get("/tai-khoan/").status_code == 403
