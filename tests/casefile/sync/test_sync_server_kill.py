"""The server is killed (SIGKILL) in the middle of pushes, as a crash or an out-of-memory kill would.

A real gunicorn serves the app over HTTP against a file database (SQLite, or the PostgreSQL test database when
DATABASE_URL is PostgreSQL). Devices push in a loop; the whole process group is killed while pushes are in
flight, then started again, twice. Each device sends an unanswered push again until it gets an answer, as
static/js/casefile/sync.js does. At the end every device has the same records as the server, every edit is
there exactly once, and none was lost.

The listening socket belongs to this test and is handed to each gunicorn (fd://), so the port never changes
hands and a restart cannot race another process for it.
"""

import base64
import http.client
import json
import os
import threading
import time
import uuid

import pytest
from django.db import connection

from tests.gunicorn_server import Server, server_database

ON_POSTGRES = connection.vendor == "postgresql"
pytestmark = [
    pytest.mark.server,
    # The server writes through its own connection, so on PostgreSQL the test database must be left as found.
    pytest.mark.django_db(transaction=ON_POSTGRES, serialized_rollback=ON_POSTGRES),
]

DEVICES = 3
KILLS = 2
RECORDS_PER_PUSH = 40
DEADLINE = 60  # seconds for the whole test: a device still retrying by then is a failure, not a hang


def b64(size: int) -> str:
    return base64.b64encode(os.urandom(size)).decode()


class Unanswered(Exception):
    """The request got no answer: refused, reset, cut off, timed out, or a 503."""


class HttpDevice:
    """One device: its own session, over real HTTP, a new connection per request."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def call(self, method: str, path: str, body: dict | None = None) -> dict:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        headers = {"Accept": "application/json", "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers |= {"Content-Type": "application/json", "X-CSRFToken": self.cookies.get("csrftoken", "")}
        try:
            conn.request(
                method, f"/api/v1/{path}", body=json.dumps(body) if body is not None else None, headers=headers
            )
            response = conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            raise Unanswered(repr(error)) from error
        finally:
            conn.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        if response.status == 503:  # on SQLite, two workers' pushes can collide: "database is locked"
            raise Unanswered("503")
        assert 200 <= response.status < 300, (method, path, response.status, data[:300])
        return json.loads(data) if data else {}

    def sign_in(self, username: str, auth_key: str, register: dict | None = None) -> None:
        self.call("GET", "auth/csrf/")
        if register:
            self.call("POST", "auth/register/", {"username": username, "auth_key": auth_key, **register})
        else:
            self.call("POST", "auth/login/", {"username": username, "auth_key": auth_key})


class PushLoop(threading.Thread):
    """Pushes batches of new records and edits of its own records until told to stop.

    Only this device writes its records, and it edits a record only once its last write is confirmed, so every
    write must come back "saved": exactly once, whatever happened to the server in between.
    """

    def __init__(self, device: HttpDevice, collection_id: str):
        super().__init__(daemon=True)
        self.device, self.collection_id = device, collection_id
        self.confirmed: dict[str, tuple[int, str, bool]] = {}  # id -> (version, ciphertext, deleted)
        self.writes_made = 0
        self.pushes_answered = 0
        self.cut_off = 0  # sends that got no answer at all: the server died under them
        self.refused = 0  # 503 answers
        self.in_flight = threading.Event()
        self.stopping = threading.Event()
        self.error: BaseException | None = None

    def next_batch(self) -> list[dict]:
        batch = [
            {"id": str(uuid.uuid4()), "base_version": 0, "ciphertext": b64(1024), "deleted": False}
            for _ in range(RECORDS_PER_PUSH // 2)
        ]
        alive = [rid for rid, (_v, _c, deleted) in self.confirmed.items() if not deleted]
        for n, rid in enumerate(alive[: RECORDS_PER_PUSH // 2]):
            deleted = n % 7 == 0
            batch.append(
                {"id": rid, "base_version": self.confirmed[rid][0], "ciphertext": "" if deleted else b64(1024),
                 "deleted": deleted}
            )  # fmt: skip
        self.writes_made += len(batch)
        return batch

    def push_until_answered(self, batch: list[dict]) -> None:
        """Send the same batch until an answer arrives, as the app's outbox does."""
        while True:
            self.in_flight.set()
            try:
                results = self.device.call("POST", f"collections/{self.collection_id}/records/push/", {"writes": batch})
            except Unanswered as error:
                if str(error) == "503":
                    self.refused += 1
                else:
                    self.cut_off += 1
                time.sleep(0.02)
                continue
            finally:
                self.in_flight.clear()
            break
        self.pushes_answered += 1
        sent = {write["id"]: write for write in batch}
        for result in results["results"]:
            write = sent[result["id"]]
            assert result["status"] == "saved", f"a device's own write came back as {result}"
            self.confirmed[result["id"]] = (result["version"], write["ciphertext"], write["deleted"])

    def run(self) -> None:
        try:
            while not self.stopping.is_set():
                self.push_until_answered(self.next_batch())
        except BaseException as error:  # reported by the test
            self.error = error


