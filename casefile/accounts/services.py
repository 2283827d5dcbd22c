"""Accounts for the encrypted case file: salt lookup, register, login, logout.

The passphrase never leaves the device. The device derives, with PBKDF2 and the salt
from here, an auth key (sent, and hashed again with Argon2) and a key-encryption key
(kept). Unknown usernames get a deterministic fake salt, so the salt lookup does not
tell anyone whether an account exists.
"""

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import get_user_model, login, update_session_auth_hash
from django.contrib.auth.hashers import check_password, make_password
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpRequest

from casefile.accounts import device_cookies, devices, lockout, sessions
from casefile.links import services as links
from casefile.models import Account, Blob, Collection, DeviceSession
from casefile.sync.services import delete_blob_files_on_commit, delete_collections

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


def _secret_matches(secret: bytes, encoded: str | None) -> bool:
    """Check a key against its Argon2 hash; with no hash (no such account), spend the same time and say no."""
    if encoded is None:
        make_password(secret.hex())
        return False
    return check_password(secret.hex(), encoded)


def authenticate_auth_key(request: HttpRequest, *, username: str, auth_key: bytes):
    """The user if the auth key is right; None otherwise, taking as long either way.

    Raises TooManyAttempts if this device (or, for a device that has not signed in as this name,
    those devices together) has had too many wrong tries at this name.
    """
    lockout.refuse_if_locked_out(request, username)
    users = get_user_model().objects.filter(username=username, is_active=True, account__isnull=False)
    user = users.select_related("account").first()
    if not _secret_matches(auth_key, user and user.password):
        lockout.record_failure(request, username)
        return None
    lockout.record_success(request, username)
    return user


def check_passphrase(request: HttpRequest, *, user, auth_key: bytes) -> bool:
    """Whether a signed-in person's auth key is right.

    Wrong tries count towards this device's own lockout for signing in, never anyone else's: other
    clients' wrong tries do not stop a signed-in session changing the passphrase or deleting.
    """
    lockout.refuse_if_locked_out(request, user.get_username(), signed_in=True)
    if user.check_password(auth_key.hex()):
        lockout.record_success(request, user.get_username(), signed_in=True)
        return True
    lockout.record_failure(request, user.get_username(), signed_in=True)
    return False


def confirm_passphrase(request: HttpRequest, *, user, auth_key: bytes) -> bool:
    """check_passphrase, and a right one makes this session fresh for deleting and account changes."""
    if not check_passphrase(request, user=user, auth_key=auth_key):
        return False
    sessions.mark_confirmed(request)
    return True


def sign_in(request: HttpRequest, user) -> None:
    # Django's login() keeps the session key when the same person signs in again; a sign-in must
    # always start a new session, so a key someone copied before it stops working now.
    request.session.cycle_key()
    request.session.pop(devices.ENDED_BECAUSE, None)  # why an earlier session here ended: no longer true
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    devices.record_sign_in(request, user)
    device_cookies.earn(request, user.get_username())


RECOVERED_SESSION_KEY = "casefile_recovered"


def recovered_recently(request: HttpRequest) -> bool:
    """A session opened with the recovery code sets a new passphrase without the old one, but only for a while."""
    recovered_at = request.session.get(RECOVERED_SESSION_KEY)
    # True in sessions from before this limit: long past it.
    return type(recovered_at) is int and sessions.is_fresh(recovered_at)


def recover(request: HttpRequest, *, username: str, recovery_key: bytes):
    """Sign in with the recovery code's key. The session may then set a new passphrase without the old one.

    The recovery code has its own lockout counter, so it still works on a device locked out of the passphrase.
    """
    lockout.refuse_if_locked_out(request, username, secret=lockout.RECOVERY_CODE)
    account = Account.objects.filter(user__username=username, user__is_active=True).select_related("user").first()
    if not _secret_matches(recovery_key, account and account.recovery_auth_hash):
        lockout.record_failure(request, username, secret=lockout.RECOVERY_CODE)
        return None
    lockout.record_success(request, username)
    sign_in(request, account.user)
    request.session[RECOVERED_SESSION_KEY] = sessions.now_seconds()
    return account


@transaction.atomic
def change_passphrase(
    request: HttpRequest,
    *,
    user,
    current_auth_key: bytes | None,
    new_auth_key: bytes,
    wrapped_vault_key: bytes,
    sign_out_other_devices: bool = True,
) -> bool:
    """Re-wrap the vault key under a new passphrase. Nothing is re-encrypted.

    Other devices are signed out, unless the person chose to keep them signed in.
    """
    recovered = recovered_recently(request)
    if not recovered and (
        current_auth_key is None or not check_passphrase(request, user=user, auth_key=current_auth_key)
    ):
        return False
    this_session = request.session.session_key
    # Listed now: this device's session key changes below.
    other_ids = list(devices.signed_in_devices(user).exclude(session_key=this_session).values_list("pk", flat=True))
    user.set_password(new_auth_key.hex())
    user.save(update_fields=["password"])
    Account.objects.filter(user=user).update(wrapped_vault_key=wrapped_vault_key)
    update_session_auth_hash(request, user)  # this device stays signed in, under a new session key
    devices.follow_new_session_key(this_session, request.session.session_key)
    others = DeviceSession.objects.filter(pk__in=other_ids)
    if sign_out_other_devices:
        devices.end_sessions(others, because=devices.PASSPHRASE_CHANGED)
    else:
        devices.keep_signed_in(user, others)
    request.session.pop(RECOVERED_SESSION_KEY, None)
    return True


@transaction.atomic
def replace_recovery_code(
    request: HttpRequest, *, user, auth_key: bytes, recovery_wrapped_vault_key: bytes, recovery_key: bytes
) -> bool:
    """A new recovery code, made on the device: it replaces the old one, which stops working at once.

    Needs the passphrase (its wrong tries count as check_passphrase's do), so a session left open on a
    borrowed phone cannot swap in a code of someone else's choosing.
    """
    if not check_passphrase(request, user=user, auth_key=auth_key):
        return False
    Account.objects.filter(user=user).update(
        recovery_wrapped_vault_key=recovery_wrapped_vault_key, recovery_auth_hash=make_password(recovery_key.hex())
    )
    return True


@transaction.atomic
def delete_account(*, user) -> None:
    """Delete the account, every case file only this person could open, and their evidence files.

    Link groups they shared with others carry on without them, as if they had left.
    """
    for group in Collection.objects.filter(memberships__user=user, kind=Collection.Kind.LINK_GROUP):
        links.leave_group(user=user, group=group)
    mine = Collection.objects.filter(memberships__user=user).values("pk")
    only_mine = (
        Collection.objects.filter(pk__in=mine).annotate(member_count=Count("memberships")).filter(member_count=1)
    )
    delete_collections(collection_ids=list(only_mine.values_list("pk", flat=True)))
    delete_blob_files_on_commit(list(Blob.objects.filter(owner=user).values_list("pk", flat=True)))
    devices.end_sessions(devices.signed_in_devices(user), because=devices.ACCOUNT_DELETED)
    user.delete()
