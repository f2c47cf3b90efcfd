"""``ktxh catalogue load``: the package's indicator catalogue into the database.

    ktxh catalogue load     # Danh mục chung: 243 chỉ tiêu trong 10 lĩnh vực. …

Migrates first (the migration loads the catalogue once); loading again changes nothing, and after
a catalogue update rewrites the names, units, directions, aggregations and decimals of its entries.
"""

from __future__ import annotations

import os


def register(subparsers) -> None:
    p = subparsers.add_parser("catalogue", help="Nạp danh mục chỉ tiêu chung (đi kèm phần mềm) vào cơ sở dữ liệu.",
                              description="Danh mục chỉ tiêu chung của các xã, phường.")
    sub = p.add_subparsers(dest="action", metavar="VIỆC")
    load = sub.add_parser("load", help="nạp hoặc cập nhật danh mục; chạy lại không tạo bản ghi trùng",
                          description="Nạp vào cơ sở dữ liệu đang cấu hình (KTXH_DATABASE_URL).")
    load.set_defaults(func=run_load)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def run_load(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from ktxh.web.metadata.plans.catalogue import load

    print(load().message())
    return 0
