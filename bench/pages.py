"""Every page's time (p50, p95 in ms) with the demo data on SQLite, against a static page.

    .venv/bin/python bench/pages.py [--rounds 40] [--warmup 3]

A fresh SQLite database in a temporary folder gets the migrations and the demo province
(``ktxh.web.demo.load.load_demo``: the five seed wards, read and imported as people would).
Each page is asked ``--rounds`` times through Django's test client, in process, through the
whole middleware stack, signed in as the user who would open it. The baseline is a static
file (the pages' stylesheet) served by the same Django, through the same middleware, in the
same run: the ratio p95 / baseline p95 is what the page's queries, evaluation and template
cost. The aim is a p95 under 300 ms for every page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AIM_MS = 300.0


def _setup(folder: str) -> None:
    os.environ["KTXH_DATA_DIR"] = folder
    os.environ.pop("KTXH_DATABASE_URL", None)  # SQLite, as the aim says
    os.environ["DJANGO_SETTINGS_MODULE"] = "ktxh.web.settings"
    import django
    from django.conf import settings

    django.setup()
    from django.urls import include, path
    from django.views.static import serve

    # The project's URLs plus one static file served by the same Django: the baseline.
    urls = types.ModuleType("bench_pages_urls")
    static = ROOT / "src" / "ktxh" / "web" / "ui" / "static" / "ui"
    urls.urlpatterns = [
        path("bench-static/<path:path>", serve, {"document_root": str(static)}),
        path("", include(settings.ROOT_URLCONF)),
    ]
    sys.modules["bench_pages_urls"] = urls
    settings.ROOT_URLCONF = "bench_pages_urls"
    settings.ALLOWED_HOSTS = ["testserver"]


def _time(client, method: str, url: str, data, rounds: int, warmup: int) -> list[float]:
    call = client.get if method == "GET" else client.post
    for _ in range(warmup):
        response = call(url, data() if callable(data) else data)
        assert response.status_code in (200, 302), (url, response.status_code)
    times = []
    for _ in range(rounds):
        payload = data() if callable(data) else data
        t = time.perf_counter()
        call(url, payload)
        times.append((time.perf_counter() - t) * 1000)
    return times


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--warmup", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="ktxh-bench-") as folder:
        _setup(folder)
        from django.contrib.auth import get_user_model
        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.core.management import call_command
        from django.test import Client

        from ktxh.web.data.tracking.models import Actual, Period
        from ktxh.web.demo.load import load_demo
        from ktxh.web.metadata.plans.models import Plan
        from ktxh.web.metadata.units.models import AdminUnit

        t = time.perf_counter()
        call_command("migrate", verbosity=0)
        load_demo()
        print(f"demo data loaded in {time.perf_counter() - t:.1f} s", flush=True)

        def client(username: str | None) -> Client:
            c = Client()
            if username:
                c.force_login(get_user_model().objects.get(username=username))
            return c

        ward = AdminUnit.objects.get(name="Nhơn Hưng", level="commune")
        province = ward.parent
        term_ward = AdminUnit.objects.get(name="Điện Nam Đông", level="commune")
        biggest = max(Plan.objects.all(), key=lambda p: p.targets.count())
        big_ward = biggest.unit
        slug = {"Nhơn Hưng": "nhonhung", "Lê Lợi": "leloi", "Lương Sơn": "luongson", "Hương Xuân": "huongxuan",
                "Điện Nam Đông": "diennamdong"}[big_ward.name]
        actual = Actual.objects.filter(unit=ward).order_by("-period__ends_on").first()
        period = Period.objects.filter(code="year:2023").first() or actual.period
        seed = next((ROOT / "src" / "ktxh" / "web" / "demo" / "seeds").glob("003_*.txt"))
        seed_bytes = seed.read_bytes()

        pages = [
            ("tệp tĩnh (baseline)", None, "GET", "/bench-static/app.css", None),
            ("đăng nhập", None, "GET", "/dang-nhap/", None),
            ("tổng quan xã (Nhơn Hưng)", "nhonhung.lanhdao", "GET", f"/xa/{ward.pk}/", None),
            (f"tổng quan xã ({big_ward.name}, {biggest.targets.count()} chỉ tiêu)", f"{slug}.lanhdao", "GET",
             f"/xa/{big_ward.pk}/", None),
            ("chỉ tiêu (lịch sử, nhật ký)", "nhonhung.lanhdao", "GET",
             f"/xa/{ward.pk}/chi-tieu/{actual.indicator_id}/", None),
            ("nhập số liệu (một kỳ)", "nhonhung.kinhte", "GET", f"/nhap-lieu/{period.pk}/", None),
            ("chờ duyệt", "nhonhung.lanhdao", "GET", "/cho-duyet/", None),
            (f"sửa kế hoạch ({biggest.targets.count()} chỉ tiêu)", f"{slug}.lanhdao", "GET", f"/ke-hoach/{biggest.pk}/",
             None),
            ("xem trước chỉ tiêu (JSON)", "nhonhung.lanhdao", "GET", "/ke-hoach/xem-truoc/",
             {"indicator": actual.indicator_id, "text": "14 – 15%/năm"}),
            ("nhập tệp: đọc và kiểm tra seed 003", "nhonhung.lanhdao", "POST", "/nhap-tep/",
             lambda: {"file": SimpleUploadedFile(seed.name, seed_bytes, content_type="text/plain")}),
            ("đánh giá nhiệm kỳ (Điện Nam Đông)", "diennamdong.lanhdao", "GET", f"/xa/{term_ward.pk}/nhiem-ky/", None),
            ("toàn tỉnh (5 phường, báo cáo, nhiệm kỳ)", "tinh.kehoach", "GET", f"/tinh/{province.pk}/", None),
        ]
        results = []
        for label, user, method, url, data in pages:
            times = _time(client(user), method, url, data, args.rounds, args.warmup)
            results.append((label, statistics.median(times), p95(times)))
        base50, base = results[0][1], results[0][2]
        print(f"\n{'trang':<48} {'p50 ms':>8} {'p95 ms':>8} {'p50 / tĩnh':>11} {'p95 / tĩnh':>11}")
        for label, p50, p in results:
            flag = "" if p <= AIM_MS else f"  > {AIM_MS:.0f} ms"
            print(f"{label:<48} {p50:8.1f} {p:8.1f} {p50 / base50:10.1f}× {p / base:10.1f}×{flag}")
        worst = max(results[1:], key=lambda r: r[2])
        print(f"\nchậm nhất: {worst[0]} p95 {worst[2]:.1f} ms ({worst[2] / base:.0f}× tệp tĩnh); mục tiêu < {AIM_MS:.0f} ms")


if __name__ == "__main__":
    main()
