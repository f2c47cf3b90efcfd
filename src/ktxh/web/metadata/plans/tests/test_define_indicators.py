"""Indicators: a rate names its numerator and denominator."""

import pytest
from django.core.exceptions import ValidationError

from ktxh.web.metadata.plans.models import Indicator


def test_rate_needs_numerator_and_denominator(w):
    rate = Indicator(code="ty-le-gd-van-hoa", name="Tỷ lệ hộ đạt gia đình văn hóa", unit="%", field=w.soc, aggregation="rate")
    with pytest.raises(ValidationError) as err:
        rate.full_clean()
    assert "tử số" in str(err.value)
    rate.numerator = Indicator.objects.create(code="ho-van-hoa", name="Số hộ đạt gia đình văn hóa", unit="hộ", field=w.soc)
    rate.denominator = Indicator.objects.create(code="tong-ho", name="Tổng số hộ", unit="hộ", field=w.soc)
    rate.full_clean()


def test_only_a_rate_has_numerator(w):
    w.grain.numerator = w.poor
    with pytest.raises(ValidationError):
        w.grain.full_clean()
