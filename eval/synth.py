"""Synthetic callers: a scenarios YAML of scripted caller lines becomes a suite folder with audio.

Each ``say`` line is spoken by a natural-sounding RHVoice Polish voice (``rhvoice:magda``,
``rhvoice:natan``; rate and pitch varied per case), by espeak-ng (``pl``, ``pl+m3``, … — robotic, kept
for comparison) or by a Piper voice when one is installed (``piper:NAME``), gets background noise at
a chosen SNR, and goes through the phone codec (8 kHz, G.711 µ-law round trip). ``keys`` and
``silence_s`` turns are copied as they are. Secrets are not written into the suite: ``{pesel_words}``
(digit by digit), ``{pesel_pairs}``, ``{pesel_triples}``, ``{pesel_mixed}`` are spoken from the seed
person but the case file keeps the placeholder.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import yaml

from asr.audio import phone_line
from eval.stack import MODELS_DIR
from eval.spoken_numbers import number_values
from eval.suite import fill, resolve_seed
from integrations.sandbox.seed import read_seed
from tts.pcm import from_wav, silence, to_wav

DEFAULT_VOICES = ("rhvoice:magda", "rhvoice:natan")
ESPEAK_VOICES = ("pl", "pl+m3", "pl+f2", "pl+m1", "pl+f4")
# RHVoice speaking rates (its absolute_rate): slow, the voice's own, brisk — about 2.7, 3.1 and 3.6
# digits a second for a PESEL read digit by digit.
RHVOICE_RATES = (-0.25, 0.0, 0.15)
TURN_KEYS = {"say", "keys", "silence_s", "wait", "barge_in_after_s", "only_in_state", "key_gap_s", "sensitive",
             "expect", "text", "if_not_my_pesel"}


def espeak(text: str, voice: str, speed: int, pitch: int) -> tuple[bytes, int]:
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "say.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-w", str(wav), text],
                       check=True, capture_output=True)
        return from_wav(wav.read_bytes())


def piper(text: str, name: str, models_dir: Path) -> tuple[bytes, int]:
    from tts.piper_engine import PiperSynthesizer
    from tts.voices import resolve_piper_voice

    synthesizer = PiperSynthesizer(resolve_piper_voice(name, models_dir))
    return synthesizer.synthesize(text), synthesizer.sample_rate


def rhvoice(text: str, voice: str, rate: float, pitch: float) -> tuple[bytes, int]:
    from tts.rhvoice_engine import RHVoiceSynthesizer

    synthesizer = RHVoiceSynthesizer(voice, rate=rate, pitch=pitch)
    return synthesizer.synthesize(text), synthesizer.sample_rate


def piper_available(name: str, models_dir: Path = MODELS_DIR) -> bool:
    try:
        from tts.voices import resolve_piper_voice

        resolve_piper_voice(name, models_dir)
        return True
    except Exception:
        return False


def add_noise(pcm16: bytes, snr_db: float | None, rng: random.Random) -> bytes:
    """Background noise (white, low-passed a little to sound like a room) at ``snr_db`` below the speech."""
    if snr_db is None:
        return pcm16
    x = np.frombuffer(pcm16, dtype="<i2").astype(np.float64)
    if not x.size:
        return pcm16
    speech_power = np.mean(x[np.abs(x) > 200] ** 2) if np.any(np.abs(x) > 200) else np.mean(x ** 2)
    noise = np.random.default_rng(rng.randrange(2**32)).standard_normal(x.size)
    noise = np.convolve(noise, np.ones(4) / 4, mode="same")
    noise *= np.sqrt(speech_power / (10 ** (snr_db / 10)) / max(np.mean(noise ** 2), 1e-12))
    return np.clip(x + noise, -32768, 32767).astype("<i2").tobytes()


def caller_audio(text: str, *, voice: str, speed: int | float, pitch: int | float, snr_db: float | None,
                 rng: random.Random, models_dir: Path = MODELS_DIR) -> bytes:
    """A WAV (8 kHz, after the µ-law round trip) of ``text`` as a caller on a phone says it.

    ``speed``/``pitch``: words a minute and 0–99 for espeak-ng; RHVoice's rate and pitch in [-1, 1]."""
    if voice.startswith("piper:"):
        pcm, rate = piper(text, voice.split(":", 1)[1], models_dir)
    elif voice.startswith("rhvoice:"):
        pcm, rate = rhvoice(text, voice.split(":", 1)[1], float(speed), float(pitch))
    else:
        pcm, rate = espeak(text, voice, speed, pitch)
    # A breath before and after: the bot's VAD needs to hear where speech starts and stops.
    pcm = silence(0.25, rate) + pcm + silence(0.4, rate)
    pcm = add_noise(pcm, snr_db, rng)
    narrow, narrow_rate = phone_line(pcm, rate)
    return to_wav(narrow, narrow_rate)


