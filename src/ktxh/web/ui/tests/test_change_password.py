"""Everyone: change one's password, reset a forgotten one by mail (Django's own views), and
Vietnamese pages for a refused or missing page; the favicon."""

from django.core import mail
from django.test import Client

from ktxh.web.tests.pages import can_log_in, signed_in


def test_change_password(w):
    c = signed_in(w.officer)
    page = c.get("/doi-mat-khau/").content.decode()
    assert "Đổi mật khẩu" in page and 'href="/doi-mat-khau/"' in page
    wrong = c.post("/doi-mat-khau/", {"old_password": "sai", "new_password1": "mat-khau-moi-2",
                                      "new_password2": "mat-khau-moi-2"}).content.decode()
    assert "Mật khẩu cũ" in wrong and 'role="alert"' in wrong
    r = c.post("/doi-mat-khau/", {"old_password": "mat-khau-thu", "new_password1": "mat-khau-moi-2",
                                  "new_password2": "mat-khau-moi-2"})
    assert r["Location"] == "/doi-mat-khau/xong/"
    assert "Đã đổi mật khẩu" in c.get("/doi-mat-khau/xong/").content.decode()
    assert can_log_in("luongson.kinhte", "mat-khau-moi-2")


def test_reset_a_forgotten_password_by_mail(w):
    w.officer.email = "kinhte@luongson.gov.vn"
    w.officer.save()
    c = Client()
    assert "Quên mật khẩu" in c.get("/quen-mat-khau/").content.decode()
    assert c.post("/quen-mat-khau/", {"email": "kinhte@luongson.gov.vn"})["Location"] == "/quen-mat-khau/da-gui/"
    (m,) = mail.outbox
    assert m.subject == "[KTXH] Đặt lại mật khẩu" and "Chào luongson.kinhte" in m.body
    link = next(line for line in m.body.splitlines() if "/dat-lai-mat-khau/" in line)
    r = c.get(link.split("testserver")[1], follow=True)
    assert "Đặt mật khẩu mới" in r.content.decode()
    r = c.post(r.redirect_chain[-1][0], {"new_password1": "mat-khau-moi-3", "new_password2": "mat-khau-moi-3"})
    assert r["Location"] == "/dat-lai-mat-khau/xong/"
    assert can_log_in("luongson.kinhte", "mat-khau-moi-3")


def test_vietnamese_404_and_403(w):
    c = signed_in(w.officer)
    r = c.get("/khong-co-trang-nay/")
    assert r.status_code == 404 and "Không tìm thấy" in r.content.decode()
    r = c.get("/tai-khoan/")
    assert r.status_code == 403 and "Chỉ lãnh đạo xã, phường quản lý tài khoản" in r.content.decode()


def test_favicon(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 301 and r["Location"].endswith("ui/favicon.svg")


def test_vietnamese_500_page_stands_alone():
    """The 500 page needs no database, no context and no static file finder: it must render when
    everything else failed."""
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Lỗi máy chủ (500)" in html and 'lang="vi"' in html and "{%" not in html
