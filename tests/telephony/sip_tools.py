"""Real SIP software for the tests: kamailio (the PBX's proxy, dispatcher module) and baresip (caller
and agent phones, scripted over its ``ctrl_tcp`` JSON/netstring interface, audio from WAV files by
``aufile``, what it hears dumped to WAV by ``sndfile``). Loopback only; every port is picked free.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import time
import wave
from pathlib import Path

import numpy as np

KAMAILIO_CFG = Path(__file__).with_name("kamailio.cfg")
BARESIP_MODULES = "/usr/lib/baresip/modules"


def have_sip_software() -> bool:
    return bool(shutil.which("baresip") and shutil.which("kamailio"))


def free_port(*, also_next: bool = False) -> int:
    """A port free for UDP and TCP on 127.0.0.1 (and the next one too: baresip takes port+1 for TLS)."""
    for _ in range(200):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
        if port > 65000:
            continue
        ports = (port, port + 1) if also_next else (port,)
        try:
            for p in ports:
                for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM):
                    with socket.socket(socket.AF_INET, kind) as s:
                        s.bind(("127.0.0.1", p))
        except OSError:
            continue
        return port
    raise RuntimeError("no free port")


def stop(process: subprocess.Popen | None, timeout: float = 10) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


def silence_wav(path: Path, seconds: float, rate: int = 8000) -> Path:
    write_wav(path, np.zeros(int(seconds * rate), dtype=np.int16).tobytes(), rate)
    return path


def write_wav(path: Path, pcm: bytes, rate: int) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)
    return path


def speech_wav(path: Path, pcm: bytes, rate: int, *, tail_s: float = 60.0) -> Path:
    """A clip for ``aufile``: 8 kHz speech followed by a long silence (aufile stops at the end)."""
    import soxr

    audio = np.frombuffer(pcm, dtype=np.int16).astype(np.float32)
    if rate != 8000:
        audio = soxr.resample(audio, rate, 8000)
    audio = np.concatenate([audio, np.zeros(int(tail_s * 8000), dtype=np.float32)])
    return write_wav(path, np.clip(audio, -32768, 32767).astype(np.int16).tobytes(), 8000)


class Kamailio:
    """kamailio in the foreground with the tests' configuration; bots in dispatcher set 1, agents in 2."""

    def __init__(self, workdir: Path, bots: list[str], agents: list[str]) -> None:
        self.workdir = workdir
        self.port = free_port()
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "dispatcher.list").write_text(
            "".join(f"1 {uri}\n" for uri in bots) + "".join(f"2 {uri}\n" for uri in agents))
        config = KAMAILIO_CFG.read_text().replace("@PORT@", str(self.port)).replace("@DIR@", str(workdir))
        (workdir / "kamailio.cfg").write_text(config)
        self.log_path = workdir / "kamailio.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> "Kamailio":
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                ["kamailio", "-f", str(self.workdir / "kamailio.cfg"), "-DD", "-E", "-Y", str(self.workdir),
                 "-w", str(self.workdir), "-m", "32", "-M", "8"], stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while "Listening on" not in self.log_text() or not self._answers_options():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"kamailio did not start:\n{self.log_text()[-2000:]}")
            time.sleep(0.2)
        return self

    def _answers_options(self) -> bool:
        # Any SIP answer (kamailio sends 405 to an OPTIONS to itself) means its workers are up.
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.settimeout(0.5)
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
            s.sendto((f"OPTIONS sip:127.0.0.1:{self.port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bKp{time.monotonic_ns()}\r\n"
                      f"From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: probe{time.monotonic_ns()}\r\n"
                      "CSeq: 1 OPTIONS\r\nMax-Forwards: 5\r\nContent-Length: 0\r\n\r\n").encode(), ("127.0.0.1", self.port))
            try:
                return s.recv(4096).startswith(b"SIP/2.0")
            except OSError:
                return False

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        stop(self.process)


