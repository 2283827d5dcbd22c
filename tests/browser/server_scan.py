"""Search everything the server stores (every column of every table, and media files) for a string."""

import base64
from pathlib import Path

from django.conf import settings
from django.db import connection


def every_stored_value():
    """Every value in every column of every table, as bytes."""
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (names from introspection)
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, str):
                        yield table, value.encode()
                    elif isinstance(value, bytes | memoryview | bytearray):
                        yield table, bytes(value)


def stored_files():
    media = Path(settings.MEDIA_ROOT) if getattr(settings, "MEDIA_ROOT", "") else None
    if media and media.exists():
        for path in media.rglob("*"):
            if path.is_file():
                yield str(path), path.read_bytes()


def found(needle: str) -> list[str]:
    forms = {needle.encode(), needle.encode("utf-16-le"), base64.b64encode(needle.encode())}
    hits = [table for table, value in every_stored_value() if any(form in value for form in forms)]
    return hits + [name for name, value in stored_files() if any(form in value for form in forms)]
