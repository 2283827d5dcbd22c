"""Limits hold however many processes answer: real gunicorn workers and servers, sharing Redis or the database.

Each process used to count in its own memory, so with 4 workers one person got 4 times the limit. Here the
sign-in limit is 20 an hour (an hour, so the test never straddles the edge of a counting window), and the
requests come from one address with no device cookie: one allowance, whichever process answers.
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.gunicorn_server import Server, server_database

ON_POSTGRES = connection.vendor == "postgresql"
pytestmark = [pytest.mark.server, pytest.mark.django_db(transaction=ON_POSTGRES, serialized_rollback=ON_POSTGRES)]

LIMIT = 20
LIMITS = {"AUTH_THROTTLE_RATE": f"{LIMIT}/hour", "AUTH_ADDRESS_THROTTLE_RATE": "10000/hour"}


@pytest.fixture
def redis_url(tmp_path):
    """A throwaway redis-server on a free loopback port, keeping nothing on disk."""
    binary = shutil.which("redis-server")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("redis-server is not installed: .ci/run installs it from the distribution's packages")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 10
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as ping:
                ping.sendall(b"PING\r\n")
                if ping.recv(16).startswith(b"+PONG"):
                    break
        except OSError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


class Caller:
    """One device without a cookie of its own, beyond the CSRF cookie every form needs."""

    def __init__(self, port: int):
        status, headers, _ = self.request(port, "GET", "auth/csrf/")
        assert status == 204
        cookie = next(value for name, value in headers if name.lower() == "set-cookie" and "csrftoken=" in value)
        self.csrf = cookie.split("csrftoken=", 1)[1].split(";", 1)[0]

    @staticmethod
    def request(port: int, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        try:
            conn.request(method, f"/api/v1/{path}", body=json.dumps(body) if body else None, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            conn.close()

    def ask_for_salt(self, port: int) -> tuple[int, dict]:
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.csrf, "Cookie": f"csrftoken={self.csrf}"}
        status, answer_headers, _ = self.request(port, "POST", "auth/salt/", {"username": "someone"}, headers)
        return status, {name.lower(): value for name, value in answer_headers}


def answered(results: list[tuple[int, dict]]) -> tuple[int, int]:
    statuses = [status for status, _ in results]
    assert set(statuses) <= {200, 429}, statuses
    assert all("retry-after" in headers for status, headers in results if status == 429)
    return statuses.count(200), statuses.count(429)


def started(tmp_path, name: str, workers: int, **env: str) -> Server:
    server = Server(server_database(tmp_path), workers=workers, **LIMITS, **env)
    server.start(tmp_path / f"{name}.log")
    return server


def test_the_sign_in_limit_holds_across_three_workers_sharing_redis(tmp_path, redis_url):
    server = started(tmp_path, "redis", workers=3, REDIS_URL=redis_url)
    try:
        caller = Caller(server.port)
        with ThreadPoolExecutor(max_workers=6) as pool:  # at once, so every worker answers some
            results = list(pool.map(lambda _: caller.ask_for_salt(server.port), range(3 * LIMIT)))
    finally:
        server.stop()
    assert answered(results) == (LIMIT, 2 * LIMIT)


def test_the_sign_in_limit_holds_across_two_servers_sharing_redis(tmp_path, redis_url):
    servers = [started(tmp_path, f"server-{n}", workers=2, REDIS_URL=redis_url) for n in range(2)]
    try:
        caller = Caller(servers[0].port)
        results = [caller.ask_for_salt(servers[n % 2].port) for n in range(3 * LIMIT)]  # every other one each
    finally:
        for server in servers:
            server.stop()
    assert answered(results) == (LIMIT, 2 * LIMIT)


def test_with_no_redis_the_workers_count_in_the_database(tmp_path):
    """The zero-setup default for one server: the database cache table the migrations made."""
    servers = [started(tmp_path, f"db-{n}", workers=2) for n in range(2)]
    try:
        caller = Caller(servers[0].port)
        results = [caller.ask_for_salt(servers[n % 2].port) for n in range(2 * LIMIT)]
    finally:
        for server in servers:
            server.stop()
    assert answered(results) == (LIMIT, LIMIT)
