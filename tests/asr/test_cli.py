"""``voicebot asr transcribe`` and ``voicebot models``: output and one-line errors (exit code 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile

from asr.audio import pcm16_to_float, read_audio_file, resample_pcm16
from voicebot.cli import main
from voicebot.settings import get_settings


@pytest.fixture
def settings_env(monkeypatch, data_dir):
    monkeypatch.setenv("VOICEBOT_DATA_DIR", str(data_dir))
    monkeypatch.setenv("VOICEBOT_ASR_ENGINE", "auto")
    get_settings.cache_clear()
    yield data_dir
    get_settings.cache_clear()


def write_wav(path, pcm: bytes, rate: int):
    soundfile.write(str(path), pcm16_to_float(pcm), rate, subtype="PCM_16")
    return path


def run_cli(*args: str, data_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "VOICEBOT_DATA_DIR": str(data_dir)}
    return subprocess.run(
        # The installed entry point, as a user runs it (``python -m voicebot.cli`` would load the
        # module twice, as __main__ and as voicebot.cli, with two different CliError classes).
        [str(Path(sys.executable).parent / "voicebot"), *args],
        capture_output=True, text=True, env=env, timeout=120,
    )


@pytest.mark.parametrize("rate", [8000, 48000], ids=["8kHz", "48kHz"])
def test_transcribe_any_sample_rate(rate, settings_env, cv_clips, tmp_path, capsys):
    clip = cv_clips[2]  # "Owego ranka było coś tajemniczego w powietrzu."
    pcm, source_rate = read_audio_file(clip.path)
    wav = write_wav(tmp_path / f"clip-{rate}.wav", resample_pcm16(pcm, source_rate, rate), rate)
    assert main(["asr", "transcribe", str(wav), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"text", "alternatives", "engine", "asr_ms", "duration_s"}
    assert out["engine"] == "whisper"  # auto, and no Polish Vosk model here
    assert "powietrzu" in out["text"].lower()
    assert out["duration_s"] == pytest.approx(len(pcm) / 2 / source_rate, abs=0.01)
    assert out["asr_ms"] > 0


def test_transcribe_plain_text_with_digits_vocabulary(settings_env, polish_digits, tmp_path, capsys):
    wav = write_wav(tmp_path / "digits.wav", *polish_digits)
    assert main(["asr", "transcribe", str(wav), "--vocabulary", "digits", "--phone"]) == 0
    text = capsys.readouterr().out.strip()
    assert text and "\n" not in text


def test_missing_model_is_one_line_and_exit_code_2(data_dir, cv_clips):
    result = run_cli("asr", "transcribe", str(cv_clips[0].path), "--engine", "vosk", data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: model vosk-small-pl is not installed in {data_dir / 'models' / 'vosk-small-pl'}: "
        "run `voicebot models pull vosk-small-pl`"
    ]
    assert "Traceback" not in result.stderr


def test_checksum_mismatch_is_one_line_and_exit_code_2(tmp_path):
    from models.whisper_base import ensure_whisper_base

    path = ensure_whisper_base(tmp_path / "models")
    with open(path / "config.json", "a") as handle:
        handle.write(" ")
    result = run_cli("models", "verify", "whisper-base", data_dir=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "fails its checksum" in lines[0] and "whisper-base" in lines[0]


def test_bad_arguments_are_one_line(data_dir, tmp_path):
    result = run_cli("asr", "transcribe", str(tmp_path / "absent.wav"), data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: no such audio file: {tmp_path / 'absent.wav'}"
    result = run_cli("models", "pull", "no-such-model", data_dir=data_dir)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_models_list_and_verify(settings_env, capsys):
    assert main(["models", "list"]) == 0
    listing = capsys.readouterr().out
    for name in ("vosk-small-pl", "whisper-base", "piper-pl-gosia-medium", "vosk-ko-test"):
        assert name in listing
    assert main(["models", "verify"]) == 0
    verified = capsys.readouterr().out
    assert "whisper-base: ok" in verified and "vosk-ko-test: ok" in verified


def test_asr_bench_compares_installed_recognisers_on_a_folder(tmp_path, data_dir, cv_clips):
    for n, clip in enumerate(cv_clips[:3]):
        pcm, rate = read_audio_file(clip.path)
        write_wav(tmp_path / f"u{n}.wav", pcm, rate)
        (tmp_path / f"u{n}.txt").write_text(clip.reference, encoding="utf-8")
    (tmp_path / "no-transcript.wav").write_bytes((tmp_path / "u0.wav").read_bytes())  # skipped
    done = run_cli("asr", "bench", str(tmp_path), "--phone", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["model"] for r in rows] == ["whisper-base"]  # the one installed here
    assert rows[0]["utterances"] == 3 and 0 <= rows[0]["wer"] < 0.8 and rows[0]["ms_per_utterance_p50"] > 0


def test_asr_bench_says_what_is_missing(tmp_path, data_dir):
    done = run_cli("asr", "bench", str(tmp_path), data_dir=data_dir)
    assert done.returncode == 2 and "no audio file with a transcript" in done.stderr
