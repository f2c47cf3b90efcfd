from decimal import Decimal

from ktxh.web.data.tracking.models import Actual
from ktxh.web.metadata.plans.models import Indicator


def put(unit, code, period, value, *, text=None, status="approved"):
    """Set the commune's figure of indicator ``code`` for ``period`` (a new or changed row)."""
    indicator = Indicator.objects.get(code=code)
    value = None if value is None else Decimal(value)
    actual, _ = Actual.objects.update_or_create(
        unit=unit, indicator=indicator, period=period,
        defaults={"text": text or str(value), "value": value, "status": status},
    )
    return actual
