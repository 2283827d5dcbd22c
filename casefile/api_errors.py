"""The one place domain errors become HTTP answers: a status per family, and a `{"detail": …}` body.

Each error's stable `code` is kept on the exception; the answers do not carry it yet, so that
this layout change changes no answer (adding it to every error body is issue #18's).
"""

from rest_framework import exceptions, status
from rest_framework.response import Response

from casefile import errors

SIGNED_OUT = "You are signed out. Unlock your case file with your passphrase to sign in again."

STATUS_BY_FAMILY = {
    errors.Invalid: status.HTTP_400_BAD_REQUEST,
    errors.Forbidden: status.HTTP_403_FORBIDDEN,
    errors.NotFound: status.HTTP_404_NOT_FOUND,
    errors.Conflict: status.HTTP_409_CONFLICT,
    errors.Gone: status.HTTP_410_GONE,
    errors.TooLarge: status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    errors.TooManyTries: status.HTTP_429_TOO_MANY_REQUESTS,
    errors.Unavailable: status.HTTP_503_SERVICE_UNAVAILABLE,
}


def status_for(error: errors.CasefileError) -> int:
    for family, code in STATUS_BY_FAMILY.items():
        if isinstance(error, family):
            return code
    return status.HTTP_400_BAD_REQUEST


def error_response(error: errors.CasefileError) -> Response:
    if isinstance(error, errors.Invalid) and error.field:
        return Response({error.field: [str(error.message)]}, status=status.HTTP_400_BAD_REQUEST)
    response = Response({"detail": str(error.message), **error.extra}, status=status_for(error))
    if isinstance(error, errors.Unavailable):
        response["Retry-After"] = str(error.retry_after)
    return response


def exception_handler(exc, context):
    """Domain errors by family; DRF's own, with one plain sentence for a signed-out request."""
    # Imported here: rest_framework.views imports this module (through its settings) while it loads.
    from rest_framework.views import exception_handler as drf_exception_handler
    from rest_framework.views import set_rollback

    if isinstance(exc, errors.CasefileError):
        set_rollback()  # as DRF's handler does for its own errors, under ATOMIC_REQUESTS
        return error_response(exc)
    if isinstance(exc, exceptions.NotAuthenticated):
        exc.detail = exceptions.ErrorDetail(SIGNED_OUT, code=exc.default_code)
    return drf_exception_handler(exc, context)
