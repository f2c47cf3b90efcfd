"""``manage.py open_periods [--ngay 2026-12-01]``: open this year's and next year's reporting periods."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from ktxh.web.data.tracking.models import PeriodKind
from ktxh.web.data.tracking.periods import due_days, open_periods


class Command(BaseCommand):
    help = "Mở các kỳ báo cáo (tháng, quý, 6 tháng, 9 tháng, năm) của năm nay và năm sau."

    def add_arguments(self, parser):
        parser.add_argument("--ngay", help="Coi hôm nay là ngày này (YYYY-MM-DD); mặc định: hôm nay")

    def handle(self, *args, ngay=None, **options):
        today = None
        if ngay:
            try:
                today = dt.date.fromisoformat(ngay)
            except ValueError:
                raise CommandError(f"Ngày “{ngay}” không hợp lệ; ghi theo dạng 2026-12-01.") from None
        new = open_periods(today)
        days = ", ".join(f"{PeriodKind(k).label.lower()} {v} ngày" for k, v in due_days().items())
        self.stdout.write(f"Đã mở {len(new)} kỳ báo cáo mới (hạn gửi sau ngày cuối kỳ: {days}).")
