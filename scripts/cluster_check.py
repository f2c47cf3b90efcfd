"""The checks of scripts/cluster.sh, against two running application servers (A and B) on loopback.

1. A write on one server is read on the other: a token issued by A works on B; a figure entered
   on A is read back on B, same value and version.
2. Reads are served by the replica: the province overview on B sends its SELECTs to the replica
   (its statement log grows by them), and the replica is in recovery (a streaming standby).
3. A cache entry is invalidated across servers: the province overview computed on A leaves its
   roll-up in the shared Redis; B's overview uses it (no new entry); a figure written on B makes
   A compute a new entry (the old one is not used any more).
4. A job queued by one server is done by the worker: the administrator asks A for a roll-up
   refresh; the job row says which process queued it and which ran it, RQ says the worker
   finished it, and B shows it done.

Prints one line per check and exits 1 if any fails (or was not reached). Standard library plus redis (a dependency).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal

PASSWORD = "ktxh-demo"
RESULTS: list[tuple[str, bool, str]] = []


class Client:
    """One person's browser or API client against one server (cookies kept per client)."""

    def __init__(self, base: str, jar: http.cookiejar.CookieJar | None = None, token: str | None = None):
        self.base, self.token = base, token
        self.jar = jar if jar is not None else http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def on(self, base: str) -> Client:
        """The same person (same cookies, same token) on another server."""
        return Client(base, self.jar, self.token)

    def request(self, method: str, path: str, data=None, form: dict | None = None) -> tuple[int, str]:
        headers = {}
        body = None
        if data is not None:
            body, headers["Content-Type"] = json.dumps(data).encode(), "application/json"
        if form is not None:
            body, headers["Content-Type"] = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        csrf = next((c.value for c in self.jar if c.name == "csrftoken"), None)
        if csrf and method != "GET":
            headers["X-CSRFToken"] = csrf
            headers["Referer"] = self.base + "/"
        req = urllib.request.Request(self.base + path, body, headers, method=method)
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()

    def json(self, method: str, path: str, data=None, want: int = 200):
        status, body = self.request(method, path, data)
        if status != want:
            raise AssertionError(f"{method} {self.base}{path}: {status} {body[:300]}")
        return json.loads(body)

    def login(self, username: str, password: str = PASSWORD) -> None:
        status, page = self.request("GET", "/dang-nhap/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, page = self.request("POST", "/dang-nhap/", form={"username": username, "password": password,
                                                                  "csrfmiddlewaretoken": token})
        if status != 200 or 'name="password"' in page:
            raise AssertionError(f"đăng nhập {username} trên {self.base} không được ({status})")


def check(name: str):
    def wrap(fn):
        def run(*args, **kwargs):
            try:
                detail = fn(*args, **kwargs)
                RESULTS.append((name, True, detail or ""))
            except Exception as exc:  # a failed check is reported, the others still run
                RESULTS.append((name, False, f"{type(exc).__name__}: {exc}"))
            print(f"[{'ĐẠT' if RESULTS[-1][1] else 'LỖI'}] {name}: {RESULTS[-1][2]}", flush=True)
        return run
    return wrap


def eventually(fn, seconds: float = 10.0, every: float = 0.2):
    """``fn()`` until it returns something truthy (replication takes a moment); its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = fn()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every)


def wait_up(base: str, seconds: float = 120) -> None:
    def up():
        try:
            with urllib.request.urlopen(base + "/dang-nhap/", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False
    if not eventually(up, seconds, 0.5):
        raise SystemExit(f"{base} không trả lời sau {seconds:.0f} giây")


def officer(a: Client) -> tuple[Client, dict]:
    me_token = a.json("POST", "/api/token", {"username": "nhonhung.kinhte", "password": PASSWORD})["token"]
    client = Client(a.base, token=me_token)
    return client, client.json("GET", "/api/me")


def free_slot(api: Client, me: dict, year_period: int) -> int:
    """An indicator of the officer's fields with no figure of the commune for the period."""
    taken = {x["indicator_id"] for x in api.json("GET", f"/api/actuals?unit_id={me['unit_id']}&period_id={year_period}"
                                                 "&limit=1000")["items"]}
    for field_id in me["field_ids"]:
        for ind in api.json("GET", f"/api/indicators?field_id={field_id}&limit=1000")["items"]:
            if ind["id"] not in taken:
                return ind["id"]
    raise AssertionError("không còn chỉ tiêu nào chưa có số liệu để thử")


