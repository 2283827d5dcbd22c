from django.urls import path

from casefile.evidence import apis, receipt_apis

urlpatterns = [
    path("collections/<uuid:collection_id>/blobs/", apis.BlobsApi.as_view(), name="blobs"),
    path("blobs/<uuid:blob_id>/", apis.BlobApi.as_view(), name="blob"),
    path("blobs/<uuid:blob_id>/restore/", apis.RestoreBlobApi.as_view(), name="restore_blob"),
    path("blobs/<uuid:blob_id>/content/", apis.BlobContentApi.as_view(), name="blob_content"),
    path("receipts/", receipt_apis.ReceiptApi.as_view(), name="receipts"),
]
