"""Who is asking the case-file API: the session cookie, and a clear 401 when there is no live session.

DRF answers 403 to anonymous requests when the authentication class offers no
`WWW-Authenticate` challenge, and the page could not tell "signed out" from "refused".
Here a request with no session, an ended one (signed out from another device, a
passphrase change, expiry) gets 401 with `WWW-Authenticate: Session`; 403 stays for CSRF
failures and anything else refused to a signed-in person.
"""

from rest_framework import authentication, exceptions

SIGNED_OUT = "You are signed out. Unlock your case file with your passphrase to sign in again."


class SessionAuthentication(authentication.SessionAuthentication):
    def authenticate_header(self, request) -> str:
        return "Session"


def exception_handler(exc, context):
    """DRF's handler, with one plain sentence for a signed-out request instead of "credentials were not provided"."""
    # Imported here: rest_framework.views imports this module (through its settings) while it loads.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, exceptions.NotAuthenticated):
        exc.detail = exceptions.ErrorDetail(SIGNED_OUT, code=exc.default_code)
    return drf_exception_handler(exc, context)