def year_period(api: Client, year: int) -> int:
    return api.json("POST", "/api/periods", {"kind": "year", "year": year})["id"]


@check("ghi trên máy chủ A, đọc trên máy chủ B")
def write_here_read_there(a: Client, b_base: str, state: dict) -> str:
    api, me = officer(a)
    on_b = api.on(b_base)
    got = eventually(lambda: on_b.request("GET", "/api/me")[0] == 200)
    assert got, "khóa API cấp trên A không dùng được trên B"
    period = year_period(api, 2024)
    indicator = free_slot(api, me, period)
    written = api.json("POST", "/api/actuals", {"unit_id": me["unit_id"], "indicator_id": indicator,
                                                "period_id": period, "text": "1.234,5"})
    read = eventually(lambda: (lambda r: r[0] == 200 and json.loads(r[1]))(on_b.request("GET", f"/api/actuals/{written['id']}")))
    assert read and (read["text"], Decimal(read["value"]), read["version"]) == (
        written["text"], Decimal(written["value"]), written["version"]), (read, written)
    state.update(officer=api, me=me, period=period, actual=written["id"])
    return f"số liệu #{written['id']} “{written['text']}” ghi trên A, B đọc ra {read['value']} (phiên bản {read['version']})"


@check("máy chủ B đọc từ bản sao (replica)")
def reads_on_the_replica(b_base: str, replica_log: str, replica_port: int, state: dict) -> str:
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{replica_port}/ktxh") as conn:
        assert conn.execute("SELECT pg_is_in_recovery()").fetchone()[0] is True, "bản sao không ở chế độ standby"
        lag = conn.execute("SELECT COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)").fetchone()[0]
    planner = Client(b_base)
    planner.login("tinh.kehoach")
    province = planner.json("GET", "/api/me")["unit_id"]

    def log_size() -> int:
        with open(replica_log, "rb") as f:
            return f.seek(0, 2)
    before = log_size()
    status, page = planner.request("GET", f"/tinh/{province}/")
    assert status == 200 and "Nhơn Hưng" in page, f"trang tổng hợp tỉnh trên B: {status}"
    with open(replica_log, "rb") as f:
        f.seek(before)
        new = f.read().decode("utf-8", "replace")
    selects = re.findall(r'statement: SELECT .*? FROM "?(\w+)"?', new)
    assert any(t in ("units_adminunit", "tracking_actual") for t in selects), \
        f"trang tổng hợp tỉnh trên B không đọc bản sao ({len(selects)} câu SELECT)"
    state["province"] = province
    return (f"bản sao ở chế độ standby (trễ {float(lag):.2f} s); trang tổng hợp tỉnh trên B: {len(selects)} câu SELECT "
            f"trên bản sao ({', '.join(sorted(set(selects))[:4])}…)")


def replica_caught_up(primary_port: int, replica_port: int, seconds: float = 10) -> bool:
    """Wait until the replica has replayed all the primary has written so far."""
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{primary_port}/ktxh", autocommit=True) as p, \
            psycopg.connect(f"postgresql://postgres@127.0.0.1:{replica_port}/ktxh", autocommit=True) as r:
        target = p.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
        return bool(eventually(lambda: r.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn",
                                                 (target,)).fetchone()[0], seconds))


