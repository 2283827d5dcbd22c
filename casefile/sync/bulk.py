"""Changing many rows in one statement, for the push: `UPDATE … FROM (VALUES …)`.

Django's bulk_update writes a CASE WHEN chain per column, which PostgreSQL plans and runs in time that
grows with rows × columns, all of it under the collection's row lock. A join against a VALUES list
is one pass: a push of 500 edits then costs about what inserting 500 rows costs. SQLite (3.33 or
newer) has the same UPDATE … FROM; its VALUES columns are named column1, column2, ….
"""

from collections.abc import Sequence

from django.db import connection, models

ROWS_PER_STATEMENT = 1000  # 8 values a row: well inside PostgreSQL's 65,535 parameters


def update_rows(objs: Sequence[models.Model], field_names: Sequence[str]) -> None:
    """Save `field_names` of every object, matched by primary key, in one statement per batch of rows."""
    if not objs:
        return
    meta = type(objs[0])._meta
    fields = [meta.pk, *(meta.get_field(name) for name in field_names)]
    # As many rows as the database takes parameters for (Django's own measure, which bulk_create uses too).
    rows = max(1, min(ROWS_PER_STATEMENT, connection.ops.bulk_batch_size(fields, objs)))
    for start in range(0, len(objs), rows):
        batch = objs[start : start + rows]
        params = [field.get_db_prep_save(getattr(obj, field.attname), connection) for obj in batch for field in fields]
        with connection.cursor() as cursor:
            cursor.execute(_statement(meta.db_table, fields, len(batch)), params)


def _statement(table: str, fields: list[models.Field], rows: int) -> str:
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        # Each value is cast, or PostgreSQL would read them all as text.
        row = "(" + ", ".join(f"%s::{field.cast_db_type(connection)}" for field in fields) + ")"
        names = ", ".join(quote(field.column) for field in fields)
        source = [f"v.{quote(field.column)}" for field in fields]
        values = f"(VALUES {', '.join([row] * rows)}) AS v ({names})"
    else:
        row = "(" + ", ".join(["%s"] * len(fields)) + ")"
        source = [f"v.column{n}" for n in range(1, len(fields) + 1)]
        values = f"(VALUES {', '.join([row] * rows)}) AS v"
    pk, *columns = fields
    pairs = zip(columns, source[1:], strict=True)
    assignments = ", ".join(f"{quote(field.column)} = {value}" for field, value in pairs)
    # Only model metadata and placeholders are formatted in: every value is a parameter.
    where = f"{quote(table)}.{quote(pk.column)} = {source[0]}"
    return f"UPDATE {quote(table)} SET {assignments} FROM {values} WHERE {where}"  # noqa: S608
