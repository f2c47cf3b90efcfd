"""The whole country evaluated in the database, against a raw group-by over the same rows, same run.

    KTXH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ktxh_bench .venv/bin/python bench/scale.py \
        [--generate] [--period year:2025] [--rounds 3] [--clients 20] [--requests 2]

``--generate`` first loads a country (``ktxh generate``'s defaults, years 2024–2025) into an
empty database. Then, best of ``--rounds``, alternating so both see the same load:

- roll-up: ``rollup.statuses`` (every target of every commune standing at the period's end,
  its status by the evaluator's rules in SQL) and ``rollup.field_counts`` uncached;
- baseline: a raw GROUP BY over the same rows (the period's targets of each commune's plan,
  joined to the approved figures), counting and summing, no rules;
- for scale, ``tracking.evaluation.evaluate_plan`` (Python, per commune) on a sample of
  communes, extrapolated to the country.

Peak memory: tracemalloc's peak of Python allocations in the call, and the process's maximum
resident size. Then the cached ``rollup.commune_counts`` under ``--clients`` threads in process,
and the province overview page (``/tinh/<id>/``) and a commune dashboard (``/xa/<id>/``) under
each number of concurrent clients in ``--clients`` (``20,50``), ``--requests`` each, against
the servers of ``--server``: ``prod`` is ``ktxh serve`` (gunicorn, a worker per core, WhiteNoise),
``dev`` Django's ``runserver``, ``both`` one after the other on the same data; with the resident
memory of each gunicorn worker after the load. Prints ratios and figures only; no assertion.
Results go in docs/benchmarks.md.

``--generate`` loads the real units (``ktxh units load``'s 34 provinces, 3 321 communes,
10 035 former communes) with plans and figures for 2024–2025; ``--synthetic`` the invented
country of ``--communes`` communes instead.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
import tracemalloc
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def traced(fn) -> tuple[int, object]:
    """Peak bytes of Python allocations during ``fn`` (tracemalloc slows it: not timed), and its result."""
    tracemalloc.start()
    result = fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, result


def baseline_sql() -> str:
    from ktxh.web.data.tracking.models import Actual
    from ktxh.web.metadata.plans.models import Indicator, Plan, Target
    from ktxh.web.metadata.units.models import AdminUnit

    u, p, t, i, a = (m._meta.db_table for m in (AdminUnit, Plan, Target, Indicator, Actual))
    return f"""
SELECT u.parent_id, i.field_id, COUNT(*), COUNT(a.id), SUM(a.value)
FROM {t} t JOIN {p} p ON p.id = t.plan_id JOIN {u} u ON u.id = p.unit_id JOIN {i} i ON i.id = t.indicator_id
LEFT JOIN {a} a ON a.unit_id = p.unit_id AND a.indicator_id = t.indicator_id AND a.period_id = %(period)s
  AND a.status = 'approved'
WHERE u.level = 'commune' AND (u.valid_from IS NULL OR u.valid_from <= %(ends)s)
  AND (u.valid_to IS NULL OR u.valid_to >= %(ends)s) AND t.year = %(year)s
  AND p.start_year <= %(year)s AND %(year)s <= p.end_year
GROUP BY u.parent_id, i.field_id"""


def raw_group_by(period):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(baseline_sql(), {"period": period.pk, "ends": period.ends_on, "year": period.year})
        return cursor.fetchall()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def session_cookie() -> str:
    """A signed-in superuser's session, made directly in the session store."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    User = get_user_model()
    user = User.objects.filter(username="bench.tinh").first() or User.objects.create_superuser(
        "bench.tinh", "", "mat-khau-bench")
    s = SessionStore()
    s[SESSION_KEY], s[BACKEND_SESSION_KEY] = str(user.pk), "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    return s.session_key


def concurrent(fn, clients: int, requests: int) -> tuple[list[float], int]:
    times: list[float] = []
    errors = []
    lock = threading.Lock()

    def worker():
        for _ in range(requests):
            started = time.perf_counter()
            try:
                fn()
            except Exception as exc:  # noqa: BLE001  (counted and reported, the run goes on)
                errors.append(exc)
                continue
            with lock:
                times.append(time.perf_counter() - started)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if errors:
        print(f"  {len(errors)} lỗi, ví dụ: {errors[0]!r}")
    return times, len(errors)


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) >= 2 else (times[0] if times else float("nan"))


