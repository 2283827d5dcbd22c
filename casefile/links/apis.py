"""Linked-cases API: key pairs, members, invites, joining, leaving and new group keys.

Group records themselves sync through the same push and pull as case files.
"""

import base64

from cryptography.hazmat.primitives.asymmetric import ec
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from casefile.accounts.serializers import KeypairSerializer, keypair_fields
from casefile.authentication import SIGNED_IN_AND_FRESH
from casefile.fields import Base64BytesField, KeyField, WrappedKeyField
from casefile.links import services as links
from casefile.links.selectors import access_group, access_invite, find_invite, invites_made_by, members_of
from casefile.sync.selectors import collections_for
from casefile.sync.serializers import CollectionSerializer
from casefile.throttles import SharedScopedThrottle

P256_POINT_BYTES = 65
MAX_SEALED_KEYRING_BYTES = 8192
MAX_SEALED_INVITE_BYTES = 16384


class PublicKeyField(Base64BytesField):
    """An ECDH P-256 public key as an uncompressed point, checked to be on the curve."""

    def to_internal_value(self, data) -> bytes:
        value = super().to_internal_value(data)
        try:
            if len(value) != P256_POINT_BYTES:
                raise ValueError
            ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), value)
        except ValueError:
            raise serializers.ValidationError("This is not a P-256 public key.") from None
        return value


class SealedField(Base64BytesField):
    """Something sealed on a device (a keyring, an invite): opaque bytes of a bounded size."""

    def __init__(self, *, max_bytes: int, **kwargs):
        self.max_bytes = max_bytes
        super().__init__(**kwargs)

    def to_internal_value(self, data) -> bytes:
        value = super().to_internal_value(data)
        if not P256_POINT_BYTES <= len(value) <= self.max_bytes:
            raise serializers.ValidationError("This is not a sealed key.")
        return value


class NewKeySerializer(serializers.Serializer):
    class WrappedForMember(serializers.Serializer):
        member = serializers.IntegerField(min_value=1, help_text="A membership id from the members list.")
        wrapped_key = SealedField(max_bytes=MAX_SEALED_KEYRING_BYTES, help_text="The new keyring sealed to them.")

    key_version = serializers.IntegerField(min_value=2, help_text="The new key's number: the group's current one + 1.")
    keys = WrappedForMember(many=True, allow_empty=False, help_text="The new keyring for every remaining member.")

    def to_new_key(self) -> links.NewKey:
        keys = self.validated_data["keys"]
        wrapped = {each["member"]: each["wrapped_key"] for each in keys}
        if len(wrapped) != len(keys):
            raise serializers.ValidationError({"keys": ["Each member may appear only once."]})
        return links.NewKey(self.validated_data["key_version"], wrapped)


def _new_key(request: Request) -> links.NewKey:
    data = NewKeySerializer(data=request.data)
    data.is_valid(raise_exception=True)
    return data.to_new_key()


class KeypairApi(APIView):
    class KeypairInputSerializer(serializers.Serializer):
        public_key = PublicKeyField()
        wrapped_private_key = WrappedKeyField(help_text="The private key (PKCS#8) wrapped with the vault key.")

    @extend_schema(request=KeypairInputSerializer, responses=KeypairSerializer)
    def put(self, request: Request) -> Response:
        data = self.KeypairInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        account = links.set_keypair(user=request.user, **data.validated_data)
        return Response(keypair_fields(account))


class MemberSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    role = serializers.CharField()
    joined = serializers.DateTimeField()
    you = serializers.SerializerMethodField()
    public_key = serializers.SerializerMethodField()

    def get_you(self, membership) -> bool:
        return membership.user_id == self.context["user"].pk

    def get_public_key(self, membership) -> str | None:
        key = bytes(membership.public_key or b"")
        return base64.b64encode(key).decode() if key else None


class MembersApi(APIView):
    class MembersOutputSerializer(serializers.Serializer):
        members = MemberSerializer(many=True)

    @extend_schema(responses=MembersOutputSerializer)
    def get(self, request: Request, group_id) -> Response:
        group = access_group(request.user, group_id)
        members = MemberSerializer(members_of(group), many=True, context={"user": request.user}).data
        return Response({"members": members})


