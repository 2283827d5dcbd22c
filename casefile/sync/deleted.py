"""Recently deleted records: what each held before its deletion, kept DELETED_KEEP_DAYS.

The server still reads nothing: it keeps the ciphertext, and a device restores a record by
pushing that ciphertext back as the record's next version (the push then forgets the copy).
At most DELETED_RECORDS_MAX_BYTES are kept per collection; past that the oldest copies go.
"""

from collections.abc import Iterable
from datetime import timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone

from casefile.models import Collection, DeletedRecord, Record

# A device lists at most this many, newest first: enough for any one person's undo.
LIST_LIMIT = 500


def cutoff():
    """Deleted before this, it is past DELETED_KEEP_DAYS: purged, and no longer listed."""
    return timezone.now() - timedelta(days=settings.DELETED_KEEP_DAYS)


def past_the_cap(newest_first: Iterable[tuple[Any, int]], cap: int) -> list:
    """The keys of the (key, size) rows, newest first, that do not fit in `cap` bytes: the oldest go first."""
    total, over = 0, []
    for key, size in newest_first:
        total += size
        if total > cap:
            over.append(key)
    return over


def copy_before_deleting(record: Record, now) -> DeletedRecord:
    return DeletedRecord(
        collection_id=record.collection_id,
        record_id=record.record_id,
        ciphertext=bytes(record.ciphertext),
        size=record.size,
        deleted_at=now,
    )


def remember(collection: Collection, copies: list[DeletedRecord], revived: list[UUID]) -> None:
    """Keep the copies of records this push deleted; forget those of records it brought back."""
    gone_again = [copy.record_id for copy in copies]
    if revived or gone_again:
        DeletedRecord.objects.filter(collection=collection, record_id__in=[*revived, *gone_again]).delete()
    if not copies:
        return
    DeletedRecord.objects.bulk_create(copies)
    kept = DeletedRecord.objects.filter(collection=collection)
    if (kept.aggregate(total=Sum("size"))["total"] or 0) > settings.DELETED_RECORDS_MAX_BYTES:
        newest_first = kept.order_by("-deleted_at", "-pk").values_list("pk", "size")
        DeletedRecord.objects.filter(pk__in=past_the_cap(newest_first, settings.DELETED_RECORDS_MAX_BYTES)).delete()


def recently_deleted(collection: Collection) -> QuerySet[DeletedRecord]:
    """Copies still kept, newest first, of records that are still deleted."""
    return collection.deleted_records.filter(deleted_at__gte=cutoff()).order_by("-deleted_at", "-pk")[:LIST_LIMIT]


def expired() -> QuerySet[DeletedRecord]:
    """Copies older than DELETED_KEEP_DAYS: remove_orphan_blobs deletes them."""
    return DeletedRecord.objects.filter(deleted_at__lt=cutoff())
