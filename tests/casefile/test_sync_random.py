"""Randomised sync: several devices editing offline, deleting, pushing, pulling and retrying
in seeded random interleavings against the real API. At the end every device and the server
agree, and no edit is lost: each edit survives (on the server or as a kept conflict copy) or
was built on by a later edit.
"""

import base64
import random
import uuid
from dataclasses import dataclass, field

import pytest
from django.test import Client

from casefile.services import create_collection
from tests.casefile.conftest import pull, push

pytestmark = pytest.mark.django_db

RUNS = 200
STEPS = 25
DEVICES = 3


@dataclass
class Device:
    client: Client
    cursor: str = ""
    local: dict[str, tuple[int, str]] = field(default_factory=dict)  # record id -> (version, ciphertext)
    outbox: dict[str, tuple[int, str, bool]] = field(default_factory=dict)  # id -> (base, ciphertext, deleted)
    kept: list[str] = field(default_factory=list)  # conflict copies the user would see side by side
    unanswered: list[dict] | None = None  # a batch whose response was lost

    def current(self, record_id: str) -> str | None:
        pending = self.outbox.get(record_id)
        if pending:
            return pending[1]
        return self.local.get(record_id, (0, None))[1]


class World:
    def __init__(self, rng: random.Random, collection, user):
        self.rng, self.collection = rng, collection
        self.devices = []
        for _ in range(DEVICES):
            client = Client()
            client.force_login(user)
            self.devices.append(Device(client))
        self.parent: dict[str, str | None] = {}  # edit -> the version it was made on
        self.record_ids: list[str] = []

    def new_edit(self, device: Device, record_id: str, deleted: bool = False) -> None:
        ciphertext = base64.b64encode(uuid.uuid4().bytes * 2).decode()  # unique, 32 bytes
        self.parent[ciphertext] = device.current(record_id)
        base = device.outbox[record_id][0] if record_id in device.outbox else device.local.get(record_id, (0,))[0]
        device.outbox[record_id] = (base, ciphertext, deleted)

    def edit(self, device: Device) -> None:
        if not self.record_ids or self.rng.random() < 0.3:
            record_id = str(uuid.uuid4())
            self.record_ids.append(record_id)
        else:
            record_id = self.rng.choice(self.record_ids)
        self.new_edit(device, record_id, deleted=self.rng.random() < 0.15)

    def push(self, device: Device, lose_response: bool = False) -> None:
        batch = device.unanswered or [
            {"id": rid, "base_version": base, "ciphertext": data, "deleted": deleted}
            for rid, (base, data, deleted) in device.outbox.items()
        ]
        if not batch:
            return
        response = push(device.client, self.collection, *batch)
        assert response.status_code == 200, response.content
        if lose_response:
            device.unanswered = batch  # the device never heard back: it will send the same batch again
            return
        device.unanswered = None
        sent = {write["id"]: write for write in batch}
        for result in response.json()["results"]:
            rid, write = result["id"], sent[result["id"]]
            if device.outbox.get(rid, (None, None))[1] != write["ciphertext"]:
                continue  # edited again since this batch was made: the newer edit stays queued
            del device.outbox[rid]
            if result["status"] == "saved":
                device.local[rid] = (result["version"], write["ciphertext"])
            else:
                device.kept.append(write["ciphertext"])  # keep both: the user's copy is not dropped
                server = result["server"]
                # A retried batch must not come back as a conflict with the device's own write.
                assert server is None or server["ciphertext"] != write["ciphertext"]
                if server:
                    device.local[rid] = (server["version"], server["ciphertext"])

    def pull(self, device: Device) -> None:
        while True:
            body = pull(device.client, self.collection, since=device.cursor, limit=5).json()
            for record in body["records"]:
                device.local[record["id"]] = (record["version"], record["ciphertext"])
            device.cursor = body["cursor"]
            if not body["more"]:
                return

    def step(self) -> None:
        device = self.rng.choice(self.devices)
        action = self.rng.choices(["edit", "push", "push_lost", "pull"], weights=[4, 2, 1, 2])[0]
        if action == "edit":
            self.edit(device)
        elif action == "pull":
            self.pull(device)
        else:
            self.push(device, lose_response=action == "push_lost")

    def settle(self) -> None:
        for _ in range(DEVICES + 2):
            for device in self.devices:
                self.push(device)
                self.pull(device)


@pytest.mark.parametrize("seed", range(RUNS))
def test_devices_agree_and_no_edit_is_lost(alice, seed):
    rng = random.Random(seed)
    world = World(rng, create_collection(user=alice), alice)
    for _ in range(STEPS):
        world.step()
    world.settle()

    server = {r["id"]: r["ciphertext"] for r in pull(world.devices[0].client, world.collection).json()["records"]}
    for device in world.devices:
        assert not device.outbox and device.unanswered is None
        assert {rid: data for rid, (_v, data) in device.local.items()} == server

    surviving = set(server.values()) | {copy for device in world.devices for copy in device.kept}
    built_on = set()
    for edit in surviving:
        while edit is not None and edit not in built_on:
            built_on.add(edit)
            edit = world.parent.get(edit)
    assert set(world.parent) <= built_on
