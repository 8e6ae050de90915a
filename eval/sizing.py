"""How many bot workers a hotline needs: Erlang B over the calls the bot holds at once.

A worker admits ``calls_per_worker`` calls (``VOICEBOT_MAX_CALLS``, set from ``voicebot eval load``:
the largest N with p95 ≤ 1.2 s); a caller who finds every slot busy hears the overflow message and
goes to the agents' queue (voicebot/admission.py). So the bot is a loss system: with ``A`` erlangs
offered (calls per hour × hours per call), ``N`` slots block a share ``B(A, N)`` of callers. The
workers needed are the fewest whose slots keep ``B`` under the target, plus one for a lost worker.

    python -m eval.sizing --calls-per-hour 1200 --minutes-per-call 3 --calls-per-worker 3
"""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass


def erlang_b(traffic: float, slots: int) -> float:
    """Share of callers who find all ``slots`` busy with ``traffic`` erlangs offered (recursive form)."""
    blocking = 1.0
    for n in range(1, slots + 1):
        blocking = traffic * blocking / (n + traffic * blocking)
    return blocking


def slots_for(traffic: float, max_blocking: float) -> int:
    slots = 0
    while erlang_b(traffic, slots) > max_blocking:
        slots += 1
    return slots


@dataclass(frozen=True)
class Sizing:
    traffic_erlangs: float
    slots: int
    workers: int  # including one spare
    cores: int
    blocking: float


def size(calls_per_hour: float, minutes_per_call: float, calls_per_worker: int, *, cores_per_worker: int = 2,
         max_blocking: float = 0.01, spare_workers: int = 1) -> Sizing:
    traffic = calls_per_hour * minutes_per_call / 60
    slots = slots_for(traffic, max_blocking)
    workers = math.ceil(slots / max(1, calls_per_worker)) + spare_workers
    return Sizing(round(traffic, 2), slots, workers, workers * cores_per_worker,
                  erlang_b(traffic, (workers - spare_workers) * calls_per_worker))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls-per-hour", type=float, required=True, help="calls at the busiest hour")
    parser.add_argument("--minutes-per-call", type=float, default=3.0, help="mean time a call spends with the bot")
    parser.add_argument("--calls-per-worker", type=int, required=True, help="VOICEBOT_MAX_CALLS per worker")
    parser.add_argument("--cores-per-worker", type=int, default=2)
    parser.add_argument("--max-blocking", type=float, default=0.01, help="share of callers allowed to overflow")
    args = parser.parse_args()
    s = size(args.calls_per_hour, args.minutes_per_call, args.calls_per_worker,
             cores_per_worker=args.cores_per_worker, max_blocking=args.max_blocking)
    print(f"offered traffic {s.traffic_erlangs} erlangs → {s.slots} call slots → {s.workers} workers "
          f"(one spare) × {args.cores_per_worker} cores = {s.cores} cores; overflow {s.blocking:.2%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
