"""Evidence: encrypted files (blobs) uploaded in chunks, the chunk store, and timestamp receipts.

Owns `access_blob` (the only way a view reaches a blob), the storage quota and chunk rules, and
the signed receipts for a file's hash. May import `casefile.models`, `errors`, `limits` and
`sync.selectors` (a blob belongs to a collection); the chunk store knows nothing of the database.
"""
