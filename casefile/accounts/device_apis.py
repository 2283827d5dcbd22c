"""Your devices: where this account is signed in, and signing them out."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from casefile.accounts import devices
from casefile.authentication import SIGNED_IN_AND_FRESH


class DeviceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    device = serializers.CharField(help_text='The browser and system in a few words, e.g. "Chrome on Android".')
    signed_in = serializers.DateTimeField()
    current = serializers.SerializerMethodField()

    def get_current(self, device) -> bool:
        return device.session_key == self.context["session_key"]


class DevicesApi(APIView):
    @extend_schema(responses=inline_serializer("DeviceList", {"devices": DeviceSerializer(many=True)}))
    def get(self, request: Request) -> Response:
        context = {"session_key": request.session.session_key}
        found = devices.signed_in_devices(request.user)
        return Response({"devices": DeviceSerializer(found, many=True, context=context).data})


class SignOutDeviceApi(APIView):
    permission_classes = SIGNED_IN_AND_FRESH

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request, device_id: int) -> Response:
        device = devices.access_device(request.user, device_id)
        devices.sign_out_devices(devices.signed_in_devices(request.user).filter(pk=device.pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class SignOutOtherDevicesApi(APIView):
    permission_classes = SIGNED_IN_AND_FRESH

    @extend_schema(request=None, responses={204: None})
    def post(self, request: Request) -> Response:
        others = devices.signed_in_devices(request.user).exclude(session_key=request.session.session_key)
        devices.sign_out_devices(others)
        return Response(status=status.HTTP_204_NO_CONTENT)
