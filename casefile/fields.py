"""Base64 byte fields the API modules share: ciphertext, keys and wrapped keys."""

import base64
import binascii

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from casefile.limits import MAX_WRAPPED_KEY_BYTES, MIN_CIPHERTEXT_BYTES, base64_length


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
