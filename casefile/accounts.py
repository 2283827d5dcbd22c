"""Accounts for the encrypted case file: salt lookup, register, login, logout.

The passphrase never leaves the device. The device derives, with PBKDF2 and the salt
from here, an auth key (sent, and hashed again with Argon2) and a key-encryption key
(kept). Unknown usernames get a deterministic fake salt, so the salt lookup does not
tell anyone whether an account exists.
"""

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from casefile.models import Account

KDF_ITERATIONS = 600_000
SALT_BYTES = 16


def salt_for(username: str) -> bytes:
    """The salt for a username: stored for real accounts; for unknown names, the same fake one every time."""
    account = Account.objects.filter(user__username=username).only("kdf_salt").first()
    if account:
        return bytes(account.kdf_salt)
    key = hashlib.sha256(b"falseos-fake-salt:" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, username.encode(), hashlib.sha256).digest()[:SALT_BYTES]


class UsernameTaken(Exception):
    pass


@transaction.atomic
def register(
    *, username: str, auth_key: bytes, wrapped_vault_key: bytes, recovery_wrapped_vault_key: bytes, recovery_key: bytes
) -> Account:
    """Create an account. Its salt is the one the lookup already gave out for this name, so nothing changes there."""
    salt = salt_for(username)
    User = get_user_model()
    try:
        user = User.objects.create_user(username=username, password=auth_key.hex())
    except IntegrityError:
        raise UsernameTaken from None
    return Account.objects.create(
        user=user,
        kdf_salt=salt,
        kdf_iterations=KDF_ITERATIONS,
        wrapped_vault_key=wrapped_vault_key,
        recovery_wrapped_vault_key=recovery_wrapped_vault_key,
        recovery_auth_hash=make_password(recovery_key.hex()),
    )


def authenticate_auth_key(*, username: str, auth_key: bytes):
    """The user if the auth key is right; None otherwise, taking as long either way."""
    user = get_user_model().objects.filter(username=username, is_active=True).select_related("account").first()
    if user is None or not hasattr(user, "account"):
        make_password(auth_key.hex())  # spend the same Argon2 time as a real check
        return None
    return user if check_password(auth_key.hex(), user.password) else None


def sign_in(request: HttpRequest, user) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
