"""``ktxh units load``: the real provinces and communes since 1 July 2025, and the former ones.

    ktxh units load            # 34 tỉnh, 3 321 xã, phường, đặc khu; 10 035 xã cũ; 10 597 liên kết
    ktxh units show 20579      # one unit, what it was formed from or what it went into

The units come from the packages ``vietnam-provinces`` and ``vietnamadminunits`` (see
``ktxh.scale.real_units``). Loading again changes nothing; migrates first.
"""

from __future__ import annotations

import os
import time

from .common import fail


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "units", help="Nạp danh mục đơn vị hành chính thật (34 tỉnh, 3.321 xã từ 01/7/2025 và các xã cũ).",
        description="Danh mục đơn vị hành chính thật, mã của Tổng cục Thống kê.",
    )
    sub = p.add_subparsers(dest="action", metavar="VIỆC")
    load = sub.add_parser("load", help="nạp (hoặc cập nhật) tỉnh, xã hiện nay, xã cũ và quan hệ sáp nhập",
                          description="Nạp vào cơ sở dữ liệu đang cấu hình; chạy lại không tạo bản ghi trùng.")
    load.add_argument("--quiet", action="store_true", help="không hiện thanh tiến trình")
    load.set_defaults(func=run_load)
    show = sub.add_parser("show", help="xem một đơn vị theo mã và quan hệ sáp nhập của nó (từ danh mục, không cần cơ sở dữ liệu)")
    show.add_argument("code", help="mã đơn vị, ví dụ 20579 (xã hiện nay) hoặc 20587-cu (xã cũ)")
    show.set_defaults(func=run_show)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def run_load(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from ktxh.scale.load import load_real_units
    from ktxh.scale.real_units import counts, read

    started = time.perf_counter()
    country = read()
    out = load_real_units(country, progress=not args.quiet)
    c = counts(country)
    print(f"Danh mục: {c['tỉnh']} tỉnh, {c['thành phố']} thành phố; {c['xã']} xã, {c['phường']} phường, "
          f"{c['đặc khu']} đặc khu từ 01/7/2025; {len(country.formers)} xã, phường, thị trấn trước đó; "
          f"{len(country.lineage)} quan hệ sáp nhập.")
    if out.changed:
        print(f"Đã thêm {out.created} đơn vị, sửa {out.updated}, thêm {out.linked} và bỏ {out.unlinked} quan hệ "
              f"sáp nhập trong {time.perf_counter() - started:.1f} giây.")
    else:
        print("Cơ sở dữ liệu đã có đủ danh mục này: không thay đổi gì.")
    return 0


def run_show(args) -> int:
    from ktxh.scale.real_units import read

    country = read()
    try:
        unit = country.unit(args.code.strip())
    except KeyError:
        return fail(f"Không có đơn vị hành chính mã “{args.code}” trong danh mục.")
    where = f", {country.unit(unit.parent).name}" if unit.parent else ""
    print(f"{unit.code}  {unit.title}{where}")
    if unit.valid_from:
        print(f"  hiệu lực từ {unit.valid_from:%d/%m/%Y}")
    if unit.valid_to:
        print(f"  hiệu lực đến {unit.valid_to:%d/%m/%Y}")
    for label, units in (("hình thành từ", country.predecessors(unit.code)), ("nay thuộc", country.successors(unit.code))):
        if units:
            print(f"  {label}: " + "; ".join(f"{u.title} [{u.code}]" for u in units))
    return 0
