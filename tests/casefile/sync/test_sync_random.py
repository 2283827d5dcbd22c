"""Randomised sync over an unreliable network: several devices editing offline, deleting, pushing, pulling
and retrying in seeded random interleavings against the real API, while requests are dropped, answers are lost,
requests arrive twice, a device's older push arrives after a newer one, and the database fails mid-push.

The devices follow static/js/casefile/sync.js: a push sends the whole outbox; an edit stays queued until an
answer says "saved" or "conflict" for that very edit; a conflict keeps the device's copy beside the server's.

At the end every device and the server agree, and:
- no edit is lost: each one survives (on the server or as a kept conflict copy) or was built on by a later edit;
  the edits a device heard "saved" for are counted on their own (the "lost" figure of the totals);
- retries never duplicate: every write the server applied got exactly one version, whatever reached it twice;
- deleted items never come back: a delete that was acknowledged is still deleted everywhere.

Totals (interleavings, requests, faults by kind, lost edits) are printed at the end of the test run.
"""

import base64
import os
import random
import uuid
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.test.client import ClientHandler

from casefile.sync.services import create_collection
from tests.casefile.helpers import OWN_EDITS_BUILT_ON, SELF_CONFLICTS, SYNC_TOTALS, FailAt, pull, push

pytestmark = pytest.mark.django_db

# 500 interleavings on SQLite (about 50 s of CPU); PostgreSQL, slower per request, runs 200 of the same.
RUNS = int(os.environ.get("SYNC_RUNS", 200 if connection.vendor == "postgresql" else 500))
STEPS = 20
DEVICES = 3
EARLIER_KEPT = 20  # as in static/js/casefile/store.js
PUSH_FAULTS = {"none": 8, "dropped": 1, "lost_response": 1, "duplicated": 1, "reordered": 2, "db_error": 1}
PULL_FAULTS = {"none": 8, "dropped": 1, "lost_response": 1, "duplicated": 1}


@pytest.fixture(scope="module")
def handler():
    # Loading the middleware (WhiteNoise indexes every static file) costs more than a whole run: load it once.
    return ClientHandler(enforce_csrf_checks=False)


@dataclass
class Device:
    client: Client
    cursor: str = ""
    local: dict[str, tuple[int, str, bool]] = field(default_factory=dict)  # id -> (version, ciphertext, deleted)
    outbox: dict[str, tuple[int, str, bool]] = field(default_factory=dict)  # id -> (base, ciphertext, deleted)
    kept: list[str] = field(default_factory=list)  # conflict copies the user would see side by side
    # Per record: the edits a queued edit replaced, on the same base. Any of them may have reached the server
    # with its answer lost; store.js keeps the same list (`earlier`).
    earlier: dict[str, list[str]] = field(default_factory=dict)
    reached_server: int = 0  # requests of this device the server received

    def current(self, record_id: str) -> tuple[str | None, bool]:
        _base, data, deleted = self.outbox.get(record_id) or self.local.get(record_id) or (0, None, False)
        return data, deleted


