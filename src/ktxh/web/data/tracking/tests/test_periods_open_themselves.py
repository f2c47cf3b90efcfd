"""Periods open themselves (issue 17): this year's and next year's months, quarters, 6 and 9 months
and year, due as the settings say, on every migrate and by ``manage.py open_periods``."""

import datetime as dt

from django.core.management import call_command
from django.test import override_settings

from ktxh.web.data.tracking.models import Period
from ktxh.web.data.tracking.periods import open_periods

DAY = dt.date(2026, 12, 1)


def test_two_years_of_periods_with_due_dates_from_settings(db):
    Period.objects.all().delete()
    with override_settings(KTXH_PERIOD_DUE_DAYS={"month": 5, "quarter": 10, "half": 15, "nine": 15, "year": 20}):
        new = open_periods(DAY)
    # 12 months + 4 quarters + 6 months + 9 months + the year, for 2026 and 2027.
    assert len(new) == 2 * (12 + 4 + 1 + 1 + 1) == Period.objects.count()
    assert {p.year for p in Period.objects.all()} == {2026, 2027}
    nov = Period.objects.get(code="month:2026-11")
    assert (nov.label, nov.cutoff_on, nov.due_on) == ("Tháng 11/2026", dt.date(2026, 11, 30), dt.date(2026, 12, 5))
    q4 = Period.objects.get(code="quarter:2026-04")
    assert (q4.ends_on, q4.due_on) == (dt.date(2026, 12, 31), dt.date(2027, 1, 10))
    year = Period.objects.get(code="year:2026")
    assert year.due_on == dt.date(2027, 1, 20)
    # On 1/12/2026 four periods of 2026 are still due (Tháng 11 on 5/12, Tháng 12, Quý IV, Năm 2026).
    due = Period.objects.filter(due_on__gte=DAY, year=2026).order_by("due_on")
    assert [p.label for p in due] == ["Tháng 11/2026", "Tháng 12/2026", "Quý IV/2026", "Năm 2026"]


def test_a_period_already_there_keeps_its_dates(db):
    Period.objects.all().delete()
    kept = Period.get("year", 2026)
    Period.objects.filter(pk=kept.pk).update(due_on=dt.date(2027, 2, 28))
    open_periods(DAY)
    assert Period.objects.get(code="year:2026").due_on == dt.date(2027, 2, 28)
    assert open_periods(DAY) == []  # nothing new the second time


def test_migrate_and_the_command_open_them(db, capsys):
    today = dt.date.today()
    # The test database was migrated: this year's periods are there already.
    assert Period.objects.filter(code=f"year:{today.year}").exists()
    assert Period.objects.filter(code=f"month:{today.year + 1}-12").exists()
    Period.objects.filter(year=today.year + 1).delete()
    call_command("open_periods")
    assert "Đã mở 19 kỳ báo cáo mới" in capsys.readouterr().out
    call_command("open_periods", ngay="2030-03-01")
    assert Period.objects.filter(code="quarter:2031-04").exists()


def test_ktxh_periods_opens_them_and_refuses_a_bad_date_in_vietnamese(db, capsys):
    from argparse import Namespace

    from ktxh.cli import periods as cli

    assert cli.run(Namespace(ngay="2032-05-01")) == 0
    assert Period.objects.filter(code="year:2033").exists()
    assert "Đã mở 38 kỳ báo cáo mới" in capsys.readouterr().out
    assert cli.run(Namespace(ngay="01/05/2032")) == 2
    assert "Lỗi: Ngày “01/05/2032” không hợp lệ; ghi theo dạng 2026-12-01." in capsys.readouterr().err
