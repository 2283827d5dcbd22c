"""Reads of case-file data. `access_collection` is the only way a view reaches a collection."""

from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from casefile.cursors import Cursor
from casefile.models import Collection, Record


def access_collection(user: AbstractBaseUser, collection_id: UUID) -> Collection:
    """The collection if this user is a member; 404 otherwise, so others cannot tell it exists."""
    try:
        return Collection.objects.get(id=collection_id, memberships__user=user)
    except Collection.DoesNotExist:
        raise Http404 from None


def collections_for(user: AbstractBaseUser) -> QuerySet[Collection]:
    return Collection.objects.filter(memberships__user=user).order_by("created")


def changes_since(collection: Collection, cursor: Cursor, limit: int) -> tuple[list[Record], bool]:
    """Records changed after the cursor, oldest change first, and whether more are waiting."""
    records = list(
        Record.objects.filter(collection=collection, seq__gt=cursor.seq)
        .order_by("seq")
        .only("record_id", "version", "seq", "ciphertext", "deleted")[: limit + 1]
    )
    return records[:limit], len(records) > limit
