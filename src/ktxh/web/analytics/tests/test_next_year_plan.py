"""“Lập kế hoạch năm sau” (issue 17): this year's indicators into a draft plan of next year, targets
proposed from the trend of the approved yearly figures, each marked "đề xuất"."""

from ktxh.web.data.tracking.models import Period
from ktxh.web.metadata.plans.models import Indicator, Plan, Target
from ktxh.web.tests.pages import approved, signed_in


def _plan_2022(w):
    plan = Plan.objects.create(unit=w.a, kind="annual", start_year=2022, end_year=2022, status="approved",
                               title="Kế hoạch phát triển kinh tế - xã hội năm 2022 – Phường Lương Sơn")
    Target.objects.create(plan=plan, indicator=w.grain, year=2022, source="ke_hoach", text="5.795,9 tấn")
    order = Indicator.objects.create(code="an-ninh", name="Giữ vững an ninh trật tự", unit="", field=w.econ)
    Target.objects.create(plan=plan, indicator=order, year=2022, source="ke_hoach", text="Giữ vững ổn định")
    # The seed's grain: 5.551,1 tấn (2020), 6.031 (2021), 5.933,3 (2022).
    for year, text in ((2020, "5.551,1"), (2021, "6.031"), (2022, "5.933,3")):
        approved(w, text, period=Period.get("year", year))
    return plan


def test_leader_rolls_the_plan_into_a_draft_of_next_year(w):
    plan = _plan_2022(w)
    page = signed_in(w.leader).get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert "Lập kế hoạch năm sau (2023)" in page
    r = signed_in(w.leader).post(f"/ke-hoach/{plan.pk}/nam-sau/", follow=True)
    new = Plan.objects.get(unit=w.a, kind="annual", start_year=2023)
    assert (new.status, new.title) == ("draft", "Kế hoạch phát triển kinh tế - xã hội năm 2023 – Phường Lương Sơn")
    assert r.redirect_chain[-1][0] == f"/ke-hoach/{new.pk}/"
    grain = new.targets.get(indicator=w.grain)
    # Weighted line through 2020–2022 (weights 1, 2, 3) reaches 6.124,4 tấn in 2023: shown whole.
    assert (grain.year, grain.text, grain.source) == (2023, "6.124 tấn", "ke_hoach")
    assert grain.note.startswith("đề xuất theo xu hướng số liệu 2020–2022 (mới nhất 5.933,3 tấn năm 2022)")
    kept = new.targets.exclude(indicator=w.grain).get()
    assert kept.text == "Giữ vững ổn định" and kept.note.startswith("đề xuất: giữ như kế hoạch năm trước")
    body = r.content.decode()
    assert "Đã lập dự thảo" in body and "1 chỉ tiêu đề xuất theo xu hướng" in body
    assert "Phê duyệt kế hoạch" in body  # to edit, then approve


def test_a_second_roll_is_refused_and_names_the_plan(w):
    plan = _plan_2022(w)
    signed_in(w.leader).post(f"/ke-hoach/{plan.pk}/nam-sau/")
    body = signed_in(w.leader).post(f"/ke-hoach/{plan.pk}/nam-sau/", follow=True).content.decode()
    assert "đã có kế hoạch năm 2023" in body
    assert Plan.objects.filter(unit=w.a, start_year=2023).count() == 1


def test_an_officer_or_another_commune_cannot_roll(w):
    plan = _plan_2022(w)
    assert "Lập kế hoạch năm sau" not in signed_in(w.officer).get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert signed_in(w.officer).post(f"/ke-hoach/{plan.pk}/nam-sau/").status_code == 403
    assert signed_in(w.leader_b).post(f"/ke-hoach/{plan.pk}/nam-sau/").status_code == 403
    assert not Plan.objects.filter(start_year=2023).exists()