def pull_everything(device: HttpDevice, collection_id: str) -> dict[str, tuple[int, str, bool]]:
    records, cursor = {}, ""
    while True:
        page = device.call("GET", f"collections/{collection_id}/records/?since={cursor}&limit=200")
        for r in page["records"]:
            assert r["id"] not in records, "a record came twice in one pull from the start"
            records[r["id"]] = (r["version"], r["ciphertext"], r["deleted"])
        cursor = page["cursor"]
        if not page["more"]:
            return records


def wait_for(condition, what: str, deadline: float) -> None:
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.0005)


def test_devices_converge_with_nothing_lost_or_duplicated_after_the_server_is_killed_mid_push(tmp_path):
    deadline = time.monotonic() + DEADLINE
    server = Server(server_database(tmp_path))
    log = tmp_path / "gunicorn.log"
    try:
        server.start(log)
        username, auth_key = "kill-test", b64(32)
        devices = [HttpDevice(server.port) for _ in range(DEVICES)]
        register = {"wrapped_vault_key": b64(60), "recovery_wrapped_vault_key": b64(60), "recovery_key": b64(32)}
        devices[0].sign_in(username, auth_key, register=register)
        for device in devices[1:]:
            device.sign_in(username, auth_key)
        collection_id = str(uuid.uuid4())
        devices[0].call("POST", "collections/", {"id": collection_id, "wrapped_key": b64(60)})

        loops = [PushLoop(device, collection_id) for device in devices]
        for loop in loops:
            loop.start()

        def answered_pushes() -> int:
            return sum(loop.pushes_answered for loop in loops)

        def cut_off() -> int:
            return sum(loop.cut_off for loop in loops)

        # A kill can land just after the workers answered; kill again (a few times at most) until one cut a push off.
        while server.starts <= KILLS or (cut_off() == 0 and server.starts <= KILLS + 3):
            target = answered_pushes() + 2 * DEVICES
            wait_for(lambda target=target: answered_pushes() >= target, "pushes", deadline)
            wait_for(lambda: sum(loop.in_flight.is_set() for loop in loops) >= 2, "pushes in flight", deadline)
            server.kill()
            server.start(log)
        target = answered_pushes() + DEVICES
        wait_for(lambda: answered_pushes() >= target, "pushes after the last restart", deadline)
        for loop in loops:
            loop.stopping.set()
        for loop in loops:
            loop.join(timeout=max(1, deadline - time.monotonic()))
            assert not loop.is_alive(), "a device was still retrying at the deadline"
            assert loop.error is None, loop.error

        expected = {rid: state for loop in loops for rid, state in loop.confirmed.items()}
        for device in devices:
            assert pull_everything(device, collection_id) == expected
        # Every write applied exactly once: the collection's seq counts applied writes, and each record's version
        # counts the writes made to it.
        (collection,) = devices[0].call("GET", "collections/")["collections"]
        assert int(collection["head"].split(".")[1]) == sum(loop.writes_made for loop in loops)
        assert sum(version for version, _c, _d in expected.values()) == sum(loop.writes_made for loop in loops)
        refused = sum(loop.refused for loop in loops)
        print(
            f"server killed {server.starts - 1} times; {sum(loop.writes_made for loop in loops)} writes in "
            f"{answered_pushes()} pushes; sent again: {cut_off()} cut off by a kill, {refused} answered 503; "
            "0 lost, 0 duplicated"
        )
        assert cut_off() >= 1, "no push was cut off by the kills"
    finally:
        server.stop()
