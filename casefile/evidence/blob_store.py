"""Where blob chunks live: the "blobs" storage alias (a directory on disk, or S3 through django-storages).

Each chunk is its own object, `<blob id>/<index>`, written once and never appended to, so
an upload can resume on any storage and nothing depends on the storage's own semantics
beyond save, open, delete and listdir. Names carry only random ids.
"""

import contextlib
from collections.abc import Iterable, Iterator
from uuid import UUID

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages

READ_BYTES = 256 * 1024


def storage() -> Storage:
    return storages["blobs"]


def chunk_name(blob_id: UUID | str, index: int) -> str:
    return f"{blob_id}/{index:06d}"


def save_chunk(blob_id: UUID, index: int, data: bytes) -> None:
    """Store one chunk. A retry after an interrupted attempt replaces what that attempt left."""
    name = chunk_name(blob_id, index)
    store = storage()
    saved = store.save(name, ContentFile(data))
    if saved != name:  # a storage that does not overwrite kept the leftover and renamed this one
        store.delete(saved)
        store.delete(name)
        saved = store.save(name, ContentFile(data))
    if saved != name:
        store.delete(saved)
        raise RuntimeError("The blob storage would not store a chunk under its own name.")


def read_chunks(blob_id: UUID, count: int) -> Iterator[bytes]:
    """The blob's bytes, chunk after chunk in order, a piece at a time (never the whole file in memory)."""
    store = storage()
    for index in range(count):
        with store.open(chunk_name(blob_id, index), "rb") as chunk:
            while piece := chunk.read(READ_BYTES):
                yield piece


def stored_names() -> tuple[list[str], list[str]]:
    """What is in the storage: the blob directories (ids) and any stray top-level objects."""
    try:
        return storage().listdir("")
    except FileNotFoundError:  # nothing stored yet
        return [], []


def delete_blob(blob_id: UUID | str) -> int:
    """Delete every chunk stored for a blob, including any an interrupted upload left. Returns how many."""
    store = storage()
    try:
        _, files = store.listdir(str(blob_id))
    except FileNotFoundError:
        files = []
    for name in files:
        store.delete(f"{blob_id}/{name}")
    # The directory on disk (nothing on S3). If a chunk arrived meanwhile, remove_orphan_blobs collects it later.
    with contextlib.suppress(OSError):
        store.delete(str(blob_id))
    return len(files)


def delete_blobs(blob_ids: Iterable[UUID | str]) -> int:
    return sum(delete_blob(blob_id) for blob_id in blob_ids)


def delete_stray(name: str) -> None:
    storage().delete(name)


def count_chunks(blob_id: UUID | str) -> int:
    try:
        return len(storage().listdir(str(blob_id))[1])
    except FileNotFoundError:
        return 0
