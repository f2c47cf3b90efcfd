"""Keep cached roll-ups fresh, and give SQLite the function the roll-up statement calls.

A figure saved through the model, or changed by the workflow (which writes with
``update`` and records an ``AuditEntry``), bumps its period's stamp; a yearly figure
bumps every period, since "so với năm 2024" targets of later periods are measured from
it. Targets, plans, indicators and units bump every period.
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

from .rollup import invalidate

log = logging.getLogger(__name__)


def _fold(text):
    return text.strip().casefold() if isinstance(text, str) else text


@receiver(connection_created)
def sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("ktxh_fold", 1, _fold, deterministic=True)


def _safe(period_id=None):
    try:
        with transaction.atomic():
            invalidate(period_id)
    except DatabaseError:  # tables not migrated yet (data migrations of other apps)
        log.debug("roll-up stamps not available yet")


def _actual_changed(actual: Actual) -> None:
    kind = Period.objects.filter(pk=actual.period_id).values_list("kind", flat=True).first()
    _safe(None if kind in (None, PeriodKind.YEAR) else actual.period_id)


@receiver(post_save, sender=Actual)
@receiver(post_delete, sender=Actual)
def actual_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _actual_changed(instance)


@receiver(post_save, sender=AuditEntry)
def audited(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if instance.model == Actual._meta.label_lower:
        actual = Actual.objects.filter(pk=instance.object_id).only("period_id").first()
        _safe(None) if actual is None else _actual_changed(actual)
    elif instance.model in (Target._meta.label_lower, Plan._meta.label_lower):
        _safe(None)


@receiver(post_save, sender=Target)
@receiver(post_delete, sender=Target)
@receiver(post_save, sender=Plan)
@receiver(post_delete, sender=Plan)
@receiver(post_save, sender=Indicator)
@receiver(post_save, sender=AdminUnit)
@receiver(post_delete, sender=AdminUnit)
def structure_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _safe(None)
