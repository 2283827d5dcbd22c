"""The OpenAPI schema of the sync API: for staff, or for anyone when DEBUG is on (local development)."""

import copy

from django.conf import settings
from django.http import Http404
from drf_spectacular.authentication import SessionScheme as DrfSessionScheme
from drf_spectacular.views import SpectacularAPIView

from casefile.api_errors import SIGNED_OUT


class SchemaApi(SpectacularAPIView):
    """In production everyone else gets 404: the site does not advertise its API to strangers."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not (settings.DEBUG or request.user.is_staff):
            raise Http404


class SessionScheme(DrfSessionScheme):
    """Our session authentication is DRF's with a 401 challenge: the same cookie in the schema."""

    target_class = "casefile.authentication.SessionAuthentication"


SIGNED_OUT_RESPONSE = {
    "description": "Not signed in, or the session has ended: sign in again.",
    "headers": {"WWW-Authenticate": {"schema": {"type": "string", "enum": ["Session"]}}},
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"detail": {"type": "string", "example": SIGNED_OUT}},
                "required": ["detail"],
            }
        }
    },
}


def document_signed_out_answers(result, generator, request, public):
    """Every operation that needs a session also answers 401: say so, so clients and schemathesis expect it."""
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security", [])
            if security and {} not in security:
                operation["responses"].setdefault("401", copy.deepcopy(SIGNED_OUT_RESPONSE))
    return result
