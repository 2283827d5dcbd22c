"""Reads of case-file data. `access_collection` is the only way a view reaches a collection."""

from collections.abc import Iterator
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from casefile import blob_store
from casefile.cursors import Cursor
from casefile.models import Blob, Collection, Membership, Record
from casefile.vocabulary import EXTRA_AGENCIES, agency
from guide.models import Channel, EscalationRung


def access_collection(user: AbstractBaseUser, collection_id: UUID) -> Collection:
    """The collection if this user is a member; 404 otherwise, so others cannot tell it exists."""
    try:
        return Collection.objects.get(id=collection_id, memberships__user=user)
    except Collection.DoesNotExist:
        raise Http404 from None


def collections_for(user: AbstractBaseUser) -> QuerySet[Collection]:
    """The user's collections, each with this user's membership: `wrapped_key` (the key as wrapped
    for them), `role`, and `member_key_version` (for a link group, the newest key they hold)."""
    mine = Membership.objects.filter(collection=OuterRef("pk"), user=user)
    return (
        Collection.objects.filter(memberships__user=user)
        .annotate(
            wrapped_key=Subquery(mine.values("wrapped_key")[:1]),
            role=Subquery(mine.values("role")[:1]),
            member_key_version=Subquery(mine.values("key_version")[:1]),
        )
        .order_by("created")
    )


def changes_since(collection: Collection, cursor: Cursor, limit: int) -> tuple[list[Record], bool]:
    """Records changed after the cursor, oldest change first, and whether more are waiting."""
    records = list(
        Record.objects.filter(collection=collection, seq__gt=cursor.seq)
        .order_by("seq")
        .only("record_id", "version", "seq", "ciphertext", "deleted")[: limit + 1]
    )
    return records[:limit], len(records) > limit


def agencies() -> list[dict]:
    """Where a reference number can come from: the guide's reporting channels, then the rest."""
    channels = Channel.objects.published().order_by("step__number", "order").only("name")
    return [agency(channel.name, channel.name) for channel in channels] + EXTRA_AGENCIES


def tracker_rungs() -> list[EscalationRung]:
    """The published escalation ladder: the same for everyone, so the page can be saved offline."""
    return list(EscalationRung.objects.published().only("number", "slug", "title"))


def access_blob(user: AbstractBaseUser, blob_id: UUID) -> Blob:
    """The blob if this user uploaded it; 404 otherwise, the same as an id that does not exist."""
    try:
        return Blob.objects.get(id=blob_id, owner=user)
    except Blob.DoesNotExist:
        raise Http404 from None


def blob_content(blob: Blob) -> Iterator[bytes]:
    """A finished blob's bytes, streamed from its stored chunks in order."""
    return blob_store.read_chunks(blob.id, blob.chunks)