class World:
    def __init__(self, rng: random.Random, collection, user, handler):
        self.rng, self.collection = rng, collection
        # One signed-in client for every device: the sync API treats each request on its own.
        client = Client()
        client.handler = handler
        client.force_login(user)
        self.devices = [Device(client) for _ in range(DEVICES)]
        self.parent: dict[str, str | None] = {}  # edit -> the version it was made on
        self.record_ids: list[str] = []
        self.in_flight: list[tuple[Device, list[dict], int]] = []  # delayed pushes, not yet delivered
        self.saved_as: dict[str, tuple[str, int]] = {}  # every write the server said it saved -> (id, version)
        self.acknowledged: set[str] = set()  # edits a device heard "saved" for
        self.deleted: set[str] = set()  # records whose delete a device heard "saved" for
        self.stats: Counter[str] = Counter()

    # The device

    def edit(self, device: Device) -> None:
        known = [rid for rid in self.record_ids if not device.current(rid)[1]]  # deleted records are not editable
        if not known or self.rng.random() < 0.3:
            record_id = str(uuid.uuid4())
            self.record_ids.append(record_id)
        else:
            record_id = self.rng.choice(known)
        ciphertext = base64.b64encode(uuid.uuid4().bytes * 2).decode()  # unique, 32 bytes
        self.parent[ciphertext] = device.current(record_id)[0]
        queued = device.outbox.get(record_id)
        base = queued[0] if queued else device.local.get(record_id, (0,))[0]
        replaced = [queued[1]] if queued and not queued[2] else []
        device.earlier[record_id] = (device.earlier.get(record_id, []) + replaced if queued else [])[-EARLIER_KEPT:]
        device.outbox[record_id] = (base, ciphertext, self.rng.random() < 0.15)

    def push(self, device: Device, faults: bool = True) -> None:
        batch = [
            {"id": rid, "base_version": base, "ciphertext": data, "deleted": deleted}
            for rid, (base, data, deleted) in device.outbox.items()
        ]
        if not batch:
            return
        results = self.send_push(device, batch, self.fault(PUSH_FAULTS) if faults else "none")
        if results is None:
            return  # no answer: everything stays queued and goes out again with the next push
        sent = {write["id"]: write for write in batch}
        for result in results:
            rid, write = result["id"], sent[result["id"]]
            if result["status"] == "saved":
                self.acknowledged.add(write["ciphertext"])
                if write["deleted"]:
                    self.deleted.add(rid)
            if device.outbox.get(rid, (None, None))[1] != write["ciphertext"]:
                continue  # edited again since this batch was made: the newer edit stays queued
            server = result["server"]
            if server and not server["deleted"] and server["ciphertext"] in device.earlier.get(rid, ()):
                # The server holds an earlier edit of this device, whose answer was lost; this edit was made on
                # it, so it is no conflict: build on that version, as sync.js does.
                device.local[rid] = (server["version"], server["ciphertext"], server["deleted"])
                device.outbox[rid] = (server["version"], write["ciphertext"], write["deleted"])
                device.earlier[rid] = []
                self.stats[OWN_EDITS_BUILT_ON] += 1
                continue
            del device.outbox[rid]
            device.earlier.pop(rid, None)
            if result["status"] == "saved":
                device.local[rid] = (result["version"], write["ciphertext"], write["deleted"])
            else:
                device.kept.append(write["ciphertext"])  # keep both: the user's copy is not dropped
                self.stats["conflicts kept"] += 1
                # Sent again, a write the server holds answers "saved", never a conflict with itself.
                assert server is None or server["ciphertext"] != write["ciphertext"]
                if server and server["ciphertext"] == self.parent[write["ciphertext"]]:
                    self.stats[SELF_CONFLICTS] += 1  # made on the very copy the server has: a needless conflict
                if server:
                    device.local[rid] = (server["version"], server["ciphertext"], server["deleted"])

    def pull(self, device: Device, faults: bool = True) -> None:
        while True:
            fault = self.fault(PULL_FAULTS) if faults else "none"
            if fault == "dropped":
                return
            body = self.deliver(device, lambda: pull(device.client, self.collection, since=device.cursor, limit=10))
            if fault == "duplicated":
                body = self.deliver(device, lambda: pull(device.client, self.collection, since=device.cursor, limit=10))
            body = body.json()
            if fault == "lost_response":
                return
            for record in body["records"]:
                device.local[record["id"]] = (record["version"], record["ciphertext"], record["deleted"])
            device.cursor = body["cursor"]
            if not body["more"]:
                return

    # The network and the server

    def fault(self, weights: dict[str, int]) -> str:
        fault = self.rng.choices(list(weights), weights=list(weights.values()))[0]
        if fault != "none":
            self.stats[fault] += 1
        return fault

    def deliver(self, device: Device, request):
        device.reached_server += 1
        self.stats["requests"] += 1
        return request()

    def send_push(self, device: Device, batch: list[dict], fault: str) -> list[dict] | None:
        """The results the device hears, or None when it hears nothing (or a 503)."""
        if fault == "dropped":
            return None
        if fault == "reordered":
            # Held up in the network; the device gives up waiting, and its next push may overtake this one.
            self.in_flight.append((device, batch, device.reached_server))
            return None
        if fault == "db_error":
            failure = FailAt(self.rng.randint(1, 12), OperationalError("injected failure"))
            with connection.execute_wrapper(failure):
                response = self.deliver(device, lambda: push(device.client, self.collection, *batch))
            if failure.failed_sql is not None:
                assert response.status_code == 503, response.content
                return None
            self.stats["db_error"] -= 1  # the request ended before the chosen statement: no fault after all
            self.observe(batch, response)
        else:
            response = self.observe(batch, self.deliver(device, lambda: push(device.client, self.collection, *batch)))
        if fault == "duplicated":
            second = self.observe(batch, self.deliver(device, lambda: push(device.client, self.collection, *batch)))
            response = self.rng.choice([response, second])
        if fault == "lost_response":
            return None
        return response.json()["results"]

    def observe(self, batch: list[dict], response):
        """Every answer on the wire, heard or not: a write saved twice would get two versions."""
        assert response.status_code == 200, response.content
        sent = {write["id"]: write for write in batch}
        for result in response.json()["results"]:
            if result["status"] == "saved":
                first = self.saved_as.setdefault(sent[result["id"]]["ciphertext"], (result["id"], result["version"]))
                assert first == (result["id"], result["version"]), "a write was applied twice"
        return response

    def deliver_late(self) -> None:
        device, batch, reached_then = self.in_flight.pop(self.rng.randrange(len(self.in_flight)))
        overtaken = device.reached_server > reached_then
        self.observe(batch, self.deliver(device, lambda: push(device.client, self.collection, *batch)))
        if not overtaken:
            self.stats["reordered"] -= 1  # nothing newer got there first: merely late
            self.stats["late"] += 1

    def step(self) -> None:
        self.stats["steps"] += 1
        if self.in_flight and self.rng.random() < 0.1:
            self.deliver_late()
            return
        device = self.rng.choice(self.devices)
        action = self.rng.choices(["edit", "push", "pull"], weights=[4, 3, 2])[0]
        getattr(self, action)(device)

    def settle(self) -> None:
        """The network heals: every device sends its outbox again, requests held up arrive after those, then
        every device pushes what is left and pulls."""
        for device in self.devices:
            self.push(device, faults=False)
        while self.in_flight:
            self.deliver_late()
        for device in self.devices:
            self.push(device, faults=False)
        for device in self.devices:
            self.pull(device, faults=False)


