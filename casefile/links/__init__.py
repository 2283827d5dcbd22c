"""Linked cases: link groups, the account key pair, invites, members and key rotation.

A link group is a collection of kind `linkgroup` and syncs through `sync`; this package owns who
may be in it (`access_group`), invites with their join proof, removal and leaving with a new group
key. May import `sync` services and selectors, `casefile.models`, `errors`, `limits` and `record_ids`.
"""
