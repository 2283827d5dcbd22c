"""Writes for linked cases: key pairs, invites, joining, leaving, removing and new group keys.

The server never holds a group key. It keeps, per member, the group's keyring sealed to that
member's public key, and refuses a new key unless it reaches every member at once, so nobody is
left unable to read the group and nobody removed keeps receiving keys.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from casefile.errors import Conflict, Forbidden, InviteGone, InviterLeft, LimitReached, NotFound, NotYours
from casefile.models import Account, Collection, Invite, Membership, Record
from casefile.record_ids import details_record_id, own_record_ids
from casefile.sync.services import delete_collections, take_out_records

BROKEN_LINK = "This invite link is not valid. Check you copied all of it, or ask for a new one."


@dataclass(frozen=True)
class NewKey:
    """A new group key: its number, and the new keyring sealed to each member (by membership id)."""

    key_version: int
    wrapped_keys: dict[int, bytes]


def set_keypair(*, user: AbstractBaseUser, public_key: bytes, wrapped_private_key: bytes) -> Account:
    """Store the account's key pair once. Sending the same pair again is a harmless retry."""
    with transaction.atomic():
        account = Account.objects.select_for_update().get(user=user)
        if bytes(account.public_key):
            if bytes(account.public_key) == public_key and bytes(account.wrapped_private_key) == wrapped_private_key:
                return account
            raise Conflict("This account already has keys for linked cases.")
        account.public_key, account.wrapped_private_key = public_key, wrapped_private_key
        account.save(update_fields=["public_key", "wrapped_private_key"])
        return account


def invite_status(invite: Invite) -> str:
    if invite.used:
        return "used"
    if invite.revoked_at:
        return "revoked"
    if invite.expires <= timezone.now():
        return "expired"
    return "open"


GONE_MESSAGES = {
    "used": "This invite has already been used. Ask for a new link.",
    "revoked": "This invite was withdrawn. Ask for a new link.",
    "expired": "This invite has expired. Ask for a new link.",
}


@transaction.atomic
def create_invite(
    *, user: AbstractBaseUser, group: Collection, invite_id: UUID, proof_hash: str, sealed: bytes
) -> tuple[Invite, bool]:
    """A new single-use invite that works for LINK_INVITE_DAYS. Sending the same one again is a retry."""
    group = Collection.objects.select_for_update().get(pk=group.pk)
    existing = Invite.objects.filter(pk=invite_id).first()
    if existing is not None:
        if existing.created_by_id != user.pk:
            raise NotYours()  # the device picks another id and tries again
        if (existing.collection_id, existing.proof_hash) == (group.pk, proof_hash):
            return existing, False
        raise Conflict("That invite id is already in use. Make a new invite.")
    now = timezone.now()
    open_invites = Invite.objects.filter(collection=group).still_open()
    if open_invites.count() >= settings.LINK_MAX_OPEN_INVITES:
        raise LimitReached(
            f"This group has {settings.LINK_MAX_OPEN_INVITES} unused invites. Withdraw some before making more."
        )
    # Withdrawn and expired invites stay as rows: without a cap in all, make-and-withdraw would grow them forever.
    if Invite.objects.filter(collection=group).count() >= settings.LINK_MAX_INVITES:
        raise LimitReached(
            f"This group has had {settings.LINK_MAX_INVITES} invites, the most one group can have. Start a new group."
        )
    invite = Invite.objects.create(
        id=invite_id,
        collection=group,
        created_by=user,
        proof_hash=proof_hash,
        sealed=sealed,
        key_version=group.key_version,
        expires=now + timedelta(days=settings.LINK_INVITE_DAYS),
    )
    return invite, True


def check_invite(invite: Invite | None, proof: bytes) -> Invite:
    """The invite, if the proof is right and it can still be used; a clear refusal otherwise.

    A wrong proof looks the same as no invite at all, so nobody learns anything about an invite
    they do not hold the link to.
    """
    if invite is None or not hmac.compare_digest(hashlib.sha256(proof).hexdigest(), invite.proof_hash):
        raise NotFound(BROKEN_LINK)
    state = invite_status(invite)
    if state != "open":
        raise InviteGone(GONE_MESSAGES[state])
    return invite


@transaction.atomic
def join_group(
    *, user: AbstractBaseUser, invite_id: UUID, proof: bytes, wrapped_key: bytes, key_version: int
) -> Membership:
    """Use an invite: the person becomes a member, with the keyring their device sealed to itself."""
    invite = check_invite(Invite.objects.select_for_update().filter(pk=invite_id).first(), proof)
    group = Collection.objects.select_for_update().get(pk=invite.collection_id)
    if Membership.objects.filter(collection=group, user=user).exists():
        raise Conflict("You are already in this group.")
    # An invite speaks for the member who made it: once they are gone (left, removed, account deleted) it is void,
    # so nobody can keep a way back in by making an invite before leaving.
    if not Membership.objects.filter(collection=group, user_id=invite.created_by_id).exists():
        raise InviterLeft()
    if key_version != group.key_version:
        raise InviteGone("The group has changed since this invite was made. Ask for a new link.")
    if Membership.objects.filter(user=user).count() >= settings.SYNC_MAX_COLLECTIONS:
        raise LimitReached(f"You can have up to {settings.SYNC_MAX_COLLECTIONS} case files and groups.")
    if Membership.objects.filter(collection=group).count() >= settings.LINK_MAX_MEMBERS:
        raise LimitReached(f"A group can have up to {settings.LINK_MAX_MEMBERS} people.")
    invite.used, invite.used_by = timezone.now(), user
    invite.save(update_fields=["used", "used_by"])
    membership = Membership.objects.create(
        collection=group, user=user, role=Membership.Role.MEMBER, wrapped_key=wrapped_key, key_version=key_version
    )
    # Membership ids are easy to guess: a name or note someone wrote ahead under the newcomer's ids is not theirs.
    squatted = Record.objects.filter(collection=group, record_id__in=own_record_ids(group.pk, membership.pk))
    take_out_records(collection=group, records=list(squatted.select_for_update()), author=membership)
    return membership


