"""Room for records: a quota per person (RECORD_QUOTA_BYTES) and a limit per link group (LINK_GROUP_QUOTA_BYTES).

Every device of every member keeps a copy of a collection's records, so stored bytes are
limited where they are made, not only where they are kept. A person's quota counts the
case files and groups they started (a group passes to whoever takes over when its starter
leaves); a group's limit counts what all its members wrote. Only a batch that grows the
total is checked, so someone over a lowered quota can still edit down and delete.
"""

from django.conf import settings
from django.db.models import Sum

from casefile.errors import GroupFull, RecordStorageFull
from casefile.models import Collection, Membership


def check_room(collection: Collection, grown: int) -> None:
    """Refuse a batch that adds `grown` bytes to `collection` (locked, with its current record_bytes) past a limit.

    One aggregate query over the starter's collections. Two pushes to two different
    collections of one person at the same instant can each pass: the quota can be
    overshot by at most a batch each, which the next push then refuses.
    """
    if grown <= 0:
        return
    group = collection.kind == Collection.Kind.LINK_GROUP
    if group and collection.record_bytes + grown > settings.LINK_GROUP_QUOTA_BYTES:
        raise GroupFull()
    starter = Membership.objects.filter(collection=collection, role=Membership.Role.OWNER).values("user")
    started = Membership.objects.filter(role=Membership.Role.OWNER, user__in=starter)
    used = started.aggregate(total=Sum("collection__record_bytes"))["total"] or 0
    if used + grown > settings.RECORD_QUOTA_BYTES:
        raise RecordStorageFull(group=group)
