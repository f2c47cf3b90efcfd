"""Keep cached roll-ups and the analytics tables fresh, and give SQLite the function the
roll-up statement calls.

A figure saved through the model, or changed by the workflow (which writes with
``update`` and records an ``AuditEntry``), bumps its period's stamp and refreshes its
commune's analytics rows of that period; a yearly figure bumps every period and refreshes
the commune's every period, since "so với năm 2024" targets of later periods are measured
from it. A target or plan refreshes its commune's every period; indicators and units make
every analytics table stale (built again on next use).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ktxh.web.data.audit.models import AuditEntry
from ktxh.web.data.tracking.models import Actual, Period, PeriodKind
from ktxh.web.metadata.plans.models import Indicator, Plan, Target
from ktxh.web.metadata.units.models import AdminUnit

from . import tables
from .rollup import invalidate

log = logging.getLogger(__name__)


def _fold(text):
    return text.strip().casefold() if isinstance(text, str) else text


@receiver(connection_created)
def sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("ktxh_fold", 1, _fold, deterministic=True)


def _safe(period_id=None, *, unit_id=None, forget=False):
    try:
        with transaction.atomic():
            invalidate(period_id, keep_tables=not forget)
        if unit_id is not None:
            tables.schedule(unit_id, period_id)
    except DatabaseError:  # tables not migrated yet (data migrations of other apps)
        log.debug("roll-up stamps not available yet")


def _actual_changed(actual: Actual) -> None:
    kind = Period.objects.filter(pk=actual.period_id).values_list("kind", flat=True).first()
    _safe(None if kind in (None, PeriodKind.YEAR) else actual.period_id, unit_id=actual.unit_id)


@receiver(post_save, sender=Actual)
@receiver(post_delete, sender=Actual)
def actual_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _actual_changed(instance)


def _plan_unit(model: str, object_id) -> int | None:
    if model == Plan._meta.label_lower:
        return Plan.objects.filter(pk=object_id).values_list("unit_id", flat=True).first()
    return Target.objects.filter(pk=object_id).values_list("plan__unit_id", flat=True).first()


@receiver(post_save, sender=AuditEntry)
def audited(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if instance.model == Actual._meta.label_lower:
        actual = Actual.objects.filter(pk=instance.object_id).only("period_id", "unit_id").first()
        _safe(None, forget=True) if actual is None else _actual_changed(actual)
    elif instance.model in (Target._meta.label_lower, Plan._meta.label_lower):
        unit_id = _plan_unit(instance.model, instance.object_id)
        _safe(None, unit_id=unit_id, forget=unit_id is None)


@receiver(post_save, sender=Target)
@receiver(post_delete, sender=Target)
def target_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        unit_id = Plan.objects.filter(pk=instance.plan_id).values_list("unit_id", flat=True).first()
        _safe(None, unit_id=unit_id, forget=unit_id is None)


@receiver(post_save, sender=Plan)
@receiver(post_delete, sender=Plan)
def plan_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _safe(None, unit_id=instance.unit_id)


@receiver(post_save, sender=Indicator)
@receiver(post_save, sender=AdminUnit)
@receiver(post_delete, sender=AdminUnit)
def structure_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _safe(None, forget=True)
