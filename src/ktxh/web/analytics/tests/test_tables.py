"""The analytics tables (``CommuneCount``) agree with the evaluator after approvals, returns and
target edits; the province overview pages and sorts over them in the database, with the same
number of queries whatever the number of communes."""

import re

import pytest
from django.contrib.auth import get_user_model

from ktxh.core.model import Status
from ktxh.web.analytics import overview, tables
from ktxh.web.analytics.evaluation import evaluate_plan
from ktxh.web.analytics.models import CommuneCount, CountsBuilt
from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Actual, Period
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Plan
from ktxh.web.metadata.units.models import AdminUnit
from ktxh.web.tests.pages import signed_in


def _expected(province, period) -> dict:
    """{(commune, field or None): {Status: n}} from the evaluator, on the plan the dashboard shows."""
    out: dict = {}
    for c in selection.communes(province, on=period.ends_on):
        plan = selection.choose_plan(Plan.objects.filter(unit=c), period.year)
        if plan is None:
            continue
        for row in evaluate_plan(plan, period).rows:
            if row.primary:
                for key in ((c.pk, row.target.indicator.field_id), (c.pk, None)):
                    cell = out.setdefault(key, {s: 0 for s in Status})
                    cell[row.evaluation.status] += 1
    return out


def _table(province, period) -> dict:
    return {(r.unit_id, r.field_id): r.counts() for r in CommuneCount.objects.filter(period=period, province=province)}


@pytest.fixture
def setting(country):
    y25 = Period.objects.get(code="year:2025")
    province = AdminUnit.objects.filter(level="province").order_by("code").first()
    admin = get_user_model().objects.create_superuser("quantri", password="mat-khau-thu")
    tables.ensure(y25, province)
    return province, y25, admin


def _open_target(province, period):
    """A primary target of a commune of the province with no figure at all in the period."""
    for c in selection.communes(province, on=period.ends_on):
        plan = selection.choose_plan(Plan.objects.filter(unit=c), period.year)
        for row in (evaluate_plan(plan, period).rows if plan else []):
            if (row.primary and row.target.parsed.get("kind") in ("min", "exact", "range")
                    and not Actual.objects.filter(unit=c, indicator=row.target.indicator, period=period).exists()):
                return c, row.target
    raise AssertionError("no open target")


def test_built_tables_are_the_evaluators(setting):
    province, y25, _ = setting
    expected = _expected(province, y25)
    assert len(expected) > 10
    assert _table(province, y25) == expected


def test_after_an_approval_a_return_and_a_target_edit(setting, django_capture_on_commit_callbacks):
    province, y25, admin = setting
    unit, target = _open_target(province, y25)
    before = _table(province, y25)[(unit.pk, None)]
    low = target.parsed["low"]
    with django_capture_on_commit_callbacks(execute=True):
        a = workflow.enter(admin, unit=unit, indicator=target.indicator, period=y25, text=str(low))
        a = workflow.submit(admin, a, version=a.version)
        workflow.approve(admin, a, version=a.version)
    after = _table(province, y25)
    assert after == _expected(province, y25)
    assert after[(unit.pk, None)][Status.CHUA_CO_SO_LIEU] == before[Status.CHUA_CO_SO_LIEU] - 1

    other, second = _open_target(province, y25)
    with django_capture_on_commit_callbacks(execute=True):
        b = workflow.enter(admin, unit=other, indicator=second.indicator, period=y25, text=str(second.parsed["low"]))
        b = workflow.submit(admin, b, version=b.version)
    assert _table(province, y25) == _expected(province, y25)  # a figure sent is not counted
    with django_capture_on_commit_callbacks(execute=True):
        workflow.return_(admin, b, version=b.version, comment="Số liệu chưa khớp với báo cáo của phòng")
    assert Actual.objects.get(pk=b.pk).status == "returned"
    assert _table(province, y25) == _expected(province, y25)

    with django_capture_on_commit_callbacks(execute=True):  # the target raised far above the figure
        target.text = f"từ {int(low) * 10 + 100} {target.indicator.unit}".strip()
        target.save()
    edited = _table(province, y25)
    assert edited == _expected(province, y25)
    assert edited[(unit.pk, None)] != after[(unit.pk, None)]


