from django.urls import path

from casefile.sync import apis

urlpatterns = [
    path("collections/", apis.CollectionsApi.as_view(), name="collections"),
    path("collections/<uuid:collection_id>/records/", apis.PullApi.as_view(), name="pull"),
    path("collections/<uuid:collection_id>/records/push/", apis.PushApi.as_view(), name="push"),
    path("collections/<uuid:collection_id>/deleted/", apis.DeletedApi.as_view(), name="recently_deleted"),
]
