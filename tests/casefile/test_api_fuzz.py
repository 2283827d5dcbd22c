"""Schemathesis against the sync API's OpenAPI schema, through the WSGI app (no network, no server).

Every request is made as a signed-in person with a valid CSRF token, through the real
middleware and CSRF checks (not a test client with CSRF switched off): the cookie carries a
token and the X-CSRFToken header repeats it, as the case-file page does. Each case gets a
fresh session, because cases that sign out, sign in or delete the account end the one
before. Cases on a collection use the person's own, so pull and push reach the database.

Checks: no 5xx (not_a_server_error) and every documented response matches its schema
(response_schema_conformance). Examples are bounded per operation so the whole run stays
well under two minutes on two cores; register and login hash with Argon2 only when a
generated body is valid, which bounded examples keep rare.
"""

import os
from collections import Counter

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from casefile.accounts import services as accounts
from casefile.sync.services import create_collection
from tests.casefile.sync_api_schema import CSRF_TOKEN, in_the_test_transaction, load_sync_api

pytestmark = pytest.mark.django_db

# Per operation and phase; FUZZ_EXAMPLES=300 for a longer hunt.
EXAMPLES_PER_OPERATION = int(os.environ.get("FUZZ_EXAMPLES", "30"))
cases_run: Counter = Counter()


@pytest.fixture(scope="module", autouse=True)
def report_cases(request):
    """Say how many cases ran, in the test run's own output."""
    yield
    if not cases_run:
        return
    operations = sorted(operation for operation, count in cases_run.items() if count > 1)
    line = f"schemathesis: {sum(cases_run.values())} cases; {len(operations)} operations with more than one: "
    line += ", ".join(f"{operation} {cases_run[operation]}" for operation in operations)
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        request.config.pluginmanager.get_plugin("terminalreporter").write_line(line)


@pytest.fixture(autouse=True)
def sharing_the_test_transaction():
    with in_the_test_transaction():
        yield


@pytest.fixture
def person(db):
    account = accounts.register(
        username="fuzz",
        auth_key=bytes(32),
        wrapped_vault_key=bytes(60),
        recovery_wrapped_vault_key=bytes(60),
        recovery_key=bytes(32),
    )
    return account.user, create_collection(user=account.user)


api = load_sync_api()


@api.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_sync_api_never_fails_and_answers_as_its_schema_says(case, person):
    user, collection = person
    cache.clear()  # the per-address throttle would turn most cases into 429s
    browser = Client()
    browser.force_login(user)
    if "collection_id" in (case.path_parameters or {}):
        case.path_parameters = {**case.path_parameters, "collection_id": str(collection.id)}
    session = browser.cookies["sessionid"].value
    case.call_and_validate(
        # identity: the WSGI test client does not undo GZipMiddleware, as a browser would.
        headers={"X-CSRFToken": CSRF_TOKEN, "Accept-Encoding": "identity"},
        cookies={"sessionid": session, "csrftoken": CSRF_TOKEN},
        checks=[not_a_server_error, response_schema_conformance],
    )
    cases_run[f"{case.method} {case.path}"] += 1