@check("mục bộ đệm dùng chung và bị hủy trên mọi máy chủ")
def shared_cache(a_base: str, b_base: str, redis_url: str, ports: tuple[int, int], state: dict) -> str:
    import redis

    r = redis.Redis.from_url(redis_url)
    # B reads the roll-up's generation stamp on the replica: let it catch up with the earlier writes first
    assert replica_caught_up(*ports), "bản sao chưa bắt kịp bản chính sau 10 giây"
    planner = Client(a_base)
    planner.login("tinh.kehoach")
    province = planner.json("GET", "/api/me")["unit_id"]

    def entries() -> set[bytes]:
        # what the province overview caches: its counts per period (and the SQL roll-up's, when used)
        return {k for pattern in ("*ktxh:overview:periods:*", "*ktxh:rollup:commune:*")
                for k in r.scan_iter(match=pattern)}

    stale = entries()  # left by the overview of the previous check
    if stale:
        r.delete(*stale)
    status, _ = planner.request("GET", f"/tinh/{province}/")
    first = entries()
    assert status == 200 and first, f"trang tổng hợp tỉnh trên A ({status}) không để lại mục nào trong Redis"
    status, _ = planner.on(b_base).request("GET", f"/tinh/{province}/")
    assert status == 200 and entries() == first, "B không dùng mục bộ đệm A đã tính"
    api = state["officer"].on(b_base)
    indicator = free_slot(api, state["me"], state["period"])
    api.json("POST", "/api/actuals", {"unit_id": state["me"]["unit_id"], "indicator_id": indicator,
                                      "period_id": state["period"], "text": "7"})

    def recomputed():
        planner.request("GET", f"/tinh/{province}/")
        return entries() - first
    new = eventually(recomputed)
    assert new, "sau khi B ghi số liệu, A vẫn dùng mục bộ đệm cũ"
    return (f"A tính và lưu {len(first)} mục, B dùng lại (không tính), B ghi số liệu, "
            f"A tính lại {len(new)} mục mới (thế hệ mới)")


@check("công việc do máy chủ A xếp hàng, tiến trình worker làm")
def job_by_the_worker(a_base: str, b_base: str, redis_url: str, worker_pid: int, server_pids: list[int],
                      state: dict) -> str:
    import redis

    admin = Client(a_base)
    admin.login("quantri", "quan-tri-cum-may")
    job = admin.json("POST", f"/cong-viec/tong-hop/{state['period']}/", want=202)
    assert job["status"] == "queued", f"A không xếp hàng mà tự chạy: {job}"
    on_b = admin.on(b_base)
    done = eventually(lambda: (lambda j: j if j["status"] in ("done", "failed") else None)(
        on_b.json("GET", f"/cong-viec/{job['id']}/")), seconds=60, every=0.5)
    assert done and done["status"] == "done", f"công việc chưa xong: {done}"
    queued_pid, run_pid = int(job["queued_by"].rsplit(":", 1)[1]), int(done["run_by"].rsplit(":", 1)[1])
    assert run_pid != queued_pid and run_pid not in server_pids, (job["queued_by"], done["run_by"])
    parent = int(open(f"/proc/{run_pid}/stat").read().split(")")[1].split()[1]) if _alive(run_pid) else None
    rq_status = redis.Redis.from_url(redis_url).hget(f"rq:job:ktxh-{job['id']}", "status")
    assert rq_status == b"finished", f"RQ ghi trạng thái {rq_status!r}"
    who = f"tiến trình {run_pid}" + (f" (con của worker {worker_pid})" if parent == worker_pid else " (worker)")
    return (f"#{job['id']} xếp hàng bởi tiến trình {queued_pid} của A, làm bởi {who}; "
            f"kết quả {done['result']}; B thấy “{done['status_label']}”")


def _alive(pid: int) -> bool:
    try:
        open(f"/proc/{pid}/stat").close()
        return True
    except OSError:
        return False


def server_workers(pid: int) -> list[int]:
    """The gunicorn master and its worker processes."""
    try:
        children = open(f"/proc/{pid}/task/{pid}/children").read().split()
    except OSError:
        children = []
    return [pid] + [int(c) for c in children]


def main() -> int:
    p = argparse.ArgumentParser()
    for name in ("--a", "--b", "--redis", "--replica-log"):
        p.add_argument(name, required=True)
    for name in ("--primary-port", "--replica-port", "--worker-pid", "--pid-a", "--pid-b"):
        p.add_argument(name, type=int, required=True)
    args = p.parse_args()
    wait_up(args.a)
    wait_up(args.b)
    state: dict = {}
    a = Client(args.a)
    write_here_read_there(a, args.b, state)
    if "actual" in state:
        reads_on_the_replica(args.b, args.replica_log, args.replica_port, state)
        shared_cache(args.a, args.b, args.redis, (args.primary_port, args.replica_port), state)
        job_by_the_worker(args.a, args.b, args.redis, args.worker_pid,
                          server_workers(args.pid_a) + server_workers(args.pid_b), state)
    failed = [name for name, ok, _ in RESULTS if not ok]
    print(f"Cụm máy chủ: {len(RESULTS) - len(failed)}/4 kiểm tra đạt.")
    return 1 if failed or len(RESULTS) < 4 else 0


if __name__ == "__main__":
    sys.exit(main())
