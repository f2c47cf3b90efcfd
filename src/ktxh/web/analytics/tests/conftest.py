"""A small generated country: 2 provinces, 20 communes, 3 of them merged in 2025.

Loaded once per test module inside a transaction rolled back at the module's end; each
test runs in a savepoint inside it (pytest-django's ``db``), so tests change it freely.
"""

import pytest
from django.core.cache import cache
from django.db import transaction

from ktxh.scale.generator import Size
from ktxh.scale.load import load

SMALL = Size(provinces=2, communes=20, mergers=3, former=8, indicators=60, targets=18, first_year=2024, years=2)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture(scope="module")
def _loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load(SMALL, progress=False)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def country(_loaded, db):
    return _loaded
