"""A real console: a small FastAPI app with the console router, served by uvicorn on a free port."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import uvicorn
from fastapi import FastAPI

from tests.fixtures.redis_server import free_port
from voicebot.console import create_telephony_router, install_console

TELEPHONY_TOKEN = "test-telephony-token"


@dataclass
class ConsoleServer:
    base_url: str  # ends with /console/
    server: uvicorn.Server
    thread: threading.Thread

    @property
    def ws_url(self) -> str:
        return self.base_url.replace("http://", "ws://", 1)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_console(redis_url: str, data_dir: Path, *, lease_s: float = 30.0) -> ConsoleServer:
    settings = SimpleNamespace(redis_url=redis_url, data_dir=data_dir)
    app = FastAPI()
    console = install_console(app, settings, lease_s=lease_s, upkeep_interval_s=0.2)
    app.include_router(create_telephony_router(console.queue, token=TELEPHONY_TOKEN))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on",
                                           timeout_graceful_shutdown=3))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("console server did not start")
        time.sleep(0.02)
    return ConsoleServer(f"http://127.0.0.1:{port}/console/", server, thread)
