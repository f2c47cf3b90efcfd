"""Signing in for an API token; only the token's hash is kept."""

from ktxh.web.accounts.models import ApiToken
from ktxh.web.tests.factories import Api


def test_right_password_gives_a_token_that_works(w):
    api = Api()
    r = api.post("/token", {"username": "luongson.lanhdao", "password": "mat-khau-thu"})
    assert r.status_code == 200
    token = r.json()["token"]
    assert not ApiToken.objects.filter(key_hash=token).exists()  # stored hashed
    api.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    me = api.get("/me").json()
    assert (me["username"], me["role"], me["unit_name"]) == ("luongson.lanhdao", "leader", "Phường Lương Sơn")


def test_wrong_password_or_inactive_user_is_refused_in_vietnamese(w):
    api = Api()
    r = api.post("/token", {"username": "luongson.lanhdao", "password": "sai"})
    assert r.status_code == 401 and r.json()["detail"] == "Sai tên đăng nhập hoặc mật khẩu."
    token = ApiToken.issue(w.leader)
    w.leader.is_active = False
    w.leader.save()
    api.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert api.get("/me").status_code == 401


def test_made_up_token_is_refused(w):
    api = Api()
    api.headers = {"HTTP_AUTHORIZATION": "Bearer khong-phai-khoa"}
    r = api.get("/plans")
    assert r.status_code == 401 and "Chưa đăng nhập" in r.json()["detail"]
