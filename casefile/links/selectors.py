"""Reads for linked cases. `access_group` and `access_invite` are the only way a view reaches them."""

from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import F, Q, QuerySet
from django.http import Http404

from casefile.models import Collection, Invite, Membership


def access_group(user: AbstractBaseUser, group_id: UUID) -> Collection:
    """The link group if this user is in it; 404 otherwise, the same as a group that does not exist."""
    try:
        return Collection.objects.get(id=group_id, kind=Collection.Kind.LINK_GROUP, memberships__user=user)
    except Collection.DoesNotExist:
        raise Http404 from None


def access_invite(user: AbstractBaseUser, invite_id: UUID) -> Invite:
    """An invite this user may withdraw: one they made, or any in a group they started. 404 otherwise."""
    mine = Q(created_by=user, collection__memberships__user=user)
    started = Q(collection__memberships__user=user, collection__memberships__role=Membership.Role.OWNER)
    invite = Invite.objects.filter(mine | started, pk=invite_id).distinct().first()
    if invite is None:
        raise Http404
    return invite


def members_of(group: Collection) -> QuerySet[Membership]:
    """Everyone in the group, oldest first, each with the public key their new keys are sealed to."""
    return (
        Membership.objects.filter(collection=group)
        .annotate(public_key=F("user__account__public_key"))
        .order_by("joined", "pk")
        .only("id", "role", "joined", "user_id")
    )


def invites_made_by(user: AbstractBaseUser, group: Collection) -> QuerySet[Invite]:
    """The invites this person made for the group, newest first."""
    return Invite.objects.filter(collection=group, created_by=user).order_by("-created").defer("sealed")


def find_invite(invite_id: UUID) -> Invite | None:
    """An invite by id, for someone holding its link: the join proof, not membership, decides what they see."""
    return Invite.objects.filter(pk=invite_id).first()
