"""Template filters that show numbers the Vietnamese way, through the core's formatter."""

from __future__ import annotations

from decimal import Decimal

from django import template

from ktxh.core.numbers import format_figure, format_number

register = template.Library()


@register.filter
def so(value, decimals=None):
    """``{{ value|so:1 }}`` → "5.933,3"; empty for no value."""
    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal | int | float):
        return value
    if isinstance(value, Decimal) and decimals is None:
        value = value.normalize()  # 5933.300000 as stored → 5933.3
    return format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def so_lieu(value, decimals=None):
    """``{{ a.value|so_lieu:indicator.decimals }}`` → "3.182" for 3.182,308468 stored with 0 decimals to show:
    a stored figure with its indicator's display decimals (``ktxh.core.numbers.format_figure``)."""
    if value is None or value == "":
        return ""
    if not isinstance(value, Decimal | int | float):
        return value
    return format_figure(Decimal(str(value)), None if decimals in (None, "") else int(decimals))


@register.filter
def phan_tram(value):
    """``{{ pct|phan_tram }}`` → "101,77%"."""
    if value is None:
        return ""
    return format_number(value, 2, "%")


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None
