"""Notifications in the application and by mail: submitted (to the leaders), returned and
approved (to the officer), due in three days and late (``ktxh notify``)."""

import datetime as dt

from django.core import mail
from django.utils import timezone

from ktxh.web.accounts.models import Notification
from ktxh.web.data.tracking import todo, workflow
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Plan, Target
from ktxh.web.tests.pages import signed_in


def _sent(w):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.031")
    return workflow.submit(w.officer, a, version=a.version)


def test_submitted_tells_the_leader_in_the_app_and_by_mail(w, django_capture_on_commit_callbacks):
    w.leader.email = "lanhdao@luongson.gov.vn"
    w.leader.save()
    with django_capture_on_commit_callbacks(execute=True):
        a = _sent(w)
    n = Notification.objects.get(user=w.leader)
    assert n.kind == "submitted" and "“Tổng sản lượng lương thực cây có hạt” Năm 2022: 6.031" in n.text
    assert not Notification.objects.filter(user=w.leader_b).exists()  # another commune's leader
    assert [m.to for m in mail.outbox] == [["lanhdao@luongson.gov.vn"]]
    assert mail.outbox[0].subject == "[KTXH] Có số liệu chờ duyệt"
    c = signed_in(w.leader)
    page = c.get(f"/xa/{w.a.pk}/").content.decode()
    assert 'aria-label="Thông báo: 1 chưa xem"' in page
    r = c.get(f"/thong-bao/{n.pk}/")
    assert r["Location"] == f"/cho-duyet/#so-lieu-{a.pk}"
    assert 'aria-label="Thông báo"' in c.get("/thong-bao/").content.decode()


def test_returned_and_approved_tell_the_officer(w):
    a = _sent(w)
    a = workflow.return_(w.leader, a, version=a.version, comment="Kiểm tra lại với Chi cục Thống kê")
    assert "trả lại" in Notification.objects.get(user=w.officer, kind="returned").text
    assert "Kiểm tra lại với Chi cục Thống kê" in signed_in(w.officer).get("/thong-bao/").content.decode()
    a = workflow.submit(w.officer, a, version=a.version)
    workflow.approve(w.leader, a, version=a.version)
    assert "đã được duyệt" in Notification.objects.get(user=w.officer, kind="approved").text
    assert not Notification.objects.filter(user=w.officer_soc).exists()  # not that officer's field


def test_refused_step_tells_no_one(w):
    a = _sent(w)
    try:
        workflow.approve(w.leader, a, version=a.version + 5)
    except workflow.WorkflowError:
        pass
    assert not Notification.objects.filter(kind="approved").exists()


def test_due_in_three_days_then_late_each_once(w):
    today = timezone.localdate()
    plan = Plan.objects.create(unit=w.a, kind="annual", start_year=today.year, end_year=today.year, title="KH")
    Target.objects.create(plan=plan, indicator=w.grain, year=today.year, source="hdnd", text="6.000 tấn")
    period = Period.get("year", today.year)
    Period.objects.exclude(pk=period.pk).delete()  # the periods that open themselves: only this one here
    period.due_on = today + dt.timedelta(days=5)  # the officers' deadline is 3 days before: today + 2
    period.save()
    assert todo.remind(today) == (1, 0)
    assert todo.remind(today) == (0, 0)  # once
    due = Notification.objects.get(user=w.officer, kind="due")
    assert due.text.startswith("Còn 2 ngày") and due.url == f"/nhap-lieu/{period.pk}/"
    assert todo.remind(today + dt.timedelta(days=4)) == (0, 1)
    assert Notification.objects.get(user=w.officer, kind="late").text.startswith("Trễ hạn 2 ngày")
    assert Notification.objects.filter(user=w.leader, kind="late").count() == 1


def test_ktxh_notify_command(w, capsys):
    from ktxh.cli import main

    today = timezone.localdate()
    plan = Plan.objects.create(unit=w.a, kind="annual", start_year=today.year, end_year=today.year, title="KH")
    Target.objects.create(plan=plan, indicator=w.grain, year=today.year, source="hdnd", text="6.000 tấn")
    period = Period.get("year", today.year)
    Period.objects.exclude(pk=period.pk).delete()  # the periods that open themselves: only this one here
    period.due_on = today + dt.timedelta(days=4)
    period.save()
    assert main(["notify", "--ngay", f"{today:%d/%m/%Y}"]) == 0
    assert capsys.readouterr().out.strip() == "Đã nhắc 1 công chức số liệu sắp đến hạn và 0 công chức số liệu trễ hạn."
    assert main(["notify", "--ngay", "31/02/2026"]) == 2
    assert "không đúng dạng ngày/tháng/năm" in capsys.readouterr().err
