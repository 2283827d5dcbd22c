"""Reads of evidence files. `access_blob` is the only way a view reaches a blob."""

from collections.abc import Iterator
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404

from casefile.evidence import blob_store
from casefile.models import Blob


def access_blob(user: AbstractBaseUser, blob_id: UUID, *, deleted: bool = False) -> Blob:
    """The blob if this user uploaded it; 404 otherwise, the same as an id that does not exist.

    A deleted blob (kept for "Recently deleted") is reached only when asked for: to restore it.
    """
    try:
        return Blob.objects.get(id=blob_id, owner=user, deleted_at__isnull=not deleted)
    except Blob.DoesNotExist:
        raise Http404 from None


def blob_content(blob: Blob) -> Iterator[bytes]:
    """A finished blob's bytes, streamed from its stored chunks in order."""
    return blob_store.read_chunks(blob.id, blob.chunks)
