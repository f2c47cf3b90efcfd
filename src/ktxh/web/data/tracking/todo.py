"""What an officer has to do: the periods whose figures are due (or late) with the commune's
deadline, and the figures the leader returned. The officer's home page and ``ktxh notify``
(due in three days, late) both ask ``due_for``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ktxh.web.accounts import notify
from ktxh.web.accounts.models import Membership, Role
from ktxh.web.metadata.plans import selection
from ktxh.web.metadata.plans.models import Target

from . import periods as tracking_periods
from .models import Actual, ActualStatus, Period, PeriodKind, UnitDeadline

SENT = (ActualStatus.SUBMITTED, ActualStatus.APPROVED)
LOOK_BACK = dt.timedelta(days=366)  # a period late by more than a year is history, not a task
REMIND_DAYS = 3


@dataclass(frozen=True)
class Due:
    period: Period
    deadline: dt.date  # the commune's deadline for its officers
    expected: int  # indicators of the officer's fields with a target in the period
    sent: int  # of which a figure was sent or approved
    drafts: int  # of which a figure is typed but not sent

    @property
    def missing(self) -> int:
        return self.expected - self.sent

    def days_left(self, today: dt.date) -> int:
        return (self.deadline - today).days


def expected_indicators(plans, field_ids, period: Period) -> set[int]:
    """The indicators of ``field_ids`` with a target of the plans counting in ``period`` (the
    targets the entry form shows)."""
    chosen = [p for p in plans if period.year in p.years]
    qs = Target.objects.filter(plan__in=chosen, indicator__field_id__in=field_ids)
    return {i for i, year in qs.values_list("indicator_id", "year") if year in (None, period.year)}


def due_for(user, unit, field_ids, today: dt.date) -> list[Due]:
    """The started periods of the unit's plans (not the term) still missing figures of the
    officer's fields, deadline within the last year, soonest deadline first."""
    plans = list(selection.plans_of(user, unit))
    opened = {p for plan in plans for p in tracking_periods.plan_periods(plan, today)}
    out = []
    for period in opened:
        if period.kind == PeriodKind.TERM or period.starts_on > today:
            continue
        deadline = UnitDeadline.officers_due(unit, period)
        if deadline < today - LOOK_BACK:
            continue
        expected = expected_indicators(plans, field_ids, period)
        if not expected:
            continue
        statuses = list(Actual.objects.filter(unit=unit, period=period, indicator_id__in=expected)
                        .values_list("status", flat=True))
        sent = sum(1 for s in statuses if s in SENT)
        if sent < len(expected):
            out.append(Due(period, deadline, len(expected), sent, len(statuses) - sent))
    return sorted(out, key=lambda d: (d.deadline, d.period.kind))


def returned_for(unit, field_ids):
    """The figures of the officer's fields the leader returned, with the comment, latest first."""
    return (Actual.objects.filter(unit=unit, status=ActualStatus.RETURNED, indicator__field_id__in=field_ids)
            .select_related("indicator", "period").order_by("-updated_at"))


def remind(today: dt.date) -> tuple[int, int]:
    """Notify every officer of the periods due within three days and of those already late
    (each once per period); the leaders of the late ones too. The numbers notified (due, late)."""
    due_n = late_n = 0
    members = (Membership.objects.filter(role=Role.OFFICER, user__is_active=True, unit__level="commune")
               .select_related("user", "unit").prefetch_related("fields"))
    for m in members:
        fields = frozenset(f.pk for f in m.fields.all())
        for d in due_for(m.user, m.unit, fields, today):
            url = f"/nhap-lieu/{d.period.pk}/"
            left = d.days_left(today)
            if 0 <= left <= REMIND_DAYS:
                due_n += notify.send([m.user], notify.Kind.DUE,
                                     f"Còn {left} ngày (hạn {d.deadline:%d/%m/%Y}) để gửi {d.missing} số liệu "
                                     f"{d.period.label} của {m.unit}.", url=url, key=f"due:{d.period.pk}")
            elif left < 0:
                text = (f"Trễ hạn {-left} ngày (hạn {d.deadline:%d/%m/%Y}): {m.unit} còn {d.missing} số liệu "
                        f"{d.period.label} chưa gửi ({m.user.get_full_name() or m.user.username}).")
                late_n += notify.send([m.user], notify.Kind.LATE, text, url=url, key=f"late:{d.period.pk}")
                notify.send(notify.leaders(m.unit), notify.Kind.LATE, text, url="/cho-duyet/",
                            key=f"late:{d.period.pk}:{m.user.pk}")
    return due_n, late_n
