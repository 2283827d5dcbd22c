"""Case-file sync API. Thin views: validation in serializers, reads in selectors, writes in services."""

import base64
import logging

from django.conf import settings
from django.contrib.auth import logout
from django.db import DatabaseError
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from casefile import accounts, cursors
from casefile.authentication import SessionAuthentication
from casefile.models import Collection
from casefile.selectors import access_collection, changes_since, collections_for
from casefile.serializers import (
    CollectionListSerializer,
    CollectionSerializer,
    DeleteAccountInputSerializer,
    LoginInputSerializer,
    PassphraseInputSerializer,
    PullOutputSerializer,
    PushInputSerializer,
    PushOutputSerializer,
    RecordSerializer,
    RecoverInputSerializer,
    RecoverOutputSerializer,
    RegisterInputSerializer,
    SaltOutputSerializer,
    UnlockOutputSerializer,
    UsernameSerializer,
    WrappedKeyField,
    WriteResultSerializer,
    keypair_fields,
    to_write,
)
from casefile.services import ensure_collection, push_records
from casefile.throttles import SLOWED_DOWN, FairUse, PullThrottle, PushThrottle

logger = logging.getLogger(__name__)


class PayloadTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "payload_too_large"
    default_detail = "This upload is too large. Send fewer records at a time."


