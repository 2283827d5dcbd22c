"""CountedThrottle's sliding window: no fresh allowance at a window's edge, and room that frees up gradually."""

import pytest

from casefile.throttles import CountedThrottle

START = 60 * 1000  # the start of a minute, in seconds since the epoch


class Clocked(CountedThrottle):
    rate = "20/min"
    now_is = START

    def timer(self):
        return self.now_is

    def get_cache_key(self, request, view):
        return "counted-throttle-test"


def ask(at: float) -> tuple[bool, float]:
    throttle = Clocked()
    throttle.now_is = at
    return throttle.allow_request(None, None), throttle.wait()


def test_a_burst_across_the_edge_of_a_window_gets_no_fresh_allowance():
    assert all(ask(START + 59)[0] for _ in range(20))  # the whole allowance, just before the edge
    allowed, wait = ask(START + 61)  # just after it: the last minute still counts almost whole
    assert not allowed
    assert 0 < wait <= 3


def test_the_allowance_frees_up_as_the_last_window_fades():
    for _ in range(20):
        ask(START + 59)
    assert not ask(START + 61)[0]
    assert ask(START + 63)[0]  # 20 × 57/60 + 1 = 20: room for one
    assert not ask(START + 63)[0]


@pytest.mark.parametrize("count", [1, 20])
def test_refused_requests_are_not_counted(count):
    for _ in range(20 + count):
        ask(START + 10)
    assert ask(START + 130)[0]  # two windows on, nothing left of them
