"""gunicorn settings for FalseOS: `gunicorn falseos.wsgi:application` reads this file from the working directory.

Every value can be set from the environment, so one file serves every server. See docs/DEPLOY.md.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")  # behind the TLS proxy, never on a public address
# Sync workers: each request is short (a page, a pull, a 4 MiB chunk at most), and a worker is a process,
# so one that crashes takes nothing else with it.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 10
# A fresh worker now and then, staggered, so a slow leak never takes every worker at once.
max_requests = 2000
max_requests_jitter = 200
# No access log: a path holds a case file's id and an invite's address. Django logs routes, not paths.
accesslog = None
errorlog = "-"
# The proxy on this machine is the only client; BEHIND_PROXY in Django decides which forwarded headers it trusts.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