def _server(kind: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "ktxh.web.settings", "KTXH_ALLOWED_HOSTS": "127.0.0.1"}
    ktxh = str(Path(sys.executable).with_name("ktxh"))
    cmd = [ktxh, "serve", "--no-demo", "--addr", f"127.0.0.1:{port}"]
    cmd += ["--dev"] if kind == "dev" else ["--workers", str(workers)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=2).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError(f"{' '.join(cmd)} không trả lời")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def worker_memory(server: subprocess.Popen) -> str:
    try:
        children = [int(c) for c in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()]
    except OSError:
        children = []
    pids = children or [server.pid]
    return ", ".join(f"{rss_mb(p):.0f}" for p in pids) + " MB"


def page_under_load(kind: str, pages: list[tuple[str, str, bytes]], clients: list[int], requests: int,
                    workers: int) -> None:
    port = free_port()
    server = _server(kind, port, workers)
    try:
        cookie = session_cookie()
        label = "gunicorn (ktxh serve)" if kind == "prod" else "runserver (ktxh serve --dev)"
        print(f"Máy chủ {label}{f', {workers} tiến trình × 4 luồng' if kind == 'prod' else ''}; "
              f"tải máy lúc bắt đầu {os.getloadavg()[0]:.1f}")
        for name, path, must in pages:
            url = f"http://127.0.0.1:{port}{path}"

            def get(url=url, must=must):
                req = urllib.request.Request(url, headers={"Cookie": f"sessionid={cookie}"})
                with urllib.request.urlopen(req, timeout=300) as r:
                    body = r.read()
                    if r.status != 200 or must not in body:
                        raise RuntimeError(f"HTTP {r.status}")

            started = time.perf_counter()
            get()  # also fills the caches
            single = time.perf_counter() - started
            for n in clients:
                times, errors = concurrent(get, n, requests)
                print(f"  {name}: một yêu cầu {single * 1000:.0f} ms; {n} khách × {requests}: "
                      f"p50 {statistics.median(times) * 1000:.0f} ms, p95 {p95(times) * 1000:.0f} ms, "
                      f"{len(times)} thành công, {errors} lỗi; tải {os.getloadavg()[0]:.1f}")
        if kind == "prod":
            print(f"  bộ nhớ thường trú mỗi tiến trình gunicorn sau tải: {worker_memory(server)}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--generate", action="store_true", help="nạp một nước mẫu trước (cơ sở dữ liệu trống)")
    ap.add_argument("--communes", type=int, default=3300)
    ap.add_argument("--period", default="year:2025")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sample", type=int, default=40, help="số xã đánh giá bằng Python để so sánh")
    ap.add_argument("--synthetic", action="store_true", help="với --generate: nước tự tạo thay cho đơn vị thật")
    ap.add_argument("--clients", default="20,50", help="số khách đồng thời, cách nhau dấu phẩy")
    ap.add_argument("--requests", type=int, default=2)
    ap.add_argument("--server", choices=("prod", "dev", "both"), default="both")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-http", action="store_true")
    ap.add_argument("--pages-only", action="store_true", help="chỉ đo các trang (bỏ phần roll-up)")
    args = ap.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    from ktxh.web.analytics import rollup
    from ktxh.web.analytics.evaluation import evaluate_plan
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.units.models import AdminUnit

    call_command("migrate", interactive=False, verbosity=0)
    if args.generate:
        from ktxh.scale.generator import Size
        from ktxh.scale.load import load

        started = time.perf_counter()
        if args.synthetic:
            out = load(Size(communes=args.communes, first_year=2024, years=2))
        else:
            from ktxh.scale.real_units import read

            out = load(Size(first_year=2024, years=2), real=read())
        print(f"Nạp: {out.units} đơn vị, {out.targets} mục tiêu, {out.actuals} số liệu, "
              f"{time.perf_counter() - started:.0f} s")
    period = Period.objects.get(code=args.period)
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    print(f"Máy: nproc {os.cpu_count()}, {cpu}, tải {os.getloadavg()[0]:.1f}; {connection.vendor} "
          f"{connection.cursor().connection.info.server_version if connection.vendor == 'postgresql' else ''}; "
          f"Python {platform.python_version()}; kỳ {period.label}")

    clients = [int(c) for c in args.clients.split(",") if c.strip()]
    if args.pages_only:
        return pages(args, period, clients)

    def full():
        return rollup.statuses(period)

    def counts():
        cache.clear()
        return rollup.field_counts(period)

    # alternate, so both see the same machine load; memory from one traced run each at the end
    t_raw = t_roll = t_cnt = float("inf")
    for _ in range(args.rounds):
        t_raw = min(t_raw, timed(lambda: raw_group_by(period)))
        t_roll = min(t_roll, timed(full))
        t_cnt = min(t_cnt, timed(counts))
    m_raw, rows = traced(lambda: raw_group_by(period))
    m_roll, statuses = traced(full)
    m_cnt, _ = traced(counts)
    communes = len({s.unit_id for s in statuses})
    print(f"Cả nước: {communes} xã, {len(statuses)} mục tiêu, {sum(r[2] for r in rows)} dòng trong nhóm gốc")
    print(f"  gốc (GROUP BY thô):            {t_raw:6.2f} s, bộ nhớ Python đỉnh {m_raw / 1e6:6.1f} MB")
    print(f"  roll-up trạng thái từng mục tiêu: {t_roll:6.2f} s, bộ nhớ đỉnh {m_roll / 1e6:6.1f} MB, "
          f"tỷ lệ {t_roll / t_raw:.2f} × gốc")
    print(f"  roll-up đếm theo tỉnh × lĩnh vực: {t_cnt:6.2f} s, bộ nhớ đỉnh {m_cnt / 1e6:6.1f} MB, "
          f"tỷ lệ {t_cnt / t_raw:.2f} × gốc")
    started = time.perf_counter()
    cached = rollup.field_counts(period)
    print(f"  đếm đã lưu đệm: {(time.perf_counter() - started) * 1000:.1f} ms ({len(cached)} ô tỉnh × lĩnh vực)")

    by_unit = {}
    for s in statuses:
        by_unit.setdefault(s.unit_id, s)
    sample = list(AdminUnit.objects.filter(pk__in=list(by_unit)[: args.sample]))
    from ktxh.web.metadata.plans.models import Plan

    started = time.perf_counter()
    for unit in sample:
        plan = Plan.objects.filter(unit=unit, start_year__lte=period.year, end_year__gte=period.year).first()
        evaluate_plan(plan, period)
    per = (time.perf_counter() - started) / max(1, len(sample))
    print(f"  evaluate_plan (Python, từng xã): {per * 1000:.0f} ms/xã → cả nước ≈ {per * communes:.0f} s, "
          f"{per * communes / t_roll:.0f} × roll-up")
    print(f"  bộ nhớ thường trú tối đa của tiến trình: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    province = biggest_province()
    cache.clear()
    for state in ("lưu đệm trống lúc đầu", "lưu đệm sẵn"):
        times, _ = concurrent(lambda: rollup.commune_counts(period, province=province), clients[0], args.requests)
        print(f"rollup.commune_counts tỉnh {province.name}, {clients[0]} luồng × {args.requests} ({state}): "
              f"p50 {statistics.median(times) * 1000:.1f} ms, p95 {p95(times) * 1000:.1f} ms")
    return 0 if args.no_http else pages(args, period, clients)


def biggest_province():
    from django.db.models import Count

    from ktxh.web.metadata.units.models import AdminUnit

    return AdminUnit.objects.filter(level="province").annotate(n=Count("children")).order_by("-n", "code").first()


def pages(args, period, clients: list[int]) -> int:
    """The province overview of the province with most communes, and the dashboard of its first
    commune standing at the period's end, under each server."""
    from django.db.models import Q

    from ktxh.web.metadata.units.models import AdminUnit

    province = biggest_province()
    commune = AdminUnit.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=period.ends_on), Q(valid_to__isnull=True) | Q(valid_to__gte=period.ends_on),
        parent=province, level="commune", plans__isnull=False).order_by("code").first()
    standing = AdminUnit.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=period.ends_on), Q(valid_to__isnull=True) | Q(valid_to__gte=period.ends_on),
        parent=province, level="commune").count()
    urls = [(f"tổng quan tỉnh {province.name} ({standing} xã đứng ở cuối kỳ)", f"/tinh/{province.pk}/?ky={period.pk}",
              province.name.encode()),
             (f"trang xã {commune.name} ({commune.code})", f"/xa/{commune.pk}/", commune.name.encode())]
    from ktxh.web.analytics import tables

    built = timed(lambda: tables.build(period, province.pk))
    refreshed = timed(lambda: tables.refresh([commune.pk]))
    print(f"bảng tổng hợp (CommuneCount) của tỉnh {province.name}: dựng {built:.2f} s; "
          f"làm mới một xã sau khi duyệt (mọi kỳ đã dựng) {refreshed * 1000:.0f} ms")
    for kind in (("prod", "dev") if args.server == "both" else (args.server,)):
        page_under_load(kind, urls, clients, args.requests, args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
