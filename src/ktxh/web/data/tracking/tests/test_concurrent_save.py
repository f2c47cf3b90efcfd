"""Two people save from the same starting version: the second is refused, never overwrites."""

import pytest

from ktxh.web.accounts.models import Role
from ktxh.web.data.audit.models import AuditEntry
from ktxh.web.data.tracking import workflow
from ktxh.web.data.tracking.models import Actual
from ktxh.web.tests.factories import user


def test_second_save_from_the_same_version_is_refused_with_a_clear_message(w):
    colleague = user("luongson.kinhte2", Role.OFFICER, w.a, [w.econ])
    first = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    # Both read version 1; the officer saves first.
    workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.934", version=first.version)
    with pytest.raises(workflow.ConflictError) as err:
        workflow.enter(colleague, unit=w.a, indicator=w.grain, period=w.year, text="6.000", version=first.version)
    msg = err.value.message
    assert "luongson.kinhte" in msg and "phiên bản 2" in msg and "phiên bản 1" in msg
    assert "Không ghi đè" in msg
    stored = Actual.objects.get(pk=first.pk)
    assert (stored.text, stored.version) == ("5.934", 2)
    assert AuditEntry.objects.filter(object_id=first.pk, model="tracking.actual").count() == 2


def test_two_reviewers_from_the_same_version(w):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    sent = workflow.submit(w.officer, a, version=1)
    workflow.approve(w.leader, sent, version=2)
    with pytest.raises(workflow.WorkflowError):
        # The planner still sees it submitted at version 2.
        workflow.return_(w.planner, sent, version=2, comment="Xem lại")
    assert Actual.objects.get(pk=a.pk).status == "approved"


def test_stale_version_is_refused_even_when_the_state_allows_the_step(w):
    a = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.934", version=1)
    with pytest.raises(workflow.ConflictError):
        workflow.submit(w.officer, a, version=1)


def test_a_change_must_name_its_version(w):
    workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    with pytest.raises(workflow.WorkflowError) as err:
        workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.934")
    assert "phiên bản" in err.value.message


@pytest.mark.django_db(transaction=True)
def test_two_threads_saving_from_one_version_one_wins(request):
    """On a real server (PostgreSQL), two saves racing from version 1: exactly one lands."""
    import threading

    from django.db import connection, connections

    from ktxh.web.tests.factories import world

    if connection.vendor != "postgresql":
        pytest.skip("needs a database with concurrent connections (PostgreSQL)")
    w = world()
    colleague = user("luongson.kinhte2", Role.OFFICER, w.a, [w.econ])
    start = workflow.enter(w.officer, unit=w.a, indicator=w.grain, period=w.year, text="5.933,3")
    barrier = threading.Barrier(2)
    outcomes = []

    def save(who, text):
        try:
            barrier.wait()
            workflow.enter(who, unit=w.a, indicator=w.grain, period=w.year, text=text, version=start.version)
            outcomes.append("saved")
        except workflow.ConflictError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=a) for a in ((w.officer, "5.934"), (colleague, "6.000"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["refused", "saved"]
    stored = Actual.objects.get(pk=start.pk)
    assert stored.version == 2 and stored.text in ("5.934", "6.000")
    assert AuditEntry.objects.filter(object_id=start.pk, model="tracking.actual").count() == 2
