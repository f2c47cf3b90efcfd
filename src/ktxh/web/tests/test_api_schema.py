"""The OpenAPI schema validates, and schemathesis finds no server error, in-process over WSGI.

Bounded: a few examples per operation, signed in as a commune leader (who may call most
endpoints) so the requests reach the code behind the authentication.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from ktxh.web.accounts.models import ApiToken
from ktxh.web.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


def test_schema_is_valid_openapi():
    schema.validate()
    paths = set(schema.raw_schema["paths"])
    assert {"/api/plans/{plan_id}/evaluation", "/api/actuals/{actual_id}/approve", "/api/token"} <= paths


@pytest.fixture
def auth(w):
    # A WSGI request closes the database connection when it ends, which would end the test's
    # transaction; Django's own test client holds these signals back the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Bearer {ApiToken.issue(w.leader)}"}
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=4, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_server_error(case, auth):
    case.call_and_validate(headers=auth, checks=[not_a_server_error, response_schema_conformance])
