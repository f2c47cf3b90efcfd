"""An officer enters a figure the Vietnamese way; the core reads it."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ktxh.core.numbers import format_number, quantize
from ktxh.web.accounts.permissions import Denied
from ktxh.web.data.audit.models import AuditEntry
from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import ActualStatus
from ktxh.web.metadata.plans.models import Indicator


def test_figure_typed_the_vietnamese_way_is_read_by_the_core(w):
    # Seed 002: "Tổng sản lượng lương thực cây có hạt năm 2022 đạt 5.933,3tấn/ 5.795,9 tấn"
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    assert a.value == Decimal("5933.3")
    assert a.text == "5.933,3"
    assert a.status == ActualStatus.DRAFT
    assert a.version == 1


def test_figure_in_another_unit_of_the_same_kind_is_converted(w):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="19.656 kg")
    assert a.value == Decimal("19.656")


def test_figure_that_is_no_number_is_refused_naming_indicator_and_text(w):
    with pytest.raises(workflow.WorkflowError) as err:
        workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="khoảng sáu nghìn")
    assert "Tổng sản lượng lương thực cây có hạt" in err.value.message
    assert "khoảng sáu nghìn" in err.value.message


def test_figure_in_a_unit_of_another_kind_is_refused(w):
    with pytest.raises(workflow.WorkflowError) as err:
        workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="96,4%")
    assert "khác đơn vị tính" in err.value.message


def test_ambiguous_figure_is_refused_not_guessed(w):
    # Seed 004 writes "Dân số: 12,575"; with no unit to settle it, it reads 12.575 or 12,575.
    plain = Indicator.objects.create(code="dan-so", name="Dân số", unit="", field=w.soc)
    with pytest.raises(workflow.WorkflowError) as err:
        workflow.enter(w.officer_soc, unit=w.a, indicator=plain, period=w.year, text="12,575")
    assert "hai cách" in err.value.message


def test_percent_settles_the_decimal_comma(w):
    a = workflow.enter(w.officer_soc, unit=w.a, indicator=w.poor, period=w.year, text="1,92")
    assert a.value == Decimal("1.92")


def test_qualitative_figure_is_kept_as_text(w):
    # Seed 004, Biểu số 02: "Phổ cập giáo dục tiểu học mức độ 3 … đạt"
    plain = Indicator.objects.create(code="pho-cap-th", name="Phổ cập giáo dục tiểu học mức độ 3", unit="", field=w.soc)
    a = workflow.enter(w.officer_soc, unit=w.a, indicator=plain, period=w.year, text="đạt")
    assert a.value is None and a.text == "đạt"


def test_officer_of_another_field_may_not_enter(w):
    with pytest.raises(Denied) as err:
        workflow.enter(w.officer_soc, unit=w.a, indicator=w.grain, period=w.year, text="6.031")
    assert "không được nhập" in err.value.message


def test_officer_of_another_commune_may_not_enter(w):
    with pytest.raises(Denied):
        workflow.enter(w.officer_b, unit=w.a, indicator=w.grain, period=w.year, text="6.031")


def test_leader_approves_but_does_not_enter(w):
    with pytest.raises(Denied):
        workflow.enter(w.leader, unit=w.a, indicator=w.grain, period=w.year, text="6.031")


def test_entering_is_audited_with_the_new_values(w):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3", is_estimate=True)
    entry = AuditEntry.objects.get(model="tracking.actual", object_id=a.pk)
    assert entry.user == w.officer
    assert entry.action == "create"
    assert entry.changes["text"] == [None, "5.933,3"]
    assert entry.changes["value"] == [None, "5933.3"]
    assert entry.changes["is_estimate"] == [None, True]


@given(
    value=st.decimals(min_value=0, max_value=10**12, places=1, allow_nan=False, allow_infinity=False),
    unit=st.sampled_from(["tấn", "ha", "đồng", "người", "hộ"]),
)
def test_any_figure_written_the_vietnamese_way_reads_back(value, unit):
    # What format_number writes ("5.933,3", "1.930.000.000") an officer may type; the core reads it back.
    indicator = Indicator(name="Chỉ tiêu thử", unit=unit)
    text = format_number(value, decimals=0 if unit in ("người", "hộ") else None)
    expected = quantize(value, 0) if unit in ("người", "hộ") else value
    assert workflow.read_value(text, indicator) == expected, (text, unit)
