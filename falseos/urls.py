from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from pwa import views as pwa_views

from casefile import views as casefile_views
from casefile.evidence import receipt_apis
from falseos import i18n, views

admin.site.site_header = "FalseOS content"
admin.site.site_title = "FalseOS content"
admin.site.index_title = "Guide content"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("offline-manifest.json", views.offline_manifest_json, name="offline_manifest"),
    path("", include("guide.urls")),
    path("offline/", views.offline, name="offline"),
    # Loaded as a classic script before main.js: script-src 'self' allows it, and it is no inline script.
    path("jsi18n/<str:language>.js", i18n.javascript_catalog, name="javascript_catalog"),
    path("casefile/", casefile_views.app, name="casefile"),
    path("links/join/<uuid:invite_id>", casefile_views.join, name="join_link_group"),
    path("casefile/common-passphrases.txt", casefile_views.common_passphrases, name="common_passphrases"),
    path("serviceworker.js", pwa_views.service_worker, name="serviceworker"),
    path("manifest.json", pwa_views.manifest, name="manifest"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/v1/", include("casefile.urls")),
    path(".well-known/falseos-receipt-key.json", receipt_apis.receipt_key, name="receipt_key"),
]

# Under /api/ these answer JSON, as the API's own errors do (falseos/views.py).
handler400 = "falseos.views.bad_request"
handler403 = "falseos.views.permission_denied"
handler404 = "falseos.views.page_not_found"
handler500 = "falseos.views.server_error"
