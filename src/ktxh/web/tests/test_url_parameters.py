"""Every page, every parameter, every role: a malformed number is a 400 or 404 in Vietnamese, never a 500.

Issue 13 item 5: ``/xa/4/?ky=²``, ``?ky=`` with 5 000 digits, ``/ke-hoach/xem-truoc/?indicator=abc``,
``POST /cho-duyet/`` with ``chon=²:1`` and ``POST /ke-hoach/<id>/`` with ``target=abc`` answered 500.
The URL patterns are read from the URLconf itself, so that a page added later is swept too.
"""

from __future__ import annotations

import logging
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from ktxh.web.data.tracking.models import Actual
from ktxh.web.tests.pages import approved

HOSTILE = ["²", "١٢", "9" * 5000, "9" * 25, "abc", "-1", "1.5", "0"]  # in the path
QUERY_VALUES = ["²", "9" * 5000, "abc", "-1"]
FORM_VALUES = ["١٢", "9" * 25, "²:1", "1:abc"]
QUERY = ["ky", "ke_hoach", "indicator", "linh_vuc", "trang_thai", "text", "next"]
FORM = ["chon", "target", "version", "form", "action", "key", "name", "text", "note", "indicator", "year",
        "kind", "start_year", "end_year", "comment", "confirm"]
# The forms as the pages draw them, with the hostile value (None) in every number they carry.
COMBOS = [{"form": "sua", "target": None, "text": "6.000 tấn", "version": None},
          {"form": "them", "indicator": None, "year": None, "source": "hdnd", "text": "> 99%", "version": None},
          {"action": "tra-lai", "version": None, "comment": "Sai số liệu"}, {"action": "duyet", "version": None}]
OK = {200, 202, 204, 301, 302, 400, 401, 403, 404, 405}  # 401: the jobs' JSON for a stranger
VIETNAMESE = re.compile(r"[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.I)


def patterns(resolver=None, prefix=""):
    """(route, pattern) of every page of the URLconf; the admin and the API (swept by schemathesis) left out."""
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        route = prefix + str(p.pattern)
        if route.startswith(("admin/", "api/")):
            continue
        if isinstance(p, URLResolver):
            yield from patterns(p, route)
        elif isinstance(p, URLPattern):
            yield route, p


def _fill(route: str, values: dict[str, str], hostile: str | None = None, which: str | None = None) -> str:
    def one(m: re.Match) -> str:
        name = m["name"]
        return hostile if name == which else values.get(name, "1")
    return re.sub(r"<(?:\w+:)?(?P<name>\w+)>", one, route)


@pytest.fixture
def site(w):
    actual = approved(w, "5.933,3")
    draft = Actual.objects.create(unit=w.a, indicator=w.poor, period=w.year, text="1,2", value="1.2",
                                  updated_by=w.officer_soc)
    values = {"unit_id": str(w.a.pk), "indicator_id": str(w.grain.pk), "plan_id": str(w.plan.pk),
              "period_id": str(w.year.pk), "actual_id": str(draft.pk or actual.pk), "job_id": "1", "kind": "bao-cao"}
    roles = {"leader": w.leader, "officer": w.officer, "planner": w.planner, "viewer": w.viewer, "nobody": w.nobody}
    return w, values, roles


def _check(resp, what: str, failures: list) -> None:
    if resp.status_code not in OK:
        failures.append(f"{what}: {resp.status_code}")
    elif resp.status_code in (400, 404) and "html" in resp.get("Content-Type", "") \
            and not VIETNAMESE.search(resp.content.decode()):
        failures.append(f"{what}: {resp.status_code} without Vietnamese")


def test_every_page_with_malformed_ids_and_parameters_answers_400_or_404(site, caplog):
    caplog.set_level(logging.CRITICAL, logger="django.request")  # thousands of 404s would be logged
    w, values, roles = site
    routes = list(patterns())
    assert len(routes) >= 15  # the sweep reaches the pages, not an empty URLconf
    failures: list[str] = []
    for role, user in roles.items():
        c = Client(raise_request_exception=False)
        c.force_login(user)
        for route, _ in routes:
            names = re.findall(r"<(?:\w+:)?(\w+)>", route)
            for name in names:
                for bad in HOSTILE:
                    path = "/" + _fill(route, values, bad, name)
                    _check(c.get(path), f"{role} GET {path[:60]}", failures)
            path = "/" + _fill(route, values)
            if role in ("leader", "officer", "planner"):
                for bad in QUERY_VALUES:
                    for param in QUERY:
                        _check(c.get(path, {param: bad}), f"{role} GET {path}?{param}={bad[:12]}", failures)
            if role in ("leader", "officer"):
                for bad in FORM_VALUES:
                    for param in FORM:
                        _check(c.post(path, {param: bad}), f"{role} POST {path} {param}={bad[:12]}", failures)
                    for combo in COMBOS:
                        data = {k: (bad if v is None else v) for k, v in combo.items()}
                        _check(c.post(path, data), f"{role} POST {path} {data}"[:120], failures)
    assert not failures, "\n".join(failures[:40]) + f"\n… {len(failures)} in all"


def test_the_issue_s_examples_answer_400_with_the_parameter_named(site):
    w, values, _ = site
    c = Client(raise_request_exception=False)
    c.force_login(w.leader)
    for path, data in [(f"/xa/{w.a.pk}/", {"ky": "²"}), (f"/xa/{w.a.pk}/", {"ky": "9" * 5000}),
                       ("/ke-hoach/xem-truoc/", {"indicator": "abc", "text": "> 99%"})]:
        r = c.get(path, data)
        assert r.status_code == 400, (path, data, r.status_code)
        name = next(iter(data))
        assert f"Tham số “{name}”" in r.content.decode()
    r = c.post("/cho-duyet/", {"chon": "²:1"})
    assert r.status_code == 400 and "Tham số “chon”" in r.content.decode()
    r = c.post(f"/ke-hoach/{w.plan.pk}/", {"form": "sua", "target": "abc", "text": "6.000 tấn"})
    assert r.status_code == 400 and "Tham số “target”" in r.content.decode()
