"""The OpenAPI schema validates, and schemathesis finds no server error, in-process over WSGI.

Bounded: a few examples per operation, signed in as a commune leader (who may call most
endpoints) so the requests reach the code behind the authentication.
"""

import pytest
import schemathesis
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
    return {"Authorization": f"Bearer {ApiToken.issue(w.leader)}"}


@schema.parametrize()
@settings(
    max_examples=4, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_server_error(case, auth):
    case.call_and_validate(headers=auth, checks=[not_a_server_error, response_schema_conformance])
