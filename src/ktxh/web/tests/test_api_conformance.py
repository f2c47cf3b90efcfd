"""schemathesis with all its checks over every operation, as a commune leader and as an officer:
no server error, no status the schema does not declare, every body as declared (issue 13 item 9).

The errors (400, 401, 403, 404, 409, 422 with ``{"detail"}``) are declared on every operation by
``ktxh.web.api.KtxhApi``; what the schema allows, the API accepts.
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from ktxh.web.accounts.models import ApiToken
from ktxh.web.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
# What the schema allows is accepted: never a 422 (the schema's own validation) for data it declares
# valid. A 400 is a rule of the work the schema documents on every operation and cannot state as
# JSON Schema — a term plan is five years, a target's year lies in its plan, a month needs its number.
schema.config.checks.positive_data_acceptance.expected_statuses = ["2xx", "3xx", "400", "401", "403", "404", "409", "429"]  # 429: the lockout after repeated wrong passwords (POST /api/token)


def test_every_operation_declares_its_errors():
    for path, operations in schema.raw_schema["paths"].items():
        for method, operation in operations.items():
            declared = {str(s) for s in operation["responses"]}
            assert {"400", "401", "403", "404", "409", "422"} <= declared, (method, path, declared)


@pytest.fixture(params=["leader", "officer"])
def auth(request, w):
    # A WSGI request closes the database connection when it ends, which would end the test's
    # transaction; Django's own test client holds these signals back the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield {"Authorization": f"Bearer {ApiToken.issue(getattr(w, request.param))}"}
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=4, deadline=None, derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_all_checks(case, auth):
    case.call_and_validate(headers=auth)  # every check schemathesis has
