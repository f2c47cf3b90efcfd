"""``ktxh generate``: plans and figures for a whole country in the configured database, for scale tests.

    ktxh generate                                  # over the real units: 34 provinces, 3 321 communes,
                                                   # 10 035 former communes (ktxh units load's)
    ktxh generate --real-provinces 48,46 --years 2 # a part of the real country
    ktxh generate --provinces 34 --communes 3300 --former 10000   # an invented country of that size

Deterministic (``--seed``). Loads with COPY on PostgreSQL and ``bulk_create`` on SQLite,
with a progress bar; migrates first. Meant for an empty database (``KTXH_DATABASE_URL``).
"""

from __future__ import annotations

import os
import time

from .common import fail


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "generate", help="Sinh kế hoạch, chỉ tiêu, số liệu mẫu trên các đơn vị thật (hoặc một nước tự tạo) để thử tải.",
        description="Sinh dữ liệu mẫu tất định và nạp hàng loạt vào cơ sở dữ liệu đang cấu hình.",
    )
    p.add_argument("--real-provinces", metavar="MÃ,MÃ", help="chỉ các tỉnh thật có mã này (ví dụ 48,46; mặc định cả nước)")
    p.add_argument("--provinces", type=int, help="nước tự tạo: số tỉnh, thành phố (mặc định 34)")
    p.add_argument("--communes", type=int, help="nước tự tạo: số xã, phường, đặc khu hiện nay (mặc định 3300)")
    p.add_argument("--mergers", type=int, help="nước tự tạo: số xã hình thành do sáp nhập (mặc định 91%% số xã)")
    p.add_argument("--former", type=int, help="nước tự tạo: số xã trước sáp nhập (mặc định khoảng 10.000)")
    p.add_argument("--indicators", type=int, default=150, help="số chỉ tiêu (mặc định 150)")
    p.add_argument("--targets", type=int, default=40, help="số chỉ tiêu trong kế hoạch năm của mỗi xã (mặc định 40)")
    p.add_argument("--first-year", type=int, default=2021, help="năm đầu (mặc định 2021)")
    p.add_argument("--years", type=int, default=5, help="số năm (mặc định 5)")
    p.add_argument("--seed", type=int, default=2025, help="hạt giống ngẫu nhiên (mặc định 2025)")
    p.add_argument("--quiet", action="store_true", help="không hiện thanh tiến trình")
    p.set_defaults(func=run)


def size_of(args):
    from ktxh.scale.generator import Size

    return Size(provinces=args.provinces or 34, communes=args.communes or 3300, mergers=args.mergers,
                former=args.former, indicators=args.indicators, targets=args.targets, first_year=args.first_year,
                years=args.years, seed=args.seed)


def synthetic(args) -> bool:
    """An invented country when any of its sizes is given; else the real units."""
    return any(getattr(args, n) is not None for n in ("provinces", "communes", "mergers", "former"))


def run(args) -> int:
    for name in ("provinces", "communes", "indicators", "targets", "years"):
        if getattr(args, name) is not None and getattr(args, name) < 1:
            return fail(f"--{name} phải lớn hơn 0, không phải {getattr(args, name)}.")
    if synthetic(args) and args.real_provinces:
        return fail("--real-provinces (tỉnh thật) không dùng cùng --provinces, --communes, --mergers, --former (nước tự tạo).")
    size = size_of(args)
    if size.communes < size.provinces:
        return fail(f"Số xã ({size.communes}) phải không ít hơn số tỉnh ({size.provinces}).")
    real = None
    if not synthetic(args):
        from ktxh.scale.real_units import read, restrict

        real = read()
        if args.real_provinces:
            try:
                real = restrict(real, [c.strip().zfill(2) for c in args.real_provinces.split(",") if c.strip()])
            except ValueError as exc:
                return fail(f"--real-provinces: {exc}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from ktxh.scale.load import LoadError, load

    started = time.perf_counter()
    try:
        out = load(size, progress=not args.quiet, real=real)
    except LoadError as exc:
        return fail(str(exc))
    c = out.country
    what = "đơn vị thật" if real is not None else "nước tự tạo"
    print(f"Đã nạp ({what}) {len(c.provinces)} tỉnh, {len(c.communes)} xã hiện nay "
          f"({sum(1 for u in c.communes if u.predecessors)} xã sáp nhập từ {len(c.formers)} xã cũ), "
          f"{len(c.specs)} chỉ tiêu, {out.plans} kế hoạch, {out.targets} mục tiêu, {out.actuals} số liệu "
          f"trong {time.perf_counter() - started:.1f} giây.")
    return 0
