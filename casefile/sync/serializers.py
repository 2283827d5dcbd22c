from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from casefile.fields import Base64BytesField
from casefile.limits import MIN_CIPHERTEXT_BYTES, base64_length
from casefile.models import Collection, Membership
from casefile.sync import cursors
from casefile.sync.services import Write


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
    def get_fields(self):
        # Built per request, as the page's limits are: a changed SYNC_MAX_BATCH holds for both at once.
        fields = super().get_fields()
        fields["writes"] = serializers.ListField(
            child=WriteSerializer(), allow_empty=False, min_length=1, max_length=settings.SYNC_MAX_BATCH
        )
        return fields

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
    author = serializers.IntegerField(
        source="author_id",
        allow_null=True,
        help_text="Link groups: the membership id of the member who wrote it (see the members list); "
        "null in a case file, or once that member has gone.",
    )


class DeletedRecordSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="record_id")
    ciphertext = Base64BytesField(help_text="What the record held before it was deleted: push it back to restore it.")
    deleted_at = serializers.DateTimeField()


class DeletedOutputSerializer(serializers.Serializer):
    records = DeletedRecordSerializer(many=True)
    keep_days = serializers.IntegerField(help_text="How long deleted records are kept (DELETED_KEEP_DAYS).")


class WriteResultSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="record_id")
    status = serializers.CharField()
    version = serializers.SerializerMethodField()
    author = serializers.SerializerMethodField()
    server = serializers.SerializerMethodField()

    def get_author(self, result) -> int | None:
        """Link groups: the membership id of the record's author."""
        return result.record.author_id if result.record else None

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
