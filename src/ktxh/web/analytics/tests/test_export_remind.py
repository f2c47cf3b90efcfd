"""The province overview's table exported (CSV, Excel) and a late commune reminded."""

import csv
import io

from django.core import mail
from openpyxl import load_workbook

from ktxh.web.accounts.models import Membership
from ktxh.web.analytics.models import Reminder
from ktxh.web.tests.pages import approved, signed_in


def test_csv_and_excel_hold_every_commune(w):
    approved(w, "6.031")
    client = signed_in(w.planner)
    text = client.get(f"/tinh/{w.p.pk}/?ky={w.year.pk}&dinh_dang=csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:4] == ["Mã", "Xã, phường", "Số chỉ tiêu", "Vượt"]
    by_name = {r[1]: r for r in rows[1:]}
    assert set(by_name) == {"Phường Lê Lợi", "Phường Lương Sơn"}
    assert by_name["Phường Lương Sơn"][2:4] == ["1", "1"]  # one target, vượt
    response = client.get(f"/tinh/{w.p.pk}/?ky={w.year.pk}&dinh_dang=xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert values[1][:3] == ("Mã", "Xã, phường", "Số chỉ tiêu")
    assert {v[1] for v in values[2:]} == {"Phường Lê Lợi", "Phường Lương Sơn"}


def test_a_planner_reminds_a_late_commune(w):
    officer = Membership.objects.filter(unit=w.a, role="officer").first().user
    officer.email = "canbo@luongson.example"
    officer.save()
    client = signed_in(w.planner)
    page = client.get(f"/tinh/{w.p.pk}/?ky={w.year.pk}").content.decode()
    assert "Nhắc Phường Lương Sơn gửi số liệu" in page
    response = client.post(f"/tinh/{w.p.pk}/nhac-gui/", {"xa": w.a.pk, "ky": w.year.pk, "tiep": f"?ky={w.year.pk}"})
    assert response.status_code == 302
    reminder = Reminder.objects.get()
    assert (reminder.unit, reminder.period, reminder.sent_by) == (w.a, w.year, w.planner)
    assert [m.to for m in mail.outbox] == [["canbo@luongson.example"]]
    assert "Năm 2022" in mail.outbox[0].subject and "10/01/2023" in mail.outbox[0].body
    assert "đã nhắc" in client.get(f"/tinh/{w.p.pk}/?ky={w.year.pk}").content.decode()


def test_a_leader_may_not_remind(w):
    response = signed_in(w.leader).post(f"/tinh/{w.p.pk}/nhac-gui/", {"xa": w.a.pk, "ky": w.year.pk})
    assert response.status_code == 403 and not Reminder.objects.exists() and not mail.outbox