def _rng_for(case_id: str) -> random.Random:
    return random.Random(int(hashlib.sha256(case_id.encode()).hexdigest()[:12], 16))


def synth_suite(scenarios_path: Path, out: Path, *, only: tuple[str, ...] = (), models_dir: Path = MODELS_DIR,
                progress=None) -> Path:
    """Write the suite for ``scenarios_path`` into ``out`` (replacing generated case folders)."""
    scenarios_path = Path(scenarios_path)
    spec = yaml.safe_load(scenarios_path.read_text(encoding="utf-8")) or {}
    suite_spec = dict(spec.get("suite") or {})
    seed_path = resolve_seed(suite_spec.get("seed"), scenarios_path.parent)
    seed = read_seed(seed_path)
    voices = list(spec.get("voices") or DEFAULT_VOICES)
    voices += [v for v in spec.get("piper_voices") or () if piper_available(v, models_dir)]
    snr_default = spec.get("noise_snr_db", 30)
    out = Path(out)
    (out / "cases").mkdir(parents=True, exist_ok=True)
    suite_spec["seed"] = str(seed_path)
    (out / "suite.yaml").write_text(yaml.safe_dump(suite_spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    scenarios = [s for s in spec.get("scenarios") or () if not only or any(s["id"].startswith(o) for o in only)]
    for n, scenario in enumerate(scenarios):
        case_id = scenario["id"]
        rng = _rng_for(case_id)
        voice = scenario.get("voice") or voices[n % len(voices)]
        if voice.startswith("rhvoice:"):
            speed = float(scenario.get("speed", RHVOICE_RATES[(n // len(voices)) % len(RHVOICE_RATES)]))
            pitch = float(scenario.get("pitch", round(rng.uniform(-0.2, 0.2), 2)))
        else:
            speed = int(scenario.get("speed") or rng.randint(120, 150))
            pitch = int(scenario.get("pitch") or rng.randint(40, 60))
        snr = scenario.get("noise_snr_db", snr_default)
        values: dict[str, str] = {}
        if scenario.get("person"):
            values = number_values("pesel", seed.person(scenario["person"]).pesel, rng)
        case_dir = out / "cases" / case_id
        if case_dir.exists():
            shutil.rmtree(case_dir)
        case_dir.mkdir(parents=True)
        turns = []
        for i, raw in enumerate(scenario.get("turns") or ()):
            unknown = set(raw) - TURN_KEYS
            if unknown:
                raise ValueError(f"{case_id}.turns[{i}]: unknown key(s) {sorted(unknown)}")
            turn = {k: v for k, v in raw.items() if k not in ("say", "if_not_my_pesel")}

            def spoken(line: str, name: str) -> dict:
                (case_dir / name).write_bytes(caller_audio(fill(line, values), voice=voice, speed=speed, pitch=pitch,
                                                           snr_db=snr, rng=rng, models_dir=models_dir))
                return {"audio": name, "text": line}

            if "say" in raw:
                line = str(raw["say"])
                turn = {**spoken(line, f"t{i:02d}.wav"), **turn}
                if "{pesel" in line:
                    turn["sensitive"] = True
                if raw.get("if_not_my_pesel"):
                    turn["if_not_my_pesel"] = spoken(str(raw["if_not_my_pesel"]), f"t{i:02d}-not-mine.wav")
            elif raw.get("if_not_my_pesel"):
                raise ValueError(f"{case_id}.turns[{i}]: if_not_my_pesel is said instead of a say line; give say")
            turns.append(turn)
        case = {"description": scenario.get("description", ""), "person": scenario.get("person"),
                "voice": {"name": voice, "speed": speed, "pitch": pitch, "noise_snr_db": snr},
                "tags": scenario.get("tags") or [], "turns": turns, "expect": scenario.get("expect") or {}}
        case = {k: v for k, v in case.items() if v not in (None, [], {})}
        (case_dir / "case.yaml").write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
        if progress:
            progress(case_id)
    return out
