"""Issue 10 (low): the demo's Redis append-only file, which holds the agents' cards with full
PESELs, was created 0644 (readable by every local user). The demo's Redis now runs through
scripts/demo-redis.sh, whose files are 0600 in a 0700 folder."""

from __future__ import annotations

import socket
import stat
import subprocess
import time
from pathlib import Path

from tests.fixtures.redis_server import free_port

REPO = Path(__file__).resolve().parents[2]


def _command(port: int, *words: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=2) as conn:
        conn.sendall(("*%d\r\n" % len(words) + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)).encode())
        return conn.recv(64)


def test_demo_redis_files_are_private(tmp_path):
    port, directory = free_port(), tmp_path / "redis"
    process = subprocess.Popen(["bash", str(REPO / "scripts" / "demo-redis.sh"), str(port), str(directory)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                if _command(port, "PING").startswith(b"+PONG"):
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline and process.poll() is None, "demo Redis did not start"
            time.sleep(0.05)
        assert _command(port, "SET", "kas:probe", "card").startswith(b"+OK")
        files = [p for p in directory.rglob("*") if p.is_file()]
        assert any("aof" in p.name for p in files), "no append-only file was written"
        for path in [directory, *directory.rglob("*")]:
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}"
    finally:
        process.terminate()
        process.wait(timeout=10)
