"""``two_workers``: two ``voicebot serve`` processes on one Redis, one sandbox and one shared folder of
call records, with nginx in front (HTTP and WebSocket, round robin) — docker-compose's ``workers``
profile on loopback. The last test of a module using it may kill a worker."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis

from eval import stack as eval_stack
from tests.fixtures.bot_server import BotServer
from tests.fixtures.nginx_server import Nginx, have_nginx
from tests.fixtures.redis_server import RedisServer
from tests.fixtures.sandbox import start_sandbox


@dataclass
class TwoWorkers:
    a: BotServer
    b: BotServer
    nginx: Nginx
    redis: RedisServer
    sandbox: object
    calls_dir: Path

    @property
    def url(self) -> str:
        """The contact centre's one address (nginx)."""
        return self.nginx.url

    @property
    def ws_url(self) -> str:
        return self.url.replace("http://", "ws://") + "/telephony/twilio"

    def redis_client(self) -> redis.Redis:
        return redis.Redis.from_url(self.redis.url, decode_responses=True)


def start_worker(root: Path, name: str, data_dir: Path, env: dict[str, str]) -> BotServer:
    process, url, _ = eval_stack.start_bot(root / name, {"VOICEBOT_HANDOFF_HOURS": "always",
                                                         "VOICEBOT_WORKER_ID": f"worker-{name}", **env},
                                           data_dir=data_dir)
    return BotServer(url, data_dir, root / name / "bot.log", process)


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoWorkers]:
    if not have_nginx():
        pytest.skip("nginx is not installed (scripts/test.sh installs it)")
    root = tmp_path_factory.mktemp("two_workers")
    sandbox = start_sandbox(root / "sandbox")
    (root / "redis").mkdir()
    redis_server = RedisServer(root / "redis")
    redis_server.start()
    data_dir = root / "shared-data"
    env = {"VOICEBOT_BACKEND_URL": sandbox.url, "VOICEBOT_BACKEND_TOKEN": sandbox.token,
           "VOICEBOT_REDIS_URL": redis_server.url}
    workers: list[BotServer] = []
    nginx = None
    try:
        workers.append(start_worker(root, "a", data_dir, env))
        workers.append(start_worker(root, "b", data_dir, env))
        nginx = Nginx(root / "nginx", [w.url for w in workers]).start()
        workers[0].sandbox = workers[1].sandbox = sandbox
        workers[0].redis = workers[1].redis = redis_server
        yield TwoWorkers(workers[0], workers[1], nginx, redis_server, sandbox, data_dir / "calls")
    finally:
        if nginx is not None:
            nginx.stop()
        for worker in workers:
            worker.stop()
        redis_server.stop()
        sandbox.stop()