class RemoveMemberApi(APIView):
    permission_classes = SIGNED_IN_AND_FRESH

    @extend_schema(request=NewKeySerializer, responses={204: None})
    def post(self, request: Request, group_id, member_id: int) -> Response:
        group = access_group(request.user, group_id)
        links.remove_member(user=request.user, group=group, member_id=member_id, new_key=_new_key(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class RotateKeyApi(APIView):
    @extend_schema(request=NewKeySerializer, responses={204: None})
    def post(self, request: Request, group_id) -> Response:
        links.rotate_key(group=access_group(request.user, group_id), new_key=_new_key(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class LeaveApi(APIView):
    permission_classes = SIGNED_IN_AND_FRESH

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request, group_id) -> Response:
        links.leave_group(user=request.user, group=access_group(request.user, group_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class InviteSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    created = serializers.DateTimeField()
    expires = serializers.DateTimeField()
    status = serializers.SerializerMethodField()

    def get_status(self, invite) -> str:
        return links.invite_status(invite)


class InviteChangeThrottled:
    """Making and withdrawing invites count with opening and joining (INVITE_THROTTLE_RATE), per person:
    each one is a row, and a burst of them is a script, not a person. Listing them is not counted."""

    throttle_scope = "invites"

    def get_throttles(self):
        return [SharedScopedThrottle()] if self.request.method == "POST" else []


class InvitesApi(InviteChangeThrottled, APIView):
    class InvitesInputSerializer(serializers.Serializer):
        id = serializers.UUIDField(help_text="Chosen by the device: it is part of the link.")
        proof_hash = serializers.RegexField(r"^[0-9a-f]{64}$", help_text="SHA-256 (hex) of the join proof.")
        sealed = SealedField(max_bytes=MAX_SEALED_INVITE_BYTES, help_text="The invite, sealed with the link's key.")

    class InvitesOutputSerializer(serializers.Serializer):
        invites = InviteSerializer(many=True)

    @extend_schema(responses=InvitesOutputSerializer)
    def get(self, request: Request, group_id) -> Response:
        group = access_group(request.user, group_id)
        return Response({"invites": InviteSerializer(invites_made_by(request.user, group), many=True).data})

    @extend_schema(request=InvitesInputSerializer, responses={201: InviteSerializer, 200: InviteSerializer})
    def post(self, request: Request, group_id) -> Response:
        group = access_group(request.user, group_id)
        data = self.InvitesInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = data.validated_data
        invite, created = links.create_invite(
            user=request.user,
            group=group,
            invite_id=fields["id"],
            proof_hash=fields["proof_hash"],
            sealed=fields["sealed"],
        )
        return Response(
            InviteSerializer(invite).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )


class RevokeInviteApi(InviteChangeThrottled, APIView):
    @extend_schema(request=None, responses=InviteSerializer)
    def post(self, request: Request, invite_id) -> Response:
        invite = links.revoke_invite(invite=access_invite(request.user, invite_id))
        return Response(InviteSerializer(invite).data)


class InviteLinkApi(APIView):
    """Endpoints for someone holding an invite link: limited per person, as they check a secret."""

    throttle_classes = [SharedScopedThrottle]
    throttle_scope = "invites"


class OpenInviteApi(InviteLinkApi):
    class OpenInviteInputSerializer(serializers.Serializer):
        proof = KeyField(help_text="The join proof derived from the link's secret; the secret itself is never sent.")

    class OpenInviteOutputSerializer(serializers.Serializer):
        sealed = serializers.CharField()
        key_version = serializers.IntegerField()

    @extend_schema(request=OpenInviteInputSerializer, responses=OpenInviteOutputSerializer)
    def post(self, request: Request, invite_id) -> Response:
        data = self.OpenInviteInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        invite = links.check_invite(find_invite(invite_id), data.validated_data["proof"])
        return Response({"sealed": base64.b64encode(bytes(invite.sealed)).decode(), "key_version": invite.key_version})


class JoinApi(InviteLinkApi):
    class JoinInputSerializer(serializers.Serializer):
        proof = KeyField()
        wrapped_key = SealedField(max_bytes=MAX_SEALED_KEYRING_BYTES, help_text="The keyring, sealed to yourself.")
        key_version = serializers.IntegerField(min_value=1)

    class JoinOutputSerializer(serializers.Serializer):
        collection = CollectionSerializer()

    @extend_schema(request=JoinInputSerializer, responses={201: JoinOutputSerializer})
    def post(self, request: Request, invite_id) -> Response:
        data = self.JoinInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        membership = links.join_group(user=request.user, invite_id=invite_id, **data.validated_data)
        collection = collections_for(request.user).get(pk=membership.collection_id)
        return Response({"collection": CollectionSerializer(collection).data}, status=status.HTTP_201_CREATED)
