"""Every role against every API endpoint: what it may do, and what it is refused.

The world: province P with communes A (Lương Sơn) and B (Lê Lợi); province Q with
commune C. ``officer`` enters the economic field of A; ``officer_soc`` the social one.
"""

import pytest

from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import ActualStatus
from ktxh.web.metadata.plans import services
from ktxh.web.tests.factories import Api

ROLES = ["planner", "leader", "officer", "officer_soc", "viewer", "leader_b", "officer_b", "planner_q", "nobody", "anon"]


def actual_in(w, status):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    if status != ActualStatus.DRAFT:
        a = workflow.submit(w.officer, a, version=a.version)
    if status == ActualStatus.APPROVED:
        a = workflow.approve(w.leader, a, version=a.version)
    return a


def key_task(w):
    from ktxh.web.metadata.plans.models import KeyTask

    return KeyTask.objects.get_or_create(plan=w.plan, order=1, defaults={"content": "Duy trì tốt công tác quản lý đất đai"})[0]


def approved_plan(w):
    return services.approve_plan(w.leader, w.plan)


# endpoint name → (request builder, roles allowed). Everyone else is refused: 401 without
# sign-in, 403 (or an empty list, for list endpoints) with it.
ALL = set(ROLES) - {"anon"}
A_COMMUNE = {"leader", "officer", "officer_soc"}
ENDPOINTS = {
    "me": (lambda w: ("get", "/me", None), ALL),
    "units": (lambda w: ("get", "/units", None), ALL),
    "unit": (lambda w: ("get", f"/units/{w.a.pk}", None), ALL),
    "fields": (lambda w: ("get", "/fields", None), ALL),
    "indicators": (lambda w: ("get", "/indicators", None), ALL),
    "indicator": (lambda w: ("get", f"/indicators/{w.grain.pk}", None), ALL),
    "periods": (lambda w: ("get", "/periods", None), ALL),
    "open period": (lambda w: ("post", "/periods", {"kind": "quarter", "year": 2023, "number": 2}),
                    ALL - {"viewer", "nobody"}),
    "draft plan": (lambda w: ("get", f"/plans/{w.plan.pk}", None), A_COMMUNE | {"planner"}),
    "approved plan": (lambda w: ("get", f"/plans/{approved_plan(w).pk}", None),
                      A_COMMUNE | {"planner", "viewer", "leader_b", "officer_b"}),
    "draft plan targets": (lambda w: ("get", f"/plans/{w.plan.pk}/targets", None), A_COMMUNE | {"planner"}),
    "create plan": (lambda w: ("post", "/plans", {"unit_id": w.a.pk, "kind": "annual", "start_year": 2024,
                                                  "end_year": 2024, "title": "Kế hoạch năm 2024"}), A_COMMUNE),
    "approve plan": (lambda w: ("post", f"/plans/{w.plan.pk}/approve", None), {"leader", "planner"}),
    "set target": (lambda w: ("post", f"/plans/{w.plan.pk}/targets",
                              {"indicator_id": w.grain.pk, "year": 2023, "source": "hdnd", "text": "6.000 tấn"}),
                   {"leader", "officer"}),
    "add key task": (lambda w: ("post", f"/plans/{w.plan.pk}/key-tasks",
                                {"content": "Hoàn thành xây dựng các nhà sinh hoạt văn hóa theo Đề án của thành phố."}),
                     A_COMMUNE),
    "record key task result": (lambda w: ("post", f"/plans/{w.plan.pk}/key-tasks/{key_task(w).pk}",
                                          {"version": key_task(w).version, "result": "Hoàn thành và đưa vào sử dụng 07 nhà sinh hoạt văn hóa."}),
                               A_COMMUNE),
    "draft evaluation": (lambda w: ("get", f"/plans/{w.plan.pk}/evaluation?period_id={w.year.pk}", None),
                         A_COMMUNE | {"planner"}),
    "approved evaluation": (lambda w: ("get", f"/plans/{approved_plan(w).pk}/evaluation?period_id={w.year.pk}", None),
                            A_COMMUNE | {"planner", "viewer", "leader_b", "officer_b"}),
    "enter actual": (lambda w: ("post", "/actuals", {"unit_id": w.a.pk, "indicator_id": w.grain.pk,
                                                     "period_id": w.year.pk, "text": "5.933,3"}), {"officer"}),
    "draft actual": (lambda w: ("get", f"/actuals/{actual_in(w, 'draft').pk}", None), A_COMMUNE),
    "submitted actual": (lambda w: ("get", f"/actuals/{actual_in(w, 'submitted').pk}", None), A_COMMUNE | {"planner"}),
    "approved actual": (lambda w: ("get", f"/actuals/{actual_in(w, 'approved').pk}", None),
                        A_COMMUNE | {"planner", "viewer", "leader_b", "officer_b"}),
    "history": (lambda w: ("get", f"/actuals/{actual_in(w, 'approved').pk}/history", None), A_COMMUNE | {"planner"}),
    "submit": (lambda w: ("post", f"/actuals/{actual_in(w, 'draft').pk}/submit", {"version": 1}), {"officer"}),
    "approve": (lambda w: ("post", f"/actuals/{actual_in(w, 'submitted').pk}/approve", {"version": 2}),
                {"leader", "planner"}),
    "return": (lambda w: ("post", f"/actuals/{actual_in(w, 'submitted').pk}/return",
                          {"version": 2, "comment": "Chưa khớp số liệu thống kê"}), {"leader", "planner"}),
}


def client(w, role):
    return Api(None if role == "anon" else getattr(w, role))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_endpoint_by_role(w, endpoint, role):
    build, allowed = ENDPOINTS[endpoint]
    method, path, body = build(w)
    c = client(w, role)
    r = c.get(path) if method == "get" else c.post(path, body)
    if role in allowed:
        assert r.status_code in (200, 201), (endpoint, role, r.status_code, r.content[:300])
    elif role == "anon":
        assert r.status_code == 401
        assert "Chưa đăng nhập" in r.json()["detail"]
    else:
        assert r.status_code == 403, (endpoint, role, r.status_code, r.content[:300])
        assert "Bạn không được" in r.json()["detail"] or "Người xem" in r.json()["detail"]


def _ids(r):
    return {item["id"] for item in r.json()["items"]}


@pytest.mark.parametrize(
    ("status", "readers"),
    [
        ("draft", A_COMMUNE),
        ("submitted", A_COMMUNE | {"planner"}),
        ("approved", A_COMMUNE | {"planner", "viewer", "leader_b", "officer_b"}),
    ],
)
def test_actual_list_shows_only_what_the_role_may_read(w, status, readers):
    a = actual_in(w, status)
    for role in sorted(ALL):
        listed = a.pk in _ids(client(w, role).get("/actuals"))
        assert listed == (role in readers), (role, status)


def test_plan_list_follows_the_same_rules(w):
    for role in sorted(ALL):
        listed = w.plan.pk in _ids(client(w, role).get("/plans"))
        assert listed == (role in A_COMMUNE | {"planner"}), role


def test_target_search_follows_the_plans_rules(w):
    for role in sorted(ALL):
        listed = w.target.pk in _ids(client(w, role).get("/targets", indicator_id=w.grain.pk))
        assert listed == (role in A_COMMUNE | {"planner"}), role
    approved_plan(w)
    for role in sorted(ALL):
        listed = w.target.pk in _ids(client(w, role).get("/targets", year=2022))
        assert listed == (role in A_COMMUNE | {"planner", "viewer", "leader_b", "officer_b"}), role
