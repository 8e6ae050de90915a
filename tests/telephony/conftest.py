"""``sip_stack``: the bot (``voicebot serve`` with its SIP endpoint) behind kamailio, an agent's baresip
behind the same kamailio, a sandbox and Redis — the on-prem telephony of docs/telephony.md on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.fixtures.bot_server import BotServer, bot_with_back_ends
from tests.telephony.sip_tools import Baresip, Kamailio, free_port, have_sip_software


@dataclass
class SipStack:
    bot: BotServer
    bot_sip_port: int
    kamailio: Kamailio
    agent: Baresip

    @property
    def hotline(self) -> str:
        return f"sip:hotline@127.0.0.1:{self.kamailio.port}"


@pytest.fixture(scope="module")
def sip_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SipStack]:
    if not have_sip_software():
        pytest.skip("baresip and kamailio are not installed (scripts/test.sh installs them)")
    root = tmp_path_factory.mktemp("sip_stack")
    kamailio = agent = None
    try:
        agent = Baresip(root / "agent", "agent", answer="manual").start()
        bot_sip_port = free_port()
        # The bot's transfer target is the PBX's queue address (kamailio fills in an agent).
        kamailio = Kamailio(root / "kamailio", bots=[f"sip:127.0.0.1:{bot_sip_port}"],
                            agents=[f"sip:127.0.0.1:{agent.sip_port}"]).start()
        with bot_with_back_ends(root, env={
            "VOICEBOT_SIP_ENABLED": "1",
            "VOICEBOT_SIP_PORT": str(bot_sip_port),
            "VOICEBOT_SIP_TRANSFER_URI": f"sip:queue-{{queue}}@127.0.0.1:{kamailio.port}",
            "VOICEBOT_SIP_TRANSFER_TIMEOUT_S": "30",
            # espeak-ng answers in milliseconds; the baresip caller's driver reads the record to know
            # when the bot has started a prompt, and a slower first synthesis (RHVoice, uncached, on
            # a loaded machine) made it talk over the bot.
            "VOICEBOT_TTS_ENGINE": "espeak",
        }) as bot:
            yield SipStack(bot, bot_sip_port, kamailio, agent)
    finally:
        for part in (kamailio, agent):
            if part is not None:
                part.stop()
