"""The figures' side of merging two indicators (``metadata.plans.merge``): which figures name an
indicator, where each stands, and how one moves. Registered with the merge when the app is ready,
so that the plans app, below this one, never imports it."""

from __future__ import annotations

from ktxh.web.accounts import permissions as perms

from .models import Actual


def of(indicator) -> list[Actual]:
    """The indicator's figures, commune by commune, period by period."""
    return list(Actual.objects.filter(indicator=indicator).select_related("unit", "unit__parent", "period")
                .order_by("unit__name", "period__ends_on"))


def unit_ids(indicator) -> set[int]:
    return set(Actual.objects.filter(indicator=indicator).values_list("unit_id", flat=True))


def key(a: Actual) -> tuple:
    return (a.unit_id, a.period_id)


def kept_by_key(kept, rows: list[Actual]) -> dict[tuple, Actual]:
    """The kept indicator's figures at the places of ``rows``."""
    found = Actual.objects.filter(indicator=kept, unit_id__in={a.unit_id for a in rows}).select_related("unit", "period")
    return {key(a): a for a in found}


def place(a: Actual) -> str:
    return f"{a.unit}: {a.period.label}"


def unit(a: Actual):
    return a.unit


def shown(user, a: Actual) -> str:
    """The figure as typed, or its state only when the user may not read it (a draft)."""
    return a.text if perms.can_read(user, a.unit, a.status) else f"({a.get_status_display().lower()})"


def move(a: Actual, kept) -> None:
    a.indicator = kept
    a.version += 1
    a.save()
