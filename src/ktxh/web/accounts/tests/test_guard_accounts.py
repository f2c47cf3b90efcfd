"""Accounts held as an attacker would try them (issue 13, item 7): lockout after wrong passwords on
the login page and on POST /api/token, sign-ins logged, Django's four password rules in Vietnamese,
API tokens that expire and can be revoked, the page of one's tokens, HTTPS settings by environment."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from ktxh.web.accounts.models import ApiToken

PASSWORD = "mat-khau-thu"  # the factories' password


def _login(client, username, password):
    return client.post("/dang-nhap/", {"username": username, "password": password})


def _token(client, username, password):
    return client.post("/api/token", json.dumps({"username": username, "password": password}),
                       content_type="application/json")


def _bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


# --- throttling and lockout -----------------------------------------------------------------------


def test_login_page_locks_a_name_after_five_wrong_passwords(client, w):
    for _ in range(4):
        r = _login(client, "luongson.kinhte", "sai")
        assert r.status_code == 200 and "Tên đăng nhập hoặc mật khẩu không đúng" in r.content.decode()
    r = _login(client, "luongson.kinhte", "sai")  # the fifth
    assert r.status_code == 429
    r = _login(client, "luongson.kinhte", PASSWORD)  # now even the right password is refused
    page = r.content.decode()
    assert r.status_code == 429
    assert "Tạm khóa đăng nhập" in page and "5 lần" in page and "15 phút" in page and 'lang="vi"' in page
    assert "_auth_user_id" not in client.session
    # another name from another address is not touched
    assert Client(REMOTE_ADDR="10.0.0.2").post("/dang-nhap/", {"username": "luongson.lanhdao", "password": PASSWORD}).status_code == 302


def test_trying_every_name_from_one_address_is_locked_too(w):
    c = Client(REMOTE_ADDR="10.0.0.9")
    for name in ("a", "b", "c", "d", "e"):
        c.post("/dang-nhap/", {"username": name, "password": "sai"})
    assert c.post("/dang-nhap/", {"username": "luongson.kinhte", "password": PASSWORD}).status_code == 429
    assert Client(REMOTE_ADDR="10.0.0.3").post("/dang-nhap/", {"username": "luongson.kinhte", "password": PASSWORD}).status_code == 302


def test_api_token_locks_the_same_way_and_says_so_in_json(w):
    c = Client()
    for _ in range(5):
        assert _token(c, "luongson.lanhdao", "sai").status_code in (401, 429)
    r = _token(c, "luongson.lanhdao", PASSWORD)
    assert r.status_code == 429
    assert r.json()["detail"].startswith("Tạm khóa đăng nhập")
    assert not ApiToken.objects.filter(user=w.leader).exists()
    # the lockout is by name: the login page refuses it too, from anywhere
    assert Client(REMOTE_ADDR="10.0.0.4").post("/dang-nhap/", {"username": "luongson.lanhdao", "password": PASSWORD}).status_code == 429


def test_the_admin_login_is_guarded_too(w):
    w.leader.is_staff = True
    w.leader.save()
    c = Client()
    for _ in range(5):
        c.post("/admin/login/", {"username": "luongson.lanhdao", "password": "sai"})
    r = c.post("/admin/login/", {"username": "luongson.lanhdao", "password": PASSWORD})
    assert r.status_code == 429 and "Tạm khóa đăng nhập" in r.content.decode()


def test_lockout_ends_after_the_cool_off(client, w):
    for _ in range(5):
        _login(client, "luongson.kinhte", "sai")
    assert _login(client, "luongson.kinhte", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _login(client, "luongson.kinhte", PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, w):
    for _ in range(4):
        _login(client, "luongson.kinhte", "sai")
    assert _login(client, "luongson.kinhte", PASSWORD).status_code == 302
    for _ in range(4):
        assert _login(client, "luongson.kinhte", "sai").status_code == 200
    assert _login(client, "luongson.kinhte", PASSWORD).status_code == 302


def test_sign_ins_and_failures_are_logged(client, w):
    _login(client, "luongson.kinhte", "sai")
    _login(client, "luongson.kinhte", PASSWORD)
    _token(Client(), "luongson.lanhdao", PASSWORD)
    _token(Client(), "luongson.lanhdao", "sai")
    assert AccessAttempt.objects.filter(username="luongson.lanhdao", failures_since_start=1).exists()
    assert sorted(AccessLog.objects.values_list("username", flat=True)) == ["luongson.kinhte", "luongson.lanhdao"]
    failures = list(AccessFailureLog.objects.order_by("attempt_time").values_list("username", "path_info"))
    assert failures == [("luongson.kinhte", "/dang-nhap/"), ("luongson.lanhdao", "/api/token")]


# --- password rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("ab1", "Mật khẩu quá ngắn: cần ít nhất 8 ký tự."),
        ("20232025", "Mật khẩu không được chỉ gồm chữ số."),
        ("password123", "Mật khẩu này quá phổ biến, dễ bị đoán."),
        ("luongson.kinhte1", "Mật khẩu quá giống"),
    ],
)
def test_the_four_password_rules_speak_vietnamese(w, password, message):
    with pytest.raises(ValidationError) as exc:
        validate_password(password, user=w.officer)
    assert any(m.startswith(message) for m in exc.value.messages), exc.value.messages


def test_a_good_password_passes_every_rule(w):
    validate_password("Lúa-Nhơn-Hưng-2025", user=w.officer)


# --- tokens: expiry, revocation, the page -----------------------------------------------------------


def test_a_token_expires_after_the_ttl(w, settings):
    r = _token(Client(), "luongson.lanhdao", PASSWORD)
    raw = r.json()["token"]
    token = ApiToken.objects.get(user=w.leader)
    assert abs(token.expires_at - (timezone.now() + timedelta(days=30))) < timedelta(minutes=1)
    assert r.json()["expires_at"] == token.expires_at.isoformat()
    assert Client().get("/api/me", **_bearer(raw)).status_code == 200
    token.expires_at = timezone.now() - timedelta(seconds=1)
    token.save()
    r = Client().get("/api/me", **_bearer(raw))
    assert r.status_code == 401 and "Chưa đăng nhập" in r.json()["detail"]
    settings.TOKEN_TTL_DAYS = 2
    ApiToken.issue(w.leader)
    newest = ApiToken.objects.filter(user=w.leader).latest("pk")
    assert abs(newest.expires_at - (timezone.now() + timedelta(days=2))) < timedelta(minutes=1)


def test_token_ttl_is_read_from_the_environment(tmp_path):
    env = {**os.environ, "KTXH_TOKEN_TTL": "7", "KTXH_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "ktxh.web.settings"}
    out = subprocess.run([sys.executable, "-c", "from django.conf import settings; print(settings.TOKEN_TTL_DAYS)"],
                         env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "7"


@pytest.mark.parametrize("value", ["abc", "0", "-3", "٣٠", "9" * 5000])
def test_a_bad_token_ttl_is_named_in_vietnamese(tmp_path, value):
    env = {**os.environ, "KTXH_TOKEN_TTL": value, "KTXH_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "ktxh.web.settings"}
    out = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True)
    assert out.returncode != 0
    assert "Biến môi trường KTXH_TOKEN_TTL phải là một số nguyên dương" in out.stderr


def test_delete_token_revokes_only_the_presented_token(w):
    kept, revoked = ApiToken.issue(w.leader), ApiToken.issue(w.leader)
    c = Client()
    assert c.delete("/api/token", **_bearer(revoked)).status_code == 204
    assert c.get("/api/me", **_bearer(revoked)).status_code == 401
    assert c.delete("/api/token", **_bearer(revoked)).status_code == 401
    assert c.get("/api/me", **_bearer(kept)).status_code == 200
    assert ApiToken.objects.filter(user=w.leader).count() == 1


def test_delete_token_without_a_token_says_what_to_send(w):
    c = Client()
    c.force_login(w.leader)
    r = c.delete("/api/token")
    assert r.status_code == 400 and "Authorization: Bearer" in r.json()["detail"]
    assert Client().delete("/api/token").status_code == 401


def test_the_tokens_page_lists_ones_own_tokens_and_revokes_them(w):
    mine = ApiToken.issue(w.officer)
    theirs = ApiToken.issue(w.leader)
    c = Client()
    c.force_login(w.officer)
    home = c.get(f"/xa/{w.a.pk}/").content.decode()
    assert 'href="/tai-khoan/khoa-api/"' in home  # in the menu
    page = c.get("/tai-khoan/khoa-api/").content.decode()
    assert "Khóa API của tôi" in page and mine[:8] in page and theirs[:8] not in page and "Thu hồi" in page
    assert "Còn hạn" in page and 'class="brand"' in page  # extends ui/base.html
    own = ApiToken.objects.get(user=w.officer)
    other = ApiToken.objects.get(user=w.leader)
    assert c.post(f"/tai-khoan/khoa-api/{other.pk}/thu-hoi/").status_code == 404  # not someone else's
    assert Client().get("/api/me", **_bearer(theirs)).status_code == 200
    r = c.post(f"/tai-khoan/khoa-api/{own.pk}/thu-hoi/", follow=True)
    assert "Đã thu hồi khóa API" in r.content.decode()
    assert Client().get("/api/me", **_bearer(mine)).status_code == 401
    assert c.get(f"/tai-khoan/khoa-api/{own.pk}/thu-hoi/").status_code == 405


def test_the_tokens_page_makes_a_key_shown_once(w):
    c = Client()
    c.force_login(w.viewer)
    page = c.post("/tai-khoan/khoa-api/").content.decode()
    raw = page.split('<code id="khoa-moi">')[1].split("</code>")[0]
    assert Client().get("/api/me", **_bearer(raw)).json()["username"] == w.viewer.username
    assert raw not in c.get("/tai-khoan/khoa-api/").content.decode()


def test_the_tokens_page_needs_a_sign_in(client, w):
    r = client.get("/tai-khoan/khoa-api/")
    assert r.status_code == 302 and r["Location"].startswith("/dang-nhap/")


# --- HTTPS --------------------------------------------------------------------------------------------


def _deploy_check(tmp_path, **env):
    env = {**os.environ, "KTXH_DATA_DIR": str(tmp_path), "KTXH_SECRET_KEY": "k" * 10 + os.urandom(40).hex(),
           "KTXH_ALLOWED_HOSTS": "ktxh.example.gov.vn", **env}
    env.pop("KTXH_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING",
                           "--settings", "ktxh.web.settings"], env=env, capture_output=True, text=True)


def test_check_deploy_is_clean_with_https_on(tmp_path):
    out = _deploy_check(tmp_path, KTXH_HTTPS="1")
    assert out.returncode == 0, out.stderr + out.stdout
    assert "no issues" in out.stdout


def test_check_deploy_warns_without_https(tmp_path):
    out = _deploy_check(tmp_path, KTXH_HTTPS="0")
    assert out.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in out.stderr + out.stdout


def test_https_behind_the_proxy(w, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    c = Client()
    assert c.get("/dang-nhap/").status_code == 301  # plain HTTP is redirected
    assert c.get("/dang-nhap/", HTTP_X_FORWARDED_PROTO="https").status_code == 200


def test_behind_the_proxy_each_client_is_counted_apart(w, settings):
    settings.HTTPS = True  # the proxy's address is every request's REMOTE_ADDR
    for i in range(5):
        Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"9.9.9.{i}, 203.0.113.7").post(
            "/dang-nhap/", {"username": f"ten{i}", "password": "sai"})
    other = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.post("/dang-nhap/", {"username": "luongson.kinhte", "password": PASSWORD}).status_code == 302
    same = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="8.8.8.8, 203.0.113.7")  # a made-up first address
    assert same.post("/dang-nhap/", {"username": "luongson.lanhdao", "password": PASSWORD}).status_code == 429
