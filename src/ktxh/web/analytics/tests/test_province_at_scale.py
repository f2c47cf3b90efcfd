"""The province overview at scale: counts from the roll-up, a fixed number of queries however
many communes, only the communes standing in the period, no counts of a plan one may not read."""

import datetime as dt
import re

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from ktxh.core.model import Status
from ktxh.scale.generator import Size
from ktxh.scale.load import load
from ktxh.web.analytics import overview
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.metadata.plans.models import Plan, Target
from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.tests.pages import signed_in

from .test_reporting_discipline import _cells, _row
from .test_tables import _names


def _country(communes: int) -> Size:
    return Size(provinces=1, communes=communes, mergers=2, former=4, indicators=30, targets=10,
                first_year=2024, years=2)


def _term_plans(province) -> None:
    """A term plan 2021–2025 with two term targets for every commune (the generator makes annual
    plans only), so the term-review column has work to do."""
    communes = list(AdminUnit.objects.filter(parent=province, level="commune"))
    target = Target.objects.filter(plan__unit__in=communes).select_related("indicator").first()
    for c in communes:
        plan = Plan.objects.create(unit=c, kind="term", start_year=2021, end_year=2025, status="approved",
                                   title="Kế hoạch 5 năm 2021-2025")
        Target.objects.create(plan=plan, indicator=target.indicator, source="dai_hoi", text=target.text)


def _page(communes: int) -> tuple[int, str, dict]:
    """Queries of one province page on a generated country of ``communes`` communes (rolled back after)."""
    with transaction.atomic():
        load(_country(communes), progress=False)
        province = AdminUnit.objects.get(level="province")
        _term_plans(province)
        period = Period.objects.get(kind="year", year=2025)
        admin = get_user_model().objects.create_superuser("quantri", password="mat-khau-thu")
        client = signed_in(admin)
        cache.clear()
        client.get(f"/tinh/{province.pk}/?ky={period.pk}")  # the first visit builds the analytics tables
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(f"/tinh/{province.pk}/?ky={period.pk}").content.decode()
        standing = {c.pk: c for c in AdminUnit.objects.filter(parent=province, level="commune") if c.is_valid_on(period.ends_on)}
        expected = {}
        for c in standing.values():
            plan = Plan.objects.filter(unit=c, kind="annual", start_year=2025).first()
            expected[str(c)] = evaluate_plan(plan, period).counts if plan else {s: 0 for s in Status}
        transaction.set_rollback(True)
    return len(ctx.captured_queries), page, expected


def test_queries_do_not_grow_with_the_communes(db):
    few, page5, expected5 = _page(5)
    many, page20, expected20 = _page(20)
    assert len(expected5) == 5 and len(expected20) == 20
    assert many == few, f"{few} truy vấn với 5 xã, {many} với 20 xã"
    for page, expected in ((page5, expected5), (page20, expected20)):
        for name, counts in expected.items():  # the roll-up's counts are the evaluator's
            row = re.search(rf">{re.escape(name)}</a>.*?</tr>", page, re.S).group(0)
            cells = re.findall(r'data-sort="(-?\d+)"', row)
            assert cells[:6] == [str(sum(counts.values()))] + [str(counts[s]) for s in Status]
            assert cells[6] in ("-1", "0", "1")  # one term target: at risk or not, or -1 when too few figures to judge it


def test_a_former_commune_is_listed_only_while_it_stands(w):
    AdminUnit.objects.create(code="00009", name="Xã Cũ", level="commune", kind="xa", parent=w.p,
                             valid_to=dt.date(2022, 6, 30))
    before = Period.get("year", 2021)
    client = signed_in(w.planner)
    assert "Xã Cũ" not in client.get(f"/tinh/{w.p.pk}/?ky={w.year.pk}").content.decode()
    assert "Xã Cũ" in client.get(f"/tinh/{w.p.pk}/?ky={before.pk}").content.decode()


def test_counts_of_a_plan_one_may_not_read_are_not_shown(w):
    """Lê Lợi's draft annual plan ranks before its approved term plan: its planner sees the
    draft's counts, Lương Sơn's leader (who may read approved plans only) the term plan's."""
    term = Plan.objects.create(unit=w.b, kind="term", start_year=2021, end_year=2025, status="approved",
                               title="Kế hoạch 5 năm 2021-2025")
    Target.objects.create(plan=term, indicator=w.grain, year=2022, source="hdnd", text="5.000 tấn")
    draft = Plan.objects.create(unit=w.b, kind="annual", start_year=2022, end_year=2022, title="Kế hoạch năm 2022")
    Target.objects.create(plan=draft, indicator=w.grain, year=2022, source="hdnd", text="7.000 tấn")
    a = workflow.enter(w.officer_b, unit=w.b, indicator=w.grain, period=w.year, text="6.031")
    a = workflow.submit(w.officer_b, a, version=a.version)
    workflow.approve(w.leader_b, a, version=a.version)
    assert Actual.objects.get(unit=w.b).status == "approved"

    def row(user):
        page = signed_in(user).get(f"/tinh/{w.p.pk}/?ky={w.year.pk}").content.decode()
        return re.findall(r'data-sort="(-?\d+)"', re.search(r"Phường Lê Lợi</a>.*?</tr>", page, re.S).group(0))[:6]

    assert row(w.planner) == ["1", "0", "0", "0", "1", "0"]  # 6.031 of 7.000: không đạt
    assert row(w.leader) == ["1", "1", "0", "0", "0", "0"]  # 6.031 of 5.000: vượt
    assert _cells(_row(signed_in(w.leader).get(f"/tinh/{w.p.pk}/?ky={w.year.pk}").content.decode(),
                       "Phường Lê Lợi"))[:2] == ["1/1", "1/1"]


def _queries(communes: int) -> tuple[int, int]:
    with transaction.atomic():
        load(Size(provinces=1, communes=communes, mergers=0, former=0, indicators=30, targets=10,
                  first_year=2025, years=1), progress=False)
        province = AdminUnit.objects.get(level="province")
        period = Period.objects.get(kind="year", year=2025)
        client = signed_in(get_user_model().objects.create_superuser("quantri", password="mat-khau-thu"))
        client.get(f"/tinh/{province.pk}/?ky={period.pk}")  # builds the tables
        cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            page = client.get(f"/tinh/{province.pk}/?ky={period.pk}&sap_xep=-dat&trang=2").content.decode()
        transaction.set_rollback(True)
    return len(ctx.captured_queries), len(_names(page))


def test_queries_per_page_do_not_grow_with_the_communes(db, monkeypatch):
    monkeypatch.setattr(overview, "PAGE_SIZE", 4)
    few, shown_few = _queries(9)
    many, shown_many = _queries(40)
    assert shown_few == shown_many == 4
    assert few == many, f"{few} truy vấn với 9 xã, {many} với 40 xã"
