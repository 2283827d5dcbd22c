"""Request logs name the route a request matched, never its path or query string."""

import logging
import uuid

from django.test import RequestFactory

from falseos.log_filters import RoutesNotPaths

COLLECTION = uuid.uuid4()


def filtered(name: str, message: str, *args, **extra) -> str:
    record = logging.LogRecord(name, logging.WARNING, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    assert RoutesNotPaths().filter(record)
    return record.getMessage()


def test_it_logs_the_route_instead_of_the_path_of_a_django_request():
    request = RequestFactory().get(f"/api/v1/collections/{COLLECTION}/records/")
    line = filtered("django.request", "%s: %s", "Not Found", request.path, request=request)
    assert line == "Not Found: /api/v1/collections/<uuid:collection_id>/records/"


def test_it_logs_the_route_instead_of_the_request_line_of_the_development_server():
    line = filtered(
        "django.server", '"%s" %s %s', f"GET /api/v1/collections/{COLLECTION}/records/?since=1.2 HTTP/1.1", "200", "9"
    )
    assert line == '"GET /api/v1/collections/<uuid:collection_id>/records/ HTTP/1.1" 200 9'


def test_it_hides_paths_that_match_no_route():
    request = RequestFactory().get(f"/nothing/{COLLECTION}/")
    assert filtered("django.request", "%s: %s", "Not Found", request.path, request=request) == "Not Found: (no route)"


def test_it_leaves_other_records_alone():
    assert filtered("axes", "AXES: %s", "something") == "AXES: something"
