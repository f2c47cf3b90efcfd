"""``ktxh periods [--ngay 2026-12-01]``: open this year's and next year's reporting periods (months,
quarters, 6 and 9 months, year) with their due dates from the settings, as every migrate does."""

from __future__ import annotations

import os


def register(subparsers) -> None:
    p = subparsers.add_parser("periods", help="mở các kỳ báo cáo của năm nay và năm sau",
                              description="Mở các kỳ tháng, quý, 6 tháng, 9 tháng và năm của năm nay và năm sau "
                                          "(hạn gửi theo KTXH_PERIOD_DUE_DAYS); kỳ đã có giữ nguyên.")
    p.add_argument("--ngay", help="coi hôm nay là ngày này (YYYY-MM-DD)")
    p.set_defaults(func=run)


def run(args) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ktxh.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from .common import fail

    try:
        call_command("migrate", interactive=False, verbosity=0)  # the tables first; it opens the periods too
        call_command("open_periods", **({"ngay": args.ngay} if args.ngay else {}))
    except CommandError as exc:
        return fail(str(exc))
    return 0
