"""A commune drafts a plan and its targets; the core parses every target text."""

import pytest

from ktxh.web.accounts.permissions import Denied
from ktxh.web.data.audit import audit
from ktxh.web.errors import ConflictError, WorkflowError
from ktxh.web.metadata.plans import services
from ktxh.web.metadata.plans.models import Target


def test_annual_plan_is_one_year(w):
    with pytest.raises(WorkflowError) as err:
        services.create_plan(w.leader, unit=w.a, kind="annual", start_year=2023, end_year=2024, title="KH 2023")
    assert "một năm" in err.value.message


def test_target_text_is_kept_and_parsed_by_the_core(w):
    plan = services.create_plan(w.leader, unit=w.a, kind="annual", start_year=2022, end_year=2022,
                                title="Kế hoạch năm 2022", legal_basis="Nghị quyết số 08/NQ-HĐND ngày 26/12/2022")
    # Seed 001: "10. Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%."
    t = services.set_target(w.officer_soc, plan, indicator=w.poor, year=2022, source="hdnd",
                            text="Tỷ lệ hộ nghèo giảm so với năm 2021(theo chuẩn nghèo đa chiều): Từ 0,7 - 0,9%.")
    assert t.parsed["kind"] == "change"
    assert (t.parsed["low"], t.parsed["high"], t.parsed["unit"]) == (0.7, 0.9, "%")
    assert t.parsed["base"] == "năm 2021"
    assert t.parsed["direction"] == "down"


def test_one_indicator_carries_targets_from_several_sources(w):
    # Seed 000: "Tốc độ tăng trưởng … bình quân 15-16%/ năm" with the footnote "Nghị quyết ĐH XIII: tăng 16-18%".
    growth = w.grain.__class__.objects.create(code="tang-truong", name="Tốc độ tăng trưởng kinh tế", unit="%", field=w.econ)
    plan = services.create_plan(w.leader, unit=w.a, kind="term", start_year=2021, end_year=2026, title="KH 2021-2026")
    services.set_target(w.leader, plan, indicator=growth, year=None, source="hdnd", text="bình quân 15-16%/ năm")
    services.set_target(w.leader, plan, indicator=growth, year=None, source="dai_hoi", text="tăng 16-18%")
    got = {t.source: (t.parsed["low"], t.parsed["high"]) for t in Target.objects.filter(plan=plan)}
    assert got == {"hdnd": (15, 16), "dai_hoi": (16, 18)}


def test_changing_a_target_names_its_version_and_is_audited(w):
    t = services.set_target(w.leader, w.plan, indicator=w.grain, year=2022, source="cap_tren", text="5.926 tấn", version=1)
    assert (t.text, t.version) == ("5.926 tấn", 2)
    with pytest.raises(ConflictError):
        services.set_target(w.officer, w.plan, indicator=w.grain, year=2022, source="cap_tren", text="6.000 tấn", version=1)
    entry = list(audit.history(t))[-1]
    assert entry.changes["text"] == ["5.795,9 tấn", "5.926 tấn"]


def test_year_outside_the_plan_is_refused(w):
    with pytest.raises(WorkflowError) as err:
        services.set_target(w.leader, w.plan, indicator=w.grain, year=2030, source="hdnd", text="6.000 tấn")
    assert "2030" in err.value.message


@pytest.mark.parametrize("who", ["officer_soc", "leader_b", "planner", "viewer", "nobody"])
def test_others_may_not_edit_targets(w, who):
    with pytest.raises(Denied):
        services.set_target(getattr(w, who), w.plan, indicator=w.grain, year=2023, source="hdnd", text="6.000 tấn")


def test_approved_plan_is_frozen(w):
    services.approve_plan(w.leader, w.plan)
    with pytest.raises(Denied) as err:
        services.set_target(w.leader, w.plan, indicator=w.grain, year=2023, source="hdnd", text="6.000 tấn")
    assert "đã phê duyệt" in err.value.message
