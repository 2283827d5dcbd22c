"""Account request and answer shapes."""

import base64

from rest_framework import serializers

from casefile.fields import KeyField, WrappedKeyField
from casefile.limits import USERNAME_PATTERN


class UsernameSerializer(serializers.Serializer):
    username = serializers.RegexField(
        USERNAME_PATTERN,
        error_messages={"invalid": "Use 3 to 40 letters, numbers, dots, dashes or underscores."},
    )


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


class RecoveryCodeInputSerializer(serializers.Serializer):
    auth_key = KeyField(help_text="The passphrase's auth key: a new recovery code needs the passphrase.")
    recovery_wrapped_vault_key = WrappedKeyField()
    recovery_key = KeyField(help_text="The auth half of the new code's key; stored only as an Argon2 hash.")


class DeleteAccountInputSerializer(serializers.Serializer):
    auth_key = KeyField()
