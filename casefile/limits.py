"""Every limit and rule the case-file server enforces, in one place.

Serializers, services and the app-shell page read them from here; the ones people may
tune come from settings (see falseos/settings.py), the rest are fixed by the formats.
"""

from django.conf import settings

# An encrypted record holds at least its 12-byte nonce and 16-byte tag.
MIN_CIPHERTEXT_BYTES = 12 + 16
# A key wrapped for storage: the device's sealed box is far below this.
MAX_WRAPPED_KEY_BYTES = 512
# Each chunk is one stored object: cap them, so tiny chunks cannot fill a disk with files.
BLOB_MAX_CHUNKS = 4096
# The largest original file a device will add (50 MiB); BLOB_MAX_BYTES adds room for encryption's extra bytes.
FILE_MAX_BYTES = 50 * 1024 * 1024
# What sealing a file adds (static/js/casefile/crypto.js, seal): a format byte, the 12-byte nonce, the 16-byte tag.
SEALED_FILE_EXTRA_BYTES = 1 + 12 + 16
# The shortest passphrase the device accepts: the passphrase never reaches the server, so only the device can check.
MIN_PASSPHRASE_LENGTH = 8
# Account names: what the sign-in forms and the server accept.
USERNAME_PATTERN = r"^[A-Za-z0-9_.-]{3,40}$"


def base64_length(size: int) -> int:
    """The length of `size` bytes written in base64 (padded)."""
    return 4 * ((size + 2) // 3)


def largest_file() -> int:
    """The largest original file a device may add: FILE_MAX_BYTES, or less when BLOB_MAX_BYTES is set lower.

    Checked on the device before it seals and queues a file, so it never keeps one the server will refuse.
    """
    return min(FILE_MAX_BYTES, settings.BLOB_MAX_BYTES - SEALED_FILE_EXTRA_BYTES)


def device_limits() -> dict:
    """What the case-file page hands its scripts (static/js/casefile/limits.js), so the device never holds a copy.

    Read at each request: settings people tune reach the page without anyone editing JavaScript.
    """
    return {
        "syncPageSize": settings.SYNC_PAGE_SIZE,
        "syncMaxBatch": settings.SYNC_MAX_BATCH,
        "blobChunkBytes": settings.BLOB_CHUNK_BYTES,
        "blobMaxBytes": settings.BLOB_MAX_BYTES,
        "fileMaxBytes": largest_file(),
        "minPassphraseLength": MIN_PASSPHRASE_LENGTH,
        "usernamePattern": USERNAME_PATTERN,
    }
