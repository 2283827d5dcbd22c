from django.urls import path

from casefile.accounts import apis, device_apis

urlpatterns = [
    path("auth/csrf/", apis.CsrfApi.as_view(), name="csrf"),
    path("auth/salt/", apis.SaltApi.as_view(), name="salt"),
    path("auth/register/", apis.RegisterApi.as_view(), name="register"),
    path("auth/login/", apis.LoginApi.as_view(), name="login"),
    path("auth/logout/", apis.LogoutApi.as_view(), name="logout"),
    path("auth/confirm/", apis.ConfirmApi.as_view(), name="confirm"),
    path("auth/recover/", apis.RecoverApi.as_view(), name="recover"),
    path("auth/passphrase/", apis.PassphraseApi.as_view(), name="passphrase"),
    path("auth/recovery-code/", apis.RecoveryCodeApi.as_view(), name="recovery_code"),
    path("auth/devices/", device_apis.DevicesApi.as_view(), name="devices"),
    path("auth/devices/<int:device_id>/sign-out/", device_apis.SignOutDeviceApi.as_view(), name="device_sign_out"),
    path("auth/devices/sign-out-others/", device_apis.SignOutOtherDevicesApi.as_view(), name="devices_sign_out"),
    path("auth/delete/", apis.DeleteAccountApi.as_view(), name="delete_account"),
]
