"""The one place errors become HTTP answers: a status per family, and a `{"detail", "code"}` body.

Every error body, domain or DRF's own, carries a sentence to show (`detail`) and a stable `code`
for clients to act on. A serializer's field errors keep their per-field lists beside those two.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response

from casefile import errors
from casefile.accounts.devices import ACCOUNT_DELETED, PASSPHRASE_CHANGED, ended_because

SIGNED_OUT = "You are signed out. Unlock your case file with your passphrase to sign in again."
# Why another device ended this one's session, said to this device alone (devices.end_sessions).
ENDED_ELSEWHERE = {
    PASSPHRASE_CHANGED: errors.PassphraseChangedElsewhere,
    ACCOUNT_DELETED: errors.AccountDeletedElsewhere,
}

STATUS_BY_FAMILY = {
    errors.SignedOut: status.HTTP_401_UNAUTHORIZED,
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
        body = {error.field: [str(error.message)], "detail": str(error.message), "code": error.code}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    response = Response({"detail": str(error.message), "code": error.code, **error.extra}, status=status_for(error))
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
    # As DRF's handler does, so that these answers get a code too.
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.NotAuthenticated):
        if ended := ENDED_ELSEWHERE.get(ended_because(context["request"])):
            response = error_response(ended())
            if getattr(exc, "auth_header", None):
                response["WWW-Authenticate"] = exc.auth_header
            return response
        exc.detail = exceptions.ErrorDetail(SIGNED_OUT, code=exc.default_code)
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.APIException):
        response.data = _with_detail_and_code(exc, response.data)
    return response


def _first_message(errors_found) -> str:
    """The first sentence in a serializer's nested errors (dicts of lists, lists of dicts)."""
    if isinstance(errors_found, dict):
        errors_found = list(errors_found.values())
    if isinstance(errors_found, list):
        return _first_message(errors_found[0]) if errors_found else ""
    return str(errors_found)


def _with_detail_and_code(exc: exceptions.APIException, data) -> dict:
    if isinstance(exc, exceptions.ValidationError):
        fields = data if isinstance(data, dict) else {"non_field_errors": data}
        return {**fields, "detail": _first_message(fields) or str(exc.default_detail), "code": "invalid"}
    codes = exc.get_codes()
    code = codes if isinstance(codes, str) else exc.default_code
    return {**(data if isinstance(data, dict) else {"detail": str(exc.detail)}), "code": code}
