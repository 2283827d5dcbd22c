from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from casefile import apis

app_name = "casefile"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("collections/", apis.CollectionsApi.as_view(), name="collections"),
    path("collections/<uuid:collection_id>/records/", apis.PullApi.as_view(), name="pull"),
    path("collections/<uuid:collection_id>/records/push/", apis.PushApi.as_view(), name="push"),
]
