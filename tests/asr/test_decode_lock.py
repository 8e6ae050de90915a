"""The shared recogniser's lock: one decode at a time, a short answer ahead of a number's later stages."""

from __future__ import annotations

import threading

import pytest

from asr.decode_lock import FIRST, LATER, DecodeLock


def _waiter(lock: DecodeLock, priority: int, order: list[str], name: str, started: threading.Event):
    def run():
        started.set()
        with lock.hold(priority):
            order.append(name)
    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_first_decode_goes_ahead_of_a_waiting_later_stage():
    lock, order = DecodeLock(), []
    release = threading.Event()
    holding = threading.Event()

    def long_stage():
        with lock.hold(LATER):
            holding.set()
            release.wait(10)
            order.append("stage being decoded")

    holder = threading.Thread(target=long_stage)
    holder.start()
    assert holding.wait(10)
    later_started, first_started = threading.Event(), threading.Event()
    later = _waiter(lock, LATER, order, "next stage", later_started)
    assert later_started.wait(10)
    first = _waiter(lock, FIRST, order, "other call's answer", first_started)
    assert first_started.wait(10)
    while lock._waiting != [1, 1]:  # both are queued before the holder lets go
        threading.Event().wait(0.01)
    release.set()
    for thread in (holder, later, first):
        thread.join(10)
    assert order == ["stage being decoded", "other call's answer", "next stage"]


@pytest.mark.parametrize("slots", [1, 2])
def test_never_more_holders_than_slots(slots):
    lock, inside, most = DecodeLock(slots), [0], [0]
    guard = threading.Lock()

    def work(priority):
        for _ in range(50):
            with lock.hold(priority):
                with guard:
                    inside[0] += 1
                    most[0] = max(most[0], inside[0])
                threading.Event().wait(0.001)
                with guard:
                    inside[0] -= 1

    threads = [threading.Thread(target=work, args=(p,)) for p in (FIRST, LATER, FIRST, LATER)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert most[0] == slots


def test_a_slot_is_taken_if_free_only_when_none_is_busy_or_wanted():
    lock = DecodeLock(2)
    with lock.hold(FIRST):
        assert lock.take_if_free(LATER)  # the second slot
        assert not lock.take_if_free(LATER)  # both busy now
        lock.release()
    # A decode waiting for a slot goes first: nothing is taken past it.
    order: list[str] = []
    started = threading.Event()
    with lock.hold(FIRST), lock.hold(FIRST):
        waiter = _waiter(lock, FIRST, order, "waiting", started)
        started.wait(5)
        while not lock._waiting[FIRST]:
            threading.Event().wait(0.01)
        assert not lock.take_if_free(LATER)
    waiter.join(5)
    assert order == ["waiting"] and lock.take_if_free(LATER)
    lock.release()
