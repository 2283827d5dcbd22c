from datetime import timedelta

import pytest
from django.utils import timezone

from casefile.sync.services import create_collection
from tests.casefile.helpers import OWN_EDITS_BUILT_ON, SELF_CONFLICTS, SYNC_FAULT_KINDS, SYNC_TOTALS


def pytest_terminal_summary(terminalreporter, config):
    totals = config.stash.get(SYNC_TOTALS, None)
    if totals:
        faults = ", ".join(f"{kind} {totals[kind]}" for kind in SYNC_FAULT_KINDS)
        terminalreporter.write_sep("-", "randomised sync")
        terminalreporter.write_line(
            f"{totals['interleavings']} interleavings, {totals['steps']} steps, {totals['requests']} requests; "
            f"faults injected: {faults} (total {sum(totals[kind] for kind in SYNC_FAULT_KINDS)}); "
            f"{totals['acknowledged edits']} edits acknowledged ({totals['acknowledged deletes']} deletes), "
            f"{totals['lost edits']} lost; "
            f"{totals['conflicts kept']} conflict copies kept, "
            f"{totals[SELF_CONFLICTS]} of them with the device's own earlier edit; "
            f"{totals[OWN_EDITS_BUILT_ON]} edits built on the device's own earlier edit whose answer was lost"
        )


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice")


@pytest.fixture
def bob(django_user_model):
    return django_user_model.objects.create_user("bob")


@pytest.fixture
def alices_collection(alice):
    return create_collection(user=alice)


@pytest.fixture
def bobs_collection(bob):
    return create_collection(user=bob)


@pytest.fixture
def as_alice(client, alice):
    client.force_login(alice)
    return client


class Clock:
    def __init__(self):
        self.now = timezone.now()

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """Time that moves only when told: patches django.utils.timezone.now, which sessions and this app read."""
    clock = Clock()
    monkeypatch.setattr("django.utils.timezone.now", lambda: clock.now)
    return clock
