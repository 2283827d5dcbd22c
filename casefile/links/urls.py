from django.urls import path

from casefile.links import apis

urlpatterns = [
    path("auth/keypair/", apis.KeypairApi.as_view(), name="keypair"),
    path("collections/<uuid:group_id>/members/", apis.MembersApi.as_view(), name="members"),
    path(
        "collections/<uuid:group_id>/members/<int:member_id>/remove/",
        apis.RemoveMemberApi.as_view(),
        name="remove_member",
    ),
    path("collections/<uuid:group_id>/leave/", apis.LeaveApi.as_view(), name="leave"),
    path("collections/<uuid:group_id>/rotate-key/", apis.RotateKeyApi.as_view(), name="rotate_key"),
    path("collections/<uuid:group_id>/invites/", apis.InvitesApi.as_view(), name="invites"),
    path("invites/<uuid:invite_id>/revoke/", apis.RevokeInviteApi.as_view(), name="revoke_invite"),
    path("invites/<uuid:invite_id>/open/", apis.OpenInviteApi.as_view(), name="open_invite"),
    path("invites/<uuid:invite_id>/join/", apis.JoinApi.as_view(), name="join"),
]
