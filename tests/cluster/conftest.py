"""``two_workers``: two ``voicebot serve`` processes on one Redis, one sandbox and one shared folder of
call records, with nginx in front (HTTP and WebSocket, round robin) and, where baresip/kamailio are
installed, kamailio's dispatcher in front of their SIP endpoints — docker-compose's ``workers``
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
from tests.telephony.sip_tools import Kamailio, free_port, have_sip_software


@dataclass
class TwoWorkers:
    a: BotServer
    b: BotServer
    nginx: Nginx
    redis: RedisServer
    sandbox: object
    calls_dir: Path
    kamailio: Kamailio | None = None
    sip_ports: dict[str, int] | None = None  # worker id -> its SIP port

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
    nginx = kamailio = None
    sip_ports = {"worker-a": free_port(), "worker-b": free_port()} if have_sip_software() else None
    try:
        for name in ("a", "b"):
            sip = {"VOICEBOT_SIP_ENABLED": "1", "VOICEBOT_SIP_PORT": str(sip_ports[f"worker-{name}"]),
                   "VOICEBOT_TTS_ENGINE": "espeak"} if sip_ports else {}
            workers.append(start_worker(root, name, data_dir, {**env, **sip}))
        nginx = Nginx(root / "nginx", [w.url for w in workers]).start()
        if sip_ports:
            kamailio = Kamailio(root / "kamailio", bots=[f"sip:127.0.0.1:{p}" for p in sip_ports.values()],
                                agents=[]).start()
        workers[0].sandbox = workers[1].sandbox = sandbox
        workers[0].redis = workers[1].redis = redis_server
        yield TwoWorkers(workers[0], workers[1], nginx, redis_server, sandbox, data_dir / "calls", kamailio,
                         sip_ports)
    finally:
        for part in (kamailio, nginx):
            if part is not None:
                part.stop()
        for worker in workers:
            worker.stop()
        redis_server.stop()
        sandbox.stop()
