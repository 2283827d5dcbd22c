"""Encrypted case files. The server keeps ciphertext and sync bookkeeping only: see DESIGN.md.

A collection (a case file, later a link group) has a monotonic `seq`. Every write
takes the collection's row lock, bumps `seq` and stamps the record with it, so a
client pulling `seq > cursor` never skips a change, whatever order transactions
commit in.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Collection(models.Model):
    class Kind(models.TextChoices):
        CASE_FILE = "casefile", _("Case file")
        LINK_GROUP = "linkgroup", _("Link group")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.CASE_FILE)
    seq = models.BigIntegerField(default=0)
    # Changes if the server's history of this collection is ever reset, so old cursors are refused (410).
    epoch = models.UUIDField(default=uuid.uuid4, editable=False)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="collections")
    created = models.DateTimeField(auto_now_add=True)
    # Link groups only: the newest group key's number, and whether someone left since it was made,
    # so a remaining member's device should move the group to a new key.
    key_version = models.PositiveIntegerField(default=1)
    rotation_needed = models.BooleanField(default=False)
    # The ciphertext bytes of its records, kept by push under the row lock it already holds, so the
    # storage limits (casefile/sync/quota.py) never have to add up the records themselves.
    record_bytes = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.id}"


class Membership(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.OWNER)
    # A case file's key wrapped with the member's vault key (AES-GCM); for a link group, the group's
    # keyring sealed to the member's public key.
    wrapped_key = models.BinaryField(blank=True, default=b"")
    # Link groups: the newest group key in the keyring above.
    key_version = models.PositiveIntegerField(default=1)
    joined = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["collection", "user"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} in {self.collection}"


class Record(models.Model):
    """One encrypted record. `record_id` is chosen by the client; the server never sees what kind it is."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="records")
    record_id = models.UUIDField()
    version = models.PositiveIntegerField()
    seq = models.BigIntegerField()
    ciphertext = models.BinaryField(blank=True)
    deleted = models.BooleanField(default=False)
    size = models.PositiveIntegerField(default=0)
    updated = models.DateTimeField(auto_now=True)
    # Link groups only: the member who wrote it first, and so the only one who may change or delete it
    # (casefile/record_ids.py). Null in a case file, and for a record whose member has gone.
    author = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="records_written"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["collection", "record_id"], name="unique_record_per_collection")]
        indexes = [models.Index(fields=["collection", "seq"], name="record_collection_seq")]

    def __str__(self) -> str:
        return f"{self.record_id} v{self.version}"


class DeletedRecord(models.Model):
    """What a record held before it was deleted, kept DELETED_KEEP_DAYS so the deletion can be undone.

    Still ciphertext: the device restores it by pushing it back as the record's next version.
    """

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="deleted_records")
    record_id = models.UUIDField()
    ciphertext = models.BinaryField()
    size = models.PositiveIntegerField()
    deleted_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["collection", "record_id"], name="one_deleted_copy_per_record")]
        indexes = [models.Index(fields=["collection", "deleted_at"], name="deleted_record_by_time")]

    def __str__(self) -> str:
        return f"{self.record_id} deleted {self.deleted_at:%Y-%m-%d}"


class Account(models.Model):
    """What the server keeps to let a device unlock: never the passphrase, the vault key or any plaintext.

    The Django user's password field holds the Argon2 hash of the client's HKDF-derived
    auth key. The vault key is stored only wrapped (by the passphrase KEK, and by the
    recovery code's KEK).
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account")
    kdf_salt = models.BinaryField()
    kdf_iterations = models.PositiveIntegerField()
    wrapped_vault_key = models.BinaryField()
    recovery_wrapped_vault_key = models.BinaryField()
    recovery_auth_hash = models.CharField(max_length=255)
    # For linked cases: an ECDH P-256 public key (uncompressed point), and its private half wrapped by the vault key.
    public_key = models.BinaryField(blank=True, default=b"")
    wrapped_private_key = models.BinaryField(blank=True, default=b"")
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Account of {self.user}"


class InviteQuerySet(models.QuerySet):
    def unused(self):
        """Neither used nor withdrawn: what a new group key must withdraw."""
        return self.filter(used__isnull=True, revoked_at__isnull=True)

    def still_open(self):
        """Unused and not yet expired: what still lets someone join."""
        return self.unused().filter(expires__gt=timezone.now())


class Invite(models.Model):
    """A single-use invite to a link group. The link's secret never reaches the server.

    The inviter's device derives, from the secret, a key that seals `sealed` (who invites, the
    group's name and keyring) and a join proof; the server keeps only the proof's SHA-256.
    """

    id = models.UUIDField(primary_key=True, editable=False)
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="invites")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="invites_made"
    )
    proof_hash = models.CharField(max_length=64)
    sealed = models.BinaryField()
    key_version = models.PositiveIntegerField()
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    used = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="invites_used"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InviteQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Invite {self.id}"


class Blob(models.Model):
    """An encrypted attachment, uploaded in chunks. The server never learns its name, type or contents.

    Chunks are stored in the "blobs" storage as `<id>/<index>`; `chunks` says how many,
    so reading them back needs no directory listing.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blobs")
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="blobs")
    size = models.PositiveBigIntegerField(help_text="Declared total bytes of ciphertext.")
    received = models.PositiveBigIntegerField(default=0)
    chunks = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    completed = models.DateTimeField(null=True, blank=True)
    # Deleted files are kept DELETED_KEEP_DAYS, so a deletion can be undone; then remove_orphan_blobs purges them.
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["completed", "updated"], name="blob_unfinished"),
            models.Index(fields=["owner", "deleted_at"], name="blob_deleted_by_owner"),
        ]

    def __str__(self) -> str:
        return f"Blob {self.id}"

    @property
    def complete(self) -> bool:
        return self.completed is not None


class DeviceSession(models.Model):
    """A signed-in device, so the person can see where they are signed in and sign a device out.

    Only what the "Your devices" list shows: the browser and system in a few words, and when.
    Never the address or anything finer.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="device_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    device = models.CharField(max_length=100)
    signed_in = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.device} of {self.user}"
