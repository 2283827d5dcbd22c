"""Domain errors: what went wrong, in words a person can act on, with a stable `code`.

Services raise these and know nothing of HTTP. `casefile.api_errors.exception_handler`
turns each family into its status code and the JSON body `{"detail": …}`
(plus any extra fields, such as `received` for a chunk sent at the wrong offset).
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def format_bytes(size: int) -> str:
    """A size as people say it: 50 MB, 1.5 GB. Rounded down, so a limit is never overstated."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            tenths = size * 10 // scale
            return f"{tenths // 10} {unit}" if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10} {unit}"
    return f"{size} bytes"


class CasefileError(Exception):
    """Base of every domain error. `message` is the default sentence; `extra` adds fields to the answer."""

    code = "error"
    message = gettext_lazy("Something went wrong. Try again.")

    def __init__(self, message: str | None = None, **extra):
        self.message = message if message is not None else self.message
        self.extra = extra
        super().__init__(str(self.message))


# Families: the exception handler gives each one status code.
class Invalid(CasefileError):
    """Bad input. With `field`, the answer names the field, as a serializer's error would."""

    code = "invalid"

    def __init__(self, message: str | None = None, *, field: str | None = None, **extra):
        super().__init__(message, **extra)
        self.field = field


class SignedOut(CasefileError):
    """No live session: only the passphrase signs this device in again."""

    code = "signed_out"


class Forbidden(CasefileError):
    code = "permission_denied"


class NotFound(CasefileError):
    code = "not_found"


class Conflict(CasefileError):
    code = "conflict"


class Gone(CasefileError):
    code = "gone"


class TooLarge(CasefileError):
    code = "too_large"


class TooManyTries(CasefileError):
    code = "locked_out"


class Unavailable(CasefileError):
    """Nothing was done; try again after `retry_after` seconds."""

    code = "try_again"
    retry_after = 5


# Sync
class LimitReached(Conflict):
    code = "limit_reached"


class IdTaken(Conflict):
    """One's own id, sent again for something different."""

    code = "id_taken"
    message = gettext_lazy("That id is already in use. Choose another.")


class NotYours(NotFound):
    """An id someone else already uses: answered exactly as an id nobody uses is when you reach for it,
    the API's 404 body, so a create says no more about other people's things than any other request."""

    message = gettext_lazy("Not found.")


class CursorReset(Gone):
    code = "cursor_reset"
    message = gettext_lazy("This sync position is no longer valid. Start again from the beginning.")


class PayloadTooLarge(TooLarge):
    code = "payload_too_large"
    message = gettext_lazy("This upload is too large. Send fewer records at a time.")


class RecordStorageFull(TooLarge):
    """Past RECORD_QUOTA_BYTES: the records of every case file and group the collection's starter started."""

    code = "record_storage_full"

    def __init__(self, *, group: bool):
        quota = {"quota": format_bytes(settings.RECORD_QUOTA_BYTES)}
        if group:
            message = _(
                "The person who started this group has used all their storage (%(quota)s), so the group cannot "
                "take more just now. Your changes are safe on this device."
            )
        else:
            message = _(
                "Your case files are full (%(quota)s). Delete some entries, or export and remove old case files, "
                "to make room. Your changes are safe on this device."
            )
        super().__init__(message % quota)


class GroupFull(TooLarge):
    code = "group_full"

    def __init__(self):
        message = _(
            "This group is full (%(quota)s of shared records). Delete some of its notes or references "
            "to make room. Your changes are safe on this device."
        )
        super().__init__(message % {"quota": format_bytes(settings.LINK_GROUP_QUOTA_BYTES)})


class NothingSaved(Unavailable):
    message = gettext_lazy(
        "The server could not save your changes just now. They are safe on this device; try again soon."
    )


# Evidence
class BlobTooBig(TooLarge):
    code = "blob_too_big"

    def __init__(self):
        # Rounded down, the encryption's headroom disappears: 50 MiB + 64 KiB reads "50 MB".
        largest = format_bytes(settings.BLOB_MAX_BYTES)
        super().__init__(_("This file is too big. The largest file you can add is %(largest)s.") % {"largest": largest})


class StorageFull(TooLarge):
    code = "storage_full"

    def __init__(self):
        message = _(
            "Your storage is full (%(quota)s). Delete some evidence files, "
            "or export and remove old case files, to make room."
        )
        super().__init__(message % {"quota": format_bytes(settings.BLOB_QUOTA_BYTES)})


class ChunkTooBig(TooLarge):
    code = "chunk_too_big"

    def __init__(self):
        # `largest` rides along: a device whose saved page has an older BLOB_CHUNK_BYTES carries on with this one.
        message = _("Send at most %(bytes)s bytes at a time.") % {"bytes": f"{settings.BLOB_CHUNK_BYTES:,}"}
        super().__init__(message, largest=settings.BLOB_CHUNK_BYTES)


class ChunkRefused(Invalid):
    code = "chunk_refused"


class WrongOffset(Conflict):
    """Where the server's copy ends rides along as `received`, so the device resumes from there."""

    code = "wrong_offset"

    def __init__(self, received: int):
        message = _("The server has the first %(received)s bytes. Continue from there.") % {"received": f"{received:,}"}
        super().__init__(message, received=received)


class BlobIncomplete(Conflict):
    code = "blob_incomplete"
    message = gettext_lazy("This file has not finished uploading.")


# Accounts
class TooManyAttempts(TooManyTries):
    pass


class FreshSignInRequired(Forbidden):
    """The device answers by confirming the passphrase (auth/confirm/) and sending the request again."""

    code = "fresh_sign_in_required"
    message = gettext_lazy("To keep your case file safe, enter your passphrase again to do this.")

    def __init__(self):
        # The code rides in the body now, so the device can tell this 403 from any other.
        super().__init__(code=self.code)


class PassphraseChangedElsewhere(SignedOut):
    """This device's session ended because the passphrase was changed on another device.

    Said only to the device holding that session (casefile.accounts.devices.end_sessions); the code rides in
    the body, so the device stops opening its copy with the old passphrase.
    """

    code = "passphrase_changed"
    message = gettext_lazy("The passphrase for this account was changed on another device. Enter the new one.")


class AccountDeletedElsewhere(SignedOut):
    """This device's session ended because the account was deleted on another device.

    Said, as PassphraseChangedElsewhere is, only to the device holding that session: the device
    removes its own copy, which nothing could open again.
    """

    code = "account_deleted"
    message = gettext_lazy("This account was deleted on another device, with every case file in it.")

    def __init__(self):
        super().__init__(code=self.code)


# Links
class InviteGone(Gone):
    code = "invite_gone"


class InviterLeft(InviteGone):
    code = "inviter_left"
    message = gettext_lazy("The person who made this invite is no longer in the group. Ask for a new link.")


class NotYourRecord(Forbidden):
    """A write to a group record another member wrote. `records` lists the refused ids, so the device can
    drop those writes and send the rest again."""

    code = "not_your_record"
    message = gettext_lazy(
        "You can only change or delete what you shared yourself. Someone else in this group shared this."
    )

    def __init__(self, record_ids: list):
        super().__init__(code=self.code, records=[str(each) for each in record_ids])


class StarterOnly(NotYourRecord):
    """A write to the group's details (its name) by someone other than the person who started it."""

    code = "starter_only"
    message = gettext_lazy("Only the person who started the group can change its name.")
