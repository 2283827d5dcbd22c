"""Which member may write which link-group record, by its id.

A device names the records a group has once per group or once per member with
`namedRecordId` (static/js/casefile/crypto.js): a UUID made from the SHA-256 of
"<collection id>/<name>". The server makes the same ids, so it can tell the group's details
record (its name: only the person who started the group writes it) and each member's own
display-name and note records (only that member writes them) from the rest.
"""

import hashlib
from uuid import UUID


def named_record_id(collection_id: UUID, name: str) -> UUID:
    """The id `namedRecordId(collectionId, name)` gives on the device."""
    digest = hashlib.sha256(f"{collection_id}/{name}".encode()).digest()
    text = digest[:16].hex()
    variant = (digest[8] & 0x3F) | 0x80
    return UUID(f"{text[:8]}-{text[8:12]}-5{text[13:16]}-{variant:02x}{text[18:20]}-{text[20:32]}")


def details_record_id(group_id: UUID) -> UUID:
    """The group's name, written when the group is started."""
    return named_record_id(group_id, "details")


def own_record_ids(group_id: UUID, membership_id: int) -> set[UUID]:
    """The records only this member may write: their display name and their note."""
    return {named_record_id(group_id, f"member-{membership_id}"), named_record_id(group_id, f"note-{membership_id}")}
