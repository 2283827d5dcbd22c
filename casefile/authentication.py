"""Who is asking the case-file API: the session cookie, and a clear 401 when there is no live session.

DRF answers 403 to anonymous requests when the authentication class offers no
`WWW-Authenticate` challenge, and the page could not tell "signed out" from "refused".
Here a request with no session, an ended one (signed out from another device, a
passphrase change, expiry) gets 401 with `WWW-Authenticate: Session` (and the sentence
in `casefile.api_errors.SIGNED_OUT`); 403 stays for CSRF failures and anything else
refused to a signed-in person, including FreshSignInRequired when the request needs the
passphrase shown again (casefile.accounts.sessions).
"""

from rest_framework import authentication, permissions

from casefile.accounts.sessions import recently_confirmed
from casefile.errors import FreshSignInRequired


class SessionAuthentication(authentication.SessionAuthentication):
    def authenticate_header(self, request) -> str:
        return "Session"


def require_fresh_sign_in(request) -> None:
    """Refuse unless the passphrase or recovery code was checked in the last FRESH_SIGN_IN_SECONDS."""
    if not recently_confirmed(request.session):
        raise FreshSignInRequired()


class FreshSignIn(permissions.BasePermission):
    """For requests that delete or change the account: a live session is not enough, it must be a fresh one.

    Listed after IsAuthenticated, so a request with no session still hears 401 ("sign in"), not this.
    """

    def has_permission(self, request, view) -> bool:
        require_fresh_sign_in(request)
        return True


SIGNED_IN_AND_FRESH = [permissions.IsAuthenticated, FreshSignIn]
