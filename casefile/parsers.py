"""The API's JSON parser: a bounded body, and nesting too deep to parse is bad input, not a crash.

DRF's own JSONParser reads `request.body`, which caps every body at Django's form limit
(DATA_UPLOAD_MAX_MEMORY_SIZE) and answers a larger one with an HTML 400. This one reads
the stream itself, up to the view's own limit, so push can take batches of up to
SYNC_MAX_REQUEST_BYTES while form posts elsewhere keep Django's limit.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser
from rest_framework.utils import json

from casefile.errors import PayloadTooLarge


def body_limit(view) -> tuple[int, PayloadTooLarge]:
    """The most bytes a view reads, and the refusal: its own `max_body_bytes()`, or Django's form limit."""
    limit = getattr(view, "max_body_bytes", None)
    if limit is not None:
        return limit(), PayloadTooLarge()
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE, PayloadTooLarge(_("This request is too large."))


def _declared_length(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except (ValueError, AttributeError):
        return 0


class JSONParser(BaseParser):
    media_type = "application/json"

    def parse(self, stream, media_type=None, parser_context=None):
        context = parser_context or {}
        limit, too_large = body_limit(context.get("view"))
        if _declared_length(context.get("request")) > limit:
            raise too_large  # before a byte of it is read
        body = stream.read(limit + 1)
        if len(body) > limit:
            raise too_large
        try:
            text = body.decode(context.get("encoding", settings.DEFAULT_CHARSET))
            return json.loads(text)  # DRF's: NaN and Infinity are refused, as its own parser does
        except RecursionError:
            raise ParseError("JSON parse error - nested too deeply.") from None
        except ValueError as exc:
            raise ParseError(f"JSON parse error - {exc}") from None
