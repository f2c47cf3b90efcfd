"""The demo carries figures of the current year (issue 17): an officer who logs in on 1/12/2026
finds this year's periods, some reported (demo figures, marked so), some still due."""

import datetime as dt

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
    due_on = {p.label: p.due_on for p in Period.objects.filter(year=2026)}
    assert due_on["Tháng 11/2026"] == dt.date(2026, 12, 10) and due_on["Năm 2026"] == dt.date(2027, 1, 10)  # settings
    assert due_on["Quý IV/2026"] == dt.date(2027, 1, 10)
    # On 1/12/2026 the officer has something due: Tháng 11, Quý IV and Năm 2026 (started, figures missing).
    from ktxh.web.accounts import permissions as perms
    from ktxh.web.data.tracking import todo

    s = perms.scope(officer)
    owed = {d.period.label for d in todo.due_for(officer, s.unit, s.field_ids, dt.date(2026, 12, 1))}
    assert {"Tháng 11/2026", "Quý IV/2026", "Năm 2026"} <= owed, owed
    page = signed_in(officer).get("/nhap-lieu/").content.decode()
    assert "Năm 2026" in page
    half = Period.objects.get(code="half:2026")
    assert Actual.objects.filter(unit__name="Điện Nam Đông", period=half).count() == 4
