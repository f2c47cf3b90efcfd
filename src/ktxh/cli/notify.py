"""``ktxh notify``: tell the officers what is due within three days and what is late (and the
leaders of what is late), in the application and by mail; each once per period. Run it daily,
e.g. from cron: ``0 7 * * * ktxh notify``.

    ktxh notify                  # today
    ktxh notify --ngay 05/12/2026
"""

from __future__ import annotations

import datetime as dt
import os

from .common import fail


def register(subparsers) -> None:
    p = subparsers.add_parser("notify", help="nhắc công chức số liệu sắp đến hạn (3 ngày) và trễ hạn",
                              description="Gửi thông báo (trong ứng dụng và thư điện tử) về số liệu sắp đến hạn "
                                          "trong 3 ngày và số liệu trễ hạn; mỗi kỳ chỉ nhắc một lần.")
    p.add_argument("--ngay", metavar="NGÀY", help="ngày tính hạn, dạng dd/mm/yyyy (mặc định: hôm nay)")
    p.set_defaults(func=run)


def run(args) -> int:
    today = None
    if args.ngay:
        try:
            today = dt.datetime.strptime(args.ngay.strip(), "%d/%m/%Y").date()
        except ValueError:
            return fail(f"Ngày “{args.ngay}” không đúng dạng ngày/tháng/năm, ví dụ 05/12/2026.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django

    django.setup()
    from django.utils import timezone

    from ktxh.web.data.tracking.todo import remind

    due, late = remind(today or timezone.localdate())
    print(f"Đã nhắc {due} công chức số liệu sắp đến hạn và {late} công chức số liệu trễ hạn.")
    return 0
