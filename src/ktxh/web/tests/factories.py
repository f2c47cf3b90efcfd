"""Small builders for tests: a province with two communes, another province, users per role."""

from __future__ import annotations

import json
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.test import Client

from ktxh.web.accounts.models import ApiToken, Membership, Role
from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Field, Indicator, Plan, Target
from ktxh.web.metadata.units.models import AdminUnit


def unit(code, name, level, kind, parent=None, **kw) -> AdminUnit:
    return AdminUnit.objects.create(code=code, name=name, level=level, kind=kind, parent=parent, **kw)


def user(username, role=None, unit=None, fields=()):
    u = get_user_model().objects.create_user(username=username, password="mat-khau-thu")
    if role:
        m = Membership.objects.create(user=u, role=role, unit=unit)
        m.fields.set(fields)
    return u


class Api:
    """A JSON client signed in with a bearer token (or anonymous when ``user`` is None)."""

    def __init__(self, user=None):
        self.client = Client()
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user)}"} if user else {}

    def get(self, path, **params):
        return self.client.get(f"/api{path}", params, **self.headers)

    def post(self, path, data=None):
        return self.client.post(f"/api{path}", json.dumps(data or {}), content_type="application/json", **self.headers)


def without_catalogue() -> None:
    """Empty the national catalogue the migrations load: ``world()`` is a hand-made catalogue of two
    indicators and two fields, as the tests built on it expect. (Importing onto a catalogue code
    writes that entry back: ``ktxh.web.metadata.plans.catalogue.entry``.)"""
    shared = Indicator.objects.filter(province__isnull=True).exclude(catalogue="")
    shared.update(numerator=None, denominator=None)
    shared.delete()
    Field.objects.filter(indicators__isnull=True).delete()


def world() -> SimpleNamespace:
    without_catalogue()
    w = SimpleNamespace()
    w.p = unit("01", "Tỉnh Thử", "province", "tinh")
    w.a = unit("00001", "Lương Sơn", "commune", "phuong", w.p)
    w.b = unit("00002", "Lê Lợi", "commune", "phuong", w.p)
    w.q = unit("02", "Tỉnh Khác", "province", "tinh")
    w.c = unit("00003", "Nhơn Hưng", "commune", "phuong", w.q)
    w.econ = Field.objects.create(code="kinh-te", name="Kinh tế", order=1)
    w.soc = Field.objects.create(code="xa-hoi", name="Văn hóa - xã hội", order=2)
    w.grain = Indicator.objects.create(
        code="san-luong-luong-thuc", name="Tổng sản lượng lương thực cây có hạt", unit="tấn", field=w.econ, decimals=1
    )
    w.poor = Indicator.objects.create(
        code="ty-le-ho-ngheo", name="Tỷ lệ hộ nghèo", unit="%", field=w.soc, direction="down", aggregation="none",
        decimals=2,
    )
    w.planner = user("tinh.kehoach", Role.PLANNER, w.p)
    w.leader = user("luongson.lanhdao", Role.LEADER, w.a)
    w.officer = user("luongson.kinhte", Role.OFFICER, w.a, [w.econ])
    w.officer_soc = user("luongson.xahoi", Role.OFFICER, w.a, [w.soc])
    w.leader_b = user("leloi.lanhdao", Role.LEADER, w.b)
    w.officer_b = user("leloi.kinhte", Role.OFFICER, w.b, [w.econ, w.soc])
    w.viewer = user("tinh.xem", Role.VIEWER, w.p)
    w.planner_q = user("tinhkhac.kehoach", Role.PLANNER, w.q)
    w.leader_c = user("nhonhung.lanhdao", Role.LEADER, w.c)
    w.nobody = user("khach")
    w.year = Period.get("year", 2022)
    w.plan = Plan.objects.create(unit=w.a, kind="term", start_year=2021, end_year=2025, title="Kế hoạch 5 năm 2021-2025")
    w.target = Target.objects.create(plan=w.plan, indicator=w.grain, year=2022, source="cap_tren", text="5.795,9 tấn")
    return w
