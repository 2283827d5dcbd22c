"""Case-file sync API. Thin views: validation in serializers, reads in selectors, writes in services."""

import logging

from django.conf import settings
from django.db import DatabaseError
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from casefile.authentication import require_fresh_sign_in
from casefile.errors import NothingSaved
from casefile.fields import WrappedKeyField
from casefile.models import Collection
from casefile.sync import cursors, deleted
from casefile.sync.selectors import access_collection, changes_since, collections_for
from casefile.sync.serializers import (
    CollectionListSerializer,
    CollectionSerializer,
    DeletedOutputSerializer,
    DeletedRecordSerializer,
    PullOutputSerializer,
    PushInputSerializer,
    PushOutputSerializer,
    RecordSerializer,
    WriteResultSerializer,
    to_write,
)
from casefile.sync.services import ensure_collection, push_records
from casefile.throttles import SLOWED_DOWN, FairUse, PullThrottle, PushThrottle

logger = logging.getLogger(__name__)


class CollectionsApi(APIView):
    class InputSerializer(serializers.Serializer):
        id = serializers.UUIDField(required=False, help_text="Chosen by the device; sending it again is safe.")
        kind = serializers.ChoiceField(choices=Collection.Kind.choices, default=Collection.Kind.CASE_FILE)
        wrapped_key = WrappedKeyField(
            help_text="A case file's key wrapped with the vault key; a link group's keyring sealed to the account."
        )

    @extend_schema(responses=CollectionListSerializer)
    def get(self, request: Request) -> Response:
        return Response({"collections": CollectionSerializer(collections_for(request.user), many=True).data})

    @extend_schema(request=InputSerializer, responses={201: CollectionSerializer, 200: CollectionSerializer})
    def post(self, request: Request) -> Response:
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = data.validated_data
        collection, created = ensure_collection(
            user=request.user, kind=fields["kind"], collection_id=fields.get("id"), wrapped_key=fields["wrapped_key"]
        )
        collection = collections_for(request.user).get(pk=collection.pk)
        return Response(
            CollectionSerializer(collection).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )


class PullApi(FairUse, APIView):
    throttle_classes = [PullThrottle]

    class QuerySerializer(serializers.Serializer):
        since = serializers.CharField(required=False, allow_blank=True)

        def get_fields(self):
            # Built per request, as the page's limits are: a changed SYNC_PAGE_SIZE holds for both at once.
            fields = super().get_fields()
            fields["limit"] = serializers.IntegerField(
                min_value=1, max_value=settings.SYNC_PAGE_SIZE, default=settings.SYNC_PAGE_SIZE
            )
            return fields

    @extend_schema(parameters=[QuerySerializer], responses={200: PullOutputSerializer, 429: SLOWED_DOWN})
    def get(self, request: Request, collection_id) -> Response:
        collection = access_collection(request.user, collection_id)
        query = self.QuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        cursor = cursors.parse(query.validated_data.get("since"), collection)
        records, more = changes_since(collection, cursor, query.validated_data["limit"])
        next_cursor = cursors.Cursor(collection.epoch, records[-1].seq) if records else cursor
        return Response(
            {"records": RecordSerializer(records, many=True).data, "cursor": str(next_cursor), "more": more}
        )


class DeletedApi(APIView):
    """Recently deleted: what each deleted record held, for DELETED_KEEP_DAYS. Restoring is an ordinary push."""

    @extend_schema(responses=DeletedOutputSerializer)
    def get(self, request: Request, collection_id) -> Response:
        collection = access_collection(request.user, collection_id)
        copies = DeletedRecordSerializer(deleted.recently_deleted(collection), many=True).data
        return Response({"records": copies, "keep_days": settings.DELETED_KEEP_DAYS})


class PushApi(FairUse, APIView):
    throttle_classes = [PushThrottle]

    def max_body_bytes(self) -> int:
        # A full batch of the largest records is far over Django's form limit: casefile.parsers reads up to this.
        return settings.SYNC_MAX_REQUEST_BYTES

    @extend_schema(
        request=PushInputSerializer,
        responses={
            200: PushOutputSerializer,
            413: OpenApiResponse(
                inline_serializer("PushRefused", {"detail": serializers.CharField()}),
                description="Larger than SYNC_MAX_REQUEST_BYTES, or past the person's or the group's storage: "
                "nothing of the batch was saved.",
            ),
            403: OpenApiResponse(
                inline_serializer(
                    "PushForbidden",
                    {
                        "detail": serializers.CharField(),
                        "code": serializers.CharField(),
                        "records": serializers.ListField(),
                    },
                ),
                description="Link groups: a write to a record another member wrote (`not_your_record`), or to the "
                "group's details by someone other than its starter (`starter_only`). `records` lists the refused "
                "ids; nothing of the batch was saved.",
            ),
            429: SLOWED_DOWN,
        },
    )
    def post(self, request: Request, collection_id) -> Response:
        collection = access_collection(request.user, collection_id)
        data = PushInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        writes = [to_write(write) for write in data.validated_data["writes"]]
        if any(write.deleted or write.base_version for write in writes):
            # Deleting or overwriting: a session left on a locked or borrowed phone must not be able to empty a
            # case file or write over it. Adding new records needs only a live session.
            require_fresh_sign_in(request)
        results = push_records(collection=collection, writes=writes, user=request.user)
        return Response({"results": WriteResultSerializer(results, many=True).data})

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, DatabaseError):
            # push_records is one transaction: the batch was rolled back whole and the device sends it again.
            # Only the class name is logged: a database message can quote ids from the batch.
            logger.error("A push was rolled back after a database error (%s).", type(exc).__name__)
            exc = NothingSaved()
        return super().handle_exception(exc)
