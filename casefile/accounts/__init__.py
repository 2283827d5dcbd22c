"""Accounts: salt, register, sign-in, recovery code, passphrase change, sessions, devices, lockout.

The server only ever sees an auth key derived on the device; keys stay wrapped. Owns the
per-device lockout (django-axes, `lockout.py`, with its settings hooks in `axes_hooks.py`, and the
device cookies that tell devices apart, `device_cookies.py`) and the
session lifetime middleware. May import `sync`, `evidence` and `links` services (deleting an
account deletes its case files and leaves its groups).
"""
