"""A role belongs to a unit of the right level."""

import pytest
from django.core.exceptions import ValidationError

from ktxh.web.accounts.models import Membership, Role
from ktxh.web.tests.factories import user


@pytest.mark.parametrize(("role", "unit", "ok"), [
    (Role.PLANNER, "p", True), (Role.PLANNER, "a", False),
    (Role.LEADER, "a", True), (Role.LEADER, "p", False),
    (Role.OFFICER, "a", True), (Role.OFFICER, "p", False),
    (Role.VIEWER, "p", True), (Role.VIEWER, "a", True),
])
def test_role_fits_its_unit(w, role, unit, ok):
    m = Membership(user=user("moi"), role=role, unit=getattr(w, unit))
    if ok:
        m.full_clean()
    else:
        with pytest.raises(ValidationError) as err:
            m.full_clean()
        assert "phải thuộc" in str(err.value)


def test_commune_viewer_reads_only_approved_data_of_its_province(w, api):
    from ktxh.web.data.tracking import workflow

    viewer = user("luongson.xem", Role.VIEWER, w.a)
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="6.031")
    assert api(viewer).get(f"/actuals/{a.pk}").status_code == 403
    a = workflow.approve(w.leader, workflow.submit(w.officer, a, version=1), version=2)
    assert api(viewer).get(f"/actuals/{a.pk}").status_code == 200