@transaction.atomic
def revoke_invite(*, invite: Invite) -> Invite:
    invite = Invite.objects.select_for_update().get(pk=invite.pk)
    if invite.used:
        raise Conflict("This invite has already been used, so it cannot be withdrawn.")
    if invite.revoked_at is None:
        invite.revoked_at = timezone.now()
        invite.save(update_fields=["revoked_at"])
    return invite


def take_out_records_of(*, member: Membership, group: Collection) -> None:
    """What someone shared leaves with them, by who the server saw write it, whatever the records say inside.

    The group's details (its name) stay: they are the group's, and pass on with the role of starter.
    """
    theirs = Record.objects.select_for_update().filter(collection=group, author=member, deleted=False)
    take_out_records(collection=group, records=list(theirs.exclude(record_id=details_record_id(group.pk))))


def withdraw_invites_made_by(*, user_id: int, group: Collection) -> None:
    """Someone leaving the group takes their unused invites with them."""
    Invite.objects.filter(collection=group, created_by_id=user_id).unused().update(revoked_at=timezone.now())


def _apply_new_key(group: Collection, new_key: NewKey) -> None:
    """Hand every member the new keyring, or refuse: a key that misses someone, or reaches someone gone, is wrong."""
    if new_key.key_version != group.key_version + 1:
        raise Conflict("The group's key changed meanwhile. Try again.")
    memberships = {m.pk: m for m in Membership.objects.select_for_update().filter(collection=group)}
    if set(new_key.wrapped_keys) != set(memberships):
        raise Conflict("The people in the group changed meanwhile. Try again.")
    for member_id, wrapped_key in new_key.wrapped_keys.items():
        memberships[member_id].wrapped_key, memberships[member_id].key_version = wrapped_key, new_key.key_version
    Membership.objects.bulk_update(memberships.values(), ["wrapped_key", "key_version"])
    group.key_version, group.rotation_needed = new_key.key_version, False
    group.save(update_fields=["key_version", "rotation_needed"])
    # Open invites carry the old keyring, and a departed member may hold one: they stop working.
    Invite.objects.filter(collection=group).unused().update(revoked_at=timezone.now())


@transaction.atomic
def remove_member(*, user: AbstractBaseUser, group: Collection, member_id: int, new_key: NewKey) -> None:
    """The person who started the group removes someone, and in the same step the group moves to a new key."""
    group = Collection.objects.select_for_update().get(pk=group.pk)
    mine = Membership.objects.get(collection=group, user=user)
    if mine.role != Membership.Role.OWNER:
        raise Forbidden("Only the person who started the group can remove someone.")
    if mine.pk == member_id:
        raise Conflict("To leave the group yourself, use Leave this group.")
    removed = Membership.objects.filter(collection=group, pk=member_id).first()
    if removed is None:
        raise NotFound("That person is not in this group.")
    take_out_records_of(member=removed, group=group)
    removed.delete()
    withdraw_invites_made_by(user_id=removed.user_id, group=group)  # the new key withdraws them too, but say so
    _apply_new_key(group, new_key)


@transaction.atomic
def rotate_key(*, group: Collection, new_key: NewKey) -> None:
    """After someone left, any remaining member's device moves the group to a new key."""
    group = Collection.objects.select_for_update().get(pk=group.pk)
    if not group.rotation_needed:
        raise Conflict("The group already has a new key.")
    _apply_new_key(group, new_key)


@transaction.atomic
def leave_group(*, user: AbstractBaseUser, group: Collection) -> None:
    """Leave a group. The last one out deletes it; otherwise it needs a new key, and someone else starts it."""
    group = Collection.objects.select_for_update().get(pk=group.pk)
    leaving = Membership.objects.filter(collection=group, user=user).first()
    if leaving is None:
        return
    take_out_records_of(member=leaving, group=group)
    leaving.delete()
    withdraw_invites_made_by(user_id=user.pk, group=group)
    remaining = Membership.objects.filter(collection=group).order_by("joined", "pk")
    if not remaining.exists():
        delete_collections(collection_ids=[group.pk])
        return
    if leaving.role == Membership.Role.OWNER:
        remaining.filter(pk=remaining.first().pk).update(role=Membership.Role.OWNER)
    group.rotation_needed = True
    group.save(update_fields=["rotation_needed"])
