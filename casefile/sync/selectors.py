"""Reads of case-file data. `access_collection` is the only way a view reaches a collection."""

from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404

from casefile.models import Collection, Membership, Record
from casefile.sync.cursors import Cursor


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
        .only("record_id", "version", "seq", "ciphertext", "deleted", "author")[: limit + 1]
    )
    return records[:limit], len(records) > limit
