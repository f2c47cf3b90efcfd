"""Periods: their Vietnamese names, their bounds, their cut-off dates."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from ktxh.web.data.tracking.models import Period


@pytest.mark.parametrize(
    ("args", "label", "starts", "ends"),
    [
        (("month", 2023, 5), "Tháng 5/2023", dt.date(2023, 5, 1), dt.date(2023, 5, 31)),
        (("quarter", 2022, 1), "Quý I/2022", dt.date(2022, 1, 1), dt.date(2022, 3, 31)),
        (("half", 2023), "6 tháng đầu năm 2023", dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
        (("nine", 2023), "9 tháng đầu năm 2023", dt.date(2023, 1, 1), dt.date(2023, 9, 30)),
        (("year", 2024), "Năm 2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (("term", 2021, None, 2025), "Nhiệm kỳ 2021–2025", dt.date(2021, 1, 1), dt.date(2025, 12, 31)),
    ],
)
def test_period_label_and_bounds(db, args, label, starts, ends):
    p = Period.get(*args)
    assert (p.label, p.starts_on, p.ends_on) == (label, starts, ends)
    assert p.cutoff_on == ends and p.due_on == ends + dt.timedelta(days=Period.due_after(args[0]))


def test_same_period_is_opened_once(db):
    assert Period.get("year", 2023).pk == Period.get("year", 2023).pk
    assert Period.objects.filter(code="year:2023").count() == 1


@pytest.mark.parametrize("args", [("month", 2023, 13), ("quarter", 2023, 5), ("year", 2023, 2), ("term", 2025, None, 2021)])
def test_bad_period_is_refused(db, args):
    with pytest.raises(ValidationError):
        Period.get(*args)


def test_cutoff_before_the_period_starts_is_refused(db):
    p = Period.get("half", 2023)
    p.cutoff_on = dt.date(2022, 12, 31)
    with pytest.raises(ValidationError) as err:
        p.full_clean()
    assert "chốt số liệu" in str(err.value)
