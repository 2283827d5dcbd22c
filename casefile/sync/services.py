"""Writes to case-file data. Each service is one transaction."""

from dataclasses import dataclass
from uuid import UUID, uuid4

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from casefile.errors import LimitReached, NotYourRecord, NotYours, StarterOnly
from casefile.evidence.services import delete_blob_files_on_commit
from casefile.models import Blob, Collection, Membership, Record
from casefile.record_ids import details_record_id, own_record_ids
from casefile.sync import deleted
from casefile.sync.bulk import update_rows
from casefile.sync.quota import check_room

# What a write changes in a record's row.
RECORD_CHANGES = ["version", "seq", "ciphertext", "deleted", "size", "updated", "author"]


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
            raise NotYours()  # the device picks another id and tries again
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


def _group_writer(collection: Collection, user: AbstractBaseUser, writes: list[Write], existing: dict) -> Membership:
    """The writer's membership, if every write is theirs to make; the refusal of the whole batch otherwise.

    A member writes only what they wrote first (or what nobody has yet), never another member's name or
    note, and only the person who started the group writes its details.
    """
    memberships = list(Membership.objects.filter(collection=collection))
    writer = next((each for each in memberships if each.user_id == user.pk), None)
    if writer is None:
        raise NotYours()  # removed or left meanwhile: the answer access_collection gives
    details = details_record_id(collection.pk)
    others = {rid for each in memberships if each.pk != writer.pk for rid in own_record_ids(collection.pk, each.pk)}
    not_starter, not_yours = [], []
    for write in writes:
        record = existing.get(write.record_id)
        if write.record_id == details:
            if writer.role != Membership.Role.OWNER:
                not_starter.append(write.record_id)
        elif record is not None and record.author_id is not None:
            if record.author_id != writer.pk:
                not_yours.append(write.record_id)
        elif write.record_id in others:
            not_yours.append(write.record_id)
    if not_starter:
        raise StarterOnly(not_starter + not_yours)
    if not_yours:
        raise NotYourRecord(not_yours)
    return writer


@transaction.atomic
def push_records(
    *, collection: Collection, writes: list[Write], user: AbstractBaseUser | None = None
) -> list[WriteResult]:
    """Apply a batch under the collection's row lock: each write is saved, or a conflict with the server copy.

    A write counts only if its base_version is the server's current version: versions
    are compared, never timestamps, and no edit is ever silently overwritten. In a link group
    the batch is refused whole if any write is not the writer's to make (`_group_writer`).
    """
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    existing = {
        record.record_id: record
        for record in Record.objects.select_for_update().filter(
            collection=collection, record_id__in=[write.record_id for write in writes]
        )
    }
    writer = None
    if collection.kind == Collection.Kind.LINK_GROUP:
        writer = _group_writer(collection, user, writes, existing)
    results, created, changed, now = [], [], [], timezone.now()
    copies, revived = [], []  # for "Recently deleted"
    grown = 0  # bytes this batch adds to the collection, less what it frees
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
            record.updated = now  # update_rows does not apply auto_now
            changed.append(record)
            if write.deleted and not record.deleted and record.size:
                copies.append(deleted.copy_before_deleting(record, now))
            elif record.deleted and not write.deleted:
                revived.append(record.record_id)
        if writer is not None and record.author_id is None:
            record.author = writer  # the first write since authors were kept makes it theirs
        grown += len(write.ciphertext) - record.size
        record.version = current_version + 1
        record.seq = collection.seq
        record.ciphertext = write.ciphertext
        record.deleted = write.deleted
        record.size = len(write.ciphertext)
        results.append(WriteResult(write.record_id, "saved", record))
    check_room(collection, grown)  # before anything is written: a refused batch stores nothing
    collection.record_bytes += grown
    Record.objects.bulk_create(created)
    update_rows(changed, RECORD_CHANGES)
    collection.save(update_fields=["seq", "record_bytes"])
    deleted.remember(collection, copies, revived)
    return results


def take_out_records(*, collection: Collection, records: list[Record], author: Membership | None = None) -> None:
    """Make the records tombstones, so every device learns they are gone; `author`, if given, becomes theirs.

    The caller holds the collection's row lock (`collection` is the locked copy, whose `seq` and
    `record_bytes` this saves) and has locked the records.
    """
    if not records:
        return
    now, freed = timezone.now(), 0
    for record in records:
        collection.seq += 1
        freed += record.size
        record.version += 1
        record.seq = collection.seq
        record.ciphertext, record.deleted, record.size, record.updated = b"", True, 0, now
        if author is not None:
            record.author = author
    update_rows(records, RECORD_CHANGES)
    collection.record_bytes -= freed
    collection.save(update_fields=["seq", "record_bytes"])


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
def delete_collections(*, collection_ids: list[UUID]) -> None:
    """Delete collections with their records and evidence files (the database cascade leaves files behind)."""
    delete_blob_files_on_commit(list(Blob.objects.filter(collection__in=collection_ids).values_list("pk", flat=True)))
    Collection.objects.filter(pk__in=collection_ids).delete()
