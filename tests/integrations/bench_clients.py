"""Latency of the clients against a real sandbox: python tests/integrations/bench_clients.py"""
import tempfile
from pathlib import Path
import sys, time, asyncio, statistics
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from pathlib import Path
from tests.fixtures.sandbox import start_sandbox
from integrations.backend import KasBackend
from dialogue.secrets import TelePin
from integrations.sandbox.pins import PinHasher
h=PinHasher(); hh=h.hash("123456")
t=time.perf_counter(); [h.verify(hh,"123456") for _ in range(20)]; print("argon2id verify ms", (time.perf_counter()-t)/20*1000)
s=start_sandbox(Path(tempfile.mkdtemp()))
async def main():
    p=s.seed.person("pit_refund")
    async with KasBackend(s.url, s.token) as kas:
        for name, fn in [("verify", lambda: kas.identity.verify(p.pesel, TelePin(p.telepin.pin))),
                         ("balances", lambda: kas.settlements.balances(p.pesel, p.pesel)),
                         ("principals", lambda: kas.representatives.principals(p.pesel))]:
            await fn(); xs=[]
            for _ in range(30):
                t=time.perf_counter(); await fn(); xs.append((time.perf_counter()-t)*1000)
            xs.sort(); print(name, "p50 %.1f ms p95 %.1f ms" % (statistics.median(xs), xs[int(len(xs)*0.95)-1]))
asyncio.run(main()); s.stop()
