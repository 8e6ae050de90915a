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


def start_worker(root: Path, name: str, data_dir: Path, env: dict[str, str], *, sip: bool) -> tuple[BotServer, int | None]:
    """The worker, and its SIP port when ``sip``: picked just before the start, and picked again if
    something else took it meanwhile (a free port is only free until another socket binds it)."""
    for attempt in range(3):
        sip_port = free_port() if sip else None
        sip_env = {"VOICEBOT_SIP_ENABLED": "1", "VOICEBOT_SIP_PORT": str(sip_port),
                   "VOICEBOT_TTS_ENGINE": "espeak"} if sip else {}
        workdir = root / (f"{name}-{attempt}" if attempt else name)
        try:
            process, url, _ = eval_stack.start_bot(workdir, {
                "VOICEBOT_HANDOFF_HOURS": "always", "VOICEBOT_WORKER_ID": f"worker-{name}", **env, **sip_env},
                data_dir=data_dir)
        except RuntimeError:
            if not sip or attempt == 2:
                raise
            continue
        return BotServer(url, data_dir, workdir / "bot.log", process), sip_port
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TwoWorkers]:
    if not have_nginx():
        pytest.skip("nginx is not installed (scripts/test.sh installs it)")
    root = tmp_path_factory.mktemp("two_workers")
    sandbox = start_sandbox(root / "sandbox", startup_timeout_s=120)  # a loaded CI machine
    (root / "redis").mkdir()
    redis_server = RedisServer(root / "redis")
    redis_server.start()
    data_dir = root / "shared-data"
    env = {"VOICEBOT_BACKEND_URL": sandbox.url, "VOICEBOT_BACKEND_TOKEN": sandbox.token,
           "VOICEBOT_REDIS_URL": redis_server.url}
    workers: list[BotServer] = []
    nginx = kamailio = None
    sip = have_sip_software()
    sip_ports: dict[str, int] | None = {} if sip else None
    try:
        for name in ("a", "b"):
            worker, sip_port = start_worker(root, name, data_dir, env, sip=sip)
            workers.append(worker)
            if sip:
                sip_ports[f"worker-{name}"] = sip_port
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
