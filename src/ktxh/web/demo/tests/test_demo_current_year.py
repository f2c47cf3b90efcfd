"""The demo carries figures of the current year (issue 17): an officer who logs in on 1/12/2026
finds this year's periods, some reported (demo figures, marked so), some still due."""

import datetime as dt
import re

from django.contrib.auth import get_user_model

from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.data.tracking.periods import open_periods
from ktxh.web.demo import load
from ktxh.web.tests.pages import signed_in


def test_an_officer_has_this_years_periods_some_done_some_due(db):
    open_periods(dt.date(2026, 12, 1))
    load.load_demo()
    demo = Actual.objects.filter(period__year=2026)
    assert demo.count() == 12 and all(a.source_note == load.DEMO_NOTE for a in demo)
    assert all(a.status == "approved" for a in demo)
    officer = get_user_model().objects.get(username="diennamdong.vanhoa")
    page = signed_in(officer).get("/nhap-lieu/").content.decode()
    rows = dict(re.findall(r">([^<]*2026)</a></th><td>(\d\d/\d\d/\d{4})</td>", page))
    assert rows["Tháng 11/2026"] == "10/12/2026" and rows["Năm 2026"] == "10/01/2027"  # 10 days: settings
    assert rows["Quý IV/2026"] == "10/01/2027"
    # Due after today: Tháng 11, Tháng 12, Quý IV and Năm 2026; reported already: Quý I–III, 6 and 9 tháng.
    due = [label for label, day in rows.items() if dt.datetime.strptime(day, "%d/%m/%Y").date() >= dt.date(2026, 12, 1)]
    assert sorted(due) == sorted(["Tháng 11/2026", "Tháng 12/2026", "Quý IV/2026", "Năm 2026"])
    half = Period.objects.get(code="half:2026")
    assert Actual.objects.filter(unit__name="Điện Nam Đông", period=half).count() == 4