def test_a_bulk_change_rebuilds_on_next_visit(setting):
    from ktxh.web.analytics import rollup

    province, y25, _ = setting
    rollup.invalidate(y25.pk)  # what a bulk load calls
    assert not CountsBuilt.objects.filter(period=y25, province=province).exists()
    tables.ensure(y25, province)
    assert _table(province, y25) == _expected(province, y25)


def _names(page: str) -> list[str]:
    body = page[page.index('id="bang-tinh"'):page.index("</table>", page.index('id="bang-tinh"'))]
    return re.findall(r'<th scope="row"><a href="/xa/\d+/\?ky=\d+">(.*?)</a>', body)


def test_paging_and_sorting_in_the_database(setting, monkeypatch):
    province, y25, admin = setting
    monkeypatch.setattr(overview, "PAGE_SIZE", 3)
    client = signed_in(admin)
    standing = selection.communes(province, on=y25.ends_on)
    counts = {str(c): _table(province, y25).get((c.pk, None), {s: 0 for s in Status}) for c in standing}
    for sort, key in (("-khong_dat", lambda n: -counts[n][Status.KHONG_DAT]), ("ten", None),
                      ("-tong", lambda n: -sum(counts[n].values()))):
        seen = []
        for number in range(1, 10):
            page = client.get(f"/tinh/{province.pk}/?ky={y25.pk}&sap_xep={sort}&trang={number}").content.decode()
            names = _names(page)
            assert len(names) <= 3
            seen += names
            if 'rel="next"' not in page:
                break
        assert sorted(seen) == sorted(counts), sort  # every commune once
        if key is not None:
            assert [key(n) for n in seen] == sorted(key(n) for n in seen), sort
    page = client.get(f"/tinh/{province.pk}/?ky={y25.pk}&sap_xep=-vuot").content.decode()
    assert 'aria-sort="descending"' in page and f"trang 1/{-(-len(standing) // 3)}" in page


def test_default_period_is_the_latest_with_figures(setting):
    province, y25, admin = setting
    periods, default, counts = overview.overview_periods(province)
    dated = [p for p in periods if counts.get(p.pk) and overview._counted(p, province)]
    assert default == max(dated, key=lambda p: (p.ends_on, p.kind == "year"))
    Actual.objects.filter(unit__parent=province, period=default).delete()
    _, later, _ = overview.overview_periods(province)  # the delete bumped the stamps: counted again
    assert later != default and later.ends_on <= default.ends_on


def test_figures_no_plan_counts_do_not_open_the_overview(setting):
    """A later period whose approved figures no plan counts (the demo's current-year figures)
    is not where the overview opens: its table would read 0 targets for every commune."""
    province, y25, admin = setting
    _, default, _ = overview.overview_periods(province)
    later = (Period.objects.filter(ends_on__gt=default.ends_on).exclude(kind="term")
             .exclude(year__in=Plan.objects.values_list("start_year", flat=True)).order_by("ends_on").first())
    commune = selection.communes(province, on=later.ends_on)[0]
    any_figure = Actual.objects.filter(unit=commune).select_related("indicator").first()
    Actual.objects.create(unit=commune, indicator=any_figure.indicator, period=later, text="5", value=5,
                          status="approved")
    periods, again, counts = overview.overview_periods(province)
    assert counts[later.pk] == 1  # counted in the period menu
    assert again == default  # but not opened on
    page = signed_in(admin).get(f"/tinh/{province.pk}/").content.decode()
    totals = [int(n) for n in re.findall(r'<td class="num" data-sort="(\d+)"', page)]
    assert totals and max(totals) > 0


def test_the_drill_down_keeps_the_period(setting):
    """From the overview of "Năm 2024" a commune opens on 2024, not on its latest plan."""
    province, y25, admin = setting
    y24 = Period.objects.get(code="year:2024")
    page = signed_in(admin).get(f"/tinh/{province.pk}/?ky={y24.pk}").content.decode()
    link = re.search(r'<th scope="row"><a href="(/xa/\d+/\?ky=\d+)">', page).group(1)
    assert link.endswith(f"?ky={y24.pk}")
    commune = signed_in(admin).get(link).content.decode()
    assert re.search(rf'<option value="{y24.pk}" selected>', commune), "the commune opens on the period it was given"
