"""Schemathesis in stateful mode: sequences of calls that feed one answer's ids into the next.

The links between operations are the ones schemathesis infers from the schema (a new case
file's `id` goes to pull, push and new files; a new file's `id` to its chunks, status and
deletion), so a scenario creates a case file, uploads to it, reads it back and deletes it.
Everything runs through the WSGI app as one signed-in person. Each scenario is rolled back
when it ends, so every scenario starts from the same data and the same session.

Checks, on every step: no 5xx, documented answers match the schema, a resource deleted is
gone (`use_after_free`) and one just created is there (`ensure_resource_availability`), and
`ignored_auth`: for every operation that needs a session, the same request without one, and
with a made-up one, must be refused. Whether one person can reach another's data is
`test_every_endpoint_access.py`'s job: this runs as one person.
"""

import os
from collections import Counter

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    ensure_resource_availability,
    ignored_auth,
    response_schema_conformance,
    use_after_free,
)

from casefile.accounts import services as accounts
from casefile.sync.services import create_collection
from tests.casefile.sync_api_schema import CSRF_TOKEN, in_the_test_transaction, load_sync_api, sync_api_document

pytestmark = pytest.mark.django_db

SCENARIOS = int(os.environ.get("FUZZ_SCENARIOS", "40"))
STEPS_PER_SCENARIO = 10
CHECKS = [not_a_server_error, response_schema_conformance, use_after_free, ensure_resource_availability, ignored_auth]


@pytest.fixture
def person(db):
    account = accounts.register(
        username="stateful",
        auth_key=os.urandom(32),  # never guessed, so no step can delete the account
        wrapped_vault_key=bytes(60),
        recovery_wrapped_vault_key=bytes(60),
        recovery_key=os.urandom(32),
    )
    create_collection(user=account.user)  # something to list from the start
    return account.user


def test_sequences_of_calls_never_fail_and_every_operation_needs_a_session(person, request):
    api = load_sync_api()

    browser = Client()
    browser.force_login(person)
    session = browser.cookies["sessionid"].value  # made before any scenario, so no rollback takes it away

    @api.auth()
    class SignedIn:
        """The person's session, with the CSRF token the case-file page sends."""

        def get(self, case, context):
            return session

        def set(self, case, data, context):
            case.cookies = {**(case.cookies or {}), "sessionid": data, "csrftoken": CSRF_TOKEN}
            # identity: the WSGI test client does not undo GZipMiddleware, as a browser would.
            case.headers = {**(case.headers or {}), "X-CSRFToken": CSRF_TOKEN, "Accept-Encoding": "identity"}

    steps: Counter = Counter()
    scenarios: Counter = Counter()

    class Workflow(api.as_state_machine()):
        def setup(self):
            # Each scenario starts from the same data, so Hypothesis can replay and shrink it. That includes the
            # session: a scenario that signs this device out has it back for the next one.
            self.savepoint = transaction.savepoint()
            scenarios["run"] += 1

        def teardown(self):
            transaction.savepoint_rollback(self.savepoint)
            super().teardown()

        def before_call(self, case):
            cache.clear()  # throttles and lockouts count per person and address; here that is every step

        def after_call(self, response, case):
            super().after_call(response, case)
            steps[f"{case.method} {case.path} {response.status_code}"] += 1

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS, transport_kwargs=kwargs or None, recorder=self.recorder)

    with in_the_test_transaction():
        Workflow.run(
            settings=settings(
                max_examples=SCENARIOS,
                stateful_step_count=STEPS_PER_SCENARIO,
                deadline=None,
                suppress_health_check=list(HealthCheck),
                database=None,
            )
        )

    report(request, steps, scenarios["run"])
    assert scenarios["run"] >= SCENARIOS
    assert sum(steps.values()) >= scenarios["run"]  # every scenario made at least one call
    # The links worked: ids from earlier answers reached the operations that need them, and were answered.
    answered = Counter()
    for key, count in steps.items():
        _method, path, status = key.split(" ")
        if status in {"200", "201", "204", "409"}:
            answered["{collection_id}" in path, "{blob_id}" in path] += count
    assert answered[True, False] >= 1  # pull, push or a new file in a case file made or listed earlier
    assert answered[False, True] >= 1  # a chunk, status, download or deletion of a file started earlier


def test_only_the_sign_in_operations_work_without_a_session():
    # ignored_auth takes the schema's word for which operations need a session, and the schema takes the views'
    # permission classes: a view opened to anyone by mistake would be described as open. This list is the guard.
    open_to_anyone = {
        f"{method.upper()} {path}"
        for path, operations in sync_api_document()["paths"].items()
        for method, operation in operations.items()
        if {} in operation.get("security", [{}])
    }
    assert open_to_anyone == {
        "GET /api/v1/auth/csrf/",
        "POST /api/v1/auth/salt/",
        "POST /api/v1/auth/register/",
        "POST /api/v1/auth/login/",
        "POST /api/v1/auth/recover/",
        "POST /api/v1/auth/logout/",  # ending no session is harmless, and a locked device always ends its own
    }


def report(request, steps: Counter, scenarios: int) -> None:
    """Say how many steps ran, and what they answered, in the test run's own output."""
    line = f"schemathesis stateful: {sum(steps.values())} steps in {scenarios} scenarios: "
    line += ", ".join(f"{key} x{count}" for key, count in sorted(steps.items()))
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        request.config.pluginmanager.get_plugin("terminalreporter").write_line(line)
