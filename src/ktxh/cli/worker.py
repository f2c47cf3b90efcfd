"""``ktxh worker``: run the background jobs queued by the application servers (RQ on Redis).

    KTXH_REDIS_URL=redis://127.0.0.1:6379/0 ktxh worker

Needs ``KTXH_REDIS_URL`` (and the servers' ``KTXH_DATABASE_URL``); without a broker the servers
run their jobs themselves and no worker is needed. ``--burst`` stops once the queue is empty.
"""

from __future__ import annotations

import os

from .common import fail


def register(subparsers) -> None:
    p = subparsers.add_parser("worker", help="Chạy các công việc nền (nhập văn bản lớn, lập văn bản cả tỉnh…).",
                              description="Nhận và chạy công việc nền từ hàng đợi Redis (KTXH_REDIS_URL).")
    p.add_argument("--burst", action="store_true", help="dừng khi hàng đợi đã hết")
    p.set_defaults(func=run)


def run(args) -> int:
    if not os.environ.get("KTXH_REDIS_URL", "").strip():
        return fail("Chưa đặt KTXH_REDIS_URL (ví dụ redis://127.0.0.1:6379/0): không có hàng đợi để nhận việc; "
                    "khi không có Redis, máy chủ tự chạy công việc nền.")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django

    django.setup()
    from ktxh.web.jobs.queue import work

    print(f"Đang nhận công việc nền từ {os.environ['KTXH_REDIS_URL']} (Ctrl+C để dừng).", flush=True)
    work(burst=args.burst)
    return 0
