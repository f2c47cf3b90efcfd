"""Logging in and out, in Vietnamese, and where each role lands."""


def test_anonymous_is_sent_to_the_login_page(client, w):
    r = client.get(f"/xa/{w.a.pk}/")
    assert r.status_code == 302 and r["Location"].startswith("/dang-nhap/")
    page = client.get("/dang-nhap/").content.decode()
    assert "Đăng nhập" in page and 'for="id_username"' in page and 'lang="vi"' in page


def test_officer_lands_on_things_to_do(client, w):
    r = client.post("/dang-nhap/", {"username": "luongson.kinhte", "password": "mat-khau-thu"})
    assert r.status_code == 302
    assert client.get(r["Location"])["Location"] == "/nhap-lieu/"
    assert "Việc cần làm" in client.get("/nhap-lieu/").content.decode()


def test_leader_lands_on_own_commune(client, w):
    client.post("/dang-nhap/", {"username": "luongson.lanhdao", "password": "mat-khau-thu"})
    assert client.get("/")["Location"] == f"/xa/{w.a.pk}/"


def test_planner_lands_on_the_province(client, w):
    client.post("/dang-nhap/", {"username": "tinh.kehoach", "password": "mat-khau-thu"})
    assert client.get("/")["Location"] == f"/tinh/{w.p.pk}/"


def test_wrong_password_says_so(client, w):
    r = client.post("/dang-nhap/", {"username": "luongson.kinhte", "password": "sai"})
    assert r.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in r.content.decode()


def test_logout(client, w):
    client.force_login(w.officer)
    r = client.post("/dang-xuat/")
    assert "Đã đăng xuất" in r.content.decode()
    assert client.get(f"/xa/{w.a.pk}/").status_code == 302
