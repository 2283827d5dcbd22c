import base64
import binascii

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from casefile import cursors
from casefile.models import Collection, Membership
from casefile.services import Write

# AES-256-GCM: a 12-byte nonce and a 16-byte tag, so anything shorter is not a ciphertext.
MIN_CIPHERTEXT_BYTES = 12 + 16
MAX_WRAPPED_KEY_BYTES = 512


def base64_length(size: int) -> int:
    return 4 * ((size + 2) // 3)


@extend_schema_field({"type": "string", "format": "byte"})
class Base64BytesField(serializers.CharField):
    default_error_messages = {"invalid_base64": "This must be base64-encoded bytes."}

    def run_validation(self, data=serializers.empty):
        value = super().run_validation(data)
        return b"" if value == "" else value  # CharField returns blank input early, as text

    def to_internal_value(self, data) -> bytes:
        text = super().to_internal_value(data)
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError):
            self.fail("invalid_base64")

    def to_representation(self, value) -> str:
        return base64.b64encode(bytes(value)).decode("ascii")


@extend_schema_field({"type": "string", "format": "byte", "maxLength": base64_length(settings.SYNC_MAX_RECORD_BYTES)})
class CiphertextField(Base64BytesField):
    """AES-GCM output (a 12-byte nonce, the ciphertext, a 16-byte tag), base64; may be empty for a deletion."""


class WriteSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    base_version = serializers.IntegerField(min_value=0)
    ciphertext = CiphertextField(allow_blank=True, trim_whitespace=False)
    deleted = serializers.BooleanField(default=False)

    def validate(self, attrs):
        size = len(attrs["ciphertext"])
        if size > settings.SYNC_MAX_RECORD_BYTES:
            raise serializers.ValidationError(
                {"ciphertext": f"A record can be at most {settings.SYNC_MAX_RECORD_BYTES:,} bytes."}
            )
        if not attrs["deleted"] and size < MIN_CIPHERTEXT_BYTES:
            raise serializers.ValidationError({"ciphertext": "This ciphertext is cut short or empty."})
        return attrs


def to_write(attrs: dict) -> Write:
    return Write(attrs["id"], attrs["base_version"], attrs["ciphertext"], attrs["deleted"])


class PushInputSerializer(serializers.Serializer):
    writes = serializers.ListField(
        child=WriteSerializer(), allow_empty=False, min_length=1, max_length=settings.SYNC_MAX_BATCH
    )

    def validate_writes(self, writes):
        ids = [write["id"] for write in writes]
        if len(ids) != len(set(ids)):
            raise serializers.ValidationError("Each record may appear only once in a batch.")
        return writes


class RecordSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="record_id")
    version = serializers.IntegerField()
    ciphertext = Base64BytesField()
    deleted = serializers.BooleanField()


class WriteResultSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="record_id")
    status = serializers.CharField()
    version = serializers.SerializerMethodField()
    server = serializers.SerializerMethodField()

    def get_version(self, result) -> int | None:
        return result.record.version if result.record else None

    def get_server(self, result) -> dict | None:
        """On a conflict, the server's copy, so the client can keep both."""
        if result.status != "conflict" or result.record is None:
            return None
        return RecordSerializer(result.record).data


class CollectionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=Collection.Kind.choices)
    head = serializers.SerializerMethodField()
    wrapped_key = Base64BytesField(
        help_text="A case file's key wrapped with this member's vault key; a link group's keyring sealed to them."
    )
    role = serializers.ChoiceField(choices=Membership.Role.choices)
    key_version = serializers.IntegerField(source="member_key_version", help_text="Link groups: newest key held.")
    group_key_version = serializers.IntegerField(source="key_version", help_text="Link groups: the group's newest key.")
    rotation_needed = serializers.BooleanField(help_text="Link groups: someone left; a member should make a new key.")

    def get_head(self, collection) -> str:
        return str(cursors.head(collection))


