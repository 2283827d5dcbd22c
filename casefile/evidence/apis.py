"""Evidence files (blobs): ciphertext uploaded in chunks that can resume, and read back as one stream.

The device encrypts a file before it leaves; the server never sees its name, type or
contents. An upload is `POST collections/<id>/blobs/` with the size, then
`PUT blobs/<id>/content/?offset=<n>` chunk after chunk. A chunk that does not start
where the server's copy ends answers 409 with `received`, so an interrupted upload
continues from there.
"""

from django.conf import settings
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from casefile.authentication import require_fresh_sign_in
from casefile.errors import BlobIncomplete, CasefileError, ChunkRefused, ChunkTooBig
from casefile.evidence.selectors import access_blob, blob_content
from casefile.evidence.services import append_chunk, check_chunk, create_blob, delete_blob, restore_blob
from casefile.sync.selectors import access_collection
from casefile.throttles import SLOWED_DOWN, FairUse, UploadThrottle


class ChunkParser(BaseParser):
    """Raw bytes, read up to BLOB_CHUNK_BYTES and never further (DRF would otherwise buffer it all)."""

    media_type = "application/octet-stream"

    def parse(self, stream, media_type=None, parser_context=None) -> bytes:
        limit = settings.BLOB_CHUNK_BYTES
        pieces, size = [], 0
        while size <= limit:
            piece = stream.read(limit + 1 - size)  # usually all of it at once: no copy to join
            if not piece:
                break
            pieces.append(piece)
            size += len(piece)
        if size > limit:
            raise ChunkTooBig()
        return b"".join(pieces)


def _discard_body(request: Request, length: int) -> None:
    """Read a refused chunk and drop it: an answer sent before the body is read reaches many HTTP
    clients as a broken pipe, not as the 409 that tells them where to resume."""
    while length > 0:
        piece = request._request.read(min(length, 64 * 1024))
        if not piece:
            return
        length -= len(piece)


class JsonErrors(DefaultContentNegotiation):
    """The content endpoint answers bytes or a JSON error, whatever the Accept header asks for."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _content_length(request: Request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


class BlobSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    size = serializers.IntegerField(help_text="Total bytes of ciphertext, as declared when the upload began.")
    received = serializers.IntegerField(help_text="Bytes stored so far: the offset of the next chunk.")
    complete = serializers.BooleanField()


ERROR = inline_serializer("BlobError", {"detail": serializers.CharField()})
WRONG_OFFSET = inline_serializer(
    "WrongOffset", {"detail": serializers.CharField(), "received": serializers.IntegerField()}
)


class BlobsApi(FairUse, APIView):
    # Starting a file counts as an upload request, like each of its chunks.
    throttle_classes = [UploadThrottle]

    class NewBlobSerializer(serializers.Serializer):
        id = serializers.UUIDField(required=False, help_text="Chosen by the device; sending it again is safe.")
        size = serializers.IntegerField(
            min_value=1,
            help_text="Total bytes of the encrypted file.",
            error_messages={"min_value": "A file must have at least 1 byte."},
        )

    @extend_schema(
        request=NewBlobSerializer,
        responses={
            201: BlobSerializer,
            200: OpenApiResponse(BlobSerializer, description="This upload had already begun: resume it."),
            404: OpenApiResponse(ERROR, description="Someone else's file has that id: choose another."),
            409: OpenApiResponse(ERROR, description="One of your own files has that id."),
            413: OpenApiResponse(ERROR, description="The file is too big, or the person's storage is full."),
            429: SLOWED_DOWN,
        },
    )
    def post(self, request: Request, collection_id) -> Response:
        collection = access_collection(request.user, collection_id)
        data = self.NewBlobSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = data.validated_data
        blob = create_blob(user=request.user, collection=collection, size=fields["size"], blob_id=fields.get("id"))
        return Response(
            BlobSerializer(blob).data, status=status.HTTP_201_CREATED if blob.created_now else status.HTTP_200_OK
        )


class BlobApi(APIView):
    @extend_schema(responses=BlobSerializer, description="Where an upload stands: resume from `received`.")
    def get(self, request: Request, blob_id) -> Response:
        return Response(BlobSerializer(access_blob(request.user, blob_id)).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, blob_id) -> Response:
        require_fresh_sign_in(request)
        delete_blob(blob=access_blob(request.user, blob_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class RestoreBlobApi(APIView):
    @extend_schema(request=None, responses=BlobSerializer, description="Bring back a file from Recently deleted.")
    def post(self, request: Request, blob_id) -> Response:
        return Response(BlobSerializer(restore_blob(blob=access_blob(request.user, blob_id, deleted=True))).data)


class BlobContentApi(FairUse, APIView):
    parser_classes = [ChunkParser]
    content_negotiation_class = JsonErrors

    def get_throttles(self):
        # Only sending chunks counts towards the upload limit; reading a finished file back does not.
        return [UploadThrottle()] if self.request.method == "PUT" else []

    class QuerySerializer(serializers.Serializer):
        offset = serializers.IntegerField(min_value=0, help_text="Where this chunk starts: the `received` so far.")

    @extend_schema(
        responses={
            (200, "application/octet-stream"): OpenApiTypes.BINARY,
            409: OpenApiResponse(ERROR, description="The upload has not finished."),
        },
    )
    def get(self, request: Request, blob_id) -> StreamingHttpResponse:
        blob = access_blob(request.user, blob_id)
        if not blob.complete:
            raise BlobIncomplete()
        response = StreamingHttpResponse(blob_content(blob), content_type="application/octet-stream")
        response["Content-Length"] = str(blob.size)
        response["Content-Disposition"] = "attachment"
        response["Cache-Control"] = "no-store"
        # Ciphertext does not compress: keep GZipMiddleware off it, and keep the Content-Length.
        request._request.META.pop("HTTP_ACCEPT_ENCODING", None)
        return response

    @extend_schema(
        request={"application/octet-stream": OpenApiTypes.BINARY},
        parameters=[QuerySerializer],
        responses={
            200: BlobSerializer,
            400: OpenApiResponse(ERROR, description="Empty, cut short, or past the end of the file."),
            409: OpenApiResponse(WRONG_OFFSET, description="Not where the upload stands: resume from `received`."),
            413: OpenApiResponse(ERROR, description="The chunk is larger than BLOB_CHUNK_BYTES."),
            429: SLOWED_DOWN,
        },
    )
    def put(self, request: Request, blob_id) -> Response:
        blob = access_blob(request.user, blob_id)
        length = _content_length(request)
        if length > settings.BLOB_CHUNK_BYTES:
            raise ChunkTooBig()  # before a byte of it is read
        query = self.QuerySerializer(data=request.query_params)
        if not query.is_valid():
            # As documented for 400: one `detail` sentence, not DRF's per-field errors.
            raise ChunkRefused("Say where this chunk starts: ?offset= and the number of bytes received so far.")
        offset = query.validated_data["offset"]
        try:
            check_chunk(blob, offset, length)
        except CasefileError:
            _discard_body(request, length)
            raise
        data = request.data
        if not isinstance(data, bytes) or len(data) != length:
            raise ChunkRefused("This chunk arrived cut short. Send it again.")
        blob = append_chunk(blob=blob, offset=offset, data=data)
        return Response(BlobSerializer(blob).data)
