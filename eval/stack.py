"""Start the whole system on this machine for an evaluation: redis-server, the sandbox, the bot.

Each server gets a listening socket bound here (a free port, no race) and handed to the child
process, as the test fixtures do. ``start_stack(workdir, seed_path)`` returns a ``Stack`` whose
``ws_url`` is the Twilio Media Streams endpoint and ``calls_dir`` the folder of call records.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[1]
MODELS_DIR = REPO_ROOT / "var" / "models"
# Where `voicebot nlu train` keeps the intent classifier the bot runs with (settings.data_dir / "nlu").
TRAINED_NLU_DIR = REPO_ROOT / "var" / "nlu"


def _bound_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


def stop_process(process: subprocess.Popen | None, timeout_s: float = 15.0) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_http(url: str, process: subprocess.Popen, timeout_s: float, what: str, log: Path, ok) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}; log: {log}")
        try:
            if ok(httpx.get(url, timeout=1.0)):
                return
        except (httpx.TransportError, ValueError):
            pass
        time.sleep(0.1)
    stop_process(process)
    raise RuntimeError(f"{what} did not start in {timeout_s:.0f}s; log: {log}")


@dataclass
class Stack:
    http_url: str
    data_dir: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict, repr=False)
    backend_url: str | None = None
    # The key of the PESEL digests in the bot's call records (lets the runner check the PESEL).
    record_key: str | None = field(default=None, repr=False)
    # With several workers (``start_stack(workers=N)``): each worker's address, the first is http_url.
    worker_urls: list[str] = field(default_factory=list)

    @property
    def ws_urls(self) -> list[str]:
        """Each worker's Twilio Media Streams endpoint."""
        return [u.replace("http://", "ws://") + "/telephony/twilio" for u in (self.worker_urls or [self.http_url])]

    @property
    def bot_pids(self) -> list[int]:
        return [p.pid for name, p in self.processes.items() if name.startswith("bot")]
    backend_token: str | None = field(default=None, repr=False)
    maildir: Path | None = None  # what the local SMTP server received (visit confirmations)

    @property
    def ws_url(self) -> str:
        return self.http_url.replace("http://", "ws://") + "/telephony/twilio"

    @property
    def calls_dir(self) -> Path:
        return self.data_dir / "calls"

    def pid(self, name: str) -> int | None:
        process = self.processes.get(name)
        return process.pid if process else None

    def stop(self) -> None:
        for name in [n for n in self.processes if n.startswith("bot")] + ["sandbox", "redis", "smtp"]:
            stop_process(self.processes.get(name))

    def __enter__(self) -> "Stack":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_redis(workdir: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.05)
    stop_process(process)
    raise RuntimeError("redis-server did not answer PING")


def start_sandbox(workdir: Path, seed_path: Path, token: str) -> tuple[subprocess.Popen, str]:
    log = workdir / "sandbox.log"
    sock = _bound_socket()
    env = {**os.environ, "VOICEBOT_BACKEND_TOKEN": token,
           "VOICEBOT_SANDBOX_ADMIN_TOKEN": secrets.token_hex(16), "PYTHONUNBUFFERED": "1"}
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "integrations.sandbox", "--seed", str(seed_path),
             "--db", f"sqlite:///{workdir / 'sandbox.db'}", "--fd", str(sock.fileno()),
             "--rate-limit-per-caller", "100000", "--rate-limit-per-pesel", "100000"],
            cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, pass_fds=(sock.fileno(),))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()
    _wait_http(f"{url}/health", process, 60, "sandbox", log, lambda r: r.status_code == 200)
    return process, url


