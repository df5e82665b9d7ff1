"""The editor's door: wrong keys are slowed for the whole server, whichever session sends them."""

from __future__ import annotations

import logging
import threading
import time
from itertools import pairwise

from components.editor_ui import MAX_WAIT_S, Door

KEY = "correct horse battery staple"


def test_wrong_keys_from_parallel_sessions_wait_in_line_longer_each_time(caplog):
    held: list[tuple[float, float, float]] = []

    def sleep(seconds: float) -> None:  # a hundredth of the real wait, timed
        start = time.monotonic()
        time.sleep(seconds / 100)
        held.append((seconds, start, time.monotonic()))

    door = Door(sleep=sleep)
    with caplog.at_level(logging.WARNING):
        sessions = [threading.Thread(target=door.open, args=(f"guess {n}", KEY)) for n in range(5)]
        for session in sessions:
            session.start()
        for session in sessions:
            session.join()
    assert [s for s, _, _ in held] == [1, 2, 4, 8, 16]  # five guesses cost 31 s, not 1 s each at once
    assert all(end <= next_start for (_, _, end), (_, next_start, _) in pairwise(held))
    assert [r.getMessage() for r in caplog.records][-1] == (
        "Editor: wrong key (5 in a row on this server); the door is held 16 s")


def test_the_wait_stops_growing_and_the_right_key_still_opens():
    waits: list[float] = []
    door = Door(sleep=waits.append)
    for n in range(8):
        assert not door.open(f"guess {n}", KEY)
    assert waits[-1] == MAX_WAIT_S
    assert door.open(KEY, KEY) and door.wrong == 0


def test_wrong_keys_are_forgotten_after_a_quiet_quarter_of_an_hour():
    now = [0.0]
    waits: list[float] = []
    door = Door(sleep=waits.append, clock=lambda: now[0])
    door.open("a", KEY)
    door.open("b", KEY)
    now[0] += 901
    door.open("c", KEY)
    assert waits == [1, 2, 1]
