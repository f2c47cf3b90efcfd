"""``ktxh serve`` as a user starts it: gunicorn workers, WhiteNoise, SQLite in WAL mode."""

import gzip
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

KTXH = Path(sys.executable).with_name("ktxh")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"ktxh serve stopped: {proc.stdout.read()}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer in {seconds} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KTXH_", "DJANGO_"))}
    env["KTXH_DATA_DIR"] = str(data)
    proc = subprocess.Popen([str(KTXH), "serve", "--no-demo", "--addr", f"127.0.0.1:{port}", "--workers", "2"],
                            cwd=data, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/dang-nhap/", proc)
        yield base, data, proc
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_login_page_from_gunicorn(server):
    base, _, _ = server
    with urllib.request.urlopen(f"{base}/dang-nhap/", timeout=10) as r:
        body = r.read().decode()
        assert r.status == 200 and r.headers["Server"].startswith("gunicorn")
    assert "Đăng nhập" in body and "csrfmiddlewaretoken" in body


def test_static_file_by_whitenoise_compressed(server):
    base, data, _ = server
    on_disk = (data / "static" / "ui" / "app.css").read_bytes()
    req = urllib.request.Request(f"{base}/static/ui/app.css", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=10) as r:
        assert r.status == 200 and r.headers["Content-Type"].startswith("text/css")
        assert r.headers["Content-Encoding"] == "gzip" and "max-age" in r.headers["Cache-Control"]
        assert gzip.decompress(r.read()) == on_disk


def test_workers_and_wal(server):
    _, data, proc = server
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    assert len(children) == 2  # --workers 2
    mode = sqlite3.connect(data / "ktxh.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_dev_server_refuses_a_bad_address(tmp_path):
    out = subprocess.run([str(KTXH), "serve", "--addr", "8000", "--no-demo"], cwd=tmp_path, capture_output=True,
                         text=True, env={**os.environ, "KTXH_DATA_DIR": str(tmp_path)})
    assert out.returncode == 2 and "địa chỉ:cổng" in out.stderr


def test_dev_keeps_the_development_server(tmp_path):
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("KTXH_", "DJANGO_"))},
           "KTXH_DATA_DIR": str(tmp_path)}
    proc = subprocess.Popen([str(KTXH), "serve", "--dev", "--no-demo", "--addr", f"127.0.0.1:{port}"], cwd=tmp_path,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/dang-nhap/", proc)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=10) as r:
            assert r.headers["Server"].startswith("WSGIServer")
    finally:
        proc.terminate()
        proc.wait(20)


@pytest.mark.django_db
def test_every_sqlite_connection_waits_for_the_lock():
    from django.conf import settings
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite settings")
    with connection.cursor() as c:
        c.execute("PRAGMA busy_timeout")
        assert c.fetchone()[0] == settings.SQLITE_BUSY_MS
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_cache_is_redis_when_asked(monkeypatch):
    from ktxh.web import settings

    monkeypatch.delenv("KTXH_REDIS_URL", raising=False)
    assert settings._caches()["default"]["BACKEND"].endswith("LocMemCache")
    monkeypatch.setenv("KTXH_REDIS_URL", "redis://127.0.0.1:6379/3")
    cache = settings._caches()["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/3"


def test_writers_wait_for_a_held_write_lock(tmp_path):
    """20 people signing in (each a write: a new API token) while another process holds SQLite's
    write lock for 12 s (with sqlite3's default timeout of 5 s, 8 of 20 answer 500): all of them wait and succeed; none gets "database is locked"."""
    import json
    import threading

    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("KTXH_", "DJANGO_"))},
           "KTXH_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "ktxh.web.settings",
           "DJANGO_SUPERUSER_PASSWORD": "mat-khau-thu-nghiem"}
    subprocess.run([str(KTXH), "serve", "--prepare-only", "--no-demo"], cwd=tmp_path, env=env, check=True,
                   capture_output=True)
    subprocess.run([sys.executable, "-m", "django", "createsuperuser", "--noinput", "--username", "quantri",
                    "--email", "q@example.invalid"], cwd=tmp_path, env=env, check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([str(KTXH), "serve", "--no-demo", "--addr", f"127.0.0.1:{port}", "--workers", "2"],
                            cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/dang-nhap/", proc)
        holder = sqlite3.connect(tmp_path / "ktxh.sqlite3", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # the write lock, as a long import holds it
        answers: list[int] = []

        def sign_in():
            body = json.dumps({"username": "quantri", "password": "mat-khau-thu-nghiem"}).encode()
            req = urllib.request.Request(f"{base}/api/token", body, {"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req, timeout=60) as r:
                    answers.append(r.status)
            except urllib.error.HTTPError as e:
                answers.append(e.code)

        threads = [threading.Thread(target=sign_in) for _ in range(20)]
        started = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(12)
        holder.execute("COMMIT")
        for t in threads:
            t.join()
        waited = time.monotonic() - started
        assert answers == [200] * 20 and waited >= 12
        tokens = sqlite3.connect(tmp_path / "ktxh.sqlite3").execute("SELECT COUNT(*) FROM accounts_apitoken").fetchone()
        assert tokens[0] == 20
    finally:
        proc.terminate()
        proc.wait(20)


def test_processes_starting_at_once_on_a_new_data_folder_share_one_secret_key(tmp_path):
    """Test workers and app servers start together on a fresh clone: all of them read the one key
    written first, none a half-written file or a key of its own."""
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("KTXH_", "DJANGO_"))},
           "KTXH_DATA_DIR": str(tmp_path / "data")}
    start = time.time() + 3  # each process imports Django first, then all read the settings at once
    code = (f"import time, django, dj_database_url; time.sleep(max(0, {start!r} - time.time())); "
            "from ktxh.web import settings; print(settings.SECRET_KEY)")
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
             for _ in range(12)]
    keys = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    on_disk = (tmp_path / "data" / "secret_key").read_text(encoding="utf-8").strip()
    assert set(keys) == {on_disk} and len(on_disk) > 40
    assert [f.name for f in (tmp_path / "data").glob("secret_key*")] == ["secret_key"]  # no key left aside