class Baresip:
    """One baresip phone. ``answer="auto"`` answers incoming calls; ``"manual"`` waits for ``accept()``."""

    def __init__(self, workdir: Path, user: str, *, answer: str = "manual", codecs: str = "PCMA,PCMU") -> None:
        self.workdir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        self.sip_port = free_port(also_next=True)
        self.ctrl_port = free_port()
        self.user = user
        self.source = silence_wav(workdir / "silence.wav", 600)
        (workdir / "config").write_text("\n".join([
            "poll_method epoll",
            f"sip_listen 127.0.0.1:{self.sip_port}",
            f"module_path {BARESIP_MODULES}",
            "module g711.so", "module aufile.so", "module alsa.so", "module sndfile.so",
            "module_app account.so", "module_app menu.so", "module_app ctrl_tcp.so",
            f"ctrl_tcp_listen 127.0.0.1:{self.ctrl_port}",
            # No sound card: ALSA's null device plays; sndfile keeps what was heard.
            "audio_player alsa,null", "audio_alert alsa,null",
            f"audio_source aufile,{self.source}",
            f"snd_path {workdir}",
            "", ]))
        (workdir / "accounts").write_text(
            f"<sip:{user}@127.0.0.1>;regint=0;answermode={answer};audio_codecs={codecs}\n")
        self.log_path = workdir / "baresip.log"
        self.process: subprocess.Popen | None = None
        self._sock: socket.socket | None = None
        self._buffer = b""
        self.events: list[dict] = []

    @property
    def uri(self) -> str:
        return f"sip:{self.user}@127.0.0.1:{self.sip_port}"

    def start(self) -> "Baresip":
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(["baresip", "-f", str(self.workdir)], stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                self._sock = socket.create_connection(("127.0.0.1", self.ctrl_port), timeout=1)
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"baresip did not start:\n{self.log_text()[-2000:]}")
                time.sleep(0.2)
        self._sock.settimeout(0.2)
        return self

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def command(self, name: str, params: str = "") -> None:
        data = json.dumps({"command": name, "params": params, "token": name}).encode()
        self._sock.sendall(str(len(data)).encode() + b":" + data + b",")

    def poll(self) -> list[dict]:
        """Read what baresip reported (events and command responses) since the last call."""
        try:
            while True:
                chunk = self._sock.recv(65536)
                if not chunk:
                    break
                self._buffer += chunk
        except (socket.timeout, BlockingIOError):
            pass
        new = []
        while b":" in self._buffer:
            length, _, rest = self._buffer.partition(b":")
            if not length.isdigit() or len(rest) < int(length) + 1:
                break
            body, self._buffer = rest[:int(length)], rest[int(length) + 1:]
            try:
                new.append(json.loads(body))
            except json.JSONDecodeError:
                continue
        self.events += new
        return new

    def wait_event(self, kind: str, timeout: float, *, after: int = 0) -> dict | None:
        """The first event of ``kind`` (e.g. CALL_ESTABLISHED) at index ``after`` or later."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.poll()
            for event in self.events[after:]:
                if event.get("type") == kind:
                    return event
            time.sleep(0.1)
        return None

    def dial(self, uri: str) -> None:
        self.command("dial", uri)

    def press(self, keys: str) -> None:
        """Keys as RFC 4733 telephone-events, one after another."""
        self.command("sndcode", keys)

    def play(self, wav: Path) -> None:
        """Switch the microphone to ``wav`` (it plays from its start)."""
        self.command("ausrc", f"aufile,{wav}")

    def accept(self) -> None:
        self.command("accept")

    def hangup(self) -> None:
        self.command("hangup")

    def heard(self) -> tuple[np.ndarray, int]:
        """Everything this phone decoded from its calls, as one signal (int16 samples, rate)."""
        parts, rate = [], 8000
        for path in sorted(self.workdir.glob("dump-*-dec.wav")):
            # Read past the header: while a call is up, sndfile has not yet written the sizes into it.
            data = path.read_bytes()
            fmt, start = data.find(b"fmt "), data.find(b"data")
            if fmt < 0 or start < 0:
                continue
            rate = int.from_bytes(data[fmt + 12:fmt + 16], "little")
            body = data[start + 8:]
            parts.append(np.frombuffer(body[: len(body) // 2 * 2], dtype=np.int16))
        return (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int16)), rate

    def stop(self) -> None:
        if self._sock is not None:
            try:
                self.command("quit")
            except OSError:
                pass
            self._sock.close()
            self._sock = None
        if self.process is not None:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                stop(self.process)


def speech_seconds(samples: np.ndarray, rate: int, *, threshold: float = 500.0) -> float:
    """How long ``samples`` carry sound louder than ``threshold`` RMS, in 20 ms windows."""
    window = rate // 50
    count = len(samples) // window
    if count == 0:
        return 0.0
    frames = samples[: count * window].astype(np.float32).reshape(count, window)
    rms = np.sqrt((frames ** 2).mean(axis=1))
    return float((rms > threshold).sum() * 0.02)

