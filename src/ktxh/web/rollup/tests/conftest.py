"""A small generated country: 2 provinces, 20 communes, 3 of them merged in 2025."""

import pytest
from django.core.cache import cache

from ktxh.scale.generator import Size
from ktxh.scale.load import load

SMALL = Size(provinces=2, communes=20, mergers=3, former=8, indicators=60, targets=25, first_year=2024, years=2)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def country(db):
    return load(SMALL, progress=False)
