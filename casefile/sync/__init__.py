"""Sync: collections (case files and link groups), encrypted records, cursors, push and pull.

Owns `access_collection` (the only way a view reaches a collection), `push_records` under the
collection's row lock (in a link group, each member writes only their own records), and the cursor
format. May import `casefile.models`, `casefile.errors`, `casefile.limits`, `casefile.record_ids`
and `casefile.evidence.services` (deleting a collection deletes its files); nothing here imports
`accounts` or `links`.
"""
