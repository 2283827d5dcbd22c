"""Writes to evidence files (blobs): encrypted on the device, uploaded in chunks, one stored object per chunk."""

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from casefile import limits
from casefile.errors import BlobTooBig, ChunkRefused, IdTaken, NotYours, StorageFull, WrongOffset
from casefile.evidence import blob_store
from casefile.models import Blob, Collection
from casefile.sync import deleted


def check_chunk(blob: Blob, offset: int, length: int) -> None:
    """Refuse a chunk that does not continue the upload exactly where the server's copy ends."""
    if offset != blob.received:
        raise WrongOffset(blob.received)
    if length < 1:
        raise ChunkRefused("This chunk is empty.")
    if offset + length > blob.size:
        raise ChunkRefused(f"This chunk goes past the end of the file ({blob.size:,} bytes).")
    if blob.chunks >= limits.BLOB_MAX_CHUNKS:
        raise ChunkRefused(f"A file can be sent in at most {limits.BLOB_MAX_CHUNKS:,} chunks. Send bigger chunks.")


def _used_bytes(user: AbstractBaseUser) -> int:
    """What counts towards BLOB_QUOTA_BYTES: every file not deleted."""
    return Blob.objects.filter(owner=user, deleted_at__isnull=True).aggregate(total=Sum("size"))["total"] or 0


@transaction.atomic
def create_blob(*, user: AbstractBaseUser, collection: Collection, size: int, blob_id: UUID | None = None) -> Blob:
    """Reserve room for an encrypted file of `size` bytes in a case file. Nothing is stored when refused.

    The device may choose the id (it goes inside the encrypted evidence record before the upload
    starts); asking again for the same file returns the upload already begun, so a retry is safe.
    """
    if blob_id is not None:
        existing = Blob.objects.filter(pk=blob_id).first()
        if existing is not None:
            if existing.owner_id != user.pk:
                raise NotYours()  # the device picks another id and tries again
            if existing.collection_id == collection.pk and existing.size == size:
                existing.created_now = False
                return existing
            raise IdTaken()
    if size > settings.BLOB_MAX_BYTES:
        raise BlobTooBig()
    # Lock the person's row so two uploads started at once cannot both squeeze under the quota.
    get_user_model().objects.select_for_update().only("pk").get(pk=user.pk)
    if _used_bytes(user) + size > settings.BLOB_QUOTA_BYTES:
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
def delete_blob(*, blob: Blob) -> None:
    """Move the file to "Recently deleted": kept DELETED_KEEP_DAYS, at most BLOB_QUOTA_BYTES of them per person."""
    get_user_model().objects.select_for_update().only("pk").get(pk=blob.owner_id)
    Blob.objects.filter(pk=blob.pk, deleted_at__isnull=True).update(deleted_at=timezone.now())
    kept = Blob.objects.filter(owner_id=blob.owner_id, deleted_at__isnull=False).order_by("-deleted_at", "-pk")
    _purge(deleted.past_the_cap(kept.values_list("pk", "size"), settings.BLOB_QUOTA_BYTES))


def _purge(blob_ids: list[UUID]) -> None:
    if blob_ids:
        Blob.objects.filter(pk__in=blob_ids).delete()
        delete_blob_files_on_commit(blob_ids)


@transaction.atomic
def restore_blob(*, blob: Blob) -> Blob:
    """Bring a deleted file back, if the person's storage has room for it again."""
    get_user_model().objects.select_for_update().only("pk").get(pk=blob.owner_id)
    if _used_bytes(blob.owner) + blob.size > settings.BLOB_QUOTA_BYTES:
        raise StorageFull()
    blob.deleted_at = None
    blob.save(update_fields=["deleted_at", "updated"])
    return blob


@dataclass(frozen=True)
class OrphanReport:
    stray_chunks: int
    stale_uploads: int
    stale_chunks: int
    expired_files: int = 0
    expired_records: int = 0


@transaction.atomic
def remove_orphan_blobs(*, dry_run: bool = False) -> OrphanReport:
    """Delete stored chunks with no blob, unfinished uploads with no new chunk for BLOB_INCOMPLETE_MAX_AGE_HOURS,
    and what was deleted more than DELETED_KEEP_DAYS ago (files and record copies): never sooner."""
    expired = list(Blob.objects.filter(deleted_at__lt=deleted.cutoff()).values_list("pk", flat=True))
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
    report = OrphanReport(
        stray, len(stale), sum(blob.chunks for blob in stale), len(expired), deleted.expired().count()
    )
    if dry_run:
        return report
    _purge(expired)
    deleted.expired().delete()
    # Chunks are written only for a blob whose row is already committed, so a directory
    # with no row is never an upload still being created.
    for name in files:
        blob_store.delete_stray(name)
    blob_store.delete_blobs(orphans)
    Blob.objects.filter(pk__in=[blob.pk for blob in stale]).delete()
    delete_blob_files_on_commit([blob.pk for blob in stale])
    return report