class NothingSaved(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "try_again"
    default_detail = "The server could not save your changes just now. They are safe on this device; try again soon."
    wait = 5  # seconds; DRF sends it as Retry-After


def _refuse_oversized(request: Request) -> None:
    # DRF's parsers read the whole body: refuse a too-large one before they do.
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > settings.SYNC_MAX_REQUEST_BYTES:
        raise PayloadTooLarge()


class CollectionsApi(APIView):
    class InputSerializer(serializers.Serializer):
        id = serializers.UUIDField(required=False, help_text="Chosen by the device; sending it again is safe.")
        kind = serializers.ChoiceField(choices=Collection.Kind.choices, default=Collection.Kind.CASE_FILE)
        wrapped_key = WrappedKeyField(
            help_text="A case file's key wrapped with the vault key; a link group's keyring sealed to the account."
        )

    @extend_schema(responses=CollectionListSerializer)
    def get(self, request: Request) -> Response:
        return Response({"collections": CollectionSerializer(collections_for(request.user), many=True).data})

    @extend_schema(request=InputSerializer, responses={201: CollectionSerializer, 200: CollectionSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = data.validated_data
        collection, created = ensure_collection(
            user=request.user, kind=fields["kind"], collection_id=fields.get("id"), wrapped_key=fields["wrapped_key"]
        )
        collection = collections_for(request.user).get(pk=collection.pk)
        return Response(
            CollectionSerializer(collection).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )


class PullApi(FairUse, APIView):
    throttle_classes = [PullThrottle]

    class QuerySerializer(serializers.Serializer):
        since = serializers.CharField(required=False, allow_blank=True)
        limit = serializers.IntegerField(
            min_value=1, max_value=settings.SYNC_PAGE_SIZE, default=settings.SYNC_PAGE_SIZE
        )

    @extend_schema(parameters=[QuerySerializer], responses={200: PullOutputSerializer, 429: SLOWED_DOWN})
    def get(self, request: Request, collection_id) -> Response:
        collection = access_collection(request.user, collection_id)
        query = self.QuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        cursor = cursors.parse(query.validated_data.get("since"), collection)
        records, more = changes_since(collection, cursor, query.validated_data["limit"])
        next_cursor = cursors.Cursor(collection.epoch, records[-1].seq) if records else cursor
        return Response(
            {"records": RecordSerializer(records, many=True).data, "cursor": str(next_cursor), "more": more}
        )


class PushApi(FairUse, APIView):
    throttle_classes = [PushThrottle]

    @extend_schema(request=PushInputSerializer, responses={200: PushOutputSerializer, 429: SLOWED_DOWN})
    def post(self, request: Request, collection_id) -> Response:
        collection = access_collection(request.user, collection_id)
        _refuse_oversized(request)
        data = PushInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        writes = [to_write(write) for write in data.validated_data["writes"]]
        results = push_records(collection=collection, writes=writes)
        return Response({"results": WriteResultSerializer(results, many=True).data})

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, DatabaseError):
            # push_records is one transaction: the batch was rolled back whole and the device sends it again.
            # Only the class name is logged: a database message can quote ids from the batch.
            logger.error("A push was rolled back after a database error (%s).", type(exc).__name__)
            exc = NothingSaved()
        return super().handle_exception(exc)


def _with_keypair(account, **fields) -> dict:
    """Unlock responses carry the linked-cases key pair too, so a new device need not ask again."""
    return {**fields, **keypair_fields(account)}


class ThrottledApi(APIView):
    """Endpoints that check a secret: limited per address (AUTH_THROTTLE_RATE)."""

    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"


class AuthApi(ThrottledApi):
    """Base for the sign-in endpoints: open to anyone, but CSRF-checked and throttled."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # DRF checks CSRF only for signed-in sessions; a forged sign-in matters too.
        SessionAuthentication().enforce_csrf(request)


@method_decorator(ensure_csrf_cookie, name="get")
class CsrfApi(APIView):
    """Sets the CSRF cookie. The case-file page may come from the offline cache, which never sets cookies."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(responses={204: None})
    def get(self, request: Request) -> Response:
        return Response(status=status.HTTP_204_NO_CONTENT)


class SaltApi(AuthApi):
    @extend_schema(request=UsernameSerializer, responses=SaltOutputSerializer)
    def post(self, request: Request) -> Response:
        data = UsernameSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        salt = accounts.salt_for(data.validated_data["username"])
        return Response(
            {"salt": base64.b64encode(salt).decode(), "iterations": accounts.KDF_ITERATIONS, "kdf": "PBKDF2-SHA256"}
        )


class RegisterApi(AuthApi):
    @extend_schema(request=RegisterInputSerializer, responses={201: UnlockOutputSerializer})
    def post(self, request: Request) -> Response:
        data = RegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            account = accounts.register(**data.validated_data)
        except accounts.UsernameTaken:
            return Response({"username": ["Choose another name."]}, status=status.HTTP_400_BAD_REQUEST)
        accounts.sign_in(request._request, account.user)
        return Response(
            _with_keypair(account, wrapped_vault_key=base64.b64encode(bytes(account.wrapped_vault_key)).decode()),
            status=status.HTTP_201_CREATED,
        )


class LoginApi(AuthApi):
    @extend_schema(request=LoginInputSerializer, responses=UnlockOutputSerializer)
    def post(self, request: Request) -> Response:
        data = LoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = accounts.authenticate_auth_key(request._request, **data.validated_data)
        if user is None:
            return Response(
                {"detail": "That name and passphrase do not match. Check them and try again."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        accounts.sign_in(request._request, user)
        vault_key = base64.b64encode(bytes(user.account.wrapped_vault_key)).decode()
        return Response(_with_keypair(user.account, wrapped_vault_key=vault_key))


class LogoutApi(APIView):
    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RecoverApi(AuthApi):
    @extend_schema(request=RecoverInputSerializer, responses=RecoverOutputSerializer)
    def post(self, request: Request) -> Response:
        data = RecoverInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        account = accounts.recover(request._request, **data.validated_data)
        if account is None:
            return Response(
                {"detail": "That name and recovery code do not match. Check them and try again."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        blob = base64.b64encode(bytes(account.recovery_wrapped_vault_key)).decode()
        return Response(_with_keypair(account, recovery_wrapped_vault_key=blob))


class PassphraseApi(ThrottledApi):
    @extend_schema(request=PassphraseInputSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        data = PassphraseInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        changed = accounts.change_passphrase(
            request._request,
            user=request.user,
            current_auth_key=data.validated_data.get("current_auth_key"),
            new_auth_key=data.validated_data["new_auth_key"],
            wrapped_vault_key=data.validated_data["wrapped_vault_key"],
            sign_out_other_devices=data.validated_data["sign_out_other_devices"],
        )
        if not changed:
            return Response(
                {"current_auth_key": ["Your current passphrase is not right."]}, status=status.HTTP_400_BAD_REQUEST
            )
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeleteAccountApi(ThrottledApi):
    @extend_schema(request=DeleteAccountInputSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        data = DeleteAccountInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if not accounts.check_passphrase(request._request, user=request.user, auth_key=data.validated_data["auth_key"]):
            return Response({"auth_key": ["Your passphrase is not right."]}, status=status.HTTP_400_BAD_REQUEST)
        user = request.user
        logout(request._request)
        accounts.delete_account(user=user)
        return Response(status=status.HTTP_204_NO_CONTENT)
