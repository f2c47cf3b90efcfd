"""``ktxh generate``: a whole generated country in the configured database, for scale tests.

    ktxh generate --provinces 34 --communes 3300 --former 10000 --indicators 150 --years 5

Deterministic (``--seed``). Loads with COPY on PostgreSQL and ``bulk_create`` on SQLite,
with a progress bar; migrates first. Meant for an empty database (``KTXH_DATABASE_URL``).
"""

from __future__ import annotations

import os
import time

from .common import fail


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "generate", help="sinh dữ liệu một nước mẫu (tỉnh, xã sau sáp nhập 2025, chỉ tiêu, số liệu) để thử tải",
        description="Sinh dữ liệu mẫu tất định và nạp hàng loạt vào cơ sở dữ liệu đang cấu hình.",
    )
    p.add_argument("--provinces", type=int, default=34, help="số tỉnh, thành phố (mặc định 34)")
    p.add_argument("--communes", type=int, default=3300, help="số xã, phường, đặc khu hiện nay (mặc định 3300)")
    p.add_argument("--mergers", type=int, help="số xã hình thành do sáp nhập (mặc định 91%% số xã)")
    p.add_argument("--former", type=int, help="số xã trước sáp nhập (mặc định khoảng 10.000 cho cả nước)")
    p.add_argument("--indicators", type=int, default=150, help="số chỉ tiêu (mặc định 150)")
    p.add_argument("--targets", type=int, default=40, help="số chỉ tiêu trong kế hoạch năm của mỗi xã (mặc định 40)")
    p.add_argument("--first-year", type=int, default=2021, help="năm đầu (mặc định 2021)")
    p.add_argument("--years", type=int, default=5, help="số năm (mặc định 5)")
    p.add_argument("--seed", type=int, default=2025, help="hạt giống ngẫu nhiên (mặc định 2025)")
    p.add_argument("--quiet", action="store_true", help="không hiện thanh tiến trình")
    p.set_defaults(func=run)


def size_of(args):
    from ktxh.scale.generator import Size

    return Size(provinces=args.provinces, communes=args.communes, mergers=args.mergers, former=args.former,
                indicators=args.indicators, targets=args.targets, first_year=args.first_year, years=args.years,
                seed=args.seed)


def run(args) -> int:
    for name in ("provinces", "communes", "indicators", "targets", "years"):
        if getattr(args, name) < 1:
            return fail(f"--{name} phải lớn hơn 0, không phải {getattr(args, name)}.")
    if args.communes < args.provinces:
        return fail(f"Số xã ({args.communes}) phải không ít hơn số tỉnh ({args.provinces}).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from ktxh.scale.load import LoadError, load

    started = time.perf_counter()
    try:
        out = load(size_of(args), progress=not args.quiet)
    except LoadError as exc:
        return fail(str(exc))
    c = out.country
    print(f"Đã nạp {len(c.provinces)} tỉnh, {len(c.communes)} xã hiện nay "
          f"({sum(1 for u in c.communes if u.predecessors)} xã sáp nhập từ {len(c.formers)} xã cũ), "
          f"{len(c.specs)} chỉ tiêu, {out.plans} kế hoạch, {out.targets} mục tiêu, {out.actuals} số liệu "
          f"trong {time.perf_counter() - started:.1f} giây.")
    return 0
