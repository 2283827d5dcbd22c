from django.urls import path

from casefile import apis, blob_apis, device_apis, link_apis, receipt_apis
from casefile.schema import SchemaApi

app_name = "casefile"

urlpatterns = [
    path("schema/", SchemaApi.as_view(), name="schema"),
    path("auth/csrf/", apis.CsrfApi.as_view(), name="csrf"),
    path("auth/salt/", apis.SaltApi.as_view(), name="salt"),
    path("auth/register/", apis.RegisterApi.as_view(), name="register"),
    path("auth/login/", apis.LoginApi.as_view(), name="login"),
    path("auth/logout/", apis.LogoutApi.as_view(), name="logout"),
    path("auth/recover/", apis.RecoverApi.as_view(), name="recover"),
    path("auth/passphrase/", apis.PassphraseApi.as_view(), name="passphrase"),
    path("auth/devices/", device_apis.DevicesApi.as_view(), name="devices"),
    path("auth/devices/<int:device_id>/sign-out/", device_apis.SignOutDeviceApi.as_view(), name="device_sign_out"),
    path("auth/devices/sign-out-others/", device_apis.SignOutOtherDevicesApi.as_view(), name="devices_sign_out"),
    path("auth/keypair/", link_apis.KeypairApi.as_view(), name="keypair"),
    path("auth/delete/", apis.DeleteAccountApi.as_view(), name="delete_account"),
    path("collections/", apis.CollectionsApi.as_view(), name="collections"),
    path("collections/<uuid:collection_id>/records/", apis.PullApi.as_view(), name="pull"),
    path("collections/<uuid:collection_id>/records/push/", apis.PushApi.as_view(), name="push"),
    path("collections/<uuid:collection_id>/blobs/", blob_apis.BlobsApi.as_view(), name="blobs"),
    path("blobs/<uuid:blob_id>/", blob_apis.BlobApi.as_view(), name="blob"),
    path("blobs/<uuid:blob_id>/content/", blob_apis.BlobContentApi.as_view(), name="blob_content"),
    path("collections/<uuid:group_id>/members/", link_apis.MembersApi.as_view(), name="members"),
    path(
        "collections/<uuid:group_id>/members/<int:member_id>/remove/",
        link_apis.RemoveMemberApi.as_view(),
        name="remove_member",
    ),
    path("collections/<uuid:group_id>/leave/", link_apis.LeaveApi.as_view(), name="leave"),
    path("collections/<uuid:group_id>/rotate-key/", link_apis.RotateKeyApi.as_view(), name="rotate_key"),
    path("collections/<uuid:group_id>/invites/", link_apis.InvitesApi.as_view(), name="invites"),
    path("invites/<uuid:invite_id>/revoke/", link_apis.RevokeInviteApi.as_view(), name="revoke_invite"),
    path("invites/<uuid:invite_id>/open/", link_apis.OpenInviteApi.as_view(), name="open_invite"),
    path("invites/<uuid:invite_id>/join/", link_apis.JoinApi.as_view(), name="join"),
    path("receipts/", receipt_apis.ReceiptApi.as_view(), name="receipts"),
]
