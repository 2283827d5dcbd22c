"""Who is asking the case-file API: the session cookie, and a clear 401 when there is no live session.

DRF answers 403 to anonymous requests when the authentication class offers no
`WWW-Authenticate` challenge, and the page could not tell "signed out" from "refused".
Here a request with no session, an ended one (signed out from another device, a
passphrase change, expiry) gets 401 with `WWW-Authenticate: Session` (and the sentence
in `casefile.api_errors.SIGNED_OUT`); 403 stays for CSRF failures and anything else
refused to a signed-in person.
"""

from rest_framework import authentication


class SessionAuthentication(authentication.SessionAuthentication):
    def authenticate_header(self, request) -> str:
        return "Session"
