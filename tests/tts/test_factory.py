"""Engine choice: auto picks a Polish Piper voice when one is installed, else espeak-ng Polish."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tts.engine import VoiceNotFoundError
from tts.espeak_engine import EspeakSynthesizer
from tts.factory import create_synthesizer, create_tts_service, shared_synthesizer
from tts.piper_engine import PiperSynthesizer
from tts.synthesizer_service import SynthesizerTTSService


def install_voice(joe_onnx: Path, target: Path, language_code: str) -> Path:
    """A real Piper voice (joe's weights) installed under ``target`` and labelled ``language_code``.

    No Polish Piper voice is reachable here; relabelling joe exercises the lookup with real files.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(joe_onnx, target)
    config = json.loads(Path(f"{joe_onnx}.json").read_text(encoding="utf-8"))
    config["language"]["code"] = language_code
    Path(f"{target}.json").write_text(json.dumps(config), encoding="utf-8")
    return target


def test_auto_without_polish_piper_voice_is_espeak_polish(tmp_path, joe_onnx):
    install_voice(joe_onnx, tmp_path / "piper" / "en_US-joe-medium.onnx", "en_US")  # not Polish
    synthesizer = create_synthesizer("auto", None, tmp_path)
    assert isinstance(synthesizer, EspeakSynthesizer)
    assert synthesizer.voice == "pl"


def test_auto_prefers_an_installed_polish_piper_voice(tmp_path, joe_onnx):
    voice = install_voice(joe_onnx, tmp_path / "piper" / "pl_PL-test-medium.onnx", "pl_PL")
    synthesizer = create_synthesizer("auto", None, tmp_path)
    assert isinstance(synthesizer, PiperSynthesizer)
    assert synthesizer.voice_onnx == voice


def test_piper_voice_by_path_by_name_and_by_package(tmp_path, joe_onnx):
    install_voice(joe_onnx, tmp_path / "piper" / "my-voice.onnx", "pl_PL")
    assert create_synthesizer("piper", joe_onnx, tmp_path).voice_onnx == joe_onnx
    assert create_synthesizer("piper", "my-voice", tmp_path).voice_onnx.name == "my-voice.onnx"
    assert create_synthesizer("piper", "joe", tmp_path).voice_onnx == joe_onnx
    # A registry name (the registry knows the joe test voice too).
    assert create_synthesizer("piper", "piper-joe-test", tmp_path).voice_onnx == joe_onnx


def test_auto_finds_the_registry_polish_voice(tmp_path, joe_onnx):
    # Where `voicebot models pull piper-pl-gosia-medium` puts it; the registry verifies it.
    voice = install_voice(joe_onnx, tmp_path / "piper-pl-gosia-medium" / "pl_PL-gosia-medium.onnx",
                          "pl_PL")
    synthesizer = create_synthesizer("auto", None, tmp_path)
    assert isinstance(synthesizer, PiperSynthesizer) and synthesizer.voice_onnx == voice
    assert create_synthesizer("piper", "piper-pl-gosia-medium", tmp_path).voice_onnx == voice


def test_a_tampered_registry_voice_is_refused_by_name_and_skipped_by_auto(tmp_path, joe_onnx):
    voice = install_voice(joe_onnx, tmp_path / "piper-pl-gosia-medium" / "pl_PL-gosia-medium.onnx",
                          "pl_PL")
    create_synthesizer("piper", "piper-pl-gosia-medium", tmp_path)  # first use pins its checksum
    with open(voice, "ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(VoiceNotFoundError, match="checksum"):
        create_synthesizer("piper", "piper-pl-gosia-medium", tmp_path)
    assert isinstance(create_synthesizer("auto", None, tmp_path), EspeakSynthesizer)


def test_missing_piper_voice_and_unknown_engine_are_errors(tmp_path):
    with pytest.raises(VoiceNotFoundError):
        create_synthesizer("piper", None, tmp_path)
    with pytest.raises(VoiceNotFoundError):
        create_synthesizer("piper", "piper-pl-gosia-medium", tmp_path)
    assert isinstance(create_synthesizer("auto", None, tmp_path), EspeakSynthesizer)
    with pytest.raises(ValueError):
        create_synthesizer("festival", None, tmp_path)  # type: ignore[arg-type]


def test_services_share_one_synthesizer_and_prompt_cache(tmp_path):
    first = create_tts_service("espeak", "pl", tmp_path, cached_prompts=["Dziękuję."])
    second = create_tts_service("espeak", "pl", tmp_path, cached_prompts=["Dziękuję."])
    assert isinstance(first, SynthesizerTTSService)
    assert first is not second
    assert first.synthesizer is second.synthesizer is shared_synthesizer("espeak", "pl", tmp_path)
    assert first.prompt_cache is second.prompt_cache