class CollectionListSerializer(serializers.Serializer):
    collections = CollectionSerializer(many=True)


class PullOutputSerializer(serializers.Serializer):
    records = RecordSerializer(many=True)
    cursor = serializers.CharField(help_text="Opaque: send it back as `since` on the next pull.")
    more = serializers.BooleanField(help_text="More changes are waiting: pull again straight away.")


class PushOutputSerializer(serializers.Serializer):
    results = WriteResultSerializer(many=True)


class UsernameSerializer(serializers.Serializer):
    username = serializers.RegexField(
        r"^[A-Za-z0-9_.-]{3,40}$",
        error_messages={"invalid": "Use 3 to 40 letters, numbers, dots, dashes or underscores."},
    )


# Exactly 32 bytes in base64: 43 characters and one "=".
@extend_schema_field({"type": "string", "format": "byte", "pattern": "^[A-Za-z0-9+/]{43}=$"})
class KeyField(Base64BytesField):
    """Exactly 32 bytes, base64: an HKDF output."""

    def to_internal_value(self, data) -> bytes:
        value = super().to_internal_value(data)
        if len(value) != 32:
            raise serializers.ValidationError("This must be a 32-byte key.")
        return value


@extend_schema_field(
    {
        "type": "string",
        "format": "byte",
        "minLength": base64_length(MIN_CIPHERTEXT_BYTES),
        "maxLength": base64_length(MAX_WRAPPED_KEY_BYTES),
    }
)
class WrappedKeyField(Base64BytesField):
    """A key wrapped with AES-GCM: a nonce, the key and a tag, and nothing absurd."""

    def to_internal_value(self, data) -> bytes:
        value = super().to_internal_value(data)
        if not MIN_CIPHERTEXT_BYTES <= len(value) <= MAX_WRAPPED_KEY_BYTES:
            raise serializers.ValidationError("This is not a wrapped key.")
        return value


class LoginInputSerializer(UsernameSerializer):
    auth_key = KeyField()


class RegisterInputSerializer(LoginInputSerializer):
    wrapped_vault_key = WrappedKeyField()
    recovery_wrapped_vault_key = WrappedKeyField()
    recovery_key = KeyField(help_text="The auth half of the recovery code's key; stored only as an Argon2 hash.")


class SaltOutputSerializer(serializers.Serializer):
    salt = serializers.CharField()
    iterations = serializers.IntegerField()
    kdf = serializers.CharField()


class KeypairSerializer(serializers.Serializer):
    """The account's linked-cases key pair; null until a device makes one."""

    public_key = serializers.CharField(allow_null=True)
    wrapped_private_key = serializers.CharField(allow_null=True)


def keypair_fields(account) -> dict:
    """The account's key pair as KeypairSerializer describes it."""
    public_key, wrapped_private_key = bytes(account.public_key), bytes(account.wrapped_private_key)
    if not public_key:
        return {"public_key": None, "wrapped_private_key": None}
    return {
        "public_key": base64.b64encode(public_key).decode(),
        "wrapped_private_key": base64.b64encode(wrapped_private_key).decode(),
    }


class UnlockOutputSerializer(KeypairSerializer):
    wrapped_vault_key = serializers.CharField()


class RecoverInputSerializer(UsernameSerializer):
    recovery_key = KeyField()


class RecoverOutputSerializer(KeypairSerializer):
    recovery_wrapped_vault_key = serializers.CharField()


class PassphraseInputSerializer(serializers.Serializer):
    current_auth_key = KeyField(required=False, help_text="Not needed straight after recovering with the code.")
    new_auth_key = KeyField()
    wrapped_vault_key = WrappedKeyField()
    sign_out_other_devices = serializers.BooleanField(
        default=True, help_text="End every other session of this account (their next request gets 401)."
    )


class DeleteAccountInputSerializer(serializers.Serializer):
    auth_key = KeyField()
