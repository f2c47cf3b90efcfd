"""The reviewers' queue: approve, or return with a comment."""

from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Actual, ActualStatus
from ktxh.web.tests.pages import signed_in


def _sent(w):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.031")
    return workflow.submit(w.officer, a, version=a.version)


def test_leader_sees_what_waits_and_approves(w):
    a = _sent(w)
    c = signed_in(w.leader)
    page = c.get("/cho-duyet/").content.decode()
    assert "1 số liệu đã gửi, đang chờ duyệt" in page and "6.031" in page
    r = c.post(f"/cho-duyet/{a.pk}/", {"action": "duyet", "version": a.version})
    assert r.status_code == 302
    assert Actual.objects.get().status == ActualStatus.APPROVED
    assert "Đã duyệt số liệu “Tổng sản lượng lương thực cây có hạt” Năm 2022" in c.get("/cho-duyet/").content.decode()


def test_return_needs_a_comment(w):
    a = _sent(w)
    c = signed_in(w.leader)
    c.post(f"/cho-duyet/{a.pk}/", {"action": "tra-lai", "version": a.version, "comment": ""})
    assert Actual.objects.get().status == ActualStatus.SUBMITTED
    assert "cần ghi ý kiến" in c.get("/cho-duyet/").content.decode()
    c.post(f"/cho-duyet/{a.pk}/", {"action": "tra-lai", "version": a.version, "comment": "Kiểm tra lại"})
    a.refresh_from_db()
    assert (a.status, a.review_comment) == (ActualStatus.RETURNED, "Kiểm tra lại")


def test_stale_approval_is_refused(w):
    a = _sent(w)
    c = signed_in(w.planner)
    c.post(f"/cho-duyet/{a.pk}/", {"action": "duyet", "version": a.version - 1})
    assert Actual.objects.get().status == ActualStatus.SUBMITTED
    assert "Không ghi đè" in c.get("/cho-duyet/").content.decode()


def test_planner_of_the_province_sees_it_too(w):
    _sent(w)
    assert "6.031" in signed_in(w.planner).get("/cho-duyet/").content.decode()


def test_another_commune_neither_sees_nor_approves(w):
    a = _sent(w)
    c = signed_in(w.leader_b)
    assert "6.031" not in c.get("/cho-duyet/").content.decode()
    assert c.post(f"/cho-duyet/{a.pk}/", {"action": "duyet", "version": a.version}).status_code == 403
    assert signed_in(w.planner_q).post(f"/cho-duyet/{a.pk}/", {"action": "duyet", "version": a.version}).status_code == 403
    assert signed_in(w.officer).get("/cho-duyet/").status_code == 403
    assert Actual.objects.get().status == ActualStatus.SUBMITTED


def _two(w):
    from ktxh.web.metadata.plans.models import Target

    Target.objects.create(plan=w.plan, indicator=w.poor, year=2022, source="hdnd", text="dưới 2%")
    a = _sent(w)
    b = workflow.enter(w.officer_soc, unit=w.a, indicator=w.poor, period=w.year, text="1,8%")
    return a, workflow.submit(w.officer_soc, b, version=b.version)


def test_approve_several_at_once(w):
    a, b = _two(w)
    c = signed_in(w.leader)
    c.post("/cho-duyet/", {"chon": [f"{a.pk}:{a.version}", f"{b.pk}:{b.version}"]})
    assert set(Actual.objects.values_list("status", flat=True)) == {ActualStatus.APPROVED}
    assert "Đã duyệt 2 số liệu." in c.get("/cho-duyet/").content.decode()


def test_several_at_once_is_all_or_nothing(w):
    a, b = _two(w)
    c = signed_in(w.leader)
    c.post("/cho-duyet/", {"chon": [f"{a.pk}:{a.version}", f"{b.pk}:{b.version - 1}"]})  # b is stale
    assert set(Actual.objects.values_list("status", flat=True)) == {ActualStatus.SUBMITTED}
    assert "Chưa duyệt số liệu nào" in c.get("/cho-duyet/").content.decode()


def test_several_at_once_refused_to_another_commune(w):
    a, b = _two(w)
    assert signed_in(w.leader_b).post("/cho-duyet/", {"chon": [f"{a.pk}:{a.version}"]}).status_code == 403
    assert Actual.objects.get(pk=a.pk).status == ActualStatus.SUBMITTED


def test_queue_shows_target_plan_figure_percent_class_and_change(w):
    """5.933,3 tấn against "5.795,9 tấn" is 102,37% of plan, judged by the core as when approved;
    the year before had 5.700 tấn, so +233,3 tấn."""
    from ktxh.core.evaluate import evaluate
    from ktxh.core.targets import parse_target
    from ktxh.web.data.tracking.models import Period
    from ktxh.web.metadata.plans.models import Target
    from ktxh.web.tests.pages import approved

    Target.objects.create(plan=w.plan, indicator=w.grain, year=2021, source="cap_tren", text="5.500 tấn")
    approved(w, "5.700", period=Period.get("year", 2021))
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    workflow.submit(w.officer, a, version=a.version)
    page = signed_in(w.leader).get("/cho-duyet/").content.decode()
    row = page[page.index(f'id="so-lieu-{a.pk}"'):]
    row = row[:row.index("</tr>")]
    expected = evaluate(parse_target("5.795,9 tấn"), "5933.3")
    assert "5.795,9 tấn" in row and "102,37%" in row and expected.status.label in row
    assert "+233,3 tấn" in row and "Năm 2021: 5.700" in row
    assert 'id="chon-tat-ca"' in page
