"""The sync API's OpenAPI schema for schemathesis, served by the WSGI app in the test's own transaction."""

import json
from collections.abc import Iterator
from contextlib import contextmanager

import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

CSRF_TOKEN = "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz"  # any 32 letters: Django compares the header with the cookie


def sync_api_document() -> dict:
    """The schema as drf-spectacular builds it (the endpoint itself is staff-only)."""
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


def load_sync_api():
    """The schema for schemathesis, served by the WSGI app."""
    schema = schemathesis.openapi.from_dict(sync_api_document())
    schema.app = WSGIHandler()
    return schema


@contextmanager
def in_the_test_transaction() -> Iterator[None]:
    """Like Django's test client, keep the WSGI app from closing the connection that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
