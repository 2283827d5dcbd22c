"""A real gunicorn serving the app over HTTP, for tests that need real processes: crashes, many workers.

The listening socket belongs to the test and is handed to each gunicorn (fd://), so the port never changes
hands and a restart cannot race another process for it.
"""

import base64
import http.client
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection


class Server:
    """gunicorn with `workers` workers, in its own process group, on a socket this test keeps open."""

    def __init__(self, database_url: str, workers: int = 2, **env: str):
        self.workers = workers
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
            "DEBUG": "0",
            "SECRET_KEY": "server-kill-test-" + uuid.uuid4().hex,
            "RECEIPT_SIGNING_KEY": base64.b64encode(os.urandom(32)).decode(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "0",
            "LOG_LEVEL": "WARNING",
            **env,
        }
        self.process: subprocess.Popen | None = None
        self.starts = 0

    def start(self, log: Path) -> None:
        fd = self.listener.fileno()
        command = [sys.executable, "-m", "gunicorn", "falseos.wsgi:application", f"--bind=fd://{fd}"]
        command += [f"--workers={self.workers}", "--timeout=30", "--graceful-timeout=2", "--no-control-socket"]
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                command, cwd=settings.BASE_DIR, env=self.env, pass_fds=[fd], start_new_session=True,
                stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        self.starts += 1
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"gunicorn exited: {log.read_text()[-2000:]}"
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    return
            except (OSError, http.client.HTTPException):
                time.sleep(0.05)
            finally:
                conn.close()
        raise AssertionError(f"gunicorn did not answer within 30 s: {log.read_text()[-2000:]}")

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)  # the master and every worker at once, mid-request
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.listener.close()


def server_database(tmp_path: Path) -> str:
    """A database URL for the server: the migrated test database itself on PostgreSQL, a file copy on SQLite."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        user, password = quote(db["USER"], safe=""), quote(db["PASSWORD"], safe="")
        return f"postgres://{user}:{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    path = tmp_path / "server.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)  # the in-memory test database, migrations and all, in milliseconds
    copy.close()
    return f"sqlite:///{path}"
