"""Writes to case-file data. Each service is one transaction."""

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID, uuid4

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from rest_framework import status
from rest_framework.exceptions import APIException, ErrorDetail

from casefile import blob_store
from casefile.models import Blob, Collection, Membership, Record


class LimitReached(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "limit_reached"


@dataclass(frozen=True)
class Write:
    record_id: UUID
    base_version: int
    ciphertext: bytes
    deleted: bool


@dataclass(frozen=True)
class WriteResult:
    record_id: UUID
    status: str  # "saved" or "conflict"
    record: Record


class IdTaken(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "id_taken"
    default_detail = "That id is already in use. Choose another."


def create_collection(*, user: AbstractBaseUser, kind: str = Collection.Kind.CASE_FILE) -> Collection:
    return ensure_collection(user=user, kind=kind)[0]


@transaction.atomic
def ensure_collection(
    *,
    user: AbstractBaseUser,
    kind: str = Collection.Kind.CASE_FILE,
    collection_id: UUID | None = None,
    wrapped_key: bytes = b"",
) -> tuple[Collection, bool]:
    """Create a collection the user owns, or return it when this is a retry of the same creation.

    Devices choose the id, so a case file made offline keeps its id when it reaches the server.
    """
    # Lock this user's memberships so two parallel requests cannot both pass the limit.
    owned = list(Membership.objects.select_for_update().filter(user=user))
    if collection_id is not None:
        mine = next((m for m in owned if m.collection_id == collection_id), None)
        if mine is not None:
            return Collection.objects.get(pk=collection_id), False
        if Collection.objects.filter(pk=collection_id).exists():
            raise IdTaken()
    if len(owned) >= settings.SYNC_MAX_COLLECTIONS:
        raise LimitReached(f"You can have up to {settings.SYNC_MAX_COLLECTIONS} case files.")
    collection = Collection.objects.create(kind=kind, **({"id": collection_id} if collection_id else {}))
    Membership.objects.create(collection=collection, user=user, role=Membership.Role.OWNER, wrapped_key=wrapped_key)
    return collection, True


def _is_retry(record: Record, write: Write) -> bool:
    """The same write arriving again (a lost response): already applied, so answer as saved."""
    return (
        record.version == write.base_version + 1
        and record.deleted == write.deleted
        and bytes(record.ciphertext) == write.ciphertext
    )


@transaction.atomic
def push_records(*, collection: Collection, writes: list[Write]) -> list[WriteResult]:
    """Apply a batch under the collection's row lock: each write is saved, or a conflict with the server copy.

    A write counts only if its base_version is the server's current version: versions
    are compared, never timestamps, and no edit is ever silently overwritten.
    """
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    existing = {
        record.record_id: record
        for record in Record.objects.select_for_update().filter(
            collection=collection, record_id__in=[write.record_id for write in writes]
        )
    }
    results, created, changed, now = [], [], [], timezone.now()
    for write in writes:
        record = existing.get(write.record_id)
        current_version = record.version if record else 0
        if record and _is_retry(record, write):
            results.append(WriteResult(write.record_id, "saved", record))
            continue
        if write.base_version != current_version:
            results.append(WriteResult(write.record_id, "conflict", record))
            continue
        collection.seq += 1
        if record is None:
            record = Record(collection=collection, record_id=write.record_id)
            created.append(record)
        else:
            record.updated = now  # bulk_update does not apply auto_now
            changed.append(record)
        record.version = current_version + 1
        record.seq = collection.seq
        record.ciphertext = write.ciphertext
        record.deleted = write.deleted
        record.size = len(write.ciphertext)
        results.append(WriteResult(write.record_id, "saved", record))
    Record.objects.bulk_create(created)
    Record.objects.bulk_update(changed, ["version", "seq", "ciphertext", "deleted", "size", "updated"])
    collection.save(update_fields=["seq"])
    return results


# Evidence files (blobs): encrypted on the device, uploaded in chunks, stored as one object per chunk.

# Each chunk is one stored object: cap them, so tiny chunks cannot fill a disk with files.
BLOB_MAX_CHUNKS = 4096


def format_bytes(size: int) -> str:
    """A size as people read it, rounded down so a limit is never overstated: 52,494,336 -> "50 MB"."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            tenths = size * 10 // scale
            return f"{tenths // 10} {unit}" if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10} {unit}"
    return f"{size} bytes"


class BlobTooBig(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "blob_too_big"

    def __init__(self):
        # Rounded down, the encryption's headroom disappears: 50 MiB + 64 KiB reads "50 MB".
        largest = format_bytes(settings.BLOB_MAX_BYTES)
        super().__init__(f"This file is too big. The largest file you can add is {largest}.")


class StorageFull(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "storage_full"

    def __init__(self):
        quota = format_bytes(settings.BLOB_QUOTA_BYTES)
        super().__init__(
            f"Your storage is full ({quota}). Delete some evidence files, "
            "or export and remove old case files, to make room."
        )


class ChunkTooBig(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "chunk_too_big"

    def __init__(self):
        super().__init__(f"Send at most {settings.BLOB_CHUNK_BYTES:,} bytes at a time.")


class ChunkRefused(APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "chunk_refused"


class WrongOffset(APIException):
    """409 with where the server's copy ends, so the device resumes from there."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "wrong_offset"

    def __init__(self, received: int):
        super().__init__()
        # Set after __init__, which would turn every value into text: `received` stays a number.
        message = f"The server has the first {received:,} bytes. Continue from there."
        self.detail = {"detail": ErrorDetail(message, self.default_code), "received": received}


class BlobIncomplete(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "blob_incomplete"
    default_detail = "This file has not finished uploading."


def check_chunk(blob: Blob, offset: int, length: int) -> None:
    """Refuse a chunk that does not continue the upload exactly where the server's copy ends."""
    if offset != blob.received:
        raise WrongOffset(blob.received)
    if length < 1:
        raise ChunkRefused("This chunk is empty.")
    if offset + length > blob.size:
        raise ChunkRefused(f"This chunk goes past the end of the file ({blob.size:,} bytes).")
    if blob.chunks >= BLOB_MAX_CHUNKS:
        raise ChunkRefused(f"A file can be sent in at most {BLOB_MAX_CHUNKS:,} chunks. Send bigger chunks.")


@transaction.atomic
def create_blob(*, user: AbstractBaseUser, collection: Collection, size: int, blob_id: UUID | None = None) -> Blob:
    """Reserve room for an encrypted file of `size` bytes in a case file. Nothing is stored when refused.

    The device may choose the id (it goes inside the encrypted evidence record before the upload
    starts); asking again for the same file returns the upload already begun, so a retry is safe.
    """
    if blob_id is not None:
        existing = Blob.objects.filter(pk=blob_id).first()
        if existing is not None:
            if existing.owner_id == user.pk and existing.collection_id == collection.pk and existing.size == size:
                existing.created_now = False
                return existing
            raise IdTaken()
    if size > settings.BLOB_MAX_BYTES:
        raise BlobTooBig()
    # Lock the person's row so two uploads started at once cannot both squeeze under the quota.
    get_user_model().objects.select_for_update().only("pk").get(pk=user.pk)
    used = Blob.objects.filter(owner=user).aggregate(total=Sum("size"))["total"] or 0
    if used + size > settings.BLOB_QUOTA_BYTES:
        raise StorageFull()
    blob = Blob.objects.create(owner=user, collection=collection, size=size, **({"id": blob_id} if blob_id else {}))
    blob.created_now = True
    return blob


@transaction.atomic
def append_chunk(*, blob: Blob, offset: int, data: bytes) -> Blob:
    """Store the next chunk under the blob's row lock. The upload is complete when the last byte arrives."""
    blob = Blob.objects.select_for_update().get(pk=blob.pk)
    check_chunk(blob, offset, len(data))
    # Written before the row is updated: if the update is lost, the retry overwrites this chunk.
    blob_store.save_chunk(blob.id, blob.chunks, data)
    blob.received += len(data)
    blob.chunks += 1
    if blob.received == blob.size:
        blob.completed = timezone.now()
    blob.save(update_fields=["received", "chunks", "completed", "updated"])
    return blob


def delete_blob_files_on_commit(blob_ids: list[UUID]) -> None:
    """Delete the stored chunks once the rows are gone for good (never for a rolled-back delete)."""
    if blob_ids:
        names = [str(blob_id) for blob_id in blob_ids]
        transaction.on_commit(lambda: blob_store.delete_blobs(names), robust=True)


@transaction.atomic
def start_new_sync_epochs() -> int:
    """Give every collection a new epoch; returns how many. Run after restoring a backup.

    A device may hold a cursor from the lost server that is ahead of the backup. Once new writes
    take `seq` past it, that cursor would look valid and the device would skip those writes. With a
    new epoch every old cursor answers 410, and each device resyncs from the start.
    """
    ids = list(Collection.objects.select_for_update().values_list("pk", flat=True))
    for pk in ids:
        Collection.objects.filter(pk=pk).update(epoch=uuid4())
    return len(ids)


@transaction.atomic
def delete_blob(*, blob: Blob) -> None:
    Blob.objects.filter(pk=blob.pk).delete()
    delete_blob_files_on_commit([blob.pk])


@transaction.atomic
def delete_collections(*, collection_ids: list[UUID]) -> None:
    """Delete collections with their records and evidence files (the database cascade leaves files behind)."""
    delete_blob_files_on_commit(list(Blob.objects.filter(collection__in=collection_ids).values_list("pk", flat=True)))
    Collection.objects.filter(pk__in=collection_ids).delete()


@dataclass(frozen=True)
class OrphanReport:
    stray_chunks: int
    stale_uploads: int
    stale_chunks: int


@transaction.atomic
def remove_orphan_blobs(*, dry_run: bool = False) -> OrphanReport:
    """Delete stored chunks with no blob, and unfinished uploads with no new chunk for BLOB_INCOMPLETE_MAX_AGE_HOURS."""
    cutoff = timezone.now() - timedelta(hours=settings.BLOB_INCOMPLETE_MAX_AGE_HOURS)
    # Locked, so an upload that is adding a chunk right now finishes first and is then no longer stale.
    stale = list(
        Blob.objects.select_for_update()
        .filter(completed__isnull=True, updated__lt=cutoff)
        .values_list("pk", "chunks", named=True)
    )
    directories, files = blob_store.stored_names()
    known = {str(pk) for pk in Blob.objects.values_list("pk", flat=True)}
    orphans = [name for name in directories if name not in known]
    stray = len(files) + sum(blob_store.count_chunks(name) for name in orphans)
    report = OrphanReport(stray, len(stale), sum(blob.chunks for blob in stale))
    if dry_run:
        return report
    # Chunks are written only for a blob whose row is already committed, so a directory
    # with no row is never an upload still being created.
    for name in files:
        blob_store.delete_stray(name)
    blob_store.delete_blobs(orphans)
    Blob.objects.filter(pk__in=[blob.pk for blob in stale]).delete()
    delete_blob_files_on_commit([blob.pk for blob in stale])
    return report
