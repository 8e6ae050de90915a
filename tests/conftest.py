"""Shared fixtures live in tests/fixtures/, one module per real server the tests start.

Test tiers (markers registered in pyproject.toml): ``e2e`` (a real bot server with Redis and the
back-end sandbox, or the SIP stack), ``browser`` (Chromium through playwright), ``slow`` (a trained
or large speech model). The development loop leaves them out —
``.venv/bin/python -m pytest -m "not slow and not browser and not e2e"`` — and ``scripts/test.sh``
(CI) runs everything. Tests get their tier from the fixtures they use (``TIER_BY_FIXTURE``, here, so
a new test that starts a bot is tiered without anyone remembering to) or, for browser tests, from
their module's ``pytestmark``.
"""

from __future__ import annotations

import pytest

pytest_plugins = [
    "tests.fixtures.redis_server",
    "tests.fixtures.sandbox",
    "tests.fixtures.bot_server",
    "tests.fixtures.postgres_server",
    # Last: when the session ends, no secret may be anywhere the tests left something.
    "tests.secrecy.plugin",
]

TIER_BY_FIXTURE = {
    "bot_stack": "e2e",  # tests/fixtures/bot_server.py: `voicebot serve` + Redis + sandbox
    "guarded_bot": "e2e",
    "sip_stack": "e2e",  # tests/telephony/conftest.py: kamailio + baresip + the bot
    "two_workers": "e2e",  # tests/cluster/conftest.py: two bots on one Redis, nginx in front
    "booking_bot": "e2e",  # tests/voicebot/test_booking_e2e.py: the bot stack plus a local SMTP server
    "trained_nlu_dir": "slow",  # tests/dialogue/test_nlu.py: the NLU model (trained, or from nlu_cache)
    "scratch_nlu_dir": "slow",  # tests/dialogue/test_nlu.py: the scratch transformer, on a sample
    "whisper": "slow",  # tests/asr/conftest.py: Whisper base decoding real speech
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for tier in sorted({TIER_BY_FIXTURE[name] for name in item.fixturenames if name in TIER_BY_FIXTURE}):
            item.add_marker(tier)
