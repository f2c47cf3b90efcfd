"""The list filter and the single-object check are one rule: they agree for every role,
commune and state, and no one outside a commune reads its unapproved figures."""

import itertools

from ktxh.web.accounts import permissions as perms
from ktxh.web.data.tracking.models import Actual, ActualStatus

PEOPLE = ["planner", "leader", "officer", "officer_soc", "viewer", "leader_b", "officer_b", "planner_q", "leader_c", "nobody"]


def test_queryset_and_object_rules_agree(w):
    made = []
    for unit, status in itertools.product([w.a, w.b, w.c], ActualStatus.values):
        a = Actual.objects.create(unit=unit, indicator=w.grain, period=w.year.__class__.get("month", 2022, len(made) + 1),
                                  text="1", value=1, status=status)
        made.append(a)
    for name in PEOPLE:
        who = getattr(w, name)
        listed = set(perms.readable_actuals(who, Actual.objects.all()).values_list("pk", flat=True))
        for a in made:
            assert (a.pk in listed) == perms.can_read(who, a.unit, a.status), (name, a.unit.name, a.status)
            own = perms.in_commune(perms.scope(who), a.unit)
            if a.status != ActualStatus.APPROVED and a.pk in listed and not own:
                # Only the planner of the commune's own province, and never a draft.
                assert perms.is_planner_for(perms.scope(who), a.unit) and a.status != ActualStatus.DRAFT, name


def test_history_filter_and_object_rule_agree(w):
    made = []
    for unit, status in itertools.product([w.a, w.b, w.c], ActualStatus.values):
        made.append(Actual.objects.create(unit=unit, indicator=w.grain, text="1", value=1, status=status,
                                          period=w.year.__class__.get("month", 2022, len(made) + 1)))
    for name in PEOPLE:
        who = getattr(w, name)
        listed = set(perms.readable_history(who, Actual.objects.all()).values_list("pk", flat=True))
        for a in made:
            assert (a.pk in listed) == perms.can_read_actual_history(who, a), (name, a.unit.name, a.status)
        if name == "planner":  # the province's planner: every state of its communes but the drafts
            assert {(a.unit.name, a.status) for a in made if a.pk in listed} == {
                (u, s) for u in ("Lương Sơn", "Lê Lợi") for s in ActualStatus.values if s != ActualStatus.DRAFT}
