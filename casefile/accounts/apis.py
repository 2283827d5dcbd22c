"""Account API: salt, register, sign in, recover, passphrase, new recovery code, delete. Thin views over services."""

import base64

from django.contrib.auth import logout
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from casefile.accounts import device_cookies
from casefile.accounts import services as accounts
from casefile.accounts.serializers import (
    DeleteAccountInputSerializer,
    LoginInputSerializer,
    PassphraseInputSerializer,
    RecoverInputSerializer,
    RecoverOutputSerializer,
    RecoveryCodeInputSerializer,
    RegisterInputSerializer,
    SaltOutputSerializer,
    UnlockOutputSerializer,
    UsernameSerializer,
    keypair_fields,
)
from casefile.authentication import SIGNED_IN_AND_FRESH, SessionAuthentication
from casefile.throttles import AuthThrottle, TooManyRequests


def _with_keypair(account, **fields) -> dict:
    """Unlock responses carry the linked-cases key pair too, so a new device need not ask again."""
    return {**fields, **keypair_fields(account)}


class ThrottledApi(APIView):
    """Endpoints that check a secret: limited per device, under a ceiling per address (casefile/throttles.py)."""

    throttle_classes = [AuthThrottle]

    def throttled(self, request, wait):
        raise TooManyRequests(wait)


class AuthApi(ThrottledApi):
    """Base for the sign-in endpoints: open to anyone, but CSRF-checked and throttled."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # DRF checks CSRF only for signed-in sessions; a forged sign-in matters too.
        SessionAuthentication().enforce_csrf(request)

    def finalize_response(self, request, response, *args, **kwargs):
        # A sign-in (register, passphrase, recovery code) earns this device its device cookie for that name.
        device_cookies.set_cookie(getattr(request, "_request", request), response)
        return super().finalize_response(request, response, *args, **kwargs)


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
    # Signing out when already signed out is fine: the device ends its session whenever it locks.
    permission_classes = [AllowAny]

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


class ConfirmApi(ThrottledApi):
    """Show the passphrase again in an open session, before deleting or changing something (FreshSignIn)."""

    @extend_schema(request=DeleteAccountInputSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        data = DeleteAccountInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        auth_key = data.validated_data["auth_key"]
        if not accounts.confirm_passphrase(request._request, user=request.user, auth_key=auth_key):
            return Response({"auth_key": ["Your passphrase is not right."]}, status=status.HTTP_400_BAD_REQUEST)
        return Response(status=status.HTTP_204_NO_CONTENT)


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


class RecoveryCodeApi(ThrottledApi):
    """Replace the recovery code with one the device has just made: the old code stops working."""

    permission_classes = SIGNED_IN_AND_FRESH

    @extend_schema(request=RecoveryCodeInputSerializer, responses={204: None})
    def post(self, request: Request) -> Response:
        data = RecoveryCodeInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if not accounts.replace_recovery_code(request._request, user=request.user, **data.validated_data):
            return Response({"auth_key": ["Your passphrase is not right."]}, status=status.HTTP_400_BAD_REQUEST)
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
