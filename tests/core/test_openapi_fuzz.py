"""Schemathesis against the site's own OpenAPI description of the visits API.

Every operation of /api/visits/openapi.json is called in-process (WSGI) with values generated
from the schema and outside it; each answer must not be a server error, must be a status the
schema documents, and must match the documented body.  The schema is the contract an outside
booking system builds on, so a drift between it and the code fails here.
"""

import pytest
import schemathesis
import time_machine
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from college.visits.openapi import SCHEMA

schema = schemathesis.openapi.from_dict(SCHEMA)
CHECKS = [
    schemathesis.checks.not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def visits_app(db):
    """The site as a WSGI application, with the demo halls and slots of a fixed day (a Thursday)."""
    from college.core.demo import seed as seed_site
    from college.visits import demo as visits_demo

    with time_machine.travel("2027-03-11T10:00:00+08:00", tick=True):
        seed_site()
        visits_demo.seed()
        # A real WSGI call closes the database connection when the response ends, which would end
        # the test's transaction; Django's own test client keeps it open the same way.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        yield get_wsgi_application()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db(transaction=False)
@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_the_visits_api_keeps_its_openapi_contract(case, visits_app):
    # identity: the site gzips JSON for clients that accept it, and schemathesis' WSGI transport
    # would read the compressed bytes as the body (a real HTTP client decompresses them).
    response = case.call(
        app=visits_app,
        base_url="http://localhost/api/visits",
        headers={"Accept-Encoding": "identity"},
    )
    case.validate_response(response, checks=CHECKS)
