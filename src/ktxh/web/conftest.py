"""Fixtures for the web app's tests (the core's tests need no database and no fixture here)."""

import pytest

from ktxh.web.tests.factories import Api, world


@pytest.fixture
def w(db):
    return world()


@pytest.fixture
def api():
    return Api
