"""Opaque sync cursors: `<epoch>.<seq>` inside, meaningless to clients.

A cursor from another epoch, or ahead of the server (after a restore from backup),
is refused with 410 so the client resyncs in full instead of getting stuck.
"""

from dataclasses import dataclass
from uuid import UUID

from casefile.errors import CursorReset, Invalid
from casefile.models import Collection


@dataclass(frozen=True)
class Cursor:
    epoch: UUID
    seq: int

    def __str__(self) -> str:
        return f"{self.epoch.hex}.{self.seq}"


def start(collection: Collection) -> Cursor:
    return Cursor(collection.epoch, 0)


def head(collection: Collection) -> Cursor:
    return Cursor(collection.epoch, collection.seq)


def parse(raw: str | None, collection: Collection) -> Cursor:
    """The cursor a client sent; none means from the beginning."""
    if not raw:
        return start(collection)
    try:
        epoch_hex, seq_text = raw.split(".")
        cursor = Cursor(UUID(hex=epoch_hex), int(seq_text))
    except ValueError:
        raise Invalid("This is not a sync position this server gave out.", field="since") from None
    if cursor.epoch != collection.epoch or not 0 <= cursor.seq <= collection.seq:
        raise CursorReset()
    return cursor
