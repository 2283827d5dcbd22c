"""Logging filters: request logs name the route, never the path (paths hold case-file ids).

DESIGN.md, "Logging vs data minimisation": logs keep method, route, status and timing.
"""

import logging
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve


def route_of(path: str) -> str:
    """The URL pattern a path matches, e.g. /api/v1/collections/<uuid:collection_id>/records/."""
    try:
        match = resolve(path)
    except Resolver404:
        return "(no route)"
    return "/" + match.route


class RoutesNotPaths(logging.Filter):
    """Rewrites django.request / django.security (a path argument) and django.server (a request line) records."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not isinstance(record.args, tuple):
            return True
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if isinstance(path, str):
            route = "/" + request.resolver_match.route if getattr(request, "resolver_match", None) else route_of(path)
            record.args = tuple(route if arg == path else arg for arg in record.args)
        elif record.name == "django.server" and record.args and isinstance(record.args[0], str):
            record.args = (self._request_line(record.args[0]), *record.args[1:])
        return True

    @staticmethod
    def _request_line(line: str) -> str:
        parts = line.split(" ")
        if len(parts) != 3:
            return "(unreadable request line)"
        method, target, protocol = parts
        return f"{method} {route_of(urlsplit(target).path)} {protocol}"
