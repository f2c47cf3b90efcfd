"""The OpenAPI schema validates (every check over every operation: test_api_conformance.py)."""

import schemathesis

from ktxh.web.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


def test_schema_is_valid_openapi():
    schema.validate()
    paths = set(schema.raw_schema["paths"])
    assert {"/api/plans/{plan_id}/evaluation", "/api/actuals/{actual_id}/approve", "/api/token"} <= paths
