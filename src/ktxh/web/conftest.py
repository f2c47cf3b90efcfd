"""Fixtures for the web app's tests (the core's tests need no database and no fixture here)."""

import pytest

from ktxh.web.tests.factories import Api, world


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Hashing is not under test here; the default hasher's cost would dominate the suite.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def w(db):
    return world()


@pytest.fixture
def api():
    return Api