def edits_accounted_for(world: World, server: dict) -> set[str]:
    """Edits that survive (on the server or kept as a conflict copy), and every edit they were built on."""
    surviving = {data for _v, data, _d in server.values()} | {copy for device in world.devices for copy in device.kept}
    built_on = set()
    for edit in surviving:
        while edit is not None and edit not in built_on:
            built_on.add(edit)
            edit = world.parent.get(edit)
    return built_on


@pytest.mark.parametrize("seed", range(RUNS))
def test_devices_agree_and_no_edit_is_lost_or_duplicated(alice, handler, request, seed):
    world = World(random.Random(seed), create_collection(user=alice), alice, handler)
    for _ in range(STEPS):
        world.step()
    world.settle()

    records = pull(world.devices[0].client, world.collection).json()["records"]
    server = {r["id"]: (r["version"], r["ciphertext"], r["deleted"]) for r in records}
    accounted_for = edits_accounted_for(world, server)
    lost = world.acknowledged - accounted_for
    totals = request.config.stash.setdefault(SYNC_TOTALS, Counter())  # counted before any check can fail
    totals.update(world.stats)
    totals.update({"interleavings": 1, "acknowledged edits": len(world.acknowledged), "lost edits": len(lost)})
    totals.update({"acknowledged deletes": len(world.deleted)})

    for device in world.devices:
        assert not device.outbox
        assert device.local == server
    assert all(server[rid][2] for rid in world.deleted), "a deleted record came back"
    assert not lost, "an acknowledged edit was lost"
    assert not world.stats[SELF_CONFLICTS], "a device was shown a conflict with its own earlier edit"
    assert set(world.parent) <= accounted_for
    world.collection.refresh_from_db()
    assert len(set(world.saved_as.values())) == len(world.saved_as) == world.collection.seq
