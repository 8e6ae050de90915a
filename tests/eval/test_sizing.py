"""Sizing a deployment: Erlang B against textbook values, and the worker count it implies."""

from __future__ import annotations

import pytest

from eval.sizing import erlang_b, size, slots_for


@pytest.mark.parametrize(("traffic", "slots", "expected"), [(1.0, 1, 0.5), (2.0, 2, 0.4), (10.0, 15, 0.0365)])
def test_erlang_b_matches_the_tables(traffic, slots, expected):
    assert erlang_b(traffic, slots) == pytest.approx(expected, abs=5e-4)


def test_slots_keep_blocking_under_the_target_and_one_fewer_does_not():
    slots = slots_for(25.0, 0.01)
    assert erlang_b(25.0, slots) <= 0.01 < erlang_b(25.0, slots - 1)


def test_workers_cover_the_slots_with_one_spare():
    s = size(calls_per_hour=600, minutes_per_call=3, calls_per_worker=4)
    assert s.traffic_erlangs == 30.0
    assert (s.workers - 1) * 4 >= s.slots > (s.workers - 2) * 4
    assert s.blocking <= 0.01 and s.cores == 2 * s.workers
