"""Timestamp receipts: a signed "this SHA-256 existed at this time". The file itself never leaves the device."""

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from casefile.evidence import receipts
from casefile.throttles import SharedScopedThrottle


class ReceiptSerializer(serializers.Serializer):
    sha256 = serializers.CharField()
    time = serializers.CharField(help_text="ISO 8601 in UTC, to the second, e.g. 2025-12-04T09:30:00Z.")
    key_id = serializers.CharField(help_text="The first 16 hex digits of the SHA-256 of the public key.")
    signature = serializers.CharField(
        help_text='Ed25519, base64, over the UTF-8 of "falseos-receipt-v1\\n" + sha256 + "\\n" + time.'
    )


class ReceiptApi(APIView):
    """Sign a file's SHA-256 with the server's time (RECEIPT_THROTTLE_RATE per person)."""

    throttle_classes = [SharedScopedThrottle]
    throttle_scope = "receipts"

    class ReceiptRequestSerializer(serializers.Serializer):
        sha256 = serializers.RegexField(
            r"^[0-9a-f]{64}\Z",
            trim_whitespace=False,
            help_text="The SHA-256 of the original file, as 64 lowercase hexadecimal digits.",
            error_messages={"invalid": "Send the SHA-256 of the file as 64 lowercase hexadecimal digits."},
        )

    @extend_schema(request=ReceiptRequestSerializer, responses=ReceiptSerializer)
    def post(self, request: Request) -> Response:
        data = self.ReceiptRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return Response(receipts.sign(settings.RECEIPT_SIGNING_KEY, data.validated_data["sha256"], timezone.now()))


@require_GET
@cache_control(public=True, max_age=60 * 60)
def receipt_key(request: HttpRequest) -> JsonResponse:
    """The public key that checks receipts. Public: anyone holding a receipt may verify it."""
    response = JsonResponse(receipts.public_key_document(settings.RECEIPT_SIGNING_KEY))
    response["Access-Control-Allow-Origin"] = "*"  # a verifier on another site may fetch it
    return response