def start_smtp(workdir: Path) -> tuple[subprocess.Popen, int, Path]:
    """The local SMTP server (aiosmtpd) the bot mails visit confirmations to; it keeps them in a Maildir."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    maildir = workdir / "maildir"
    log = workdir / "smtp.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "integrations.mail.local_server", "--port", str(port), "--maildir", str(maildir)],
            cwd=REPO_ROOT, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as conn:
                if conn.recv(64).startswith(b"220"):
                    return process, port, maildir
        except OSError:
            pass
        if process.poll() is not None:
            break
        time.sleep(0.1)
    stop_process(process)
    raise RuntimeError(f"the local SMTP server did not start; log: {log}")


def default_bot_voice() -> str:
    """The bot's voice in an evaluation: RHVoice when installed — natural speech the evaluation's
    recogniser can check the answers in — else espeak-ng."""
    from tts.rhvoice_engine import rhvoice_available

    return "rhvoice" if rhvoice_available() else "espeak"


def _limit_open_files(limit: int):
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))
    return apply


def start_bot(workdir: Path, env: dict[str, str], *, models_dir: Path = MODELS_DIR,
              startup_timeout_s: float = 180.0, max_open_files: int | None = None, data_dir: Path | None = None,
              nlu_dir: Path | None = None) -> tuple[subprocess.Popen, str, Path]:
    """``max_open_files``: the process's file-handle limit (RLIMIT_NOFILE), as a small server has.
    ``data_dir``: a folder another worker shares (call records); default ``workdir/data``.
    ``nlu_dir``: a trained intent classifier to understand callers with, as the bot runs by default
    (the trained model with the keyword rules); without one the bot uses the keyword rules alone,
    which do not change when a model is retrained (what the tests need)."""
    workdir.mkdir(parents=True, exist_ok=True)
    data_dir = data_dir or workdir / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    if not (data_dir / "models").exists() and models_dir.exists():
        (data_dir / "models").symlink_to(models_dir.resolve(), target_is_directory=True)
    nlu = "keyword"
    if nlu_dir is not None and nlu_dir.is_dir():
        nlu = "auto"
        if not (data_dir / "nlu").exists():
            (data_dir / "nlu").symlink_to(nlu_dir.resolve(), target_is_directory=True)
    log = workdir / "bot.log"
    sock = _bound_socket()
    full_env = {**os.environ, "VOICEBOT_DATA_DIR": str(data_dir), "VOICEBOT_ASR_ENGINE": "whisper",
                "VOICEBOT_TTS_ENGINE": default_bot_voice(), "VOICEBOT_NLU_ENGINE": nlu,
                "PYTHONUNBUFFERED": "1", **env}
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "voicebot.cli", "serve", "--fd", str(sock.fileno())],
                                   cwd=REPO_ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT,
                                   pass_fds=(sock.fileno(),),
                                   preexec_fn=_limit_open_files(max_open_files) if max_open_files else None)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()
    _wait_http(f"{url}/healthz", process, startup_timeout_s, "voicebot", log,
               lambda r: r.json().get("status") == "ok")
    return process, url, data_dir


def start_stack(workdir: Path, seed_path: Path, *, bot_env: dict[str, str] | None = None,
                models_dir: Path = MODELS_DIR, workers: int = 1, nlu_dir: Path | None = None) -> Stack:
    """Redis, a sandbox on a fresh database loaded from ``seed_path``, and the bot wired to both.
    ``workers``: that many bot processes on the one Redis, sharing one data folder (call records)."""
    workdir = Path(workdir)
    for sub in ("redis", "sandbox", "bot", "smtp"):
        (workdir / sub).mkdir(parents=True, exist_ok=True)
    processes: dict[str, subprocess.Popen] = {}
    try:
        processes["redis"], redis_url = start_redis(workdir / "redis")
        token = secrets.token_hex(16)
        processes["sandbox"], backend_url = start_sandbox(workdir / "sandbox", seed_path, token)
        processes["smtp"], smtp_port, maildir = start_smtp(workdir / "smtp")
        record_key = secrets.token_hex(16)
        env = {"VOICEBOT_BACKEND_URL": backend_url, "VOICEBOT_BACKEND_TOKEN": token,
               "VOICEBOT_REDIS_URL": redis_url, "VOICEBOT_RECORD_KEY": record_key,
               "VOICEBOT_SMTP_HOST": "127.0.0.1", "VOICEBOT_SMTP_PORT": str(smtp_port),
               "VOICEBOT_SMTP_SECURITY": "none", **(bot_env or {})}
        processes["bot"], url, data_dir = start_bot(workdir / "bot", env, models_dir=models_dir, nlu_dir=nlu_dir)
        urls = [url]
        for n in range(2, workers + 1):
            processes[f"bot-{n}"], more, _ = start_bot(workdir / f"bot-{n}", env, models_dir=models_dir,
                                                       data_dir=data_dir, nlu_dir=nlu_dir)
            urls.append(more)
    except BaseException:
        for name in [n for n in processes if n.startswith("bot")] + ["sandbox", "redis", "smtp"]:
            stop_process(processes.get(name))
        raise
    return Stack(url, data_dir, processes, backend_url, env["VOICEBOT_RECORD_KEY"], worker_urls=urls,
                 backend_token=token, maildir=maildir)
